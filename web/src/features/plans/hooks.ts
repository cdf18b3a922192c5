import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AdjustTargetBody, CreatePlanBody, PlanDetail, PlanList } from '../../../../contracts/plans';
import { api } from '../../api/client';

const keys = {
  list: (unitId: number) => ['meetings', 'plans', 'list', unitId] as const,
  detail: (id: number, unitId: number | null) => ['meetings', 'plans', 'detail', id, unitId] as const,
};

/** Plans of a unit and those cascaded to it from above (under ['meetings'] so data writes refresh progress). */
export function usePlans(unitId: number | null) {
  return useQuery({
    queryKey: keys.list(unitId ?? 0),
    queryFn: ({ signal }) => api<PlanList>('/plans', { query: { unitId: unitId ?? undefined }, signal }),
    enabled: unitId !== null,
  });
}

/** A plan's progress at its unit (or a unit below it) and that unit's children. */
export function usePlan(id: number, unitId: number | null) {
  return useQuery({
    queryKey: keys.detail(id, unitId),
    queryFn: ({ signal }) =>
      api<PlanDetail>(`/plans/${id}`, { query: { unitId: unitId ?? undefined }, signal }),
    placeholderData: keepPreviousData,
  });
}

function useRefresh() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['meetings', 'plans'] });
}

export function useCreatePlan() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: CreatePlanBody) => api<{ id: number }>('/plans', { method: 'POST', body }),
    onSuccess: refresh,
  });
}

export function useAdjustTarget(id: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: AdjustTargetBody) =>
      api<{ id: number }>(`/plans/${id}/targets`, { method: 'PUT', body }),
    onSuccess: refresh,
  });
}

export function useDeletePlan() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (id: number) => api<{ id: number }>(`/plans/${id}`, { method: 'DELETE' }),
    onSuccess: refresh,
  });
}
