/**
 * The hand-written floor of the oversight.* scenarios: the oversight Dashboard of a scope for a period, from SQL
 * written directly against units, unit_member_counts, memberships, persons, person_live, unit_month_flows,
 * unit_period_compliance, voice_items and party_introductions, following DEFINITIONS[].counts and
 * docs/decisions/0011 (no call into the oversight or compliance modules). One statement for the drill-down units,
 * then three statements at once, each one pass per table, grouped per child with grouping sets. The due periods of
 * each (organization, branch kind) are calendar arithmetic on the rhythm rules, done once in setup.
 */
import { type SQL, sql } from 'drizzle-orm';
import { type Dashboard, type Figures, INDICATORS } from '../../contracts/oversight';
import type { Db } from '../../server/db/client';
import { pgArray, rows } from '../../server/db/query';
import { vietnamDay } from '../../server/lib/vn-time';
import { rhythmRules } from '../../server/modules/meetings/meetings.repo';
import {
  addDays,
  type Period,
  parsePeriodKey,
  periodOf,
  unitPeriodsDue,
} from '../../server/modules/meetings/periods';
import { DEFINITIONS } from '../../server/modules/oversight/definitions';
import { SEED_DAY_CLOCK } from '../lib/actors';

export const QUARTER = '2026-Q3';

/** A scope as SQL on a units alias: what unitScopeSql gives for the grant (admin, unit subtree, area subtree). */
export type ScopeSql = (alias: string) => SQL;
export const everything: ScopeSql = () => sql`true`;
export const underPath =
  (path: string): ScopeSql =>
  (a) =>
    sql`${sql.raw(a)}.path <@ ${path}::ltree`;
export const inAreaOf =
  (areaPath: string): ScopeSql =>
  (a) =>
    sql`${sql.raw(a)}.area_id in (select ar.id from areas ar where ar.path <@ ${areaPath}::ltree)`;

interface Due {
  org: string;
  kind: string;
  /** 0: the period asked for, 1: the previous one */
  which: number;
  key: string;
  end: string;
}

/** The period asked for, the one before it, and the due periods of every (organization, branch kind) in both. */
export async function periodsOf(db: Db, key: string) {
  const period = parsePeriodKey(key) as Period;
  const prev = periodOf(addDays(period.start, -1), period.months);
  const rules = await rhythmRules(db);
  if (rules.some((r) => r.unitId != null)) {
    throw new Error('oversight floor: the dataset has single-unit rhythm rules; extend the floor');
  }
  const kinds = await rows<{ org: string; kind: string }>(
    db,
    sql`select distinct organization_code as org, kind from units where level = 'branch' order by 1, 2`,
  );
  const due: Due[] = [];
  for (const [which, p] of [period, prev].entries()) {
    for (const { org, kind } of kinds) {
      const mine = rules.filter((r) => r.org === org);
      for (const d of unitPeriodsDue(mine, p.start, p.end, { kind })) {
        due.push({ org, kind, which, key: d.key, end: d.end });
      }
    }
  }
  const today = vietnamDay(SEED_DAY_CLOCK.now());
  return { period, prev, due, today, now: SEED_DAY_CLOCK.now().toISOString() };
}
export type Periods = Awaited<ReturnType<typeof periodsOf>>;

const out = (p: Period) => ({ key: p.key, label: p.label, start: p.start, end: p.end });
const ratio = (n: number, d: number) => (d > 0 ? n / d : null);
const dayStart = (d: string) => new Date(`${d}T00:00:00+07:00`).toISOString();

/** A grouped row of one of the floor's sub-selects (each has some of these columns). */
type Row = {
  grp: number | null;
  total: boolean;
  median: number | null;
  median_prev: number | null;
  org_min: string;
  org_max: string;
} & Record<
  | 'which'
  | 'memberships'
  | 'people'
  | 'away'
  | 'cadres'
  | 'party'
  | 'admitted'
  | 'left'
  | 'admitted_prev'
  | 'left_prev'
  | 'cadres_party'
  | 'm_after_cur'
  | 'm_after_prev'
  | 'a_after_cur'
  | 'a_after_prev'
  | 'c_after_cur'
  | 'c_after_prev'
  | 'p_after_cur'
  | 'p_after_prev'
  | 'received'
  | 'resolved'
  | 'overdue'
  | 'received_prev'
  | 'resolved_prev'
  | 'overdue_prev'
  | 'introduced'
  | 'introduced_prev'
  | 'branches'
  | 'met'
  | 'thematic'
  | 'invited'
  | 'attended'
  | 'away_invited'
  | 'away_attended'
  | 'visited'
  | 'difficult'
  | 'difficult_visited',
  number
>;

type Lists = Record<'members' | 'flows' | 'changes' | 'voice' | 'party' | 'meetings', Row[] | null> & {
  /** people across organizations: now, at the period's end (when it has ended) and at the previous one's */
  distinct_people: { now: number; at_cur: number; at_prev: number; everything: boolean } | null;
  recording_start: string | null;
};

/** The dashboard of `scope` (below `unitId` when given, else the scope's topmost units), straight from SQL. */
export async function floorDashboard(
  db: Db,
  scope: ScopeSql,
  unitId: number | null,
  { period, prev, due, today, now }: Periods,
): Promise<Dashboard> {
  // 1. The drill-down units (and the unit itself).
  const heads = await rows<{
    id: number;
    name: string;
    level: string;
    org: string;
    parentId: number | null;
    depth: number;
    self: boolean;
  }>(
    db,
    sql`select u.id, u.name, u.level, u.organization_code as org, u.parent_id as "parentId",
      nlevel(u.path) as depth, ${unitId === null ? sql`false` : sql`u.id = ${unitId}`} as self
    from units u
    where ${
      unitId === null
        ? sql`u.active and ${scope('u')} and not exists (select 1 from units p where p.id = u.parent_id
            and p.active and ${scope('p')})`
        : sql`u.id = ${unitId} or (u.parent_id = ${unitId} and u.active and ${scope('u')})`
    }
    order by u.organization_code, u.name, u.id`,
  );
  const me = heads.find((h) => h.self) ?? null;
  const children = heads.filter((h) => !h.self);
  const depths = new Set(children.map((c) => c.depth));
  if (depths.size > 1)
    throw new Error('oversight floor: drill-down units at several depths; extend the floor');
  const depth = [...depths][0] ?? 1;
  const ids = pgArray(children.map((c) => c.id));

  // 2. Every figure, one pass per table, per child and in total.
  const w = (col: SQL, p: Period) => sql`${col} between ${p.start}::date and ${p.end}::date`;
  const live = sql`m.status in ('active', 'transferring')`;
  const at = (p: Period) => ({ from: dayStart(p.start), until: dayStart(addDays(p.end)) });
  const [cur, old] = [at(period), at(prev)];
  const inV = (x: { from: string; until: string }) =>
    sql`v.raised_at >= ${x.from}::timestamptz and v.raised_at < ${x.until}::timestamptz`;
  const col = <K extends keyof Due>(k: K) => pgArray(due.map((d) => d[k]));
  const G = sql`group by grouping sets ((s.grp), ())`;
  const label = sql`(string_to_array(u.path::text, '.'))[${depth}]::int`;
  // One live membership per person and organization (memberships_live_person_org_uq): within one organization
  // people are its live memberships (unit_member_counts); a scope of several organizations counts its people
  // once: every person with a live membership (person_live) when no live membership lies outside the scope,
  // else one distinct pass.
  const severalOrgs = unitId === null && new Set(children.map((c) => c.org)).size !== 1;
  const C = sql`s.grp, grouping(s.grp) = 1 as total`;
  // A province-wide scope reads the window's compliance rows once (materialized), a smaller one through its units.
  const wide = me?.level === 'province' || (unitId === null && depth === 1);
  // Stock figures at the period's end (now while it runs) and at the previous period's end.
  const curEnd = period.end < today ? period.end : null;
  const after = (col: SQL, day: string | null) => (day === null ? sql`false` : sql`${col} > ${day}::date`);
  const liveOn = (d: string) => sql`(m.joined_on is null or m.joined_on <= ${d}::date) and (${live}
    or (m.status in ('left', 'removed', 'deceased', 'aged_out') and m.left_on > ${d}::date))`;
  const firstDay = prev.end; // the earlier of the two days
  const ended = sql`m.status in ('left', 'removed', 'deceased', 'aged_out')`;
  const endedOn = (d: string) =>
    sql`${ended} and m.left_on > ${d}::date and (m.joined_on is null or m.joined_on <= ${d}::date)`;
  const overdue = sql`v.status <> 'merged' and (v.overdue_count > 0 or (v.status = 'open' and v.due_at < ${now}::timestamptz))`;
  const days = sql`extract(epoch from (v.answered_at - v.raised_at)) / 86400`;
  // The units in scope with their group: inlined in each sub-select (the planner then knows its size).
  const S = sql`(select u.id, u.level, u.kind, u.organization_code as org, u.difficult_area as difficult,
      case when ${label} = any(${ids}::int[]) then ${label} end as grp
    from units u where u.active and ${scope('u')}
      ${unitId === null ? sql`` : sql`and u.path <@ (select path from units where id = ${unitId})`}) s`;
  const meetingsCtes = sql`due(org, kind, which, key, period_end) as (
      select * from unnest(${col('org')}::text[], ${col('kind')}::text[], ${col('which')}::int[],
        ${col('key')}::text[], ${col('end')}::date[])),
    win as ${wide ? sql`materialized` : sql`not materialized`} (select * from unit_period_compliance c
      where c.period_end between ${prev.start}::date and ${period.end}::date),
    req as (select org, kind, which, count(*)::int as required,
        (count(*) filter (where period_end < ${today}::date))::int as past from due group by 1, 2, 3),
    agg as (
      select c.unit_id, d.which, (count(*) filter (where c.held > 0))::int as held,
        (count(*) filter (where c.held > 0 and d.period_end < ${today}::date))::int as held_past,
        sum(c.invited_sum) as invited, sum(c.attended_sum) as attended,
        sum(c.away_invited_sum) as away_invited, sum(c.away_attended_sum) as away_attended,
        sum(c.thematic) as thematic, sum(c.cadre_visited) as visited
      from win c join ${S} on s.id = c.unit_id and s.level = 'branch'
        join due d on d.key = c.period_key and d.org = s.org and d.kind = s.kind
          and c.period_end >= case d.which when 0 then ${period.start}::date else ${prev.start}::date end
          and c.period_end <= case d.which when 0 then ${period.end}::date else ${prev.end}::date end
      group by 1, 2),
    br as (
      select s.grp, s.difficult, k.which,
        coalesce(a.held, 0) >= coalesce(q.required, 0) as met, coalesce(a.visited, 0) > 0 as visited,
        a.thematic, a.invited, a.attended, a.away_invited, a.away_attended
      from ${S} cross join (values (0), (1)) k(which)
        left join req q on q.org = s.org and q.kind = s.kind and q.which = k.which
        left join agg a on a.unit_id = s.id and a.which = k.which
      where s.level = 'branch')`;
  // Three statements at once (the pool has connections to spare), each one pass per table.
  const statements = [
    sql`select
      (select json_agg(t) from (select ${C}, min(s.org) as org_min, max(s.org) as org_max,
          sum(c.members)::int as memberships, sum(c.away)::int as away,
          coalesce(sum(c.cadres) filter (where s.level = 'branch'), 0)::int as cadres,
          coalesce(sum(c.cadres_party) filter (where s.level = 'branch'), 0)::int as cadres_party
        from ${S} join unit_member_counts c on c.unit_id = s.id ${G}) t) as members,
      (select json_agg(t) from (select ${C},
          coalesce(sum(f.admitted) filter (where ${w(sql`f.month`, period)}), 0)::int as admitted,
          coalesce(sum(f."left") filter (where ${w(sql`f.month`, period)}), 0)::int as left,
          coalesce(sum(f.admitted) filter (where ${w(sql`f.month`, prev)}), 0)::int as admitted_prev,
          coalesce(sum(f."left") filter (where ${w(sql`f.month`, prev)}), 0)::int as left_prev,
          coalesce(sum(f."left" - f.admitted) filter (where ${after(sql`f.month`, curEnd)}), 0)::int as m_after_cur,
          coalesce(sum(f."left" - f.admitted) filter (where f.month > ${prev.end}::date), 0)::int as m_after_prev
        from unit_month_flows f join ${S} on s.id = f.unit_id
        where f.month >= ${prev.start}::date ${G}) t) as flows,
      (select json_agg(t) from (select ${C},
          coalesce(sum(k.away) filter (where ${after(sql`k.month`, curEnd)}), 0)::int as a_after_cur,
          coalesce(sum(k.away), 0)::int as a_after_prev,
          coalesce(sum(k.cadres) filter (where s.level = 'branch' and ${after(sql`k.month`, curEnd)}), 0)::int as c_after_cur,
          coalesce(sum(k.cadres) filter (where s.level = 'branch'), 0)::int as c_after_prev,
          coalesce(sum(k.cadres_party) filter (where s.level = 'branch' and ${after(sql`k.month`, curEnd)}), 0)::int
            as p_after_cur,
          coalesce(sum(k.cadres_party) filter (where s.level = 'branch'), 0)::int as p_after_prev
        from unit_stock_changes k join ${S} on s.id = k.unit_id
        where k.month > ${prev.end}::date ${G}) t) as changes,
      (select started_on::text from stock_recording) as recording_start,
      ${
        !severalOrgs
          ? sql`null::json`
          : wide
            ? // every live membership is in scope (checked): person_live and its since; ended-then people apart
              sql`(with e as (select m.person_id, bool_or(${endedOn(curEnd ?? today)}) as e_cur,
                  bool_or(${endedOn(prev.end)}) as e_prev
                from memberships m where m.left_on > ${firstDay}::date and ${ended} group by m.person_id),
              l as (select count(*)::int as n, (count(*) filter (where since > ${curEnd ?? today}::date))::int as l_cur,
                (count(*) filter (where since > ${prev.end}::date))::int as l_prev from person_live),
              b as (select (count(*) filter (where e.e_cur and (p.person_id is null or p.since > ${curEnd ?? today}::date)))::int
                  as b_cur,
                (count(*) filter (where e.e_prev and (p.person_id is null or p.since > ${prev.end}::date)))::int as b_prev
                from e left join person_live p on p.person_id = e.person_id)
              select json_build_object('now', l.n, 'at_cur', l.n - l.l_cur + b.b_cur, 'at_prev', l.n - l.l_prev + b.b_prev,
                'everything', not exists (select 1 from unit_member_counts c join units u on u.id = c.unit_id
                  where c.members > 0 and not (u.active and ${scope('u')})))
              from l, b)`
            : // the scope's memberships begun or ended after the earlier day, unit by unit
              sql`(with su as materialized (select s.id from ${S}),
              c as (select distinct m.person_id from su cross join lateral (select m.person_id from memberships m
                where m.unit_id = su.id and (m.joined_on > ${firstDay}::date or m.left_on > ${firstDay}::date) offset 0) m),
              d as (select m.person_id, bool_or(${live}) as now, bool_or(${liveOn(curEnd ?? today)}) as at_cur,
                  bool_or(${liveOn(prev.end)}) as at_prev
                from c join memberships m on m.person_id = c.person_id join su on su.id = m.unit_id group by m.person_id),
              n as (select count(distinct m.person_id)::int as now from su join memberships m on m.unit_id = su.id and ${live})
              select json_build_object('now', n.now,
                'at_cur', n.now + (count(d.*) filter (where d.at_cur and not d.now)) - (count(d.*) filter (where d.now and not d.at_cur)),
                'at_prev', n.now + (count(d.*) filter (where d.at_prev and not d.now)) - (count(d.*) filter (where d.now and not d.at_prev)),
                'everything', false)
              from n left join d on true group by n.now)`
      } as distinct_people,
      (select json_agg(t) from (select ${C},
          (count(*) filter (where ${inV(cur)}))::int as received,
          (count(*) filter (where ${inV(cur)} and v.answered_at is not null))::int as resolved,
          (count(*) filter (where ${inV(cur)} and ${overdue}))::int as overdue,
          percentile_cont(0.5) within group (order by ${days}) filter (where ${inV(cur)} and v.answered_at is not null) as median,
          (count(*) filter (where ${inV(old)}))::int as received_prev,
          (count(*) filter (where ${inV(old)} and v.answered_at is not null))::int as resolved_prev,
          (count(*) filter (where ${inV(old)} and ${overdue}))::int as overdue_prev,
          percentile_cont(0.5) within group (order by ${days}) filter (where ${inV(old)} and v.answered_at is not null) as median_prev
        from voice_items v join ${S} on s.id = v.unit_id
        where v.raised_at >= ${old.from}::timestamptz and v.raised_at < ${cur.until}::timestamptz ${G}) t) as voice,
      (select json_agg(t) from (select ${C},
          (count(distinct i.person_id) filter (where ${w(sql`i.stage_on`, period)}))::int as introduced,
          (count(distinct i.person_id) filter (where ${w(sql`i.stage_on`, prev)}))::int as introduced_prev
        from party_introductions i join ${S} on s.id = i.unit_id
        where i.stage = 'introduced' and i.stage_on between ${prev.start}::date and ${period.end}::date ${G}) t) as party`,
    sql`with ${meetingsCtes}
    select
      (select json_agg(t) from (select s.grp, grouping(s.grp) = 1 as total, s.which, count(*)::int as branches,
          (count(*) filter (where s.met))::int as met, coalesce(sum(s.thematic), 0)::int as thematic,
          coalesce(sum(s.invited), 0)::int as invited, coalesce(sum(s.attended), 0)::int as attended,
          coalesce(sum(s.away_invited), 0)::int as away_invited, coalesce(sum(s.away_attended), 0)::int as away_attended,
          (count(*) filter (where s.visited))::int as visited, (count(*) filter (where s.difficult))::int as difficult,
          (count(*) filter (where s.visited and s.difficult))::int as difficult_visited
        from br s group by grouping sets ((s.grp, s.which), (s.which))) t) as meetings`,
  ];
  // Hand-tuned: no JIT (compiling costs more than running these) and room to sort in memory.
  const parts = await Promise.all(
    statements.map((statement) =>
      db.transaction(async (tx) => {
        await tx.execute(sql`set local jit = off`);
        await tx.execute(sql`set local work_mem = '64MB'`);
        return (await rows<Partial<Lists>>(tx as unknown as Db, statement))[0];
      }),
    ),
  );
  const res: Partial<Lists> = Object.assign({}, ...parts);

  // 3. The figures per group (a child's id, or -1 for the total).
  type V = Partial<Record<(typeof INDICATORS)[number], number | null>>;
  const vals = new Map<string, V>();
  const put = (which: 0 | 1, r: { grp: number | null; total: boolean }, v: V) => {
    if (!r.total && r.grp === null) return;
    const k = `${which}:${r.total ? -1 : r.grp}`;
    vals.set(k, { ...vals.get(k), ...v });
  };
  const list = (k: 'members' | 'flows' | 'changes' | 'voice' | 'party' | 'meetings') => res?.[k] ?? [];
  const recorded = (day: string | null) =>
    day === null || (res.recording_start != null && day >= res.recording_start);
  // Stock: the counts now, then at each day minus what came after it (flows; recorded changes).
  const keyOf = (r: Row) => (r.total ? -1 : (r.grp as number));
  const later = new Map<number, Row>();
  for (const r of [...list('flows'), ...list('changes')])
    later.set(keyOf(r), { ...later.get(keyOf(r)), ...r });
  for (const r of list('members')) {
    if (r.org_min !== r.org_max && !(r.total && severalOrgs)) {
      throw new Error('oversight floor: a group spans organizations; extend the floor');
    }
    const a = later.get(keyOf(r));
    const n = (k: keyof Row) => Number(a?.[k] ?? 0);
    const at = (m: number, aw: number, c: number, p: number): V => ({
      memberships: r.memberships + m,
      people: r.memberships + m,
      awayMembers: r.away - aw,
      branchCadres: r.cadres - c,
      cadrePartyShare: ratio(r.cadres_party - p, r.cadres - c),
    });
    put(0, r, at(n('m_after_cur'), n('a_after_cur'), n('c_after_cur'), n('p_after_cur')));
    put(1, r, at(n('m_after_prev'), n('a_after_prev'), n('c_after_prev'), n('p_after_prev')));
  }
  for (const r of list('flows')) {
    put(0, r, { admitted: r.admitted, left: r.left, netChange: r.admitted - r.left });
    put(1, r, { admitted: r.admitted_prev, left: r.left_prev, netChange: r.admitted_prev - r.left_prev });
  }
  const dp = res.distinct_people;
  if (dp && wide && !dp.everything) throw new Error('oversight floor: a wide scope without every membership');
  if (dp) {
    const total = { grp: null, total: true };
    put(0, total, { people: curEnd === null ? dp.now : dp.at_cur });
    put(1, total, { people: dp.at_prev });
  }
  const med = (m: number | null) => (m === null ? null : Math.round(Number(m) * 10) / 10);
  for (const r of list('voice')) {
    put(0, r, {
      voiceReceived: r.received,
      voiceResolved: r.resolved,
      voiceOverdue: r.overdue,
      voiceMedianDays: med(r.median),
    });
    put(1, r, {
      voiceReceived: r.received_prev,
      voiceResolved: r.resolved_prev,
      voiceOverdue: r.overdue_prev,
      voiceMedianDays: med(r.median_prev),
    });
  }
  for (const r of list('party')) {
    put(0, r, { introducedToParty: r.introduced });
    put(1, r, { introducedToParty: r.introduced_prev });
  }
  // A group without branches held no thematic meeting (0, as the total of an empty scope and as the product did
  // at 3b0e4ce); its rates stay null.
  const noBranches = (): V => ({ branches: 0, thematic: 0 });
  for (const r of list('meetings')) {
    const n = r.branches;
    put(r.which as 0 | 1, r, {
      branches: n,
      complianceRate: ratio(r.met, n),
      thematic: r.thematic,
      attendanceRate: ratio(r.attended, r.invited),
      awayAttendanceRate: ratio(r.away_attended, r.away_invited),
      coverageRate: ratio(r.visited, n),
      coverageDifficultRate: ratio(r.difficult_visited, r.difficult),
    });
  }
  const zero: V = {
    people: 0,
    memberships: 0,
    awayMembers: 0,
    branchCadres: 0,
    admitted: 0,
    left: 0,
    netChange: 0,
    voiceReceived: 0,
    voiceResolved: 0,
    voiceOverdue: 0,
    introducedToParty: 0,
    ...noBranches(),
  };
  const RECORDED = new Set<string>(['awayMembers', 'branchCadres', 'cadrePartyShare']);
  const figures = (g: number): Figures => {
    const c = { ...zero, ...vals.get(`0:${g}`) };
    const p = { ...zero, ...vals.get(`1:${g}`) };
    return Object.fromEntries(
      INDICATORS.map((k) => [
        k,
        {
          value: RECORDED.has(k) && !recorded(curEnd) ? null : (c[k] ?? null),
          previous: RECORDED.has(k) && !recorded(prev.end) ? null : (p[k] ?? null),
        },
      ]),
    ) as Figures;
  };
  return {
    period: out(period),
    previous: out(prev),
    unit: me && { id: me.id, name: me.name, level: me.level, parentId: me.parentId },
    organization: null,
    figures: figures(-1),
    children: children.map((c) => ({
      unitId: c.id,
      name: c.name,
      level: c.level,
      organizationCode: c.org,
      figures: figures(c.id),
    })),
    definitions: DEFINITIONS,
    recordedFrom: res.recording_start ?? null,
  };
}
