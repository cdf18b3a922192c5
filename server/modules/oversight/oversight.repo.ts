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

/** Units in scope with their group: the child unit (one of `groups`) whose subtree holds them, or null. */
export const scoped = (where: SQL, groups: readonly number[]) => sql`su as materialized (
  select u.id, u.level, (select x from unnest(string_to_array(u.path::text, '.')::int[]) x
    where x = any(${pgArray(groups)}::int[]) limit 1) as grp
  from units u where ${where})`;

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

/**
 * Distinct people with a live membership (active or in transit), those of them working away from home, and the
 * branch cadres (a live membership with a position in a branch) with those of them who are Party members
 * (probationary or full). One distinct pass over the scope's live memberships, as the people counts do.
 */
export function peopleCounts(db: DbOrTx, where: SQL, groups: readonly number[]) {
  return rows<Grouped & { people: number; away: number; cadres: number; cadresParty: number }>(
    db,
    sql`with ${scoped(where, groups)}
    select ${GROUP_COLS}, count(distinct m.person_id)::int as people,
      (count(distinct m.person_id) filter (where p.away_from_home))::int as away,
      (count(distinct m.person_id) filter (where m.position is not null and s.level = 'branch'))::int as cadres,
      (count(distinct m.person_id) filter (where m.position is not null and s.level = 'branch'
        and p.party_status in ('probationary', 'full')))::int as "cadresParty"
    from su s join memberships m on m.unit_id = s.id and m.status in ('active', 'transferring')
      join persons p on p.id = m.person_id
    ${GROUPS}`,
  );
}

export interface Window {
  start: string;
  end: string;
}

/**
 * Memberships admitted (joined_on in the window) and ended (left, removed, deceased or aged out with left_on in
 * the window), counted in the unit the membership is in now, for the period and the previous one.
 */
export function flowCounts(db: DbOrTx, where: SQL, groups: readonly number[], cur: Window, prev: Window) {
  const inW = (col: SQL, w: Window) => sql`${col} between ${w.start}::date and ${w.end}::date`;
  const ended = sql`m.status in ('left', 'removed', 'deceased', 'aged_out')`;
  return rows<Grouped & { admitted: number; left: number; admittedPrev: number; leftPrev: number }>(
    db,
    sql`with ${scoped(where, groups)}
    select ${GROUP_COLS},
      (count(*) filter (where ${inW(sql`m.joined_on`, cur)}))::int as admitted,
      (count(*) filter (where ${ended} and ${inW(sql`m.left_on`, cur)}))::int as left,
      (count(*) filter (where ${inW(sql`m.joined_on`, prev)}))::int as "admittedPrev",
      (count(*) filter (where ${ended} and ${inW(sql`m.left_on`, prev)}))::int as "leftPrev"
    from su s join memberships m on m.unit_id = s.id
    where ${inW(sql`m.joined_on`, { start: prev.start, end: cur.end })}
      or (${ended} and ${inW(sql`m.left_on`, { start: prev.start, end: cur.end })})
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

/** The group of every branch in scope. */
export function branchGroups(db: DbOrTx, where: SQL, groups: readonly number[]) {
  return rows<{ id: number; grp: number | null }>(
    db,
    sql`with ${scoped(where, groups)} select s.id, s.grp from su s where s.level = 'branch'`,
  );
}
