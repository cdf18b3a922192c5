import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { FileIdParam, FileList, FileSummary, MeetingUploadQuery } from '../../../contracts/files';
import { IdParam } from '../../../contracts/units';
import { ctxOf } from '../../lib/context';
import type { FilesService } from './files.service';
import { sendBytes } from './http';
import { readUpload } from './upload';

/** Meeting photos (the signed attendance sheet), theme attachments, and downloading/removing any stored file. */
export function filesRoutes(svc: FilesService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['files'];
    const consumes = ['multipart/form-data'];
    r.get(
      '/api/meetings/:id/files',
      { config: { policy: 'meeting.read' }, schema: { tags, params: IdParam, response: { 200: FileList } } },
      (req) => svc.list(ctxOf(req), 'meeting', req.params.id),
    );
    r.post(
      '/api/meetings/:id/files',
      {
        config: { policy: 'meeting.write' },
        schema: {
          tags,
          consumes,
          params: IdParam,
          querystring: MeetingUploadQuery,
          response: { 201: FileSummary },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(
            await svc.upload(ctxOf(req), 'meeting', req.params.id, req.query.purpose, () => readUpload(req)),
          ),
    );
    r.post(
      '/api/themes/:id/files',
      {
        config: { policy: 'theme.write' },
        schema: { tags, consumes, params: IdParam, response: { 201: FileSummary } },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await svc.upload(ctxOf(req), 'theme', req.params.id, 'attachment', () => readUpload(req))),
    );
    r.get(
      '/api/files/:id',
      { config: { policy: 'meeting.read' }, schema: { tags, params: FileIdParam } },
      async (req, reply) => sendBytes(reply, await svc.download(ctxOf(req), req.params.id)),
    );
    r.delete(
      '/api/files/:id',
      {
        config: { policy: 'meeting.write' },
        schema: { tags, params: FileIdParam, response: { 200: z.object({ id: z.number() }) } },
      },
      (req) => svc.remove(ctxOf(req), req.params.id),
    );
  };
}
