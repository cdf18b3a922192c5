import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AreaDetail, AreaItem, AreaListQuery } from '../../../contracts/areas';
import { IdParam } from '../../../contracts/units';
import { ctxOf } from '../../lib/context';
import type { AreasService } from './areas.service';

export function areasRoutes(svc: AreasService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['areas'];
    r.get(
      '/api/areas',
      {
        config: { policy: 'area.read' },
        schema: {
          tags,
          querystring: AreaListQuery,
          response: { 200: z.object({ items: z.array(AreaItem) }) },
        },
      },
      (req) => svc.list(ctxOf(req), req.query),
    );
    r.get(
      '/api/areas/:id',
      { config: { policy: 'area.read' }, schema: { tags, params: IdParam, response: { 200: AreaDetail } } },
      (req) => svc.get(ctxOf(req), req.params.id),
    );
  };
}
