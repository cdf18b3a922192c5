import { describe, expect, it } from 'vitest';
import type { TallyRow } from './compliance.repo';
import { rollupOf, summaryOf } from './rollups';

const tally = (met: number, missed: number, pending: number, invited = 0, attended = 0): TallyRow => ({
  branches: met + missed + pending,
  met,
  missed,
  pending,
  required: met + missed + pending,
  held: met,
  invited,
  attended,
  awayInvited: invited / 5,
  awayAttended: attended / 10,
});

describe('roll-ups', () => {
  it('rates attendance over invitations, and compliance over branches', () => {
    const s = summaryOf(tally(3, 1, 1, 50, 42));
    expect(s).toMatchObject({ branches: 5, met: 3, missed: 1, pending: 1, rate: 3 / 5 });
    expect(s.attendanceRate).toBeCloseTo(42 / 50);
    expect(s.awayAttendanceRate).toBeCloseTo(4.2 / 10);
    expect(summaryOf(tally(0, 0, 0))).toMatchObject({
      branches: 0,
      rate: 0,
      attendanceRate: null,
      awayAttendanceRate: null,
    });
  });

  it('orders groups lowest compliance rate first, then by Vietnamese name', () => {
    const groups = [
      { name: 'Xã Đức Thọ', ...tally(2, 0, 0) },
      { name: 'Xã Cẩm Xuyên', ...tally(1, 1, 0) },
      { name: 'Xã Ân Phú', ...tally(1, 1, 0) },
    ];
    const out = rollupOf(groups, (g) => ({
      key: g.name,
      unitId: null,
      name: g.name,
      organizationCode: null,
    }));
    expect(out.map((g) => [g.name, g.rate])).toEqual([
      ['Xã Ân Phú', 0.5],
      ['Xã Cẩm Xuyên', 0.5],
      ['Xã Đức Thọ', 1],
    ]);
  });
});
