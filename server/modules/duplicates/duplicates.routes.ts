import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  DismissBody,
  DismissResult,
  DuplicatesQuery,
  DuplicatesResponse,
  MergeBody,
  MergeResult,
} from '../../../contracts/duplicates';
import { ctxOf } from '../../lib/context';
import type { DuplicatesService } from './duplicates.service';

export function duplicatesRoutes(svc: DuplicatesService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['duplicates'];
    r.get(
      '/api/duplicates',
      {
        config: { policy: 'member.merge' },
        schema: { tags, querystring: DuplicatesQuery, response: { 200: DuplicatesResponse } },
      },
      (req) => svc.list(ctxOf(req), req.query),
    );
    r.post(
      '/api/duplicates/merge',
      {
        config: { policy: 'member.merge' },
        schema: { tags, body: MergeBody, response: { 200: MergeResult } },
      },
      (req) => svc.merge(ctxOf(req), req.body),
    );
    r.post(
      '/api/duplicates/dismiss',
      {
        config: { policy: 'member.merge' },
        schema: { tags, body: DismissBody, response: { 200: DismissResult } },
      },
      (req) => svc.dismiss(ctxOf(req), req.body),
    );
  };
}
