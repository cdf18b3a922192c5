import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { qk } from '../../api/keys';
import type { ComplianceReport } from '../../api/types';
import type { AttentionList, MemberAttendance } from './types';

/** Required vs held meetings per branch for one period, within the actor's scope (or under unitId). */
export function useCompliance(period: string, unitId: number | null) {
  return useQuery({
    queryKey: qk.compliance({ period, unitId }),
    queryFn: ({ signal }) =>
      api<ComplianceReport>('/compliance', { query: { period, unitId: unitId ?? undefined }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** "Cần quan tâm": branches in scope (or under unitId) that need attention, most severe first. */
export function useAttention(unitId: number | null, enabled = true) {
  return useQuery({
    queryKey: qk.compliance({ attention: true, unitId }),
    queryFn: ({ signal }) =>
      api<AttentionList>('/compliance/attention', { query: { unitId: unitId ?? undefined }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Each member's attendance at a branch's held meetings of a year (under ['meetings'], so writes refresh it). */
export function useMemberAttendance(unitId: number, year: number) {
  return useQuery({
    queryKey: [...qk.meetings, 'member-attendance', unitId, year],
    queryFn: ({ signal }) =>
      api<MemberAttendance>(`/units/${unitId}/member-attendance`, { query: { year }, signal }),
    placeholderData: keepPreviousData,
  });
}
