import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AttentionList,
  AttentionQuery,
  MemberAttendance,
  MemberAttendanceQuery,
} from '../../../contracts/compliance';
import { ComplianceQuery, ComplianceReport } from '../../../contracts/meetings';
import { IdParam } from '../../../contracts/units';
import { ctxOf } from '../../lib/context';
import type { ComplianceService } from './compliance.service';

export function complianceRoutes(svc: ComplianceService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['meetings'];
    r.get(
      '/api/compliance',
      {
        config: { policy: 'compliance.read' },
        schema: { tags, querystring: ComplianceQuery, response: { 200: ComplianceReport } },
      },
      (req) => svc.report(ctxOf(req), req.query),
    );
    r.get(
      '/api/compliance/attention',
      {
        config: { policy: 'compliance.read' },
        schema: { tags, querystring: AttentionQuery, response: { 200: AttentionList } },
      },
      (req) => svc.attention(ctxOf(req), req.query),
    );
    r.get(
      '/api/units/:id/member-attendance',
      {
        config: { policy: 'meeting.read' },
        schema: {
          tags,
          params: IdParam,
          querystring: MemberAttendanceQuery,
          response: { 200: MemberAttendance },
        },
      },
      (req) => svc.memberAttendance(ctxOf(req), req.params.id, req.query.year),
    );
  };
}
