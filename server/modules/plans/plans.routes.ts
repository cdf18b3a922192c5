import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AdjustTargetBody,
  CreatePlanBody,
  PlanDetail,
  PlanDone,
  PlanList,
  PlanQuery,
  PlansQuery,
} from '../../../contracts/plans';
import { IdParam } from '../../../contracts/units';
import { ctxOf } from '../../lib/context';
import { sendDownload, XLSX } from '../files/http';
import { planXlsx } from './export-xlsx';
import type { PlansService } from './plans.service';

/** Implementation plans (issue 6, point 4): record a plan, cascade and adjust targets, follow progress, export it. */
export function plansRoutes(svc: PlansService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['plans'];
    const read = { policy: 'compliance.read' as const };
    const manage = { policy: 'oversight.manage' as const };
    r.post(
      '/api/plans',
      { config: manage, schema: { tags, body: CreatePlanBody, response: { 201: PlanDone } } },
      async (req, reply) => reply.status(201).send(await svc.create(ctxOf(req), req.body)),
    );
    r.get(
      '/api/plans',
      { config: read, schema: { tags, querystring: PlansQuery, response: { 200: PlanList } } },
      (req) => svc.list(ctxOf(req), req.query.unitId),
    );
    r.get(
      '/api/plans/:id',
      {
        config: read,
        schema: { tags, params: IdParam, querystring: PlanQuery, response: { 200: PlanDetail } },
      },
      (req) => svc.progress(ctxOf(req), req.params.id, req.query.unitId),
    );
    r.get(
      '/api/plans/:id.xlsx',
      { config: read, schema: { tags, params: IdParam, querystring: PlanQuery } },
      async (req, reply) => {
        const d = await svc.progress(ctxOf(req), req.params.id, req.query.unitId);
        const name = `Tiến độ kế hoạch ${d.plan.id} - ${d.unit.name} - ${d.period.key}.xlsx`;
        return sendDownload(reply, XLSX, name, await planXlsx(d));
      },
    );
    r.put(
      '/api/plans/:id/targets',
      {
        config: manage,
        schema: { tags, params: IdParam, body: AdjustTargetBody, response: { 200: PlanDone } },
      },
      (req) => svc.adjust(ctxOf(req), req.params.id, req.body),
    );
    r.delete(
      '/api/plans/:id',
      { config: manage, schema: { tags, params: IdParam, response: { 200: PlanDone } } },
      (req) => svc.remove(ctxOf(req), req.params.id),
    );
  };
}
