import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DbKind } from '../../db/client';

export const VERSION = '0.1.0';

export function systemRoutes(deps: { kind: DbKind }) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/api/health',
      {
        config: { policy: 'public' },
        schema: {
          tags: ['system'],
          response: {
            200: z.object({
              status: z.literal('ok'),
              db: z.enum(['pglite', 'postgres']),
              version: z.string(),
            }),
          },
        },
      },
      async () => ({ status: 'ok' as const, db: deps.kind, version: VERSION }),
    );
    r.get('/api/openapi.json', { config: { policy: 'public' }, schema: { hide: true } }, async () =>
      app.swagger(),
    );
  };
}
