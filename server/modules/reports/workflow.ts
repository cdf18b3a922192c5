/** The report workflow: draft → submitted → approved → locked, one level at a time, and what an actor may do now. */
import type { ReportAbilities, ReportStatus } from '../../../contracts/reports';
import { conflict, invalid } from '../../lib/errors';
import { type Actor, can, grantsFor, isAdmin, type UnitSubject } from '../../policy/policy';
import { addDays, type Period, parsePeriodKey } from '../meetings/periods';
import type { UnitRow } from '../units/units.repo';

export const STATUS_LABEL: Record<ReportStatus, string> = {
  draft: 'Nháp',
  submitted: 'Đã gửi',
  approved: 'Đã duyệt',
  locked: 'Đã khóa',
};

/**
 * Days after a period's last day by which its report is due. A configurable default: DOMAIN.md sets no deadline
 * for periodic reports, and five days is the common practice of provincial Youth Union instructions.
 */
export const REPORT_DUE_DAYS = 5;

export interface Step {
  from: readonly ReportStatus[];
  to: ReportStatus;
  /** the event recorded */
  event: 'submitted' | 'returned' | 'approved' | 'locked';
  /** what the refusal says is needed */
  needs: string;
}

export const STEPS = {
  submit: {
    from: ['draft'],
    to: 'submitted',
    event: 'submitted',
    needs: 'Chỉ gửi được báo cáo đang ở trạng thái Nháp.',
  },
  return: {
    from: ['submitted', 'approved'],
    to: 'draft',
    event: 'returned',
    needs: 'Chỉ trả lại được báo cáo đã gửi hoặc đã duyệt, chưa khóa.',
  },
  approve: {
    from: ['submitted'],
    to: 'approved',
    event: 'approved',
    needs: 'Chỉ duyệt được báo cáo đã gửi.',
  },
  lock: { from: ['approved'], to: 'locked', event: 'locked', needs: 'Chỉ khóa được báo cáo đã duyệt.' },
} as const satisfies Record<string, Step>;

/** 409 naming the report's current state when a step does not start from it. */
export function assertFrom(step: Step, status: ReportStatus): void {
  if (step.from.includes(status)) return;
  throw conflict(`Báo cáo đang ở trạng thái «${STATUS_LABEL[status]}». ${step.needs}`, { status });
}

export interface UnitRef {
  id: number;
  name: string;
  subject: UnitSubject;
}

/**
 * Why the actor may not approve, return or lock the report (null: they may). One level at a time: the approver
 * holds report.approve on the report unit's parent itself; the reports of a top unit are approved by an administrator;
 * whoever submitted the report does not approve it.
 */
export function approverProblem(
  actor: Actor,
  unit: UnitRef,
  parent: UnitRef | null,
  submittedBy: string | null,
): string | null {
  if (isAdmin(actor)) return null;
  if (!parent) return `Báo cáo của ${unit.name} (cấp cao nhất) do quản trị hệ thống duyệt.`;
  // The level directly above: a grant on the parent unit itself (a province grant covers the branches too, but
  // their reports go to the commune first).
  if (!grantsFor(actor, 'report.approve').some((g) => g.unitId === parent.id)) {
    return `Báo cáo của ${unit.name} do cấp trên trực tiếp (${parent.name}) duyệt, trả lại và khóa.`;
  }
  if (submittedBy === actor.userId) {
    return 'Bạn là người gửi báo cáo này nên không thể tự duyệt; cán bộ khác của cấp trên trực tiếp sẽ duyệt.';
  }
  return null;
}

/** The abilities sent with a report. */
export function abilitiesOf(
  actor: Actor,
  status: ReportStatus,
  unit: UnitRef,
  parent: UnitRef | null,
  submittedBy: string | null,
): ReportAbilities {
  const writer = can(actor, 'report.write', unit.subject);
  const approver =
    can(actor, 'report.approve', unit.subject) && approverProblem(actor, unit, parent, submittedBy) === null;
  return {
    canEdit: writer && status === 'draft',
    canSubmit: writer && status === 'draft',
    canApprove: approver && (STEPS.approve.from as readonly string[]).includes(status),
    canReturn: approver && (STEPS.return.from as readonly string[]).includes(status),
    canLock: approver && (STEPS.lock.from as readonly string[]).includes(status),
  };
}

export const subjectOf = (u: UnitRow): UnitSubject => ({
  path: u.path,
  organizationCode: u.organizationCode,
  areaPath: u.areaPath,
});
export const refOf = (u: UnitRow): UnitRef => ({ id: u.id, name: u.name, subject: subjectOf(u) });

const BAD_PERIOD =
  'Kỳ báo cáo không hợp lệ. Chọn quý (2026-Q4), 6 tháng (2026-H2) hoặc năm (2026); báo cáo định kỳ không làm theo tháng.';

/** A report period (quarter, half-year or year) from its key; 400 in Vietnamese otherwise. */
export function reportPeriod(key: string, field: string): Period {
  const p = parsePeriodKey(key);
  if (!p || (p.months !== 3 && p.months !== 6 && p.months !== 12)) throw invalid(BAD_PERIOD, [{ field }]);
  return p;
}
/** The last day to submit a period's report. */
export const dueOn = (p: Period) => addDays(p.end, REPORT_DUE_DAYS);
