import { type SQL, sql } from 'drizzle-orm';
import type { AuditListQuery } from '../../../contracts/audit';
import type { Db } from '../../db/client';
import type { RequestContext } from '../../lib/audit';
import { unaccent } from '../../lib/text';
import { assertCan } from '../../policy/policy';
import { countAudit, foldSql, listAudit } from './audit.repo';

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Start of a calendar day in Vietnam (UTC+7 all year, no daylight saving). */
export const vietnamDayStart = (day: string, addDays = 0) =>
  new Date(Date.parse(`${day}T00:00:00+07:00`) + addDays * 86_400_000);

/** The condition (alias l) for the audit filters. */
export function auditWhere(q: AuditListQuery): SQL {
  const parts: SQL[] = [sql`true`];
  if (q.action) parts.push(sql`(l.action = ${q.action} or l.action like ${`${escapeLike(q.action)}.%`})`);
  if (q.entityType) parts.push(sql`l.entity_type = ${q.entityType}`);
  if (q.actor) {
    const name = `%${escapeLike(unaccent(q.actor))}%`;
    parts.push(sql`(l.actor_user_id = ${q.actor} or ${foldSql(sql`l.actor_name`)} like ${name})`);
  }
  if (q.from) parts.push(sql`l.at >= ${vietnamDayStart(q.from).toISOString()}::timestamptz`);
  if (q.to) parts.push(sql`l.at < ${vietnamDayStart(q.to, 1).toISOString()}::timestamptz`);
  return sql.join(parts, sql` and `);
}

export function makeAuditService({ db }: { db: Db }) {
  return {
    async list(ctx: RequestContext, q: AuditListQuery) {
      assertCan(ctx.actor, 'audit.read');
      const where = auditWhere(q);
      const [items, total] = await Promise.all([
        listAudit(db, where, q.pageSize, (q.page - 1) * q.pageSize),
        countAudit(db, where),
      ]);
      return { items, total };
    },
  };
}
export type AuditService = ReturnType<typeof makeAuditService>;
