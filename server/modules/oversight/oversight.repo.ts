/**
 * Reads of the oversight dashboard. Every query takes the units in scope as a condition on alias u and the
 * drill-down groups (child units) as ids; each returns one row per group plus the total (group null, `total`
 * true), computed with grouping sets so a person in two groups counts once in the total.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { pgArray, rows } from '../../db/query';

export interface Grouped {
  grp: number | null;
  total: boolean;
}

/**
 * Units in scope with their group: the child unit (one of `groups`, whose subtrees never overlap) whose subtree
 * holds them, or null — one join on the path, half the cost of splitting every unit's path.
 */
export const scoped = (where: SQL, groups: readonly number[]) => sql`su as materialized (
  select u.id, u.level, g.id as grp
  from units u left join units g on g.id = any(${pgArray(groups)}::int[]) and u.path <@ g.path
  where ${where})`;

const GROUPS = sql`group by grouping sets ((s.grp), ())`;
const GROUP_COLS = sql`s.grp, (grouping(s.grp) = 1) as total`;

/**
 * The drill-down rows: units matching `where` (alias u) and `under` (e.g. a parent id, or "the parent is out of
 * scope" for the topmost units an actor sees).
 */
export function childUnits(db: DbOrTx, where: SQL, under: SQL) {
  return rows<{ unitId: number; name: string; level: string; organizationCode: string }>(
    db,
    sql`select u.id as "unitId", u.name, u.level, u.organization_code as "organizationCode"
    from units u where ${where} and ${under} order by u.organization_code, u.name, u.id`,
  );
}

/** Live memberships per group, from the per-unit counts kept current on write (unit_member_counts). */
export function membershipCounts(db: DbOrTx, where: SQL, groups: readonly number[]) {
  return rows<Grouped & { memberships: number }>(
    db,
    sql`with ${scoped(where, groups)}
    select ${GROUP_COLS}, coalesce(sum(c.members), 0)::int as memberships
    from su s join unit_member_counts c on c.unit_id = s.id ${GROUPS}`,
  );
}

/** Live memberships in the whole database (every unit), from the counts kept on write. */
export async function allLiveMemberships(db: DbOrTx): Promise<number> {
  const [r] = await rows<{ n: number }>(
    db,
    sql`select coalesce(sum(members), 0)::int as n from unit_member_counts`,
  );
  return r?.n ?? 0;
}

/** Persons with a live membership anywhere, from person_live (kept on write). */
export async function peopleEverywhere(db: DbOrTx): Promise<number> {
  const [r] = await rows<{ n: number }>(db, sql`select count(*)::int as n from person_live`);
  return r?.n ?? 0;
}

/** Distinct people with a live membership (active or in transit) in the scope: one pass, for smaller scopes. */
export async function peopleInScope(db: DbOrTx, where: SQL): Promise<number> {
  const [r] = await rows<{ n: number }>(
    db,
    sql`select count(distinct m.person_id)::int as n from units u
      join memberships m on m.unit_id = u.id and m.status in ('active', 'transferring') where ${where}`,
  );
  return r?.n ?? 0;
}

/**
 * Distinct people working away from home with a live membership in scope: read from the few persons marked
 * away (a partial index) rather than from every membership.
 */
export function awayCounts(db: DbOrTx, where: SQL, groups: readonly number[]) {
  return rows<Grouped & { away: number }>(
    db,
    sql`with ${scoped(where, groups)}
    select ${GROUP_COLS}, count(distinct p.id)::int as away
    from persons p join memberships m on m.person_id = p.id and m.status in ('active', 'transferring')
      join su s on s.id = m.unit_id
    where p.away_from_home
    ${GROUPS}`,
  );
}

/**
 * Branch cadres (a live membership with a position in a branch) and those of them who are Party members
 * (probationary or full), distinct people, from the cadres' own partial index.
 */
export function cadreCounts(db: DbOrTx, where: SQL, groups: readonly number[]) {
  return rows<Grouped & { cadres: number; cadresParty: number }>(
    db,
    sql`with ${scoped(where, groups)}
    select ${GROUP_COLS}, count(distinct m.person_id)::int as cadres,
      (count(distinct m.person_id) filter (where p.party_status in ('probationary', 'full')))::int as "cadresParty"
    from su s join memberships m on m.unit_id = s.id and m.position is not null
        and m.status in ('active', 'transferring')
      join persons p on p.id = m.person_id
    where s.level = 'branch'
    ${GROUPS}`,
  );
}

export interface Window {
  start: string;
  end: string;
}

/**
 * Memberships admitted (joined_on in the window) and ended (left, removed, deceased or aged out with left_on in
 * the window), counted in the unit the membership is in now, for the period and the previous one: sums of the
 * monthly counts kept on write (unit_month_flows). Windows are whole months.
 */
export function flowCounts(db: DbOrTx, where: SQL, groups: readonly number[], cur: Window, prev: Window) {
  const inW = (w: Window) => sql`f.month between ${w.start}::date and ${w.end}::date`;
  return rows<Grouped & { admitted: number; left: number; admittedPrev: number; leftPrev: number }>(
    db,
    sql`with ${scoped(where, groups)}
    select ${GROUP_COLS},
      coalesce(sum(f.admitted) filter (where ${inW(cur)}), 0)::int as admitted,
      coalesce(sum(f."left") filter (where ${inW(cur)}), 0)::int as left,
      coalesce(sum(f.admitted) filter (where ${inW(prev)}), 0)::int as "admittedPrev",
      coalesce(sum(f."left") filter (where ${inW(prev)}), 0)::int as "leftPrev"
    from su s join unit_month_flows f on f.unit_id = s.id
    where f.month between ${prev.start}::date and ${cur.end}::date
    ${GROUPS}`,
  );
}

/** Instants bounding a window: [from, until). */
export interface Instants {
  from: string;
  until: string;
}

/**
 * Voice items raised in the window at units in scope (the definitions of GET /api/voice/stats): received;
 * resolved (answered); overdue (not merged, and late at a step or still open past its deadline at `now`);
 * median days from raising to the answer.
 */
export function voiceCounts(db: DbOrTx, where: SQL, groups: readonly number[], w: Instants, now: string) {
  return rows<Grouped & { received: number; resolved: number; overdue: number; median: number | null }>(
    db,
    sql`with ${scoped(where, groups)}
    select ${GROUP_COLS}, count(*)::int as received,
      (count(*) filter (where i.answered_at is not null))::int as resolved,
      (count(*) filter (where i.status <> 'merged' and (i.overdue_count > 0
        or (i.status = 'open' and i.due_at < ${now}::timestamptz))))::int as overdue,
      percentile_cont(0.5) within group (order by extract(epoch from (i.answered_at - i.raised_at)) / 86400)
        filter (where i.answered_at is not null) as median
    from su s join voice_items i on i.unit_id = s.id
    where i.raised_at >= ${w.from}::timestamptz and i.raised_at < ${w.until}::timestamptz
    ${GROUPS}`,
  );
}
