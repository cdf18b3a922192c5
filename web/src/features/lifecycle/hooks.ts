import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AdmitBody,
  AdmitResult,
  AgeOutBody,
  AgeOutList,
  DeathBody,
  EndMembershipBody,
  IssueTransferBody,
  PersonLifecycle,
  TransferList,
  TransferTargets,
  UnitTransfersQuery,
} from '../../../../contracts/lifecycle';
import { api } from '../../api/client';

type Box = UnitTransfersQuery['box'];
export type Decision = 'accept' | 'refuse' | 'recall' | 'end';

const keys = {
  all: ['lifecycle'] as const,
  person: (id: number) => ['lifecycle', 'person', id] as const,
  unit: (id: number, box: Box, state: string) => ['lifecycle', 'unit', id, box, state] as const,
  targets: (unitId: number, q: string) => ['lifecycle', 'targets', unitId, q] as const,
  ageOut: (unitId: number, on: string) => ['lifecycle', 'age-out', unitId, on] as const,
};

/** After any life-cycle write: the lists, profiles, member lists and counts may all have changed. */
function useRefresh() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: keys.all }),
      qc.invalidateQueries({ queryKey: ['people'] }),
      qc.invalidateQueries({ queryKey: ['units'] }),
      qc.invalidateQueries({ queryKey: ['stats'] }),
    ]);
}

export function usePersonLifecycle(personId: number | null) {
  return useQuery({
    queryKey: keys.person(personId ?? 0),
    queryFn: ({ signal }) => api<PersonLifecycle>(`/people/${personId}/lifecycle`, { signal }),
    enabled: Boolean(personId),
  });
}

export function useUnitTransfers(unitId: number | null, box: Box, all: boolean) {
  const state = all ? 'all' : 'open';
  return useQuery({
    queryKey: keys.unit(unitId ?? 0, box, state),
    queryFn: ({ signal }) =>
      api<TransferList>(`/units/${unitId}/transfers`, { query: { box, state }, signal }),
    enabled: Boolean(unitId),
    placeholderData: keepPreviousData,
  });
}

/** Branches a member of `unitId` may be sent to (province-wide, same organization). */
export function useTransferTargets(unitId: number, q: string, enabled: boolean) {
  return useQuery({
    queryKey: keys.targets(unitId, q),
    queryFn: ({ signal }) =>
      api<TransferTargets>(`/units/${unitId}/transfer-targets`, { query: { q, limit: 20 }, signal }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useAgeOut(unitId: number | null, on: string) {
  return useQuery({
    queryKey: keys.ageOut(unitId ?? 0, on),
    queryFn: ({ signal }) => api<AgeOutList>(`/units/${unitId}/age-out`, { query: { on }, signal }),
    enabled: Boolean(unitId),
    retry: false,
  });
}

export function useAdmit(unitId: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: z.input<typeof AdmitBody>) =>
      api<z.infer<typeof AdmitResult>>(`/units/${unitId}/admissions`, { method: 'POST', body }),
    onSuccess: refresh,
  });
}

export function useIssueTransfer() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ membershipId, body }: { membershipId: number; body: IssueTransferBody }) =>
      api<{ id: number }>(`/memberships/${membershipId}/transfers`, { method: 'POST', body }),
    onSuccess: refresh,
  });
}

export function useDecide() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({
      id,
      decision,
      body,
    }: {
      id: number;
      decision: Decision;
      body: { on: string; reason?: string };
    }) => api<{ id: number }>(`/transfers/${id}/${decision}`, { method: 'POST', body }),
    onSuccess: refresh,
  });
}

export function useEndMembership() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ membershipId, body }: { membershipId: number; body: EndMembershipBody }) =>
      api<{ id: number }>(`/memberships/${membershipId}/end`, { method: 'POST', body }),
    onSuccess: refresh,
  });
}

export function useDeath() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ personId, body }: { personId: number; body: DeathBody }) =>
      api<{ id: number }>(`/people/${personId}/death`, { method: 'POST', body }),
    onSuccess: refresh,
  });
}

export function useConfirmAgeOut(unitId: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: AgeOutBody) =>
      api<{ count: number }>(`/units/${unitId}/age-out`, { method: 'POST', body }),
    onSuccess: refresh,
  });
}
