import { sql } from 'drizzle-orm';
import type { GrantView } from '../../../contracts/accounts';
import { ROLE_LABELS, type Role } from '../../../contracts/roles';
import type { DbOrTx } from '../../db/client';
import { rows } from '../../db/query';

interface GrantRow {
  id: number;
  userId: string;
  role: Role;
  unitId: number | null;
  unitName: string | null;
  areaId: number | null;
  areaName: string | null;
  organizationCode: string | null;
  orgShort: string | null;
}

/** Live grants of the given users, with the labels of their scopes. */
export async function grantsOf(db: DbOrTx, userIds: string[]): Promise<Map<string, GrantView[]>> {
  const out = new Map<string, GrantView[]>();
  if (userIds.length === 0) return out;
  const list = await rows<GrantRow>(
    db,
    sql`select g.id, g.user_id as "userId", g.role, g.unit_id as "unitId", u.name as "unitName", g.area_id as "areaId",
          a.name as "areaName", g.organization_code as "organizationCode", o.short_name_vi as "orgShort"
        from role_grants g
        left join units u on u.id = g.unit_id
        left join areas a on a.id = g.area_id
        left join organizations o on o.code = g.organization_code
        where g.revoked_at is null and g.user_id in (${sql.join(
          userIds.map((id) => sql`${id}`),
          sql`, `,
        )})
        order by g.id`,
  );
  for (const g of list) {
    const scopeLabel = g.unitName
      ? g.unitName
      : g.areaName
        ? `${g.areaName} · ${g.orgShort ?? 'Tất cả tổ chức'}`
        : 'Toàn hệ thống';
    const view: GrantView = {
      id: g.id,
      role: g.role,
      roleLabel: ROLE_LABELS[g.role] ?? g.role,
      scopeLabel,
      unitId: g.unitId,
      areaId: g.areaId,
      organizationCode: g.organizationCode,
    };
    out.set(g.userId, [...(out.get(g.userId) ?? []), view]);
  }
  return out;
}

export interface AccountRow {
  id: string;
  username: string;
  name: string;
  disabled: boolean;
  lockedUntil: Date | string | null;
}

export async function findAccounts(db: DbOrTx, q: string | undefined, id?: string): Promise<AccountRow[]> {
  const like = `%${(q ?? '').toLowerCase()}%`;
  return rows<AccountRow>(
    db,
    sql`select u.id, coalesce(u.username, '') as username, u.name, u.disabled,
          case when f.locked_until > now() then f.locked_until else null end as "lockedUntil"
        from "user" u left join login_failures f on f.username = u.username
        where ${id ? sql`u.id = ${id}` : sql`(lower(u.username) like ${like} or lower(u.name) like ${like})`}
        order by u.username limit 500`,
  );
}
