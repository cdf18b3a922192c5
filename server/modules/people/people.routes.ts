import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  PeopleExportQuery,
  PeopleListQuery,
  PeopleListResponse,
  PersonDetailQuery,
  PersonIdParam,
  PersonProfile,
  StatsCounts,
  StatsCountsQuery,
  UnitExportQuery,
} from '../../../contracts/people';
import { IdParam } from '../../../contracts/units';
import { ctxOf } from '../../lib/context';
import { contentDisposition, DOCX, XLSX } from '../files/http';
import type { PeopleService } from './people.service';

/** A generated file: never cached, never sniffed, always downloaded. */
const download = (reply: FastifyReply, type: string, fileName: string) =>
  reply
    .header('content-type', type)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .header('content-disposition', contentDisposition('attachment', fileName));

export function peopleRoutes(svc: PeopleService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['people'];
    r.get(
      '/api/people',
      {
        config: { policy: 'person.read' },
        schema: { tags, querystring: PeopleListQuery, response: { 200: PeopleListResponse } },
      },
      (req) => svc.list(ctxOf(req), req.query),
    );
    r.get(
      '/api/people.xlsx',
      {
        config: { policy: 'person.read' },
        schema: { tags, querystring: PeopleExportQuery },
      },
      async (req, reply) => {
        const out = await svc.exportXlsx(ctxOf(req), req.query);
        return download(reply, XLSX, out.fileName).header('x-export-rows', String(out.rows)).send(out.stream);
      },
    );
    r.get(
      '/api/units/:id/members.docx',
      {
        config: { policy: 'person.read' },
        schema: { tags, params: IdParam, querystring: UnitExportQuery },
      },
      async (req, reply) => {
        const out = await svc.exportRoll(ctxOf(req), req.params.id, req.query);
        return download(reply, DOCX, out.fileName).send(out.buffer);
      },
    );
    r.get(
      '/api/people/:id',
      {
        config: { policy: 'person.read' },
        schema: {
          tags,
          params: PersonIdParam,
          querystring: PersonDetailQuery,
          response: { 200: PersonProfile },
        },
      },
      (req) => svc.get(ctxOf(req), req.params.id, req.query.reveal),
    );
    r.get(
      '/api/stats/counts',
      {
        config: { policy: 'stats.read' },
        schema: { tags: ['stats'], querystring: StatsCountsQuery, response: { 200: StatsCounts } },
      },
      (req) => svc.counts(ctxOf(req), req.query),
    );
  };
}
