import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateReportBody,
  Overview,
  PatchReportBody,
  ReportDetail,
  ReportList,
} from '../../../../contracts/reports';
import { api } from '../../api/client';

/** Query keys of the reports feature; every write refreshes all of them. */
export const reportKeys = {
  all: ['reports'] as const,
  overview: (unitId: number, periodKey: string) => ['reports', 'overview', unitId, periodKey] as const,
  list: (unitId: number) => ['reports', 'list', unitId] as const,
  one: (id: number) => ['reports', 'one', id] as const,
};

export const useOverview = (unitId: number | null, periodKey: string) =>
  useQuery({
    queryKey: reportKeys.overview(unitId ?? 0, periodKey),
    queryFn: ({ signal }) =>
      api<Overview>('/reports/overview', { query: { unitId: unitId ?? undefined, periodKey }, signal }),
    enabled: unitId !== null,
    placeholderData: keepPreviousData,
  });

export const useReportList = (unitId: number | null) =>
  useQuery({
    queryKey: reportKeys.list(unitId ?? 0),
    queryFn: ({ signal }) => api<ReportList>('/reports', { query: { unitId: unitId ?? undefined }, signal }),
    enabled: unitId !== null,
  });

export const useReport = (id: number) =>
  useQuery({
    queryKey: reportKeys.one(id),
    queryFn: ({ signal }) => api<ReportDetail>(`/reports/${id}`, { signal }),
  });

export function useCreateReport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateReportBody) => api<{ id: number }>('/reports', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: reportKeys.all }),
  });
}

/** Saves a draft; the answer (the report as it is now) replaces the cached one. */
export function usePatchReport(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PatchReportBody) => api<ReportDetail>(`/reports/${id}`, { method: 'PATCH', body }),
    onSuccess: (d) => {
      qc.setQueryData(reportKeys.one(id), d);
      return qc.invalidateQueries({ queryKey: ['reports', 'overview'] });
    },
  });
}

export type ReportStep = 'submit' | 'approve' | 'lock' | 'return';

/** One workflow step (submit, approve, lock, or return with a reason). */
export function useReportStep(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ step, reason }: { step: ReportStep; reason?: string }) =>
      api<ReportDetail>(`/reports/${id}/${step}`, {
        method: 'POST',
        body: step === 'return' ? { reason } : undefined,
      }),
    onSuccess: (d) => {
      qc.setQueryData(reportKeys.one(id), d);
      return qc.invalidateQueries({ queryKey: reportKeys.all });
    },
  });
}
