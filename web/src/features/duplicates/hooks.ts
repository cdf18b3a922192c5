import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  DismissBody,
  DuplicatesResponse,
  MergeBody,
  MergeResult,
} from '../../../../contracts/duplicates';
import { api } from '../../api/client';
import { qk } from '../../api/keys';

const keys = {
  all: ['duplicates'] as const,
  list: (unitId: number, page: number) => ['duplicates', unitId, page] as const,
};

/** One page of candidate pairs below a unit. */
export function useDuplicates(unitId: number | null, page: number, pageSize: number) {
  return useQuery({
    queryKey: keys.list(unitId ?? 0, page),
    queryFn: ({ signal }) =>
      api<DuplicatesResponse>('/duplicates', { query: { unitId, page, pageSize }, signal }),
    enabled: Boolean(unitId),
    placeholderData: keepPreviousData,
    // the records carry sensitive fields: not kept once the screen closes
    gcTime: 0,
  });
}

export function useMerge() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: MergeBody) => api<MergeResult>('/duplicates/merge', { method: 'POST', body }),
    onSuccess: async () => {
      await Promise.all([
        qc.invalidateQueries({ queryKey: keys.all }),
        qc.invalidateQueries({ queryKey: qk.people }),
      ]);
    },
  });
}

export function useDismiss() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: DismissBody) => api<unknown>('/duplicates/dismiss', { method: 'POST', body }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: keys.all });
    },
  });
}
