import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AddIntroductionBody, IntroductionList, IntroductionsQuery } from '../../../../contracts/party';
import { api } from '../../api/client';

const ALL = ['party'] as const;

/** The Party development records of a unit's subtree. */
export function useIntroductions(unitId: number, q: IntroductionsQuery) {
  return useQuery({
    queryKey: [...ALL, unitId, q],
    queryFn: ({ signal }) =>
      api<IntroductionList>(`/units/${unitId}/party-introductions`, { query: { ...q }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Records a stage at the unit where the person is an active member. */
export function useAddIntroduction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ unitId, ...body }: AddIntroductionBody & { unitId: number }) =>
      api<{ id: number }>(`/units/${unitId}/party-introductions`, { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ALL }),
  });
}

export function useDeleteIntroduction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<{ id: number }>(`/party-introductions/${id}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ALL }),
  });
}
