import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { qk } from '../../api/keys';
import type { ComplianceReport } from '../../api/types';

/** Required vs held meetings per branch for one period, within the actor's scope (or under unitId). */
export function useCompliance(period: string, unitId: number | null) {
  return useQuery({
    queryKey: qk.compliance({ period, unitId }),
    queryFn: ({ signal }) =>
      api<ComplianceReport>('/compliance', { query: { period, unitId: unitId ?? undefined }, signal }),
    placeholderData: keepPreviousData,
  });
}
