import { sql } from 'drizzle-orm';
import type { ComplianceReport, ComplianceRow } from '../../../contracts/meetings';
import type { Db } from '../../db/client';
import { rows } from '../../db/query';
import type { RequestContext } from '../../lib/audit';
import type { Clock } from '../../lib/clock';
import { invalid, notFound } from '../../lib/errors';
import { assertCan, can } from '../../policy/policy';
import { unitScopeSql } from '../../policy/scope';
import { rhythmRules } from '../meetings/meetings.repo';
import { type Period, parsePeriodKey, periodOf, type RhythmRule, unitPeriodsDue } from '../meetings/periods';
import { vietnamDay } from '../organizations/rules';
import { findUnit } from '../units/units.repo';

const UNIT = 'Đơn vị';
const ORDER: Record<ComplianceRow['status'], number> = { missed: 0, pending: 1, met: 2 };

interface BranchRow {
  unitId: number;
  unitName: string;
  kind: string;
  parentId: number | null;
  parentName: string | null;
  organizationCode: string;
  difficultArea: boolean;
}
interface PeriodRow {
  unitId: number;
  periodKey: string;
  held: number;
  invitedSum: number;
  attendedSum: number;
}

/** Status of one branch for a window, given the unit's due periods and which of them held a meeting. */
export function complianceStatus(due: readonly Period[], heldKeys: ReadonlySet<string>, today: string) {
  const held = due.filter((p) => heldKeys.has(p.key)).length;
  if (held >= due.length) return { held, status: 'met' as const };
  const missed = due.some((p) => p.end < today && !heldKeys.has(p.key));
  return { held, status: missed ? ('missed' as const) : ('pending' as const) };
}

export function makeComplianceService({ db, clock }: { db: Db; clock: Clock }) {
  return {
    /**
     * Required vs held meetings of every active branch in scope for a period, read from the aggregates kept
     * current on write (unit_period_compliance), never from attendance rows.
     */
    async report(ctx: RequestContext, q: { unitId?: number; period?: string }): Promise<ComplianceReport> {
      assertCan(ctx.actor, 'compliance.read');
      let subtree = sql`true`;
      if (q.unitId !== undefined) {
        const u = await findUnit(db, q.unitId);
        const subject = u && { path: u.path, organizationCode: u.organizationCode, areaPath: u.areaPath };
        if (!u || !subject || !can(ctx.actor, 'compliance.read', subject)) throw notFound(UNIT);
        subtree = sql`b.path <@ ${u.path}::ltree`;
      }
      const today = vietnamDay(clock.now());
      const period = q.period ? parsePeriodKey(q.period) : periodOf(today, 3);
      if (!period) {
        throw invalid('Kỳ không hợp lệ (ví dụ: 2026-11, 2026-Q4, 2026-H2, 2026).', [
          { field: 'query.period' },
        ]);
      }
      const branchWhere = sql`b.level = 'branch' and b.active and ${subtree} and ${unitScopeSql(ctx.actor, 'compliance.read', 'b')}`;
      const branches = await rows<BranchRow>(
        db,
        sql`select b.id as "unitId", b.name as "unitName", b.kind, b.parent_id as "parentId",
          case when ${unitScopeSql(ctx.actor, 'compliance.read', 'p')} then p.name end as "parentName",
          b.organization_code as "organizationCode", b.difficult_area as "difficultArea"
        from units b left join units p on p.id = b.parent_id where ${branchWhere}
        order by p.name, b.name, b.id`,
      );
      // Due periods depend only on (organization, unit kind): compute each schedule once.
      const rulesByOrg = new Map<string, RhythmRule[]>();
      for (const r of await rhythmRules(db)) rulesByOrg.set(r.org, [...(rulesByOrg.get(r.org) ?? []), r]);
      const schedules = new Map<string, Period[]>();
      const dueFor = (b: BranchRow) => {
        const key = `${b.organizationCode}|${b.kind}`;
        let due = schedules.get(key);
        if (!due) {
          due = unitPeriodsDue(rulesByOrg.get(b.organizationCode) ?? [], period.start, period.end, b.kind);
          schedules.set(key, due);
        }
        return due;
      };
      // Aggregates of the periods that touch the window (a due period may start before it).
      const aggregates = await rows<PeriodRow>(
        db,
        sql`select c.unit_id as "unitId", c.period_key as "periodKey", c.held, c.invited_sum as "invitedSum",
          c.attended_sum as "attendedSum"
        from unit_period_compliance c join units b on b.id = c.unit_id
        where c.period_end between ${period.start}::date and ${period.end}::date and ${branchWhere}`,
      );
      const last = await rows<{ unitId: number; at: Date | string }>(
        db,
        sql`select c.unit_id as "unitId", max(c.last_held_at) as at
        from unit_period_compliance c join units b on b.id = c.unit_id
        where c.period_start <= ${period.end}::date and c.last_held_at is not null and ${branchWhere}
        group by c.unit_id`,
      );
      const byUnit = new Map<number, PeriodRow[]>();
      for (const a of aggregates) byUnit.set(a.unitId, [...(byUnit.get(a.unitId) ?? []), a]);
      const lastAt = new Map(last.map((l) => [l.unitId, new Date(l.at).toISOString()]));

      const out: ComplianceRow[] = branches.map((b) => {
        const due = dueFor(b);
        const dueKeys = new Set(due.map((p) => p.key));
        const mine = (byUnit.get(b.unitId) ?? []).filter((a) => dueKeys.has(a.periodKey));
        const heldKeys = new Set(mine.filter((a) => a.held > 0).map((a) => a.periodKey));
        const { held, status } = complianceStatus(due, heldKeys, today);
        const invited = mine.reduce((s, a) => s + a.invitedSum, 0);
        const attended = mine.reduce((s, a) => s + a.attendedSum, 0);
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
          lastMeetingAt: lastAt.get(b.unitId) ?? null,
          attendanceRate: invited > 0 ? attended / invited : null,
        };
      });
      out.sort((a, b) => ORDER[a.status] - ORDER[b.status]);
      const count = (s: ComplianceRow['status']) => out.filter((r) => r.status === s).length;
      const met = count('met');
      return {
        period: { key: period.key, label: period.label, start: period.start, end: period.end },
        summary: {
          branches: out.length,
          met,
          missed: count('missed'),
          pending: count('pending'),
          rate: out.length ? met / out.length : 0,
        },
        rows: out,
      };
    },
  };
}
export type ComplianceService = ReturnType<typeof makeComplianceService>;
