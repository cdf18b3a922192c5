import { type SQL, sql } from 'drizzle-orm';
import type { AttentionList, MemberAttendance } from '../../../contracts/compliance';
import type { ComplianceReport, ComplianceRow } from '../../../contracts/meetings';
import type { Db } from '../../db/client';
import type { RequestContext } from '../../lib/audit';
import type { Clock } from '../../lib/clock';
import { invalid, notFound } from '../../lib/errors';
import { assertCan, can } from '../../policy/policy';
import { unitScopeSql } from '../../policy/scope';
import { addDays, addMonths, type Period, parsePeriodKey, periodOf } from '../meetings/periods';
import { vietnamDay } from '../organizations/rules';
import { findUnit } from '../units/units.repo';
import { attentionOf, bySeverity, NO_CADRE_MONTHS } from './attention';
import {
  type BranchRow,
  complianceReport,
  complianceTallies,
  type DueEntry,
  findBranches,
  findPeriodRows,
  organizationNames,
  type ReportRow,
  scheduleKeys,
} from './compliance.repo';
import { memberAttendanceOf } from './member-attendance';
import { rollupOf, summaryOf } from './rollups';
import { loadSchedules } from './schedules';

const UNIT = 'Đơn vị';
const ratio = (n: number, d: number) => (d > 0 ? n / d : null);

/** A report row as the API gives it: the rates, and the last meeting as an ISO instant. */
function rowOf(r: ReportRow): ComplianceRow {
  return {
    ...r,
    lastMeetingAt: r.lastMeetingAt === null ? null : new Date(r.lastMeetingAt).toISOString(),
    attendanceRate: ratio(r.attended, r.invited),
    awayAttendanceRate: ratio(r.awayAttended, r.awayInvited),
  };
}

export function makeComplianceService({ db, clock }: { db: Db; clock: Clock }) {
  /** Active branches in the actor's scope (under unitId when given; 404 when that unit is out of scope). */
  async function scopeOf(ctx: RequestContext, unitId: number | undefined): Promise<SQL> {
    assertCan(ctx.actor, 'compliance.read');
    let subtree = sql`true`;
    if (unitId !== undefined) {
      const u = await findUnit(db, unitId);
      const subject = u && { path: u.path, organizationCode: u.organizationCode, areaPath: u.areaPath };
      if (!u || !subject || !can(ctx.actor, 'compliance.read', subject)) throw notFound(UNIT);
      subtree = sql`b.path <@ ${u.path}::ltree`;
    }
    return sql`b.level = 'branch' and b.active and ${subtree} and ${unitScopeSql(ctx.actor, 'compliance.read', 'b')}`;
  }

  /** The due periods of each schedule in windows: per (organization, unit kind), and per special unit. */
  async function dueIn(branches: SQL, ...periods: Period[]) {
    const schedules = await loadSchedules(db);
    const keys = await scheduleKeys(db, schedules.specials, branches);
    const dues = periods.map((period) => {
      const due: DueEntry[] = [];
      for (const s of keys) {
        const unit = { unitId: s.unitId ?? 0, kind: s.kind, organizationCode: s.org };
        for (const p of schedules.due(unit, period.start, period.end)) {
          due.push({ org: s.org, kind: s.kind, unitId: s.unitId, key: p.key, end: p.end });
        }
      }
      return due;
    });
    return { dues, specials: schedules.specials };
  }

  async function branchesFor(ctx: RequestContext, unitId: number | undefined) {
    const where = await scopeOf(ctx, unitId);
    const branches = await findBranches(db, where, unitScopeSql(ctx.actor, 'compliance.read', 'p'));
    return { where, branches };
  }

  return {
    /**
     * The compliance of the active branches among `units` (a condition on alias b, scope included by the
     * caller) for each period, tallied per group (`grp`, a column of each branch, alias b) and in total, with
     * the report's definitions, in one statement: what the oversight dashboard reads.
     */
    async tallies(ctx: RequestContext, q: { units: SQL; grp: SQL; periods: Period[]; few?: boolean }) {
      assertCan(ctx.actor, 'compliance.read');
      const where = sql`b.level = 'branch' and b.active and ${q.units}`;
      const { dues, specials } = await dueIn(where, ...q.periods);
      const starts = q.periods.map((p) => p.start).sort();
      const ends = q.periods.map((p) => p.end).sort();
      const all = await complianceTallies(db, {
        where,
        parentVisible: false,
        due: dues.flatMap((d, which) => d.map((e) => ({ ...e, which }))),
        specials,
        start: starts[0] ?? '',
        end: ends[ends.length - 1] ?? '',
        today: vietnamDay(clock.now()),
        windows: q.periods.map((_, i) => i),
        grp: q.grp,
        few: q.few,
      });
      return q.periods.map((_, i) => all.filter((t) => t.which === i));
    },

    /**
     * Required vs held meetings of every active branch in scope for a period, with attendance (all invitees
     * and those working away from home), thematic meetings and cadre visits, and roll-ups per grassroots
     * unit and per organization; read from the aggregates kept current on write (unit_period_compliance).
     */
    async report(
      ctx: RequestContext,
      q: {
        unitId?: number;
        period?: string;
        status?: ComplianceRow['status'];
        page?: number;
        pageSize?: number;
      },
    ): Promise<ComplianceReport> {
      const where = await scopeOf(ctx, q.unitId);
      const today = vietnamDay(clock.now());
      const period = q.period ? parsePeriodKey(q.period) : periodOf(today, 3);
      if (!period) {
        throw invalid('Kỳ không hợp lệ (ví dụ: 2026-11, 2026-Q4, 2026-H2, 2026).', [
          { field: 'query.period' },
        ]);
      }
      const {
        dues: [due = []],
        specials,
      } = await dueIn(where, period);
      const pageSize = q.pageSize ?? 50;
      const page = q.page ?? 1;
      const r = await complianceReport(db, {
        where,
        parentVisible: unitScopeSql(ctx.actor, 'compliance.read', 'p'),
        due,
        specials,
        start: period.start,
        end: period.end,
        today,
        status: q.status,
        offset: (page - 1) * pageSize,
        limit: pageSize,
      });
      const orgNames = new Map((await organizationNames(db)).map((o) => [o.code, o.name]));
      return {
        period: { key: period.key, label: period.label, start: period.start, end: period.end },
        summary: summaryOf(r.summary),
        rows: (r.page ?? []).map(rowOf),
        total: r.total,
        page,
        pageSize,
        rollups: {
          communes: rollupOf(r.communes ?? [], (g) => ({
            key: String(g.parentId ?? 0),
            unitId: g.parentId,
            name: g.parentName ?? 'Đơn vị cấp trên',
            organizationCode: g.organizationCode,
          })),
          organizations: rollupOf(r.organizations ?? [], (g) => ({
            key: g.organizationCode,
            unitId: null,
            name: orgNames.get(g.organizationCode) ?? g.organizationCode,
            organizationCode: g.organizationCode,
          })),
        },
      };
    },

    /**
     * "Cần quan tâm": branches in scope that missed their last due periods, have low attendance, held no
     * meeting lately or (difficult areas first) had no higher-level cadre visit; most severe first.
     */
    async attention(ctx: RequestContext, q: { unitId?: number }): Promise<AttentionList> {
      const { where, branches } = await branchesFor(ctx, q.unitId);
      const today = vietnamDay(clock.now());
      const yesterday = addDays(today, -1);
      const schedules = await loadSchedules(db);
      // Periods ending in the last 25 months cover the last two of even a yearly rhythm.
      const from = addMonths(today, -25);
      const since = addMonths(today, -NO_CADRE_MONTHS);
      const lastDue = new Map<number, Period[]>();
      const oldest = new Map<string, string>();
      for (const b of branches) {
        const due = schedules.due(b, from, yesterday).slice(-2);
        lastDue.set(b.unitId, due);
        // The earlier of the first due period's end and six months ago ('yyyy-mm-dd' sorts as dates).
        const bound = [due[0]?.end ?? since, since].sort()[0] as string;
        const prev = oldest.get(b.organizationCode);
        if (!prev || bound < prev) oldest.set(b.organizationCode, bound);
      }
      if (branches.length === 0) return { asOf: today, branches: 0, items: [] };
      // Read only the periods each organization needs (a monthly one: about six months).
      const bounds = sql.join(
        [...oldest].map(([org, day]) => sql`when ${org} then ${day}::date`),
        sql` `,
      );
      const aggregates = await findPeriodRows(
        db,
        where,
        sql`c.period_end >= (case b.organization_code ${bounds} end) and c.period_start <= ${today}::date`,
      );
      const byUnit = new Map<number, typeof aggregates>();
      for (const a of aggregates) byUnit.set(a.unitId, [...(byUnit.get(a.unitId) ?? []), a]);
      const items = branches
        .map((b: BranchRow) =>
          attentionOf({
            branch: b,
            lastDue: lastDue.get(b.unitId) ?? [],
            rows: byUnit.get(b.unitId) ?? [],
            rhythm: schedules.rhythm(b, today),
            today,
          }),
        )
        .filter((x) => x !== null)
        .sort(bySeverity);
      return { asOf: today, branches: branches.length, items };
    },

    /** Each invitee's attendance at one unit's held meetings of a year (that unit's rows only). */
    async memberAttendance(ctx: RequestContext, unitId: number, year?: number): Promise<MemberAttendance> {
      const u = await findUnit(db, unitId);
      if (!u) throw notFound(UNIT);
      assertCan(ctx.actor, 'meeting.read', u, UNIT);
      const y = year ?? Number(vietnamDay(clock.now()).slice(0, 4));
      return memberAttendanceOf(db, { id: u.id, name: u.name }, y);
    },
  };
}
export type ComplianceService = ReturnType<typeof makeComplianceService>;
