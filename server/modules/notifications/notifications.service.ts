import type { NotificationList } from '../../../contracts/notifications';
import type { Db } from '../../db/client';
import type { RequestContext } from '../../lib/audit';
import type { Clock } from '../../lib/clock';
import { notFound } from '../../lib/errors';
import { listNotifications, markAllRead, markRead, unreadCount } from './notifications.repo';

const NOTIFICATION = 'Thông báo';

/**
 * The signed-in account's own in-app notifications. Marking them read changes only the reader's own inbox
 * state, not organization data, so it is not written to the audit log.
 */
export function makeNotificationsService({ db, clock }: { db: Db; clock: Clock }) {
  return {
    async list(
      ctx: RequestContext,
      q: { page: number; pageSize: number; unreadOnly: boolean },
    ): Promise<NotificationList> {
      const res = await listNotifications(db, ctx.actor.userId, q);
      return { ...res, page: q.page, pageSize: q.pageSize };
    },

    async read(ctx: RequestContext, id: number) {
      if (!(await markRead(db, ctx.actor.userId, id, clock.now()))) throw notFound(NOTIFICATION);
      return { unread: await unreadCount(db, ctx.actor.userId) };
    },

    async readAll(ctx: RequestContext) {
      await markAllRead(db, ctx.actor.userId, clock.now());
      return { unread: 0 };
    },
  };
}
export type NotificationsService = ReturnType<typeof makeNotificationsService>;
