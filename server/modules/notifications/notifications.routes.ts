import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  NotificationIdParam,
  NotificationList,
  NotificationsQuery,
  ReadResult,
} from '../../../contracts/notifications';
import { ctxOf } from '../../lib/context';
import type { NotificationsService } from './notifications.service';

export function notificationsRoutes(svc: NotificationsService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['notifications'];
    r.get(
      '/api/notifications',
      {
        config: { policy: 'signed-in' },
        schema: { tags, querystring: NotificationsQuery, response: { 200: NotificationList } },
      },
      (req) => svc.list(ctxOf(req), req.query),
    );
    r.post(
      '/api/notifications/:id/read',
      {
        config: { policy: 'signed-in' },
        schema: { tags, params: NotificationIdParam, response: { 200: ReadResult } },
      },
      (req) => svc.read(ctxOf(req), req.params.id),
    );
    r.post(
      '/api/notifications/read-all',
      { config: { policy: 'signed-in' }, schema: { tags, response: { 200: ReadResult } } },
      (req) => svc.readAll(ctxOf(req)),
    );
  };
}
