/** "Cần quan tâm": why a branch needs attention, from its per-period aggregates only. Pure. */

import type { AttentionItem } from '../../../contracts/compliance';
import { vnDate } from '../../lib/vn-time';
import { addMonths, type Period, type RhythmMonths } from '../meetings/periods';
import { vietnamDay } from '../organizations/rules';
import type { BranchRow, PeriodRow } from './compliance.repo';

type Reason = AttentionItem['reasons'][number];

/** How much each reason weighs in the severity. */
const WEIGHT: Record<Reason['code'], number> = {
  missed_two: 4,
  missed_last: 3,
  no_recent_meeting: 2,
  low_attendance: 2,
  no_cadre_visit: 1,
};
/** Attendance below this share over the last two due periods is a reason. */
export const LOW_ATTENDANCE = 0.5;
export const NO_MEETING_MONTHS = 3;
export const NO_CADRE_MONTHS = 6;

const pct = (v: number) => `${Math.round(v * 100)}%`;

export interface AttentionInput {
  branch: BranchRow;
  /** the branch's last (up to) two due periods that ended before today, oldest first */
  lastDue: readonly Period[];
  /** the branch's aggregates since at least NO_CADRE_MONTHS ago and the start of lastDue */
  rows: readonly PeriodRow[];
  rhythm: RhythmMonths;
  today: string;
}

/** The branch's reasons and severity, or null when nothing needs attention. */
export function attentionOf({ branch, lastDue, rows, rhythm, today }: AttentionInput): AttentionItem | null {
  const reasons: Reason[] = [];
  const byKey = new Map(rows.map((r) => [r.periodKey, r]));
  const heldIn = (p: Period) => (byKey.get(p.key)?.held ?? 0) > 0;

  const missed = lastDue.filter((p) => !heldIn(p));
  const last = lastDue.at(-1);
  if (lastDue.length === 2 && missed.length === 2) {
    reasons.push({
      code: 'missed_two',
      text: `Không họp 2 kỳ liền gần nhất (${lastDue.map((p) => p.label).join(', ')}).`,
    });
  } else if (last && !heldIn(last)) {
    reasons.push({ code: 'missed_last', text: `Không họp kỳ gần nhất (${last.label}).` });
  }

  const lastHeld = rows.reduce<string | null>((best, r) => {
    const at = r.lastHeldAt === null ? null : new Date(r.lastHeldAt).toISOString();
    return at && (!best || at > best) ? at : best;
  }, null);
  const lastDay = lastHeld ? vietnamDay(new Date(lastHeld)) : null;
  if (rhythm <= NO_MEETING_MONTHS && (!lastDay || lastDay < addMonths(today, -NO_MEETING_MONTHS))) {
    reasons.push({
      code: 'no_recent_meeting',
      text: lastDay
        ? `Không có buổi sinh hoạt nào trong ${NO_MEETING_MONTHS} tháng qua (lần gần nhất ${vnDate(lastDay)}).`
        : `Không có buổi sinh hoạt nào trong ${NO_CADRE_MONTHS} tháng qua.`,
    });
  }

  let invited = 0;
  let attended = 0;
  for (const p of lastDue) {
    invited += byKey.get(p.key)?.invitedSum ?? 0;
    attended += byKey.get(p.key)?.attendedSum ?? 0;
  }
  if (invited > 0 && attended / invited < LOW_ATTENDANCE) {
    reasons.push({
      code: 'low_attendance',
      text: `Tỷ lệ tham dự ${lastDue.length} kỳ gần nhất chỉ ${pct(attended / invited)} (dưới ${pct(LOW_ATTENDANCE)}).`,
    });
  }

  // Difficult areas are listed for a missing cadre visit alone; other branches only get it as an extra reason.
  const since = addMonths(today, -NO_CADRE_MONTHS);
  const visited = rows.some((r) => r.periodEnd >= since && r.periodStart <= today && r.cadreVisited > 0);
  if (!visited && (branch.difficultArea || reasons.length > 0)) {
    reasons.push({
      code: 'no_cadre_visit',
      text: `${branch.difficultArea ? 'Địa bàn khó khăn: ' : ''}${NO_CADRE_MONTHS} tháng qua chưa có cán bộ cấp trên dự sinh hoạt.`,
    });
  }

  if (reasons.length === 0) return null;
  const severity =
    reasons.reduce((s, r) => s + WEIGHT[r.code], 0) +
    (branch.difficultArea && reasons.some((r) => r.code === 'no_cadre_visit') ? 1 : 0);
  return {
    unitId: branch.unitId,
    unitName: branch.unitName,
    parentName: branch.parentName,
    organizationCode: branch.organizationCode,
    difficultArea: branch.difficultArea,
    severity,
    reasons,
    lastMeetingAt: lastHeld,
  };
}

/** Most severe first; difficult areas first among equals; then by name. */
export function bySeverity(a: AttentionItem, b: AttentionItem): number {
  return (
    b.severity - a.severity ||
    Number(b.difficultArea) - Number(a.difficultArea) ||
    a.unitName.localeCompare(b.unitName, 'vi')
  );
}
