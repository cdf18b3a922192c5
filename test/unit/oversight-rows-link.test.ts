import { describe, expect, it } from 'vitest';
import type { Dashboard } from '../../contracts/oversight';
import { rowsLink } from '../../web/src/features/oversight/rows-link';

const dash = (unit: Dashboard['unit'], organization: string | null = null) =>
  ({
    unit,
    organization,
    period: { key: '2026-Q3', label: 'Quý III/2026', start: '2026-07-01', end: '2026-09-30' },
  }) as Dashboard;
const commune = { id: 12, name: 'Đoàn xã Thạch Khê', level: 'grassroots', parentId: 1 };

describe('the rows behind a dashboard figure', () => {
  it('opens the list that holds them, for the same unit and period', () => {
    expect(rowsLink(dash(commune), 'awayMembers')).toBe('/people?unitId=12&away=1');
    expect(rowsLink(dash(commune, 'DOAN'), 'memberships')).toBe('/people?unitId=12&organization=DOAN');
    expect(rowsLink(dash(commune), 'complianceRate')).toBe('/compliance?unitId=12&period=2026-Q3');
    expect(rowsLink(dash(commune), 'voiceOverdue')).toBe('/voice?box=all&unitId=12&overdue=true');
    expect(rowsLink(dash(commune), 'introducedToParty')).toBe('/units/12/party');
  });

  it('covers the whole scope without a unit, and says when no list shows the rows', () => {
    expect(rowsLink(dash(null), 'people')).toBe('/people');
    expect(rowsLink(dash(null), 'introducedToParty')).toBeNull();
    expect(rowsLink(dash(commune), 'netChange')).toBeNull();
  });
});
