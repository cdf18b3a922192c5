import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ComplianceQuery, ComplianceReport } from '../../../contracts/meetings';
import { ctxOf } from '../../lib/context';
import type { ComplianceService } from './compliance.service';

export function complianceRoutes(svc: ComplianceService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/api/compliance',
      {
        config: { policy: 'compliance.read' },
        schema: { tags: ['meetings'], querystring: ComplianceQuery, response: { 200: ComplianceReport } },
      },
      (req) => svc.report(ctxOf(req), req.query),
    );
  };
}
