import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  PeopleListQuery,
  PeopleListResponse,
  PersonDetailQuery,
  PersonIdParam,
  PersonProfile,
  StatsCounts,
  StatsCountsQuery,
} from '../../../contracts/people';
import { ctxOf } from '../../lib/context';
import type { PeopleService } from './people.service';

export function peopleRoutes(svc: PeopleService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['people'];
    r.get(
      '/api/people',
      {
        config: { policy: 'person.read' },
        schema: { tags, querystring: PeopleListQuery, response: { 200: PeopleListResponse } },
      },
      (req) => svc.list(ctxOf(req), req.query),
    );
    r.get(
      '/api/people/:id',
      {
        config: { policy: 'person.read' },
        schema: {
          tags,
          params: PersonIdParam,
          querystring: PersonDetailQuery,
          response: { 200: PersonProfile },
        },
      },
      (req) => svc.get(ctxOf(req), req.params.id, req.query.reveal),
    );
    r.get(
      '/api/stats/counts',
      {
        config: { policy: 'stats.read' },
        schema: { tags: ['stats'], querystring: StatsCountsQuery, response: { 200: StatsCounts } },
      },
      (req) => svc.counts(ctxOf(req), req.query),
    );
  };
}
