import { useMemo } from 'react';
import type { DashboardChild } from '../../../../../contracts/oversight';
import { RollupChart } from '../../compliance/components/RollupChart';

/** Compliance per child unit as bars (the compliance roll-up chart), children without branches left out. */
export function ChildChart({ items, ariaLabel }: { items: DashboardChild[]; ariaLabel: string }) {
  const groups = useMemo(
    () =>
      items
        .filter((c) => c.figures.complianceRate.value !== null)
        .map((c) => ({
          key: String(c.unitId),
          unitId: c.unitId,
          name: c.name,
          organizationCode: c.organizationCode,
          branches: c.figures.branches.value ?? 0,
          met: 0,
          missed: 0,
          pending: 0,
          required: 0,
          held: 0,
          rate: c.figures.complianceRate.value ?? 0,
          attendanceRate: c.figures.attendanceRate.value,
          awayAttendanceRate: c.figures.awayAttendanceRate.value,
        }))
        .sort((a, b) => a.rate - b.rate || a.name.localeCompare(b.name, 'vi')),
    [items],
  );
  if (groups.length < 2) return null;
  return <RollupChart groups={groups} ariaLabel={ariaLabel} />;
}
