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
  findBranches,
  findLastHeld,
  findPeriodRows,
  organizationNames,
} from './compliance.repo';
import { memberAttendanceOf } from './member-attendance';
import { rollupsOf, summaryOf } from './rollups';
import { loadSchedules } from './schedules';

const UNIT = 'Đơn vị';
const ORDER: Record<ComplianceRow['status'], number> = { missed: 0, pending: 1, met: 2 };
const ratio = (n: number, d: number) => (d > 0 ? n / d : null);
const sum = <T>(xs: readonly T[], f: (x: T) => number) => xs.reduce((s, x) => s + f(x), 0);

/** Status of one branch for a window, given the unit's due periods and which of them held a meeting. */
export function complianceStatus(due: readonly Period[], heldKeys: ReadonlySet<string>, today: string) {
  const held = due.filter((p) => heldKeys.has(p.key)).length;
  if (held >= due.length) return { held, status: 'met' as const };
  const missed = due.some((p) => p.end < today && !heldKeys.has(p.key));
  return { held, status: missed ? ('missed' as const) : ('pending' as const) };
}

export function makeComplianceService({ db, clock }: { db: Db; clock: Clock }) {
  /** Active branches in the actor's scope (under unitId when given; 404 when that unit is out of scope). */
  async function branchesFor(ctx: RequestContext, unitId: number | undefined) {
    assertCan(ctx.actor, 'compliance.read');
    let subtree = sql`true`;
    if (unitId !== undefined) {
      const u = await findUnit(db, unitId);
      const subject = u && { path: u.path, organizationCode: u.organizationCode, areaPath: u.areaPath };
      if (!u || !subject || !can(ctx.actor, 'compliance.read', subject)) throw notFound(UNIT);
      subtree = sql`b.path <@ ${u.path}::ltree`;
    }
    const where: SQL = sql`b.level = 'branch' and b.active and ${subtree} and ${unitScopeSql(ctx.actor, 'compliance.read', 'b')}`;
    const branches = await findBranches(db, where, unitScopeSql(ctx.actor, 'compliance.read', 'p'));
    return { where, branches };
  }

  return {
    /**
     * Required vs held meetings of every active branch in scope for a period, with attendance (all invitees
     * and those working away from home), thematic meetings and cadre visits, and roll-ups per grassroots
     * unit and per organization; read from the aggregates kept current on write (unit_period_compliance).
     */
    async report(ctx: RequestContext, q: { unitId?: number; period?: string }): Promise<ComplianceReport> {
      const { where, branches } = await branchesFor(ctx, q.unitId);
      const today = vietnamDay(clock.now());
      const period = q.period ? parsePeriodKey(q.period) : periodOf(today, 3);
      if (!period) {
        throw invalid('Kỳ không hợp lệ (ví dụ: 2026-11, 2026-Q4, 2026-H2, 2026).', [
          { field: 'query.period' },
        ]);
      }
      const schedules = await loadSchedules(db);
      // Aggregates of the periods that end in the window (a due period may start before it).
      const aggregates = await findPeriodRows(
        db,
        where,
        sql`c.period_end between ${period.start}::date and ${period.end}::date`,
      );
      const last = await findLastHeld(db, where, period.end);
      const byUnit = new Map<number, typeof aggregates>();
      for (const a of aggregates) byUnit.set(a.unitId, [...(byUnit.get(a.unitId) ?? []), a]);
      const lastAt = new Map(last.map((l) => [l.unitId, new Date(l.at).toISOString()]));

      const out: ComplianceRow[] = branches.map((b) => {
        const due = schedules.due(b, period.start, period.end);
        const dueKeys = new Set(due.map((p) => p.key));
        const mine = (byUnit.get(b.unitId) ?? []).filter((a) => dueKeys.has(a.periodKey));
        const heldKeys = new Set(mine.filter((a) => a.held > 0).map((a) => a.periodKey));
        const { held, status } = complianceStatus(due, heldKeys, today);
        // Ended periods with a meeting on the calendar but no attendance ever recorded: maybe held, never reported.
        const unreported = mine.filter((a) => a.periodEnd < today && a.held === 0 && a.meetings > 0).length;
        const invited = sum(mine, (a) => a.invitedSum);
        const attended = sum(mine, (a) => a.attendedSum);
        const awayInvited = sum(mine, (a) => a.awayInvitedSum);
        const awayAttended = sum(mine, (a) => a.awayAttendedSum);
        return {
          unitId: b.unitId,
          unitName: b.unitName,
          parentId: b.parentId,
          parentName: b.parentName,
          organizationCode: b.organizationCode,
          difficultArea: b.difficultArea,
          required: due.length,
          held,
          status,
          unreported,
          late: sum(mine, (a) => a.lateReported),
          lastMeetingAt: lastAt.get(b.unitId) ?? null,
          invited,
          attended,
          attendanceRate: ratio(attended, invited),
          thematic: sum(mine, (a) => a.thematic),
          cadreVisited: sum(mine, (a) => a.cadreVisited),
          awayInvited,
          awayAttended,
          awayAttendanceRate: ratio(awayAttended, awayInvited),
        };
      });
      out.sort((a, b) => ORDER[a.status] - ORDER[b.status]);
      const orgNames = new Map((await organizationNames(db)).map((o) => [o.code, o.name]));
      return {
        period: { key: period.key, label: period.label, start: period.start, end: period.end },
        summary: summaryOf(out),
        rows: out,
        rollups: rollupsOf(out, orgNames),
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
