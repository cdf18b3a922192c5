import { describe, expect, it } from 'vitest';
import { periodOf } from '../meetings/periods';
import { attentionOf, bySeverity } from './attention';
import type { BranchRow, PeriodRow } from './compliance.repo';

const branch = (over: Partial<BranchRow> = {}): BranchRow => ({
  unitId: 1,
  unitName: 'Chi đoàn thôn 1',
  kind: 'residential',
  parentId: 9,
  parentName: 'Đoàn xã',
  organizationCode: 'DOAN',
  difficultArea: false,
  ...over,
});
const row = (key: string, over: Partial<PeriodRow> = {}): PeriodRow => {
  const p = periodOf(`${key}-01`, 1);
  return {
    unitId: 1,
    periodKey: key,
    periodStart: p.start,
    periodEnd: p.end,
    held: 1,
    meetings: 1,
    invitedSum: 10,
    attendedSum: 8,
    awayInvitedSum: 0,
    awayAttendedSum: 0,
    thematic: 0,
    cadreVisited: 0,
    lateReported: 0,
    lastHeldAt: `${key}-15T12:00:00Z`,
    ...over,
  };
};
const lastDue = ['2026-09-01', '2026-10-01'].map((d) => periodOf(d, 1));
const today = '2026-11-20';
const codes = (x: ReturnType<typeof attentionOf>) => x?.reasons.map((r) => r.code);

describe('attention reasons', () => {
  it('is quiet for a branch that meets, is attended and was visited', () => {
    const rows = [row('2026-09'), row('2026-10', { cadreVisited: 1 }), row('2026-11')];
    expect(attentionOf({ branch: branch(), lastDue, rows, rhythm: 1, today })).toBeNull();
    // Without a cadre visit, an ordinary branch is still quiet; a difficult-area branch is listed.
    const unvisited = [row('2026-09'), row('2026-10')];
    expect(attentionOf({ branch: branch(), lastDue, rows: unvisited, rhythm: 1, today })).toBeNull();
    const hard = attentionOf({
      branch: branch({ difficultArea: true }),
      lastDue,
      rows: unvisited,
      rhythm: 1,
      today,
    });
    expect(codes(hard)).toEqual(['no_cadre_visit']);
    expect(hard?.reasons[0]?.text).toMatch(/^Địa bàn khó khăn/);
  });

  it('tells two missed periods from the last one, and counts attendance over held meetings', () => {
    const none = attentionOf({ branch: branch(), lastDue, rows: [], rhythm: 1, today });
    expect(codes(none)).toEqual(['missed_two', 'no_recent_meeting', 'no_cadre_visit']);
    const poor = attentionOf({
      branch: branch(),
      lastDue,
      rows: [row('2026-09', { attendedSum: 3 })],
      rhythm: 1,
      today,
    });
    expect(codes(poor)).toEqual(['missed_last', 'low_attendance', 'no_cadre_visit']);
    expect(poor?.reasons[1]?.text).toBe('Tỷ lệ tham dự 2 kỳ gần nhất chỉ 30% (dưới 50%).');
    expect(poor!.severity).toBeLessThan(none!.severity);
  });

  it('does not expect a meeting every three months of a six-monthly branch', () => {
    const halves = ['2025-07-01', '2026-01-01'].map((d) => periodOf(d, 6));
    const rows = [
      row('2025-12', { periodKey: '2025-H2' }),
      row('2026-03', { periodKey: '2026-H1', cadreVisited: 1 }),
    ];
    expect(
      attentionOf({ branch: branch(), lastDue: halves, rows, rhythm: 6, today: '2026-08-20' }),
    ).toBeNull();
  });

  it('sorts by severity, then difficult areas, then name', () => {
    const a = attentionOf({ branch: branch({ unitName: 'B' }), lastDue, rows: [], rhythm: 1, today })!;
    const b = { ...a, unitName: 'A' };
    const c = { ...a, unitName: 'C', difficultArea: true };
    const d = { ...a, unitName: 'D', severity: a.severity + 1 };
    expect([a, b, c, d].sort(bySeverity).map((x) => x.unitName)).toEqual(['D', 'C', 'A', 'B']);
  });
});
