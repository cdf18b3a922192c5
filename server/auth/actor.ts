import { and, eq, isNull } from 'drizzle-orm';
import type { Role } from '../../contracts/roles';
import type { DbOrTx } from '../db/client';
import { areas, roleGrants, units, user } from '../db/schema';
import type { Actor, ResolvedGrant } from '../policy/policy';

/** Loads a user's live grants with the paths their scopes cover. */
export async function loadActor(db: DbOrTx, userId: string): Promise<Actor | null> {
  const [u] = await db.select().from(user).where(eq(user.id, userId));
  if (!u || u.disabled) return null;
  const rows = await db
    .select({
      id: roleGrants.id,
      role: roleGrants.role,
      unitId: roleGrants.unitId,
      unitPath: units.path,
      unitOrg: units.organizationCode,
      areaId: roleGrants.areaId,
      areaPath: areas.path,
      organizationCode: roleGrants.organizationCode,
    })
    .from(roleGrants)
    .leftJoin(units, eq(units.id, roleGrants.unitId))
    .leftJoin(areas, eq(areas.id, roleGrants.areaId))
    .where(and(eq(roleGrants.userId, userId), isNull(roleGrants.revokedAt)));
  const grants: ResolvedGrant[] = rows.map((r) => ({
    id: r.id,
    role: r.role as Role,
    unitId: r.unitId,
    unitPath: r.unitPath,
    areaId: r.areaId,
    areaPath: r.areaPath,
    organizationCode: r.unitId ? r.unitOrg : r.organizationCode,
  }));
  return { userId: u.id, name: u.name, username: u.username ?? '', personId: u.personId ?? null, grants };
}
