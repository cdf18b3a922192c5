import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  BatchBody,
  BatchResult,
  ClassificationList,
  ConfirmBody,
  ConfirmParams,
  ConfirmResult,
  ListQuery,
  OrganizationParam,
  ProposeBody,
  ProposeResult,
  Scheme,
  SchemeBody,
} from '../../../contracts/classification';
import { ctxOf } from '../../lib/context';
import type { ClassificationService } from './classification.service';

/** Yearly classification of branches: schemes, proposals, the list with its distribution, confirmations. */
export function classificationRoutes(svc: ClassificationService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['classification'];
    const manage = { policy: 'oversight.manage' as const };
    r.get(
      '/api/classification/schemes/:organization',
      {
        config: { policy: 'compliance.read' },
        schema: { tags, params: OrganizationParam, response: { 200: Scheme } },
      },
      (req) => svc.scheme(ctxOf(req), req.params.organization),
    );
    r.put(
      '/api/classification/schemes/:organization',
      {
        config: { policy: 'classification.configure' },
        schema: { tags, params: OrganizationParam, body: SchemeBody, response: { 200: Scheme } },
      },
      (req) => svc.saveScheme(ctxOf(req), req.params.organization, req.body),
    );
    r.post(
      '/api/classification/proposals',
      { config: manage, schema: { tags, body: ProposeBody, response: { 200: ProposeResult } } },
      (req) => svc.propose(ctxOf(req), req.body),
    );
    r.get(
      '/api/classification',
      {
        config: { policy: 'compliance.read' },
        schema: { tags, querystring: ListQuery, response: { 200: ClassificationList } },
      },
      (req) => svc.list(ctxOf(req), req.query),
    );
    r.post(
      '/api/classification/:unitId/:year/confirm',
      {
        config: manage,
        schema: { tags, params: ConfirmParams, body: ConfirmBody, response: { 200: ConfirmResult } },
      },
      (req) => svc.confirm(ctxOf(req), req.params.unitId, req.params.year, req.body),
    );
    r.post(
      '/api/classification/confirm-batch',
      { config: manage, schema: { tags, body: BatchBody, response: { 200: BatchResult } } },
      (req) => svc.confirmBatch(ctxOf(req), req.body),
    );
  };
}
