import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Dashboard, DashboardQuery } from '../../../contracts/oversight';
import { ctxOf } from '../../lib/context';
import { sendDownload, XLSX } from '../files/http';
import { dashboardXlsx } from './export-xlsx';
import type { OversightService } from './oversight.service';

export function oversightRoutes(svc: OversightService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['oversight'];
    r.get(
      '/api/oversight/dashboard',
      {
        config: { policy: 'compliance.read' },
        schema: { tags, querystring: DashboardQuery, response: { 200: Dashboard } },
      },
      (req) => svc.dashboard(ctxOf(req), req.query),
    );
    r.get(
      '/api/oversight/dashboard.xlsx',
      { config: { policy: 'compliance.read' }, schema: { tags, querystring: DashboardQuery } },
      async (req, reply) => {
        const d = await svc.dashboard(ctxOf(req), req.query);
        const name = `giam-sat-${d.unit?.id ?? 'pham-vi'}-${d.period.key}.xlsx`;
        return sendDownload(reply, XLSX, name, await dashboardXlsx(d));
      },
    );
  };
}
