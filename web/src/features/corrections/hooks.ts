import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Correction,
  CorrectionsCount,
  CorrectionsList,
  MyProfile,
  PersonCorrections,
  ProposeBody,
} from '../../../../contracts/corrections';
import { api } from '../../api/client';
import { qk } from '../../api/keys';

const keys = {
  mine: ['me', 'profile'] as const,
  all: ['corrections'] as const,
  list: (unitId: number, status: string, page: number) =>
    ['corrections', 'list', unitId, status, page] as const,
  count: ['corrections', 'count'] as const,
  person: (id: number) => ['corrections', 'person', id] as const,
};

export function useMyProfile() {
  return useQuery({
    queryKey: keys.mine,
    queryFn: ({ signal }) => api<MyProfile>('/me/profile', { signal }),
    gcTime: 0,
  });
}

export function usePropose() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ProposeBody) => api<Correction>('/me/corrections', { method: 'POST', body }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: keys.mine });
    },
  });
}

export function useWithdraw() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<Correction>(`/me/corrections/${id}/withdraw`, { method: 'POST' }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: keys.mine });
    },
  });
}

export function useCorrections(unitId: number | null, status: string, page: number) {
  return useQuery({
    queryKey: keys.list(unitId ?? 0, status, page),
    queryFn: ({ signal }) =>
      api<CorrectionsList>('/corrections', { query: { unitId, status, page, pageSize: 20 }, signal }),
    enabled: Boolean(unitId),
    placeholderData: keepPreviousData,
  });
}

/** Pending proposals the actor may decide (menu badge). */
export function useCorrectionsCount(enabled: boolean) {
  return useQuery({
    queryKey: keys.count,
    queryFn: ({ signal }) => api<CorrectionsCount>('/corrections/count', { signal }),
    enabled,
    staleTime: 60_000,
    refetchInterval: 5 * 60_000,
  });
}

export function usePersonCorrections(personId: number) {
  return useQuery({
    queryKey: keys.person(personId),
    queryFn: ({ signal }) => api<PersonCorrections>(`/people/${personId}/corrections`, { signal }),
  });
}

export function useDecide() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (d: { id: number; approve: boolean; reason?: string }) =>
      api<Correction>(`/corrections/${d.id}/${d.approve ? 'approve' : 'reject'}`, {
        method: 'POST',
        body: d.approve ? undefined : { reason: d.reason },
      }),
    onSuccess: async () => {
      await Promise.all([
        qc.invalidateQueries({ queryKey: keys.all }),
        qc.invalidateQueries({ queryKey: qk.people }),
      ]);
    },
  });
}
