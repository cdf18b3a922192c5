import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CreatedReport,
  CreateReportBody,
  Overview,
  OverviewQuery,
  PatchReportBody,
  ReportDetail,
  ReportIdParam,
  ReportList,
  ReportListQuery,
  ReturnReportBody,
} from '../../../contracts/reports';
import { ctxOf } from '../../lib/context';
import { DOCX, sendDownload, XLSX } from '../files/http';
import { reportDocx } from './export-docx';
import { reportXlsx } from './export-xlsx';
import type { ReportsService } from './reports.service';

/** Periodic reports: create, read, edit, the workflow, the level above's overview, and the .docx/.xlsx exports. */
export function reportsRoutes(svc: ReportsService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['reports'];
    const read = { policy: 'compliance.read' as const };
    const write = { policy: 'report.write' as const };
    const approve = { policy: 'report.approve' as const };
    const one = { tags, params: ReportIdParam, response: { 200: ReportDetail } };

    r.get(
      '/api/reports',
      { config: read, schema: { tags, querystring: ReportListQuery, response: { 200: ReportList } } },
      (req) => svc.list(ctxOf(req), req.query.unitId),
    );
    r.get(
      '/api/reports/overview',
      { config: read, schema: { tags, querystring: OverviewQuery, response: { 200: Overview } } },
      (req) => svc.overview(ctxOf(req), req.query),
    );
    r.post(
      '/api/reports',
      { config: write, schema: { tags, body: CreateReportBody, response: { 201: CreatedReport } } },
      async (req, reply) => reply.status(201).send(await svc.create(ctxOf(req), req.body)),
    );
    r.get('/api/reports/:id', { config: read, schema: one }, (req) => svc.detail(ctxOf(req), req.params.id));
    r.patch('/api/reports/:id', { config: write, schema: { ...one, body: PatchReportBody } }, (req) =>
      svc.patch(ctxOf(req), req.params.id, req.body),
    );
    r.post('/api/reports/:id/submit', { config: write, schema: one }, (req) =>
      svc.submit(ctxOf(req), req.params.id),
    );
    r.post(
      '/api/reports/:id/return',
      { config: approve, schema: { ...one, body: ReturnReportBody } },
      (req) => svc.returnReport(ctxOf(req), req.params.id, req.body.reason),
    );
    r.post('/api/reports/:id/approve', { config: approve, schema: one }, (req) =>
      svc.approve(ctxOf(req), req.params.id),
    );
    r.post('/api/reports/:id/lock', { config: approve, schema: one }, (req) =>
      svc.lock(ctxOf(req), req.params.id),
    );
    r.get(
      '/api/reports/:id.docx',
      { config: read, schema: { tags, params: ReportIdParam } },
      async (req, reply) => {
        const { report, heading, today } = await svc.printable(ctxOf(req), req.params.id);
        const data = await reportDocx(report, {
          parentName: heading.parentName ?? heading.orgName,
          unitName: report.unit.name,
          place: report.place ?? '',
          today,
        });
        return sendDownload(reply, DOCX, `Báo cáo ${report.unit.name} ${report.period.key}.docx`, data);
      },
    );
    r.get(
      '/api/reports/:id.xlsx',
      { config: read, schema: { tags, params: ReportIdParam } },
      async (req, reply) => {
        const { report } = await svc.printable(ctxOf(req), req.params.id);
        return sendDownload(
          reply,
          XLSX,
          `Báo cáo ${report.unit.name} ${report.period.key}.xlsx`,
          await reportXlsx(report),
        );
      },
    );
  };
}
