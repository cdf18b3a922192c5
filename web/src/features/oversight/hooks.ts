import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Dashboard } from '../../../../contracts/oversight';
import { api } from '../../api/client';

/** The oversight dashboard of a scope and period (under ['meetings'] so meeting writes refresh it). */
export function useDashboard(q: { period: string; unitId: number | null; organization: string | null }) {
  const query = {
    period: q.period,
    unitId: q.unitId ?? undefined,
    organization: q.organization ?? undefined,
  };
  return useQuery({
    queryKey: ['meetings', 'oversight', query],
    queryFn: ({ signal }) => api<Dashboard>('/oversight/dashboard', { query, signal }),
    placeholderData: keepPreviousData,
  });
}
