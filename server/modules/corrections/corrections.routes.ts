import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  Correction,
  CorrectionsCount,
  CorrectionsList,
  CorrectionsQuery,
  MyProfile,
  PersonCorrections,
  ProposeBody,
  RejectBody,
} from '../../../contracts/corrections';
import { IdParam } from '../../../contracts/units';
import { ctxOf } from '../../lib/context';
import type { CorrectionsService } from './corrections.service';

export function correctionsRoutes(svc: CorrectionsService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['corrections'];
    // A member's own profile and proposals.
    r.get(
      '/api/me/profile',
      { config: { policy: 'person.self' }, schema: { tags, response: { 200: MyProfile } } },
      (req) => svc.myProfile(ctxOf(req)),
    );
    r.post(
      '/api/me/corrections',
      {
        config: { policy: 'person.self' },
        schema: { tags, body: ProposeBody, response: { 201: Correction } },
      },
      async (req, reply) => reply.code(201).send(await svc.propose(ctxOf(req), req.body)),
    );
    r.post(
      '/api/me/corrections/:id/withdraw',
      {
        config: { policy: 'person.self' },
        schema: { tags, params: IdParam, response: { 200: Correction } },
      },
      (req) => svc.withdraw(ctxOf(req), req.params.id),
    );
    // The branch head's decisions.
    r.get(
      '/api/corrections',
      {
        config: { policy: 'member.write' },
        schema: { tags, querystring: CorrectionsQuery, response: { 200: CorrectionsList } },
      },
      (req) => svc.list(ctxOf(req), req.query),
    );
    r.get(
      '/api/corrections/count',
      { config: { policy: 'member.write' }, schema: { tags, response: { 200: CorrectionsCount } } },
      (req) => svc.count(ctxOf(req)),
    );
    r.post(
      '/api/corrections/:id/approve',
      {
        config: { policy: 'member.write' },
        schema: { tags, params: IdParam, response: { 200: Correction } },
      },
      (req) => svc.approve(ctxOf(req), req.params.id),
    );
    r.post(
      '/api/corrections/:id/reject',
      {
        config: { policy: 'member.write' },
        schema: { tags, params: IdParam, body: RejectBody, response: { 200: Correction } },
      },
      (req) => svc.reject(ctxOf(req), req.params.id, req.body),
    );
    r.get(
      '/api/people/:id/corrections',
      {
        config: { policy: 'person.read' },
        schema: { tags, params: IdParam, response: { 200: PersonCorrections } },
      },
      (req) => svc.forPerson(ctxOf(req), req.params.id),
    );
  };
}
