import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { qk } from '../../api/keys';
import type { ComplianceReport, ComplianceStatus } from '../../api/types';
import type { AttentionList, MemberAttendance } from './types';

/**
 * Required vs held meetings for one period within the actor's scope (or under unitId): the summary and roll-ups
 * over every branch, and one page of the branches (only those with `status` when given).
 */
export function useCompliance(q: {
  period: string;
  unitId: number | null;
  status?: ComplianceStatus;
  page: number;
  pageSize?: number;
}) {
  const query = { ...q, unitId: q.unitId ?? undefined, pageSize: q.pageSize ?? PAGE_SIZE };
  return useQuery({
    queryKey: qk.compliance(query),
    queryFn: ({ signal }) => api<ComplianceReport>('/compliance', { query, signal }),
    placeholderData: keepPreviousData,
  });
}
export const PAGE_SIZE = 50;

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
