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

/** A drill-down group: a child unit and the depth of its path (nlevel). */
export interface Group {
  id: number;
  depth: number;
}

/**
 * The group of a unit (alias `a`): the label of its path, at a group's depth, that is one of the groups (labels
 * are unit ids; the groups' subtrees never overlap), or null. A cast per unit instead of comparing every unit's
 * path with every group's.
 */
export function groupOf(a: string, groups: readonly Group[]): SQL {
  const depths = [...new Set(groups.map((g) => g.depth))].sort((x, y) => x - y);
  if (depths.length === 0) return sql`null::int`;
  const path = sql.raw(`${a}.path`);
  const cases = depths.map((d) => {
    const ids = groups.filter((g) => g.depth === d).map((g) => g.id);
    const label = sql`ltree2text(subpath(${path}, ${d - 1}, 1))::int`;
    return sql`case when nlevel(${path}) >= ${d} and ${label} = any(${pgArray(ids)}::int[]) then ${label} end`;
  });
  return cases.length === 1 ? (cases[0] as SQL) : sql`coalesce(${sql.join(cases, sql`, `)})`;
}

/** Units in scope (`where` on alias u) with their drill-down group (groupOf). */
export const scoped = (where: SQL, groups: readonly Group[]) => sql`su as materialized (
  select u.id, u.level, ${groupOf('u', groups)} as grp from units u where ${where})`;

const GROUPS = sql`group by grouping sets ((s.grp), ())`;
const GROUP_COLS = sql`s.grp, (grouping(s.grp) = 1) as total`;

/**
 * The drill-down rows: units matching `where` (alias u) and `under` (e.g. a parent id, or "the parent is out of
 * scope" for the topmost units an actor sees).
 */
export function childUnits(db: DbOrTx, where: SQL, under: SQL) {
  return rows<{
    unitId: number;
    name: string;
    level: string;
    organizationCode: string;
    depth: number;
    path: string;
    areaPath: string;
  }>(
    db,
    sql`select u.id as "unitId", u.name, u.level, u.organization_code as "organizationCode", nlevel(u.path) as depth,
      u.path::text as path, a.path::text as "areaPath"
    from units u join areas a on a.id = u.area_id where ${where} and ${under}
    order by u.organization_code, u.name, u.id`,
  );
}

/** Whole months: the first and last day. */
export interface Window {
  start: string;
  end: string;
}

/**
 * Memberships, members working away, branch cadres and Party cadres of one group at the end of a period (or now),
 * with the period's admissions and leavers.
 */
export interface StockRow extends Grouped {
  memberships: number;
  away: number;
  cadres: number;
  cadresParty: number;
  admitted: number;
  left: number;
}

/**
 * Per group and in total, for the period (`cur`, its stock as at `curAsOf`: its last day, or null for now) and
 * the previous one (stock at its last day), in one statement over the aggregates kept on write:
 * - memberships now from unit_member_counts; at an earlier day, minus the admissions and plus the leavers of the
 *   months after it (unit_month_flows: counted in the unit the membership is in now, like the flows themselves);
 * - away / branch cadres / Party cadres now from unit_member_counts; at the end of an earlier month, minus the
 *   changes recorded after it (unit_stock_changes) — the caller drops these where recording began later;
 * - admissions and leavers of each period from unit_month_flows.
 * Rows are per membership: a person in two organizations counts in each (decision 0017).
 */
const SUMS = [
  'm_now',
  'a_now',
  'c_now',
  'p_now',
  'm_cur',
  'm_prev',
  'a_cur',
  'a_prev',
  'c_cur',
  'c_prev',
  'p_cur',
  'p_prev',
  'adm',
  'lft',
  'adm_prev',
  'lft_prev',
] as const;

export async function stockAndFlows(
  db: DbOrTx,
  where: SQL,
  groups: readonly Group[],
  cur: Window & { asOf: string | null },
  prev: Window,
) {
  const after = (day: string | null) => (day === null ? sql`false` : sql`f.month > ${day}::date`);
  const afterK = (day: string | null) => (day === null ? sql`false` : sql`k.month > ${day}::date`);
  const inW = (w: Window) => sql`f.month between ${w.start}::date and ${w.end}::date`;
  const flowSums = (col: string, cond: SQL) =>
    sql`coalesce(sum(f.${sql.raw(col)}) filter (where ${cond}), 0)`;
  const branch = sql`(s.level = 'branch')::int`;
  const out = await rows<{ grp: number | null; total: boolean } & Record<(typeof SUMS)[number], number>>(
    db,
    sql`with ${scoped(where, groups)},
    x as (
      select s.grp, c.members as m_now, c.away as a_now, c.cadres * ${branch} as c_now,
        c.cadres_party * ${branch} as p_now,
        0 as m_cur, 0 as m_prev, 0 as a_cur, 0 as a_prev, 0 as c_cur, 0 as c_prev, 0 as p_cur, 0 as p_prev,
        0 as adm, 0 as lft, 0 as adm_prev, 0 as lft_prev
      from su s join unit_member_counts c on c.unit_id = s.id
      union all
      select s.grp, 0, 0, 0, 0,
        ${flowSums('"left"', after(cur.asOf))} - ${flowSums('admitted', after(cur.asOf))},
        ${flowSums('"left"', after(prev.end))} - ${flowSums('admitted', after(prev.end))},
        0, 0, 0, 0, 0, 0,
        ${flowSums('admitted', inW(cur))}, ${flowSums('"left"', inW(cur))},
        ${flowSums('admitted', inW(prev))}, ${flowSums('"left"', inW(prev))}
      from su s join unit_month_flows f on f.unit_id = s.id
      where f.month >= ${prev.start}::date
      group by s.grp
      union all
      select s.grp, 0, 0, 0, 0, 0, 0,
        -coalesce(sum(k.away) filter (where ${afterK(cur.asOf)}), 0),
        -coalesce(sum(k.away), 0),
        -coalesce(sum(k.cadres * ${branch}) filter (where ${afterK(cur.asOf)}), 0),
        -coalesce(sum(k.cadres * ${branch}), 0),
        -coalesce(sum(k.cadres_party * ${branch}) filter (where ${afterK(cur.asOf)}), 0),
        -coalesce(sum(k.cadres_party * ${branch}), 0),
        0, 0, 0, 0
      from su s join unit_stock_changes k on k.unit_id = s.id
      where k.month > ${prev.end}::date
      group by s.grp)
    select s.grp, (grouping(s.grp) = 1) as total,
      sum(m_now)::int as m_now, sum(a_now)::int as a_now, sum(c_now)::int as c_now, sum(p_now)::int as p_now,
      sum(m_cur)::int as m_cur, sum(m_prev)::int as m_prev, sum(a_cur)::int as a_cur, sum(a_prev)::int as a_prev,
      sum(c_cur)::int as c_cur, sum(c_prev)::int as c_prev, sum(p_cur)::int as p_cur, sum(p_prev)::int as p_prev,
      sum(adm)::int as adm, sum(lft)::int as lft, sum(adm_prev)::int as adm_prev, sum(lft_prev)::int as lft_prev
    from x s ${GROUPS}`,
  );
  return out.map((r) => {
    const at = (m: number, a: number, c: number, p: number, adm: number, lft: number): StockRow => ({
      grp: r.grp,
      total: r.total,
      memberships: r.m_now + m,
      away: r.a_now + a,
      cadres: r.c_now + c,
      cadresParty: r.p_now + p,
      admitted: adm,
      left: lft,
    });
    return {
      membershipsNow: r.m_now,
      cur: at(r.m_cur, r.a_cur, r.c_cur, r.p_cur, r.adm, r.lft),
      prev: at(r.m_prev, r.a_prev, r.c_prev, r.p_prev, r.adm_prev, r.lft_prev),
    };
  });
}

/** The first month whose end unit_stock_changes can give (the month recording began), as its first day. */
export async function stockRecordingStart(db: DbOrTx): Promise<string | null> {
  const [r] = await rows<{ d: string }>(
    db,
    sql`select started_on::text as d from stock_recording where id = 1`,
  );
  return r?.d ?? null;
}

const LIVE = sql`m.status in ('active', 'transferring')`;
const ENDED = sql`m.status in ('left', 'removed', 'deceased', 'aged_out')`;

/**
 * Distinct people with a live membership in scope (`where` on alias u) now and at each of `days`. A membership was
 * live on a day when it had begun (joined_on on or before it, or unknown) and is live now or ended after it.
 * - When the scope holds every live membership (`everything`): from person_live, whose `since` is when a person's
 *   earliest live membership began. On a day, the people then are: those live now since before it, plus those
 *   with an ended membership live on it (read from the few ended after it) who are not among them.
 * - Otherwise: one pass over the scope's memberships.
 */
export async function peopleAt(db: DbOrTx, where: SQL, everything: boolean, days: readonly string[]) {
  const col = (i: number) => sql.raw(`d${i}`);
  const endedOn = (d: string) =>
    sql`${ENDED} and m.left_on > ${d}::date and (m.joined_on is null or m.joined_on <= ${d}::date)`;
  const earliest = [...days].sort()[0] ?? '9999-12-31';
  if (!everything) {
    // now: the scope's live memberships; on a day: only the people with a membership begun or ended after it
    const liveOn = (d: string) => sql`(m.joined_on is null or m.joined_on <= ${d}::date) and ${LIVE}`;
    const cols = days.map((d, i) => sql`, bool_or(${liveOn(d)} or (${endedOn(d)})) as ${col(i)}`);
    const diffs = days.map(
      (_, i) => sql`, (count(*) filter (where ${col(i)} and not live))::int
        - (count(*) filter (where live and not ${col(i)}))::int as ${col(i)}`,
    );
    const [r] = await rows<Record<string, number>>(
      db,
      sql`with su as materialized (select u.id from units u where ${where}),
      c as (
        select distinct m.person_id from su cross join lateral (select m.person_id from memberships m
          where m.unit_id = su.id and (m.joined_on > ${earliest}::date or m.left_on > ${earliest}::date) offset 0) m),
      p as (
        select m.person_id, bool_or(${LIVE}) as live ${sql.join(cols, sql``)}
        from c join memberships m on m.person_id = c.person_id join su on su.id = m.unit_id group by m.person_id)
      select (select count(distinct m.person_id)::int from su join memberships m on m.unit_id = su.id and ${LIVE})
        as now ${sql.join(diffs, sql``)}
      from p`,
    );
    const now = r?.now ?? 0;
    return { now, at: days.map((_, i) => now + (r?.[`d${i}`] ?? 0)) };
  }
  const since = days.map((d, i) => sql`, (count(*) filter (where l.since > ${d}::date))::int as ${col(i)}`);
  const ended = days.map((d, i) => sql`, bool_or(${endedOn(d)}) as ${col(i)}`);
  // per day: ended-then people live now since after the day (already subtracted) or not live now
  const back = days.map(
    (
      d,
      i,
    ) => sql`, (count(*) filter (where e.${col(i)} and (l.person_id is null or l.since > ${d}::date)))::int
      as ${col(i)}`,
  );
  const [r] = await rows<{ now: number; later: Record<string, number>; back: Record<string, number> | null }>(
    db,
    sql`with e as (
        select m.person_id ${sql.join(ended, sql``)} from memberships m
        where m.left_on > ${earliest}::date and ${ENDED} group by m.person_id)
      select (select count(*)::int from person_live) as now,
        (select row_to_json(x) from (select 0 as z ${sql.join(since, sql``)} from person_live l
          where l.since > ${earliest}::date) x) as later,
        (select row_to_json(x) from (select 0 as z ${sql.join(back, sql``)}
          from e left join person_live l on l.person_id = e.person_id) x) as back`,
  );
  const now = r?.now ?? 0;
  return {
    now,
    at: days.map((_, i) => now - (r?.later?.[`d${i}`] ?? 0) + (r?.back?.[`d${i}`] ?? 0)),
  };
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
export function voiceCounts(db: DbOrTx, where: SQL, groups: readonly Group[], w: Instants, now: string) {
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
