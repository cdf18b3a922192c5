import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AssignCadreBody,
  CadreCandidateList,
  CadreVisitList,
  CoverageQuery,
  CoverageReport,
  MeetingCadreList,
  RecordCadreBody,
} from '../../../contracts/cadres';
import { MeetingIdParam } from '../../../contracts/meetings';
import { IdParam } from '../../../contracts/units';
import { ctxOf } from '../../lib/context';
import type { CadresService } from './cadres.service';
import type { CoverageService } from './coverage.service';

const Ok = z.object({ id: z.number() });

export function cadresRoutes(svc: CadresService, coverage: CoverageService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['cadres'];
    r.get(
      '/api/meetings/:id/cadres',
      {
        config: { policy: 'meeting.read' },
        schema: { tags, params: MeetingIdParam, response: { 200: MeetingCadreList } },
      },
      (req) => svc.list(ctxOf(req), req.params.id),
    );
    r.get(
      '/api/meetings/:id/cadre-candidates',
      {
        config: { policy: 'meeting.cadre' },
        schema: { tags, params: MeetingIdParam, response: { 200: CadreCandidateList } },
      },
      (req) => svc.candidates(ctxOf(req), req.params.id),
    );
    r.post(
      '/api/meetings/:id/cadres',
      {
        config: { policy: 'meeting.cadre' },
        schema: { tags, params: MeetingIdParam, body: AssignCadreBody, response: { 201: Ok } },
      },
      async (req, reply) =>
        reply.status(201).send(await svc.assign(ctxOf(req), req.params.id, req.body ?? {})),
    );
    // The branch head may record who came from above, so the route admits meeting writers; the service decides.
    r.patch(
      '/api/meeting-cadres/:id',
      {
        config: { policy: 'meeting.write' },
        schema: { tags, params: IdParam, body: RecordCadreBody, response: { 200: Ok } },
      },
      (req) => svc.record(ctxOf(req), req.params.id, req.body),
    );
    r.delete(
      '/api/meeting-cadres/:id',
      {
        config: { policy: 'meeting.cadre' },
        schema: { tags, params: IdParam, response: { 200: Ok } },
      },
      (req) => svc.remove(ctxOf(req), req.params.id),
    );
    r.get(
      '/api/me/cadre-visits',
      { config: { policy: 'signed-in' }, schema: { tags, response: { 200: CadreVisitList } } },
      (req) => svc.myVisits(ctxOf(req)),
    );
    r.get(
      '/api/cadre-coverage',
      {
        config: { policy: 'compliance.read' },
        schema: { tags, querystring: CoverageQuery, response: { 200: CoverageReport } },
      },
      (req) => coverage.report(ctxOf(req), req.query),
    );
  };
}
