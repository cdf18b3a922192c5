import { type SQL, sql } from 'drizzle-orm';
import {
  type Dashboard,
  type DashboardQuery,
  type Figure,
  type Figures,
  INDICATORS,
} from '../../../contracts/oversight';
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
import { findUnit } from '../units/units.repo';
import { DEFINITIONS } from './definitions';
import {
  allLiveMemberships,
  awayCounts,
  cadreCounts,
  childUnits,
  flowCounts,
  membershipCounts,
  peopleEverywhere,
  peopleInScope,
  voiceCounts,
} from './oversight.repo';

const ACTION = 'compliance.read';
const BAD_PERIOD = 'Kỳ không hợp lệ. Chọn tháng (2026-11), quý (2026-Q4), 6 tháng (2026-H2) hoặc năm (2026).';
const ratio = (n: number, d: number) => (d > 0 ? n / d : null);
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
      let subtree: SQL = sql`true`;
      if (q.unitId !== undefined) {
        const u = await findUnit(db, q.unitId);
        const subject = u && { path: u.path, organizationCode: u.organizationCode, areaPath: u.areaPath };
        if (!u || !subject || !can(ctx.actor, ACTION, subject)) throw notFound('Đơn vị');
        unit = { id: u.id, name: u.name, level: u.level, parentId: u.parentId ?? null };
        subtree = sql`u.path <@ ${u.path}::ltree`;
      }
      const org = q.organization ? sql`u.organization_code = ${q.organization}` : sql`true`;
      const where = sql`u.active and ${unitScopeSql(ctx.actor, ACTION, 'u')} and ${subtree} and ${org}`;
      const under =
        unit === null
          ? sql`not exists (select 1 from units p where p.id = u.parent_id and p.active
              and ${unitScopeSql(ctx.actor, ACTION, 'p')})`
          : sql`u.parent_id = ${unit.id}`;
      const children = await childUnits(db, where, under);
      const groups = children.map((c) => c.unitId);

      const instants = (p: Period) => ({
        from: vietnamDayStart(p.start).toISOString(),
        until: vietnamDayStart(addDays(p.end)).toISOString(),
      });
      const nowIso = clock.now().toISOString();
      const [
        members,
        away,
        cadres,
        flows,
        introduced,
        voiceCur,
        voicePrev,
        [talliesCur = [], talliesPrev = []],
      ] = await Promise.all([
        membershipCounts(db, where, groups),
        awayCounts(db, where, groups),
        cadreCounts(db, where, groups),
        flowCounts(db, where, groups, period, prev),
        introducedCounts(db, where, groups, period, prev),
        voiceCounts(db, where, groups, instants(period), nowIso),
        voiceCounts(db, where, groups, instants(prev), nowIso),
        compliance.tallies(ctx, { units: where, groups, periods: [period, prev] }),
      ]);

      // Per group (child id, or 'all'), the current and previous values.
      const cur = new Map<number | 'all', Values>();
      const old = new Map<number | 'all', Values>();
      const keyOf = (r: { grp: number | null; total: boolean }) => (r.total ? 'all' : r.grp);
      const put = (m: typeof cur, k: number | 'all' | null, v: Values) => {
        if (k === null) return;
        m.set(k, { ...(m.get(k) ?? {}), ...v });
      };
      // People: a person has one live membership per organization, so in one organization's subtree (each child
      // unit, or a scope of one organization) people are its memberships; across organizations they are counted
      // once: from person_live when the scope holds every live membership, otherwise one distinct pass.
      for (const r of members) put(cur, keyOf(r), { memberships: r.memberships, people: r.memberships });
      if (!(unit !== null || q.organization)) {
        const inScope = members.find((r) => r.total)?.memberships ?? 0;
        const everything = inScope > 0 && inScope === (await allLiveMemberships(db));
        put(cur, 'all', { people: everything ? await peopleEverywhere(db) : await peopleInScope(db, where) });
      }
      for (const r of away) put(cur, keyOf(r), { awayMembers: r.away });
      for (const r of cadres) {
        put(cur, keyOf(r), { branchCadres: r.cadres, cadrePartyShare: ratio(r.cadresParty, r.cadres) });
      }
      for (const r of flows) {
        put(cur, keyOf(r), { admitted: r.admitted, left: r.left, netChange: r.admitted - r.left });
        put(old, keyOf(r), {
          admitted: r.admittedPrev,
          left: r.leftPrev,
          netChange: r.admittedPrev - r.leftPrev,
        });
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
        for (const g of groups) put(into, g, meetingValues(tallies.find((t) => !t.total && t.grp === g)));
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
      const live = new Set(DEFINITIONS.filter((d) => d.live).map((d) => d.key));
      const figuresOf = (k: number | 'all'): Figures => {
        const out = emptyFigures();
        const c = { ...zeroCounts, ...(cur.get(k) ?? {}) };
        const p = { ...zeroCounts, ...(old.get(k) ?? {}) };
        for (const key of INDICATORS) {
          const f: Figure = { value: c[key] ?? null, previous: live.has(key) ? null : (p[key] ?? null) };
          out[key] = f;
        }
        return out;
      };
      return {
        period: periodOut(period),
        previous: periodOut(prev),
        unit,
        organization: q.organization ?? null,
        figures: figuresOf('all'),
        children: children.map((c) => ({ ...c, figures: figuresOf(c.unitId) })),
        definitions: DEFINITIONS,
      };
    },
  };
}
export type OversightService = ReturnType<typeof makeOversightService>;
