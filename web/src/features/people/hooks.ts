import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, api, apiUrl } from '../../api/client';
import { qk } from '../../api/keys';
import type { MemberFilters, PeoplePage, PersonDetail } from './types';

/** One server page of people (search is diacritics-insensitive on the server). */
export function usePeople(filters: MemberFilters, page: number, pageSize: number) {
  const query = { ...filters, page, pageSize };
  return useQuery({
    queryKey: qk.peopleList(query),
    queryFn: ({ signal }) => api<PeoplePage>('/people', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Profile; `reveal` asks for unmasked sensitive fields (the server audits it). */
export function usePerson(id: number | null, reveal: boolean) {
  return useQuery({
    queryKey: qk.person(id, reveal),
    queryFn: ({ signal }) =>
      api<PersonDetail>(`/people/${id}`, { query: reveal ? { reveal: 1 } : undefined, signal }),
    enabled: Boolean(id),
    // Sensitive data is not kept around once the profile closes.
    gcTime: reveal ? 0 : 5 * 60_000,
  });
}

/** The file name the server chose (RFC 5987 filename*), or a fallback. */
function fileNameOf(res: Response, fallback: string): string {
  const header = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star?.[1]) return decodeURIComponent(star[1]);
  return /filename="([^"]+)"/i.exec(header)?.[1] ?? fallback;
}

async function errorOf(res: Response): Promise<ApiError> {
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string } };
    return new ApiError(res.status, body.error?.code ?? `HTTP_${res.status}`, body.error?.message ?? '');
  } catch {
    return new ApiError(res.status, `HTTP_${res.status}`, 'Không tải được tệp, vui lòng thử lại.');
  }
}

/**
 * Downloads a generated file (export), reading it chunk by chunk so the page can show how much has arrived,
 * then hands it to the browser as a download. One at a time.
 */
export function useDownload() {
  const [state, setState] = useState<{ running: string | null; received: number }>({
    running: null,
    received: 0,
  });
  async function start(key: string, path: string, query: Record<string, string | number>, fallback: string) {
    setState({ running: key, received: 0 });
    try {
      const res = await fetch(apiUrl(path, query), {
        credentials: 'same-origin',
        headers: { 'X-Requested-With': 'DoanHoi' },
      });
      if (!res.ok || !res.body) throw await errorOf(res);
      const reader = res.body.getReader();
      const parts: Uint8Array<ArrayBuffer>[] = [];
      let received = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parts.push(value);
        received += value.byteLength;
        setState({ running: key, received });
      }
      const name = fileNameOf(res, fallback);
      const url = URL.createObjectURL(
        new Blob(parts, { type: res.headers.get('content-type') ?? undefined }),
      );
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return name;
    } finally {
      setState({ running: null, received: 0 });
    }
  }
  return { ...state, start };
}
