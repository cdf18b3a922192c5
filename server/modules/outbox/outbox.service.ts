import type { OutboxQuery } from '../../../contracts/outbox';
import type { Db } from '../../db/client';
import type { RequestContext } from '../../lib/audit';
import { assertCan } from '../../policy/policy';
import { countOutbox, listOutbox, outboxWhere } from './outbox.repo';

/** The administrator's view of SMS and email messages written by the default sender. */
export function makeOutboxService({ db }: { db: Db }) {
  return {
    async list(ctx: RequestContext, q: OutboxQuery) {
      assertCan(ctx.actor, 'outbox.read');
      const where = outboxWhere(q);
      const [items, total] = await Promise.all([
        listOutbox(db, where, q.pageSize, (q.page - 1) * q.pageSize),
        countOutbox(db, where),
      ]);
      return { items, total };
    },
  };
}
export type OutboxService = ReturnType<typeof makeOutboxService>;
