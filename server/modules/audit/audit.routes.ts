import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AuditListQuery, AuditListResponse } from '../../../contracts/audit';
import { ctxOf } from '../../lib/context';
import type { AuditService } from './audit.service';

export function auditRoutes(svc: AuditService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/api/audit',
      {
        config: { policy: 'audit.read' },
        schema: { tags: ['audit'], querystring: AuditListQuery, response: { 200: AuditListResponse } },
      },
      (req) => svc.list(ctxOf(req), req.query),
    );
  };
}
