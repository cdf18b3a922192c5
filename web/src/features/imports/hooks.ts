import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, api, apiUrl } from '../../api/client';
import {
  BUSY,
  type ImportDetail,
  type ImportField,
  type ImportMode,
  type ImportRowItem,
  type ImportSummary,
  type RowFilter,
} from './types';

const keys = {
  list: (unitId: number) => ['imports', 'unit', unitId] as const,
  job: (id: number | null) => ['imports', 'job', id] as const,
  rows: (id: number, q: Record<string, unknown>) => ['imports', 'rows', id, q] as const,
};

/** The unit's recent imports, newest first. */
export function useImportList(unitId: number) {
  return useQuery({
    queryKey: keys.list(unitId),
    queryFn: ({ signal }) => api<{ items: ImportSummary[] }>(`/units/${unitId}/imports`, { signal }),
  });
}

/** One import; polled every second while the server checks or writes it. */
export function useImportJob(id: number | null) {
  return useQuery({
    queryKey: keys.job(id),
    queryFn: ({ signal }) => api<ImportDetail>(`/imports/${id}`, { signal }),
    enabled: id !== null,
    refetchInterval: (q) => (q.state.data && BUSY.includes(q.state.data.status) ? 1000 : false),
  });
}

/** A page of checked rows, filtered by status. */
export function useImportRows(
  id: number,
  status: RowFilter,
  page: number,
  pageSize: number,
  enabled: boolean,
) {
  const query = { status, page, pageSize };
  return useQuery({
    queryKey: keys.rows(id, query),
    queryFn: ({ signal }) =>
      api<{ items: ImportRowItem[]; total: number }>(`/imports/${id}/rows`, { query, signal }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** Sends the file with upload progress (fetch cannot report it, XMLHttpRequest can). */
export function useUpload(unitId: number) {
  const qc = useQueryClient();
  const [progress, setProgress] = useState<number | null>(null);
  function upload(file: File): Promise<ImportDetail> {
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', apiUrl(`/units/${unitId}/imports`));
      xhr.setRequestHeader('X-Requested-With', 'DoanHoi');
      xhr.setRequestHeader('Accept', 'application/json');
      xhr.upload.onprogress = (e) =>
        e.lengthComputable && setProgress(Math.round((e.loaded / e.total) * 100));
      xhr.onerror = () => {
        setProgress(null);
        reject(new ApiError(0, 'NETWORK', 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.'));
      };
      xhr.onload = () => {
        setProgress(null);
        let body: { error?: { code?: string; message?: string } } & Partial<ImportDetail> = {};
        try {
          body = JSON.parse(xhr.responseText);
        } catch {
          // not JSON: handled below
        }
        if (xhr.status === 201) {
          void qc.invalidateQueries({ queryKey: keys.list(unitId) });
          resolve(body as ImportDetail);
        } else {
          reject(
            new ApiError(
              xhr.status,
              body.error?.code ?? `HTTP_${xhr.status}`,
              body.error?.message ?? 'Tải tệp lên không thành công, vui lòng thử lại.',
            ),
          );
        }
      };
      const form = new FormData();
      form.append('file', file, file.name);
      setProgress(0);
      xhr.send(form);
    });
  }
  return { upload, progress };
}

function useJobAction<B>(path: (id: number) => string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body?: B }) =>
      api<ImportDetail>(path(id), { method: 'POST', body }),
    onSuccess: (job) => {
      qc.setQueryData(keys.job(job.id), job);
      void qc.invalidateQueries({ queryKey: ['imports', 'rows', job.id] });
      void qc.invalidateQueries({ queryKey: keys.list(job.unitId) });
    },
  });
}

export const useCheck = () =>
  useJobAction<{ mapping: Record<string, ImportField | null> }>((id) => `/imports/${id}/check`);
export const useCommit = () =>
  useJobAction<{ mode: ImportMode; linkDuplicates: boolean }>((id) => `/imports/${id}/commit`);
export const useCancel = () => useJobAction<never>((id) => `/imports/${id}/cancel`);
