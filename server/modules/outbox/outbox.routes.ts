import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { OutboxList, OutboxQuery } from '../../../contracts/outbox';
import { ctxOf } from '../../lib/context';
import type { OutboxService } from './outbox.service';

export function outboxRoutes(svc: OutboxService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/api/outbox',
      {
        config: { policy: 'outbox.read' },
        schema: { tags: ['outbox'], querystring: OutboxQuery, response: { 200: OutboxList } },
      },
      (req) => svc.list(ctxOf(req), req.query),
    );
  };
}
