/**
 * Actors for scenarios, built from ResolvedGrant objects that point at real units and areas of the dataset,
 * exactly as loadActor() would resolve them (no user rows are written into the benchmark database).
 */
import { sql } from 'drizzle-orm';
import type { Role } from '../../contracts/roles';
import type { Db } from '../../server/db/client';
import { one } from '../../server/db/query';
import type { RequestContext } from '../../server/lib/audit';
import type { Clock } from '../../server/lib/clock';
import type { Actor, ResolvedGrant } from '../../server/policy/policy';
import { SEED_REFERENCE_DATE } from '../../server/seed';

let nextGrantId = 1;

const actor = (name: string, grants: ResolvedGrant[], personId: number | null = null): Actor => ({
  userId: `bench-${name}`,
  name,
  username: name,
  personId,
  grants,
});

/** The request context a service method receives. */
export const ctxFor = (a: Actor): RequestContext => ({
  actor: a,
  requestId: `bench-${a.username}`,
  ip: '127.0.0.1',
});

/** An unscoped administrator. */
export function adminActor(): Actor {
  return actor('admin', [
    {
      id: nextGrantId++,
      role: 'admin',
      unitId: null,
      unitPath: null,
      areaId: null,
      areaPath: null,
      organizationCode: null,
    },
  ]);
}

/** A grant on a unit subtree (province_officer, grassroots_officer, branch_head…). */
export async function unitActor(db: Db, role: Role, unitId: number): Promise<Actor> {
  const u = await one<{ path: string; org: string }>(
    db,
    sql`select path::text as path, organization_code as org from units where id = ${unitId}`,
  );
  if (!u) throw new Error(`unit ${unitId} not found`);
  return actor(`${role}-${unitId}`, [
    {
      id: nextGrantId++,
      role,
      unitId,
      unitPath: u.path,
      areaId: null,
      areaPath: null,
      organizationCode: u.org,
    },
  ]);
}

/** A member's own account (đoàn viên / hội viên) linked to their person, with the member role on their branch. */
export function memberActor(
  personId: number,
  unit: { id: number; path: string; organizationCode: string },
): Actor {
  return actor(
    `member-${personId}`,
    [
      {
        id: nextGrantId++,
        role: 'member',
        unitId: unit.id,
        unitPath: unit.path,
        areaId: null,
        areaPath: null,
        organizationCode: unit.organizationCode,
      },
    ],
    personId,
  );
}

/** A grant on an area subtree, for one organization or (null) all of them: supervisors, respondents. */
export async function areaActor(
  db: Db,
  role: Role,
  areaId: number,
  organizationCode: string | null,
): Promise<Actor> {
  const a = await one<{ path: string }>(db, sql`select path::text as path from areas where id = ${areaId}`);
  if (!a) throw new Error(`area ${areaId} not found`);
  return actor(`${role}-area-${areaId}`, [
    { id: nextGrantId++, role, unitId: null, unitPath: null, areaId, areaPath: a.path, organizationCode },
  ]);
}

/** A clock stopped on the seed's reference day (27/11/2026, 10:00 Vietnam time), for services that take one. */
export const SEED_DAY_CLOCK: Clock = {
  now: () => new Date(`${SEED_REFERENCE_DATE}T10:00:00+07:00`),
};

/** The commune used by commune-level scenarios (present at every seed scale). */
export const BENCH_COMMUNE = 'Xã Thạch Khê';

export interface CommuneRefs {
  areaId: number;
  areaPath: string;
  /** the residential grassroots unit of the organization in this commune */
  grassrootsId: number;
  grassrootsPath: string;
  provinceAreaId: number;
  provinceAreaPath: string;
  provinceUnitId: number;
  provinceUnitPath: string;
}

/** Ids of the benchmark commune and its grassroots unit for an organization. */
export async function communeRefs(db: Db, org: string, communeName = BENCH_COMMUNE): Promise<CommuneRefs> {
  const r = await one<CommuneRefs>(
    db,
    sql`select a.id as "areaId", a.path::text as "areaPath", g.id as "grassrootsId", g.path::text as "grassrootsPath",
        pa.id as "provinceAreaId", pa.path::text as "provinceAreaPath", pu.id as "provinceUnitId", pu.path::text as "provinceUnitPath"
      from areas a
      join units g on g.area_id = a.id and g.level = 'grassroots' and g.kind = 'residential' and g.organization_code = ${org}
      join units pu on pu.id = g.parent_id
      join areas pa on pa.kind = 'province'
      where a.name = ${communeName} and a.kind in ('xa', 'phuong')`,
  );
  if (!r) throw new Error(`benchmark commune ${communeName} (${org}) not in the dataset`);
  return r;
}
