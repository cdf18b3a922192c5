import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { qk } from '../../api/keys';
import type { Area, Organization, UnitDetail, UnitSummary } from '../../api/types';

/** All organizations (Đoàn, Hội LHPN, Hội ND, Hội CCB…). */
export function useOrganizations() {
  return useQuery({
    queryKey: qk.organizations,
    queryFn: ({ signal }) => api<Organization[]>('/organizations', { signal }),
    staleTime: 10 * 60_000,
  });
}

export function useUnitRoots(organization: string) {
  return useQuery({
    queryKey: qk.unitRoots(organization),
    queryFn: ({ signal }) => api<UnitSummary[]>('/units/roots', { query: { organization }, signal }),
  });
}

export function childrenQuery(id: number) {
  return {
    queryKey: qk.unitChildren(id),
    queryFn: ({ signal }: { signal: AbortSignal }) => api<UnitSummary[]>(`/units/${id}/children`, { signal }),
  };
}

export function useUnit(id: number | null) {
  return useQuery({
    queryKey: qk.unit(id),
    queryFn: ({ signal }) => api<UnitDetail>(`/units/${id}`, { signal }),
    enabled: Boolean(id),
  });
}

/** Server-side, diacritics-insensitive unit search. */
export function useUnitSearch(q: string, organization = '', limit = 20) {
  const trimmed = q.trim();
  return useQuery({
    queryKey: qk.unitSearch(trimmed, organization),
    queryFn: ({ signal }) =>
      api<{ items: UnitSummary[] }>('/units', { query: { q: trimmed, organization, limit }, signal }),
    enabled: trimmed.length >= 2,
    staleTime: 60_000,
  });
}

export function useAreaSearch(q: string) {
  const trimmed = q.trim();
  return useQuery({
    queryKey: qk.areas({ q: trimmed }),
    queryFn: ({ signal }) =>
      api<{ items: Area[] }>('/areas', { query: { q: trimmed, includeFormer: true }, signal }),
    enabled: trimmed.length >= 2,
    staleTime: 5 * 60_000,
  });
}

/** Any unit write: refresh every unit list, tree level and detail, and the counts. */
function useUnitMutation<TBody>(request: (body: TBody) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: async () => {
      await Promise.all([
        qc.invalidateQueries({ queryKey: qk.units }),
        qc.invalidateQueries({ queryKey: ['stats'] }),
        qc.invalidateQueries({ queryKey: qk.people }),
      ]);
    },
  });
}

export interface CreateUnitBody {
  parentId: number;
  name: string;
  kind: string;
  areaId: number;
  difficultArea: boolean;
}

export const useCreateUnit = () =>
  useUnitMutation((body: CreateUnitBody) => api<{ id: number }>('/units', { method: 'POST', body }));

export const useUpdateUnit = (id: number) =>
  useUnitMutation((body: { name?: string; difficultArea?: boolean; kind?: string }) =>
    api<unknown>(`/units/${id}`, { method: 'PATCH', body }),
  );

export const useMoveUnit = (id: number) =>
  useUnitMutation((body: { newParentId: number }) =>
    api<unknown>(`/units/${id}/move`, { method: 'POST', body }),
  );

export const useMergeUnit = (id: number) =>
  useUnitMutation((body: { targetUnitId: number }) =>
    api<unknown>(`/units/${id}/merge`, { method: 'POST', body }),
  );
