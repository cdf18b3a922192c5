import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParam } from '../../../contracts/units';
import { ctxOf } from '../../lib/context';
import { DOCX, sendDownload } from '../files/http';
import type { SheetService } from './sheet.service';

/** GET the printable A4 attendance sheet (.docx) of a meeting. */
export function sheetRoutes(svc: SheetService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/api/meetings/:id/attendance-sheet.docx',
      { config: { policy: 'meeting.read' }, schema: { tags: ['meetings'], params: IdParam } },
      async (req, reply) => {
        const { fileName, data } = await svc.sheet(ctxOf(req), req.params.id);
        return sendDownload(reply, DOCX, fileName, data);
      },
    );
  };
}
