import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CheckImportBody,
  CommitImportBody,
  ImportDetail,
  ImportIdParam,
  ImportList,
  ImportRowsPage,
  ImportRowsQuery,
} from '../../../contracts/imports';
import { IdParam } from '../../../contracts/units';
import { ctxOf } from '../../lib/context';
import { contentDisposition, XLSX } from '../files/http';
import type { ImportsService } from './imports.service';
import { readImportFile } from './upload';

const sendXlsx = (reply: FastifyReply, f: { fileName: string; data: Buffer }) =>
  reply
    .header('content-type', XLSX)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-cache')
    .header('content-disposition', contentDisposition('attachment', f.fileName))
    .send(f.data);

/** Importing a member list from Excel/CSV: upload → mapping → check (background) → preview → commit. */
export function importsRoutes(svc: ImportsService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['imports'];
    const config = { policy: 'member.import' } as const;
    app.addHook('onReady', async () => {
      void svc.recover().catch((err) => app.log.error({ err }, 'import recovery failed'));
    });
    app.addHook('onClose', async () => svc.drain());

    r.get(
      '/api/units/:id/imports',
      { config, schema: { tags, params: IdParam, response: { 200: ImportList } } },
      (req) => svc.list(ctxOf(req), req.params.id),
    );
    r.post(
      '/api/units/:id/imports',
      {
        config,
        schema: { tags, consumes: ['multipart/form-data'], params: IdParam, response: { 201: ImportDetail } },
      },
      async (req, reply) =>
        reply.status(201).send(await svc.upload(ctxOf(req), req.params.id, () => readImportFile(req))),
    );
    r.get('/api/imports/template', { config, schema: { tags } }, async (req, reply) =>
      sendXlsx(reply, await svc.template(ctxOf(req))),
    );
    r.get(
      '/api/imports/:id',
      { config, schema: { tags, params: ImportIdParam, response: { 200: ImportDetail } } },
      (req) => svc.get(ctxOf(req), req.params.id),
    );
    r.post(
      '/api/imports/:id/check',
      {
        config,
        schema: { tags, params: ImportIdParam, body: CheckImportBody, response: { 202: ImportDetail } },
      },
      async (req, reply) =>
        reply.status(202).send(await svc.check(ctxOf(req), req.params.id, req.body.mapping)),
    );
    r.get(
      '/api/imports/:id/rows',
      {
        config,
        schema: {
          tags,
          params: ImportIdParam,
          querystring: ImportRowsQuery,
          response: { 200: ImportRowsPage },
        },
      },
      (req) => svc.rows(ctxOf(req), req.params.id, req.query),
    );
    r.post(
      '/api/imports/:id/commit',
      {
        config,
        schema: { tags, params: ImportIdParam, body: CommitImportBody, response: { 202: ImportDetail } },
      },
      async (req, reply) => reply.status(202).send(await svc.commit(ctxOf(req), req.params.id, req.body)),
    );
    r.post(
      '/api/imports/:id/cancel',
      { config, schema: { tags, params: ImportIdParam, response: { 200: ImportDetail } } },
      (req) => svc.cancel(ctxOf(req), req.params.id),
    );
    r.get(
      '/api/imports/:id/rejected',
      { config, schema: { tags, params: ImportIdParam } },
      async (req, reply) => sendXlsx(reply, await svc.rejected(ctxOf(req), req.params.id)),
    );
  };
}
