import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AddIntroductionBody,
  IntroductionDone,
  IntroductionList,
  IntroductionsQuery,
} from '../../../contracts/party';
import { IdParam } from '../../../contracts/units';
import { ctxOf } from '../../lib/context';
import type { PartyService } from './party.service';

/** Party development (DOMAIN.md §6): a unit's members identified, trained, introduced, admitted. */
export function partyRoutes(svc: PartyService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['party'];
    const write = { policy: 'member.write' as const };
    r.post(
      '/api/units/:id/party-introductions',
      {
        config: write,
        schema: { tags, params: IdParam, body: AddIntroductionBody, response: { 201: IntroductionDone } },
      },
      async (req, reply) => reply.status(201).send(await svc.add(ctxOf(req), req.params.id, req.body)),
    );
    r.get(
      '/api/units/:id/party-introductions',
      {
        // Who is at which Party stage is Party-membership information (sensitive), not a plain member read.
        config: { policy: 'person.readSensitive' },
        schema: {
          tags,
          params: IdParam,
          querystring: IntroductionsQuery,
          response: { 200: IntroductionList },
        },
      },
      (req) => svc.list(ctxOf(req), req.params.id, req.query),
    );
    r.delete(
      '/api/party-introductions/:id',
      { config: write, schema: { tags, params: IdParam, response: { 200: IntroductionDone } } },
      (req) => svc.remove(ctxOf(req), req.params.id),
    );
  };
}
