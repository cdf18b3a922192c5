import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateUnitBody,
  IdParam,
  MergeUnitBody,
  MoveUnitBody,
  RootsQuery,
  UnitDetail,
  UnitListQuery,
  UnitSearchItem,
  UnitSummary,
  UpdateUnitBody,
} from '../../../contracts/units';
import { ctxOf } from '../../lib/context';
import type { UnitsService } from './units.service';

const Ok = z.object({ id: z.number() });

export function unitsRoutes(svc: UnitsService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['units'];
    r.get(
      '/api/units/roots',
      {
        config: { policy: 'unit.read' },
        schema: { tags, querystring: RootsQuery, response: { 200: z.array(UnitSummary) } },
      },
      (req) => svc.roots(ctxOf(req), req.query.organization),
    );
    r.get(
      '/api/units',
      {
        config: { policy: 'unit.read' },
        schema: {
          tags,
          querystring: UnitListQuery,
          response: { 200: z.object({ items: z.array(UnitSearchItem) }) },
        },
      },
      async (req) => ({
        items: await svc.search(ctxOf(req), req.query),
      }),
    );
    r.get(
      '/api/units/:id',
      { config: { policy: 'unit.read' }, schema: { tags, params: IdParam, response: { 200: UnitDetail } } },
      (req) => svc.get(ctxOf(req), req.params.id),
    );
    r.get(
      '/api/units/:id/children',
      {
        config: { policy: 'unit.read' },
        schema: { tags, params: IdParam, response: { 200: z.array(UnitSummary) } },
      },
      (req) => svc.children(ctxOf(req), req.params.id),
    );
    r.post(
      '/api/units',
      { config: { policy: 'unit.write' }, schema: { tags, body: CreateUnitBody, response: { 201: Ok } } },
      async (req, reply) => reply.status(201).send(await svc.create(ctxOf(req), req.body)),
    );
    r.patch(
      '/api/units/:id',
      {
        config: { policy: 'unit.write' },
        schema: { tags, params: IdParam, body: UpdateUnitBody, response: { 200: Ok } },
      },
      (req) => svc.update(ctxOf(req), req.params.id, req.body),
    );
    r.post(
      '/api/units/:id/move',
      {
        config: { policy: 'unit.write' },
        schema: { tags, params: IdParam, body: MoveUnitBody, response: { 200: Ok } },
      },
      (req) => svc.move(ctxOf(req), req.params.id, req.body),
    );
    r.post(
      '/api/units/:id/merge',
      {
        config: { policy: 'unit.write' },
        schema: {
          tags,
          params: IdParam,
          body: MergeUnitBody,
          response: { 200: Ok.extend({ movedMemberships: z.number(), movedChildren: z.number() }) },
        },
      },
      (req) => svc.merge(ctxOf(req), req.params.id, req.body),
    );
  };
}
