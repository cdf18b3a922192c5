import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { qk } from '../../api/keys';
import type { CadreCandidate, CadreVisit, CoverageReport, MeetingCadreList } from './types';

// Under ['meetings'] so meeting writes refresh these, and cadre writes refresh meetings and compliance.
const keys = {
  list: (meetingId: number) => [...qk.meetings, 'cadres', meetingId] as const,
  candidates: (meetingId: number) => [...qk.meetings, 'cadre-candidates', meetingId] as const,
  visits: [...qk.meetings, 'my-cadre-visits'] as const,
  coverage: (params: Record<string, unknown>) => [...qk.meetings, 'cadre-coverage', params] as const,
};

export function useMeetingCadres(meetingId: number) {
  return useQuery({
    queryKey: keys.list(meetingId),
    queryFn: ({ signal }) => api<MeetingCadreList>(`/meetings/${meetingId}/cadres`, { signal }),
  });
}

export function useCadreCandidates(meetingId: number, enabled: boolean) {
  return useQuery({
    queryKey: keys.candidates(meetingId),
    queryFn: ({ signal }) =>
      api<{ items: CadreCandidate[] }>(`/meetings/${meetingId}/cadre-candidates`, { signal }),
    enabled,
  });
}

export function useMyCadreVisits() {
  return useQuery({
    queryKey: keys.visits,
    queryFn: ({ signal }) => api<{ items: CadreVisit[] }>('/me/cadre-visits', { signal }),
  });
}

export function useCadreCoverage(months: number, unitId: number | null) {
  return useQuery({
    queryKey: keys.coverage({ months, unitId }),
    queryFn: ({ signal }) =>
      api<CoverageReport>('/cadre-coverage', { query: { months, unitId: unitId ?? undefined }, signal }),
    placeholderData: keepPreviousData,
  });
}

function useCadreMutation<T>(request: (arg: T) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: qk.meetings });
    },
  });
}

/** Assign oneself (no userId) or a colleague. */
export const useAssignCadre = (meetingId: number) =>
  useCadreMutation((userId: string | undefined) =>
    api<{ id: number }>(`/meetings/${meetingId}/cadres`, { method: 'POST', body: userId ? { userId } : {} }),
  );

export const useRecordCadre = () =>
  useCadreMutation((arg: { id: number; status: 'attended' | 'absent'; note?: string }) =>
    api(`/meeting-cadres/${arg.id}`, {
      method: 'PATCH',
      body: { status: arg.status, ...(arg.note ? { note: arg.note } : {}) },
    }),
  );

export const useRemoveCadre = () =>
  useCadreMutation((id: number) => api(`/meeting-cadres/${id}`, { method: 'DELETE' }));
