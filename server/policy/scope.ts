import { type SQL, sql } from 'drizzle-orm';
import type { Action } from './actions';
import { type Actor, grantsFor } from './policy';

/**
 * SQL condition restricting a units row (alias given) to what the actor may do `action` on.
 * Used in every list query so scope lives in SQL, not in a filter after the fact.
 */
export function unitScopeSql(actor: Actor, action: Action, unitAlias = 'u'): SQL {
  const u = sql.raw(unitAlias);
  const parts: SQL[] = [];
  for (const g of grantsFor(actor, action)) {
    if (g.role === 'admin' && g.unitPath === null && g.areaPath === null) return sql`true`;
    if (g.unitPath !== null) parts.push(sql`${u}.path <@ ${g.unitPath}::ltree`);
    else if (g.areaPath !== null) {
      const org =
        g.organizationCode === null ? sql`true` : sql`${u}.organization_code = ${g.organizationCode}`;
      parts.push(
        sql`(${org} and exists (select 1 from areas sa where sa.id = ${u}.area_id and sa.path <@ ${g.areaPath}::ltree))`,
      );
    }
  }
  if (parts.length === 0) return sql`false`;
  return sql`(${sql.join(parts, sql` or `)})`;
}
