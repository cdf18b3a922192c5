import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateThemeBody,
  SetMeetingThemeBody,
  ThemeCoverage,
  ThemeDetail,
  ThemeList,
  UnitThemesQuery,
  UpdateThemeBody,
} from '../../../contracts/themes';
import { IdParam } from '../../../contracts/units';
import { ctxOf } from '../../lib/context';
import type { ThemesService } from './themes.service';

const Ok = z.object({ id: z.number() });

/** The month's theme materials (chủ điểm sinh hoạt): publish, read, coverage, and a meeting's pick. */
export function themesRoutes(svc: ThemesService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['themes'];
    r.get(
      '/api/units/:id/themes',
      {
        config: { policy: 'meeting.read' },
        schema: { tags, params: IdParam, querystring: UnitThemesQuery, response: { 200: ThemeList } },
      },
      (req) => svc.listForUnit(ctxOf(req), req.params.id, req.query.month),
    );
    r.post(
      '/api/units/:id/themes',
      {
        config: { policy: 'theme.write' },
        schema: { tags, params: IdParam, body: CreateThemeBody, response: { 201: Ok } },
      },
      async (req, reply) => reply.status(201).send(await svc.create(ctxOf(req), req.params.id, req.body)),
    );
    r.get(
      '/api/themes/:id',
      {
        config: { policy: 'meeting.read' },
        schema: { tags, params: IdParam, response: { 200: ThemeDetail } },
      },
      (req) => svc.get(ctxOf(req), req.params.id),
    );
    r.patch(
      '/api/themes/:id',
      {
        config: { policy: 'theme.write' },
        schema: { tags, params: IdParam, body: UpdateThemeBody, response: { 200: Ok } },
      },
      (req) => svc.update(ctxOf(req), req.params.id, req.body),
    );
    r.get(
      '/api/themes/:id/coverage',
      {
        config: { policy: 'meeting.read' },
        schema: { tags, params: IdParam, response: { 200: ThemeCoverage } },
      },
      (req) => svc.coverage(ctxOf(req), req.params.id),
    );
    r.put(
      '/api/meetings/:id/theme',
      {
        config: { policy: 'meeting.write' },
        schema: { tags, params: IdParam, body: SetMeetingThemeBody, response: { 200: Ok } },
      },
      (req) => svc.setMeetingTheme(ctxOf(req), req.params.id, req.body),
    );
  };
}
