import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BatchResult,
  ClassificationList,
  ClassificationRow,
  ConfirmBody,
  ProposeResult,
  Scheme,
  SchemeBody,
} from '../../../../contracts/classification';
import { api } from '../../api/client';

/** Query keys of the classification feature; every write refreshes all of them. */
export const classificationKeys = {
  all: ['classification'] as const,
  list: (q: Record<string, unknown>) => ['classification', 'list', q] as const,
  scheme: (org: string) => ['classification', 'scheme', org] as const,
};

export function useClassification(q: {
  unitId: number | null;
  year: number;
  level: string | null;
  page: number;
}) {
  const query = { unitId: q.unitId ?? undefined, year: q.year, level: q.level ?? undefined, page: q.page };
  return useQuery({
    queryKey: classificationKeys.list(query),
    queryFn: ({ signal }) => api<ClassificationList>('/classification', { query, signal }),
    enabled: q.unitId !== null,
    placeholderData: keepPreviousData,
  });
}

export const useScheme = (org: string | null) =>
  useQuery({
    queryKey: classificationKeys.scheme(org ?? ''),
    queryFn: ({ signal }) => api<Scheme>(`/classification/schemes/${org}`, { signal }),
    enabled: !!org,
  });

function useWrite<A, R>(request: (a: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: classificationKeys.all });
    },
  });
}

export const usePropose = () =>
  useWrite((body: { unitId: number; year: number }) =>
    api<ProposeResult>('/classification/proposals', { method: 'POST', body }),
  );

export const useConfirmBatch = () =>
  useWrite((body: { unitId: number; year: number }) =>
    api<BatchResult>('/classification/confirm-batch', { method: 'POST', body }),
  );

export const useConfirm = () =>
  useWrite(({ unitId, year, ...body }: ConfirmBody & { unitId: number; year: number }) =>
    api<ClassificationRow>(`/classification/${unitId}/${year}/confirm`, { method: 'POST', body }),
  );

export const useSaveScheme = (org: string) =>
  useWrite((body: SchemeBody) => api<Scheme>(`/classification/schemes/${org}`, { method: 'PUT', body }));
