import { type SQL, sql } from 'drizzle-orm';
import { type Dashboard, type DashboardQuery, type Figures, INDICATORS } from '../../../contracts/oversight';
import type { Db } from '../../db/client';
import type { RequestContext } from '../../lib/audit';
import type { Clock } from '../../lib/clock';
import { invalid, notFound } from '../../lib/errors';
import { vietnamDay, vietnamDayStart } from '../../lib/vn-time';
import { assertCan, can } from '../../policy/policy';
import { unitScopeSql } from '../../policy/scope';
import type { GroupTally } from '../compliance/compliance.repo';
import { makeComplianceService } from '../compliance/compliance.service';
import { addDays, type Period, parsePeriodKey, periodOf } from '../meetings/periods';
import { introducedCounts } from '../party/party.repo';
import { liveMembershipsEverywhere } from '../people/people.repo';
import { findUnit } from '../units/units.repo';
import { DEFINITIONS } from './definitions';
import {
  childUnits,
  groupOf,
  peopleAt,
  type StockRow,
  stockAndFlows,
  stockRecordingStart,
  voiceCounts,
} from './oversight.repo';

const ACTION = 'compliance.read';
const BAD_PERIOD = 'Kỳ không hợp lệ. Chọn tháng (2026-11), quý (2026-Q4), 6 tháng (2026-H2) hoặc năm (2026).';
const ratio = (n: number, d: number) => (d > 0 ? n / d : null);
/**
 * Below this many branch cadres, their Party share would tell who is a Party member: it is shown only to roles
 * that may read sensitive fields (person.readSensitive) of the unit.
 */
const SMALL_CADRE_GROUP = 5;
/** Stock figures whose earlier values come from the changes recorded month by month (unit_stock_changes). */
const RECORDED = ['awayMembers', 'branchCadres', 'cadrePartyShare'] as const;
const periodOut = (p: Period) => ({ key: p.key, label: p.label, start: p.start, end: p.end });

/** The period before `p`, of the same length. */
export function previousOf(p: Period): Period {
  return periodOf(addDays(p.start, -1), p.months);
}

type Values = Partial<Record<(typeof INDICATORS)[number], number | null>>;
const emptyFigures = (): Figures =>
  Object.fromEntries(INDICATORS.map((k) => [k, { value: null, previous: null }])) as Figures;

/** Compliance figures of a group's tallies of one period (the compliance report's definitions). */
function meetingValues(t: GroupTally | undefined): Values {
  if (!t) return { branches: 0, thematic: 0 };
  return {
    branches: t.branches,
    complianceRate: ratio(t.met, t.branches),
    thematic: t.thematic,
    attendanceRate: ratio(t.attended, t.invited),
    awayAttendanceRate: ratio(t.awayAttended, t.awayInvited),
    coverageRate: ratio(t.visited, t.branches),
    coverageDifficultRate: ratio(t.difficultVisited, t.difficult),
  };
}

export function makeOversightService({ db, clock }: { db: Db; clock: Clock }) {
  const compliance = makeComplianceService({ db, clock });

  return {
    /**
     * The dashboard of the actor's scope (below `unitId` when given, one organization when given) for a period,
     * with the previous period, and the same figures per child unit for the drill-down.
     */
    async dashboard(ctx: RequestContext, q: DashboardQuery): Promise<Dashboard> {
      assertCan(ctx.actor, ACTION);
      const today = vietnamDay(clock.now());
      const period = q.period ? parsePeriodKey(q.period) : periodOf(today, 3);
      if (!period || period.months === 2) throw invalid(BAD_PERIOD, [{ field: 'querystring.period' }]);
      const prev = previousOf(period);
      let unit: Dashboard['unit'] = null;
      let self: { path: string; organizationCode: string; areaPath: string } | null = null;
      let subtree = (_: string): SQL => sql`true`;
      if (q.unitId !== undefined) {
        const u = await findUnit(db, q.unitId);
        const subject = u && { path: u.path, organizationCode: u.organizationCode, areaPath: u.areaPath };
        if (!u || !subject || !can(ctx.actor, ACTION, subject)) throw notFound('Đơn vị');
        self = subject;
        unit = { id: u.id, name: u.name, level: u.level, parentId: u.parentId ?? null };
        subtree = (a) => sql`${sql.raw(a)}.path <@ ${u.path}::ltree`;
      }
      const org = (a: string) =>
        q.organization ? sql`${sql.raw(a)}.organization_code = ${q.organization}` : sql`true`;
      // the units in scope, as a condition on an alias
      const whereOn = (a: string) =>
        sql`${sql.raw(a)}.active and ${unitScopeSql(ctx.actor, ACTION, a)} and ${subtree(a)} and ${org(a)}`;
      const where = whereOn('u');
      const under =
        unit === null
          ? sql`not exists (select 1 from units p where p.id = u.parent_id and p.active
              and ${unitScopeSql(ctx.actor, ACTION, 'p')})`
          : sql`u.parent_id = ${unit.id}`;
      const children = await childUnits(db, where, under);
      const groups = children.map((c) => ({ id: c.unitId, depth: c.depth }));

      const instants = (p: Period) => ({
        from: vietnamDayStart(p.start).toISOString(),
        until: vietnamDayStart(addDays(p.end)).toISOString(),
      });
      const nowIso = clock.now().toISOString();
      // A province-wide view (top units, or the children of a province unit) reads whole tables in one pass;
      // a commune's goes through its own units' rows.
      const wide = unit === null ? groups.some((g) => g.depth === 1) : unit.level === 'province';
      // Stock figures are taken at the end of each period, or now while the period runs.
      const curAsOf = period.end < today ? period.end : null;
      // People across organizations (peopleAt): a province-wide view may hold every live membership and then
      // counts from person_live once that is known; a smaller one counts its own memberships at once.
      const severalOrgs = unit === null && !q.organization;
      const days = curAsOf === null ? [prev.end] : [curAsOf, prev.end];
      const [
        stock,
        introduced,
        voiceCur,
        voicePrev,
        [talliesCur = [], talliesPrev = []],
        recordingStart,
        peopleOfSmallScope,
      ] = await Promise.all([
        stockAndFlows(db, where, groups, { ...period, asOf: curAsOf }, prev),
        introducedCounts(db, where, groups, period, prev),
        voiceCounts(db, where, groups, instants(period), nowIso),
        voiceCounts(db, where, groups, instants(prev), nowIso),
        compliance.tallies(ctx, {
          units: whereOn('b'),
          grp: groupOf('b', groups),
          periods: [period, prev],
          few: wide === false,
        }),
        stockRecordingStart(db),
        severalOrgs && !wide ? peopleAt(db, where, false, days) : null,
      ]);

      // Per group (child id, or 'all'), the current and previous values.
      const cur = new Map<number | 'all', Values>();
      const old = new Map<number | 'all', Values>();
      const keyOf = (r: { grp: number | null; total: boolean }) => (r.total ? 'all' : r.grp);
      const put = (m: typeof cur, k: number | 'all' | null, v: Values) => {
        if (k === null) return;
        m.set(k, { ...(m.get(k) ?? {}), ...v });
      };
      // Away and cadre counts at an earlier month end exist from the month their recording began.
      const recorded = (day: string | null) =>
        day === null || (recordingStart !== null && day >= recordingStart);
      // (figuresOf blanks away and cadres at ends before their recording began)
      const stockValues = (r: StockRow): Values => ({
        memberships: r.memberships,
        people: r.memberships,
        admitted: r.admitted,
        left: r.left,
        netChange: r.admitted - r.left,
        awayMembers: r.away,
        branchCadres: r.cadres,
        cadrePartyShare: ratio(r.cadresParty, r.cadres),
      });
      // People: a person has one live membership per organization, so in one organization's subtree (each child
      // unit, or a scope of one organization) people are its memberships; across organizations they are counted
      // once (peopleAt).
      for (const r of stock) {
        put(cur, keyOf(r.cur), stockValues(r.cur));
        put(old, keyOf(r.prev), stockValues(r.prev));
      }
      if (severalOrgs) {
        const inScope = stock.find((r) => r.cur.total)?.membershipsNow ?? 0;
        const people =
          peopleOfSmallScope ??
          (await peopleAt(db, where, inScope > 0 && inScope === (await liveMembershipsEverywhere(db)), days));
        put(cur, 'all', { people: curAsOf === null ? people.now : (people.at[0] ?? null) });
        put(old, 'all', { people: people.at[days.length - 1] ?? null });
      }
      for (const r of introduced) {
        put(cur, keyOf(r), { introducedToParty: r.introduced });
        put(old, keyOf(r), { introducedToParty: r.introducedPrev });
      }
      const voiceValues = (r: (typeof voiceCur)[number]): Values => ({
        voiceReceived: r.received,
        voiceResolved: r.resolved,
        voiceOverdue: r.overdue,
        voiceMedianDays: r.median === null ? null : Math.round(Number(r.median) * 10) / 10,
      });
      for (const r of voiceCur) put(cur, keyOf(r), voiceValues(r));
      for (const r of voicePrev) put(old, keyOf(r), voiceValues(r));

      // Meetings: the compliance report's branch rows, tallied per child in the same statement.
      for (const [tallies, into] of [
        [talliesCur, cur],
        [talliesPrev, old],
      ] as const) {
        put(into, 'all', meetingValues(tallies.find((t) => t.total)));
        for (const { id } of groups)
          put(into, id, meetingValues(tallies.find((t) => !t.total && t.grp === id)));
      }

      const zeroCounts: Values = {
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
      };
      type Subject = { path: string; organizationCode: string; areaPath: string };
      const figuresOf = (k: number | 'all', subject: Subject | null): Figures => {
        const out = emptyFigures();
        const c = { ...zeroCounts, ...(cur.get(k) ?? {}) };
        const p = { ...zeroCounts, ...(old.get(k) ?? {}) };
        for (const key of INDICATORS) out[key] = { value: c[key] ?? null, previous: p[key] ?? null };
        if (!recorded(prev.end)) {
          for (const key of RECORDED) out[key].previous = null;
        }
        if (!recorded(curAsOf)) {
          for (const key of RECORDED) out[key].value = null;
        }
        // a subject of null: the actor's whole scope, sensitive only if every part of it may be read
        const sensitive = subject
          ? can(ctx.actor, 'person.readSensitive', subject)
          : children.every((c) => can(ctx.actor, 'person.readSensitive', c));
        const few = (n: number | null) => n !== null && n < SMALL_CADRE_GROUP;
        if (!sensitive && (few(out.branchCadres.value) || few(out.branchCadres.previous))) {
          out.cadrePartyShare = { value: null, previous: null };
        }
        return out;
      };
      return {
        period: periodOut(period),
        previous: periodOut(prev),
        unit,
        organization: q.organization ?? null,
        figures: figuresOf('all', self),
        children: children.map((c) => ({
          unitId: c.unitId,
          name: c.name,
          level: c.level,
          organizationCode: c.organizationCode,
          figures: figuresOf(c.unitId, c),
        })),
        definitions: DEFINITIONS,
        recordedFrom: recordingStart,
      };
    },
  };
}
export type OversightService = ReturnType<typeof makeOversightService>;
