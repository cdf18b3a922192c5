import { describe, expect, it } from 'vitest';
import type { ComplianceRow } from '../../../contracts/meetings';
import { rollupsOf, summaryOf } from './rollups';

const row = (
  unitId: number,
  parentId: number,
  status: ComplianceRow['status'],
  org = 'DOAN',
): ComplianceRow => ({
  unitId,
  unitName: `Chi ${unitId}`,
  parentId,
  parentName: `Xã ${parentId}`,
  organizationCode: org,
  difficultArea: false,
  required: 1,
  held: status === 'met' ? 1 : 0,
  status,
  unreported: 0,
  late: 0,
  lastMeetingAt: null,
  invited: status === 'met' ? 10 : 0,
  attended: status === 'met' ? 6 : 0,
  attendanceRate: status === 'met' ? 0.6 : null,
  thematic: 0,
  cadreVisited: 0,
  awayInvited: status === 'met' ? 2 : 0,
  awayAttended: status === 'met' ? 1 : 0,
  awayAttendanceRate: status === 'met' ? 0.5 : null,
});

describe('roll-ups', () => {
  const rows = [row(1, 10, 'met'), row(2, 10, 'missed'), row(3, 20, 'met'), row(4, 20, 'pending', 'PHUNU')];

  it('sums attendance over invitations, not an average of rates', () => {
    const s = summaryOf([...rows, { ...row(5, 20, 'met'), invited: 30, attended: 30, attendanceRate: 1 }]);
    expect(s).toMatchObject({ branches: 5, met: 3, missed: 1, pending: 1, rate: 3 / 5 });
    expect(s.attendanceRate).toBeCloseTo(42 / 50);
    expect(summaryOf([])).toMatchObject({
      branches: 0,
      rate: 0,
      attendanceRate: null,
      awayAttendanceRate: null,
    });
  });

  it('groups per commune and per organization, lowest rate first', () => {
    const { communes, organizations } = rollupsOf(rows, new Map([['DOAN', 'Đoàn TN']]));
    expect(communes.map((c) => [c.unitId, c.branches, c.met, c.rate])).toEqual([
      [10, 2, 1, 0.5],
      [20, 2, 1, 0.5],
    ]);
    expect(organizations.map((o) => [o.key, o.name, o.branches, o.rate])).toEqual([
      ['PHUNU', 'PHUNU', 1, 0],
      ['DOAN', 'Đoàn TN', 3, 2 / 3],
    ]);
    expect(organizations[1]?.awayAttendanceRate).toBe(0.5);
  });
});
