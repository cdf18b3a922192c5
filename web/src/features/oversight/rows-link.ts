import type { Dashboard, Indicator } from '../../../../contracts/oversight';

/**
 * Where the rows behind a figure are listed (the member list, the compliance report, the cadre coverage, the
 * opinions, the Party records), for the dashboard's unit and period; null where no list shows them.
 */
export function rowsLink(d: Dashboard, key: Indicator): string | null {
  const q = (o: Record<string, string | number | null | undefined>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(o))
      if (v !== null && v !== undefined && v !== '') p.set(k, String(v));
    const s = p.toString();
    return s ? `?${s}` : '';
  };
  const unitId = d.unit?.id;
  const organization = d.organization;
  switch (key) {
    case 'people':
    case 'memberships':
      return `/people${q({ unitId, organization })}`;
    case 'awayMembers':
      return `/people${q({ unitId, organization, away: '1' })}`;
    case 'branchCadres':
    case 'cadrePartyShare':
      return `/people${q({ unitId, organization, cadre: '1' })}`;
    case 'branches':
    case 'complianceRate':
    case 'thematic':
    case 'attendanceRate':
    case 'awayAttendanceRate':
      return `/compliance${q({ unitId, period: d.period.key })}`;
    case 'coverageRate':
    case 'coverageDifficultRate':
      return `/cadre-coverage${q({ unitId })}`;
    case 'voiceReceived':
    case 'voiceResolved':
    case 'voiceMedianDays':
      return `/voice${q({ box: 'all', unitId })}`;
    case 'voiceOverdue':
      return `/voice${q({ box: 'all', unitId, overdue: 'true' })}`;
    case 'introducedToParty':
      return unitId ? `/units/${unitId}/party` : null;
    default:
      return null;
  }
}
