/** Reads and writes of the yearly classification: the metrics of every branch in one statement, the proposals. */
import { type SQL, sql } from 'drizzle-orm';
import type { Metrics, Reason } from '../../../contracts/classification';
import type { DbOrTx } from '../../db/client';
import { one, pgArray, rows } from '../../db/query';

/** A due period of a schedule: every branch of (org, kind), or one special unit when unitId is set. */
export interface DueMonths {
  org: string;
  kind: string;
  unitId: number | null;
  key: string;
  end: string;
  months: number;
}

export interface YearWindow {
  start: string;
  end: string;
  /** instants bounding the year in Vietnam time: [from, until) */
  from: string;
  until: string;
  today: string;
}

/**
 * The metrics of every branch matching `where` (alias b) for a year, in one statement:
 * - rhythmShare: Σ months of the due periods (rhythm rules) held / Σ months of the due periods that ended before
 *   today or were held (a period still running and not yet held counts neither way); from unit_period_compliance;
 * - attendanceRate and thematic: Σ attended / Σ invited and Σ thematic over the aggregates of periods ending in
 *   the year;
 * - admitted: memberships at the branch with joined_on in the year;
 * - partyIntroduced: distinct people introduced to the Party (stage 'introduced') by the branch in the year;
 * - voiceOnTime: opinions raised at the branch in the year (merged ones left out) answered with no step past its
 *   deadline / those raised.
 */
export function branchMetrics(
  db: DbOrTx,
  q: { where: SQL; due: readonly DueMonths[]; specials: readonly number[]; y: YearWindow },
) {
  const col = <K extends keyof DueMonths>(k: K) => pgArray(q.due.map((d) => d[k]));
  const { y } = q;
  return rows<{ unitId: number; organizationCode: string } & Metrics>(
    db,
    sql`with due as (
      select * from unnest(${col('org')}::text[], ${col('kind')}::text[], ${col('unitId')}::int[],
        ${col('key')}::text[], ${col('end')}::date[], ${col('months')}::int[])
        as d(org, kind, unit_id, key, period_end, months)),
    br as materialized (
      select b.id, b.organization_code as org, b.kind,
        case when b.id = any(${pgArray(q.specials)}::int[]) then b.id end as special
      from units b where ${q.where}),
    rh as (
      select br.id, sum(d.months) filter (where d.period_end < ${y.today}::date or c.held > 0) as due_months,
        sum(d.months) filter (where c.held > 0) as met_months
      from br join due d on d.org = br.org and d.kind = br.kind and d.unit_id is not distinct from br.special
      left join unit_period_compliance c on c.unit_id = br.id and c.period_key = d.key
      group by br.id),
    upc as (
      select c.unit_id, sum(c.invited_sum) as invited, sum(c.attended_sum) as attended, sum(c.thematic) as thematic
      from unit_period_compliance c join br on br.id = c.unit_id
      where c.period_end between ${y.start}::date and ${y.end}::date group by c.unit_id),
    adm as (
      select m.unit_id, count(*) as n from memberships m join br on br.id = m.unit_id
      where m.joined_on between ${y.start}::date and ${y.end}::date group by m.unit_id),
    pi as (
      select p.unit_id, count(distinct p.person_id) as n from party_introductions p join br on br.id = p.unit_id
      where p.stage = 'introduced' and p.stage_on between ${y.start}::date and ${y.end}::date group by p.unit_id),
    vo as (
      select i.unit_id, count(*) as received,
        count(*) filter (where i.answered_at is not null and i.overdue_count = 0) as on_time
      from voice_items i join br on br.id = i.unit_id
      where i.status <> 'merged' and i.raised_at >= ${y.from}::timestamptz and i.raised_at < ${y.until}::timestamptz
      group by i.unit_id)
    select br.id as "unitId", br.org as "organizationCode",
      case when coalesce(rh.due_months, 0) > 0
        then coalesce(rh.met_months, 0)::float8 / rh.due_months end as "rhythmShare",
      case when coalesce(upc.invited, 0) > 0 then upc.attended::float8 / upc.invited end as "attendanceRate",
      coalesce(upc.thematic, 0)::int as thematic, coalesce(adm.n, 0)::int as admitted,
      coalesce(pi.n, 0)::int as "partyIntroduced",
      case when coalesce(vo.received, 0) > 0 then vo.on_time::float8 / vo.received end as "voiceOnTime"
    from br left join rh on rh.id = br.id left join upc on upc.unit_id = br.id left join adm on adm.unit_id = br.id
      left join pi on pi.unit_id = br.id left join vo on vo.unit_id = br.id
    order by br.id`,
  );
}

export interface Proposal {
  unitId: number;
  proposedLevel: string;
  reasons: Reason[];
  metrics: Metrics;
}

/**
 * Upserts the proposals of a year in one statement, keeping a confirmed level and its override reason (the
 * proposal, its reasons and metrics are refreshed). Answers per row whether it was new and whether it was confirmed.
 */
export function upsertProposals(db: DbOrTx, year: number, proposals: readonly Proposal[], at: string) {
  return rows<{ created: boolean; confirmed: boolean }>(
    db,
    sql`insert into unit_classifications (unit_id, year, proposed_level, reasons, metrics, proposed_at)
    select x."unitId", ${year}, x."proposedLevel", x.reasons, x.metrics, ${at}::timestamptz
    from jsonb_to_recordset(${JSON.stringify(proposals)}::jsonb)
      as x("unitId" int, "proposedLevel" text, reasons jsonb, metrics jsonb)
    on conflict (unit_id, year) do update set proposed_level = excluded.proposed_level,
      reasons = excluded.reasons, metrics = excluded.metrics, proposed_at = excluded.proposed_at
    returning (xmax = 0) as created, (level is not null) as confirmed`,
  );
}

export interface StoredRow {
  unitId: number;
  unitName: string;
  parentName: string | null;
  metrics: Metrics | null;
  proposedLevel: string | null;
  reasons: Reason[] | null;
  level: string | null;
  overrideReason: string | null;
  confirmedBy: string | null;
  confirmedAt: Date | string | null;
  proposedAt: Date | string | null;
}

const ROW_COLS = sql`b.id as "unitId", b.name as "unitName", p.name as "parentName", c.metrics,
  c.proposed_level as "proposedLevel", c.reasons, c.level, c.override_reason as "overrideReason",
  c.confirmed_by as "confirmedBy", c.confirmed_at as "confirmedAt", c.proposed_at as "proposedAt"`;

/** One page of the branches matching `where` (alias b) with their classification of the year, and the total. */
export async function listRows(
  db: DbOrTx,
  q: { where: SQL; year: number; level?: string; offset: number; limit: number },
) {
  const lvl = q.level ? sql`coalesce(c.level, c.proposed_level) = ${q.level}` : sql`true`;
  const from = sql`units b left join units p on p.id = b.parent_id
    left join unit_classifications c on c.unit_id = b.id and c.year = ${q.year}
    where ${q.where} and ${lvl}`;
  const [page, total] = await Promise.all([
    rows<StoredRow>(
      db,
      sql`select ${ROW_COLS} from ${from} order by p.name, b.name, b.id offset ${q.offset} limit ${q.limit}`,
    ),
    one<{ n: number }>(db, sql`select count(*)::int as n from ${from}`),
  ]);
  return { page, total: total?.n ?? 0 };
}

/** One branch's classification of a year (with its names), when a proposal exists. */
export function findRow(db: DbOrTx, unitId: number, year: number) {
  return one<StoredRow>(
    db,
    sql`select ${ROW_COLS} from unit_classifications c join units b on b.id = c.unit_id
    left join units p on p.id = b.parent_id where c.unit_id = ${unitId} and c.year = ${year}`,
  );
}

/**
 * Branches matching `where` (alias b) counted per group (the child of `groups` whose subtree holds them), level
 * (confirmed, else proposed; null: no proposal) and whether the level is confirmed.
 */
export function distributionCounts(db: DbOrTx, where: SQL, groups: readonly number[], year: number) {
  return rows<{ grp: number | null; code: string | null; confirmed: boolean; n: number }>(
    db,
    sql`with su as materialized (
      select b.id, (select x from unnest(string_to_array(b.path::text, '.')::int[]) x
        where x = any(${pgArray(groups)}::int[]) limit 1) as grp
      from units b where ${where})
    select s.grp, coalesce(c.level, c.proposed_level) as code, (c.level is not null) as confirmed, count(*)::int as n
    from su s left join unit_classifications c on c.unit_id = s.id and c.year = ${year}
    group by 1, 2, 3`,
  );
}

/** Confirms every still-unconfirmed proposal of a year for the branches matching `where` (alias b). */
export async function confirmAll(db: DbOrTx, where: SQL, year: number, by: string, at: string) {
  const done = await rows<{ unitId: number }>(
    db,
    sql`update unit_classifications c set level = c.proposed_level, override_reason = null,
      confirmed_by = ${by}, confirmed_at = ${at}::timestamptz
    from units b where b.id = c.unit_id and c.year = ${year} and c.level is null and ${where}
    returning c.unit_id as "unitId"`,
  );
  return done.length;
}
