import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AcceptBody,
  AdmitBody,
  AdmitResult,
  AgeOutBody,
  AgeOutList,
  AgeOutQuery,
  AgeOutResult,
  DeathBody,
  Done,
  EndMembershipBody,
  EndStayBody,
  IssueTransferBody,
  PersonLifecycle,
  RecallBody,
  RefuseBody,
  TransferList,
  TransferTargets,
  TransferTargetsQuery,
  UnitTransfersQuery,
} from '../../../contracts/lifecycle';
import { IdParam } from '../../../contracts/units';
import { ctxOf } from '../../lib/context';
import type { LifecycleService } from './lifecycle.service';

/** The member life cycle: admit, transfer and stay (both sides), leave / removal / death, age-out, history. */
export function lifecycleRoutes(svc: LifecycleService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['lifecycle'];
    const write = { policy: 'member.write' as const };
    r.post(
      '/api/units/:id/admissions',
      { config: write, schema: { tags, params: IdParam, body: AdmitBody, response: { 201: AdmitResult } } },
      async (req, reply) => reply.status(201).send(await svc.admit(ctxOf(req), req.params.id, req.body)),
    );
    r.get(
      '/api/units/:id/transfer-targets',
      {
        config: write,
        schema: {
          tags,
          params: IdParam,
          querystring: TransferTargetsQuery,
          response: { 200: TransferTargets },
        },
      },
      (req) => svc.targets(ctxOf(req), req.params.id, req.query),
    );
    r.get(
      '/api/units/:id/transfers',
      {
        config: { policy: 'person.read' },
        schema: { tags, params: IdParam, querystring: UnitTransfersQuery, response: { 200: TransferList } },
      },
      (req) => svc.list(ctxOf(req), req.params.id, req.query),
    );
    r.post(
      '/api/memberships/:id/transfers',
      { config: write, schema: { tags, params: IdParam, body: IssueTransferBody, response: { 201: Done } } },
      async (req, reply) => reply.status(201).send(await svc.issue(ctxOf(req), req.params.id, req.body)),
    );
    r.post(
      '/api/transfers/:id/accept',
      { config: write, schema: { tags, params: IdParam, body: AcceptBody, response: { 200: Done } } },
      (req) => svc.accept(ctxOf(req), req.params.id, req.body),
    );
    r.post(
      '/api/transfers/:id/refuse',
      { config: write, schema: { tags, params: IdParam, body: RefuseBody, response: { 200: Done } } },
      (req) => svc.refuse(ctxOf(req), req.params.id, req.body),
    );
    r.post(
      '/api/transfers/:id/recall',
      { config: write, schema: { tags, params: IdParam, body: RecallBody, response: { 200: Done } } },
      (req) => svc.recall(ctxOf(req), req.params.id, req.body),
    );
    r.post(
      '/api/transfers/:id/end',
      { config: write, schema: { tags, params: IdParam, body: EndStayBody, response: { 200: Done } } },
      (req) => svc.endStay(ctxOf(req), req.params.id, req.body),
    );
    r.post(
      '/api/memberships/:id/end',
      { config: write, schema: { tags, params: IdParam, body: EndMembershipBody, response: { 200: Done } } },
      (req) => svc.end(ctxOf(req), req.params.id, req.body),
    );
    r.post(
      '/api/people/:id/death',
      { config: write, schema: { tags, params: IdParam, body: DeathBody, response: { 200: Done } } },
      (req) => svc.death(ctxOf(req), req.params.id, req.body),
    );
    r.get(
      '/api/people/:id/lifecycle',
      {
        config: { policy: 'person.read' },
        schema: { tags, params: IdParam, response: { 200: PersonLifecycle } },
      },
      (req) => svc.personLifecycle(ctxOf(req), req.params.id),
    );
    r.get(
      '/api/units/:id/age-out',
      {
        config: write,
        schema: { tags, params: IdParam, querystring: AgeOutQuery, response: { 200: AgeOutList } },
      },
      (req) => svc.ageOutList(ctxOf(req), req.params.id, req.query.on),
    );
    r.post(
      '/api/units/:id/age-out',
      { config: write, schema: { tags, params: IdParam, body: AgeOutBody, response: { 200: AgeOutResult } } },
      (req) => svc.ageOutConfirm(ctxOf(req), req.params.id, req.body),
    );
  };
}
