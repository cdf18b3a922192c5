/**
 * meetings.compliance: the province-wide compliance roll-up of a quarter (2026-Q3, complete on the seed's
 * reference day) for an administrator: every active branch of every organization with required vs held
 * meetings, attendance, away-from-home attendance, thematic meetings and cadre visits, the summary, and the
 * roll-ups per grassroots unit and per organization, and the first page of branch rows (missed first) with
 * each one's last held meeting — through ComplianceService.report().
 * The floor computes the same report in one hand-written statement over unit_period_compliance, given the due
 * periods of each (organization, unit kind), which is calendar arithmetic on the rhythm rules.
 */
import { sql } from 'drizzle-orm';
import { rows } from '../../server/db/query';
import { makeComplianceService } from '../../server/modules/compliance/compliance.service';
import { rhythmRules } from '../../server/modules/meetings/meetings.repo';
import { type Period, parsePeriodKey, unitPeriodsDue } from '../../server/modules/meetings/periods';
import { vietnamDay } from '../../server/modules/organizations/rules';
import { adminActor, ctxFor, SEED_DAY_CLOCK } from '../lib/actors';
import { type BenchContext, defineScenario } from '../lib/scenario';

const QUARTER = '2026-Q3';
/** the report's first page, as the web asks for it */
const PAGE_SIZE = 50;

/** Due periods of every (organization, branch kind) in the quarter; the dataset has no single-unit rules. */
async function dueSchedule(db: BenchContext['db'], period: Period) {
  const rules = await rhythmRules(db);
  if (rules.some((r) => r.unitId != null)) {
    throw new Error('meetings.compliance floor: the dataset has single-unit rhythm rules; extend the floor');
  }
  const kinds = await rows<{ org: string; kind: string }>(
    db,
    sql`select distinct organization_code as org, kind from units where level = 'branch' order by 1, 2`,
  );
  return kinds.flatMap(({ org, kind }) =>
    unitPeriodsDue(
      rules.filter((r) => r.org === org),
      period.start,
      period.end,
      { kind },
    ).map((p) => ({ org, kind, key: p.key, end: p.end })),
  );
}

async function setup({ db }: BenchContext) {
  const period = parsePeriodKey(QUARTER) as Period;
  return {
    period,
    today: vietnamDay(SEED_DAY_CLOCK.now()),
    due: await dueSchedule(db, period),
    admin: ctxFor(adminActor()),
    compliance: makeComplianceService({ db, clock: SEED_DAY_CLOCK }),
  };
}
type State = Awaited<ReturnType<typeof setup>>;

const vi = new Intl.Collator('vi');

/** Columns of a tally (summary or roll-up) over the branch rows r. */
const TALLY = sql`count(*)::int as branches, (count(*) filter (where r.status = 'met'))::int as met,
  (count(*) filter (where r.status = 'missed'))::int as missed,
  (count(*) filter (where r.status = 'pending'))::int as pending,
  sum(r.required)::int as required, sum(r.held)::int as held,
  (count(*) filter (where r.status = 'met'))::float8 / count(*) as rate,
  case when sum(r.invited) > 0 then sum(r.attended)::float8 / sum(r.invited) end as "attendanceRate",
  case when sum(r."awayInvited") > 0 then sum(r."awayAttended")::float8 / sum(r."awayInvited") end as "awayAttendanceRate",
  min(r.pos) as pos`;

type Tally = { pos: number; rate: number; name: string } & Record<string, unknown>;
interface Extra {
  summary: Tally;
  communes: Tally[] | null;
  organizations: Tally[] | null;
}

async function floor({ db, state }: { db: BenchContext['db']; state: State }) {
  const { period, today, due } = state;
  const values = sql.join(
    due.map((d) => sql`(${d.org}, ${d.kind}, ${d.key}, ${d.end}::date)`),
    sql`, `,
  );
  // One statement: the branch rows in report order; the first row also carries the summary and roll-ups.
  const list = await rows<Record<string, unknown> & { extra: Extra | null }>(
    db,
    sql`with due(org, kind, key, period_end) as (values ${values}),
    req as (select org, kind, count(*)::int as required,
        (count(*) filter (where period_end < ${today}::date))::int as past
      from due group by org, kind),
    win as materialized (
      select c.*, u.organization_code as org, u.kind from unit_period_compliance c join units u on u.id = c.unit_id
      where c.period_end between ${period.start}::date and ${period.end}::date),
    agg as (
      select c.unit_id, (count(*) filter (where c.held > 0))::int as held,
        (count(*) filter (where c.held > 0 and d.period_end < ${today}::date))::int as held_past,
        (count(*) filter (where c.period_end < ${today}::date and c.held = 0 and c.meetings > 0))::int as unreported,
        sum(c.invited_sum)::int as invited, sum(c.attended_sum)::int as attended,
        sum(c.away_invited_sum)::int as away_invited, sum(c.away_attended_sum)::int as away_attended,
        sum(c.thematic)::int as thematic, sum(c.cadre_visited)::int as cadre_visited,
        sum(c.late_reported)::int as late
      from win c join due d on d.key = c.period_key and d.org = c.org and d.kind = c.kind
      group by c.unit_id),
    s as (
      select b.id as "unitId", b.name as "unitName", b.parent_id as "parentId", p.name as "parentName",
        b.organization_code as "organizationCode", b.difficult_area as "difficultArea",
        coalesce(q.required, 0) as required, coalesce(a.held, 0) as held,
        case when coalesce(a.held, 0) >= coalesce(q.required, 0) then 'met'
          when coalesce(a.held_past, 0) < coalesce(q.past, 0) then 'missed' else 'pending' end as status,
        coalesce(a.unreported, 0) as unreported, coalesce(a.late, 0) as late,
        coalesce(a.invited, 0) as invited, coalesce(a.attended, 0) as attended,
        case when a.invited > 0 then a.attended::float8 / a.invited end as "attendanceRate",
        coalesce(a.thematic, 0) as thematic, coalesce(a.cadre_visited, 0) as "cadreVisited",
        coalesce(a.away_invited, 0) as "awayInvited", coalesce(a.away_attended, 0) as "awayAttended",
        case when a.away_invited > 0 then a.away_attended::float8 / a.away_invited end as "awayAttendanceRate"
      from units b left join units p on p.id = b.parent_id
      left join req q on q.org = b.organization_code and q.kind = b.kind
      left join agg a on a.unit_id = b.id
      where b.level = 'branch' and b.active),
    r as materialized (
      select s.*, row_number() over (order by case s.status when 'missed' then 0 when 'pending' then 1 else 2 end,
        s."parentName", s."unitName", s."unitId")::int as pos
      from s)
    select r.*,
      (select to_char(max(c.last_held_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
        from unit_period_compliance c
        where c.unit_id = r."unitId" and c.period_start <= ${period.end}::date) as "lastMeetingAt",
      case when r.pos = 1 then json_build_object(
      'summary', (select row_to_json(t) from (select ${TALLY} from r) t),
      'communes', (select json_agg(t) from (
        select coalesce(r."parentId", 0)::text as key, r."parentId" as "unitId",
          coalesce(min(r."parentName"), 'Đơn vị cấp trên') as name,
          (array_agg(r."organizationCode" order by r.pos))[1] as "organizationCode", ${TALLY}
        from r group by r."parentId") t),
      'organizations', (select json_agg(t) from (
        select r."organizationCode" as key, null::int as "unitId", coalesce(min(o.short_name_vi), r."organizationCode") as name,
          r."organizationCode" as "organizationCode", ${TALLY}
        from r left join organizations o on o.code = r."organizationCode" group by r."organizationCode") t)
    ) end as extra
    from r where r.pos <= ${PAGE_SIZE} order by r.pos`,
  );
  const extra = list[0]?.extra;
  const strip = ({ pos: _p, extra: _e, ...rest }: Record<string, unknown>) => rest;
  const groups = (tallies: Tally[] | null | undefined) =>
    (tallies ?? []).sort((a, b) => a.rate - b.rate || vi.compare(a.name, b.name) || a.pos - b.pos).map(strip);
  const t = extra?.summary;
  return {
    period: { key: period.key, label: period.label, start: period.start, end: period.end },
    summary: {
      branches: t?.branches ?? 0,
      met: t?.met ?? 0,
      missed: t?.missed ?? 0,
      pending: t?.pending ?? 0,
      rate: t?.rate ?? 0,
      attendanceRate: t?.attendanceRate ?? null,
      awayAttendanceRate: t?.awayAttendanceRate ?? null,
    },
    rows: list.map(strip),
    total: t?.branches ?? 0,
    page: 1,
    pageSize: PAGE_SIZE,
    rollups: { communes: groups(extra?.communes), organizations: groups(extra?.organizations) },
  };
}

export default defineScenario({
  name: 'meetings.compliance',
  description: `admin: province-wide compliance report of ${QUARTER} (summary and roll-ups over every branch, first page of ${PAGE_SIZE} branches)`,
  setup,
  parts: [
    {
      label: `province, all organizations, ${QUARTER}`,
      run: ({ state }) =>
        state.compliance.report(state.admin, { period: QUARTER, page: 1, pageSize: PAGE_SIZE }),
      floor,
    },
  ],
});
