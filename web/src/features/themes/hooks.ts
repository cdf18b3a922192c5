import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { qk } from '../../api/keys';
import type { FileList, ThemeBody, ThemeCoverage, ThemeDetail, ThemeList } from './types';

/** Query keys of themes; meeting files live under ['meetings'] so meeting writes refresh them too. */
export const themeKeys = {
  all: ['themes'] as const,
  unit: (unitId: number, month: string) => ['themes', 'unit', unitId, month] as const,
  detail: (id: number) => ['themes', 'detail', id] as const,
  coverage: (id: number) => ['themes', 'coverage', id] as const,
  meetingFiles: (meetingId: number) => [...qk.meetings, 'files', meetingId] as const,
};

export function useUnitThemes(unitId: number | null, month: string) {
  return useQuery({
    queryKey: themeKeys.unit(unitId ?? 0, month),
    queryFn: ({ signal }) => api<ThemeList>(`/units/${unitId}/themes`, { query: { month }, signal }),
    enabled: Boolean(unitId),
  });
}

export function useTheme(id: number | null) {
  return useQuery({
    queryKey: themeKeys.detail(id ?? 0),
    queryFn: ({ signal }) => api<ThemeDetail>(`/themes/${id}`, { signal }),
    enabled: Boolean(id),
  });
}

export function useThemeCoverage(id: number) {
  return useQuery({
    queryKey: themeKeys.coverage(id),
    queryFn: ({ signal }) => api<ThemeCoverage>(`/themes/${id}/coverage`, { signal }),
  });
}

/** Theme writes refresh every theme query (lists, detail, coverage). */
function useThemeMutation<TBody, TResult = unknown>(request: (body: TBody) => Promise<TResult>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: themeKeys.all });
    },
  });
}

export const usePublishTheme = (unitId: number) =>
  useThemeMutation((body: ThemeBody) =>
    api<{ id: number }>(`/units/${unitId}/themes`, { method: 'POST', body }),
  );

export const useUpdateTheme = (id: number) =>
  useThemeMutation((body: Partial<ThemeBody>) =>
    api<{ id: number }>(`/themes/${id}`, { method: 'PATCH', body }),
  );

/** Removing a file refreshes both themes and meetings (the owner may be either). */
export function useDeleteFile() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<unknown>(`/files/${id}`, { method: 'DELETE' }),
    onSuccess: async () => {
      await Promise.all([
        qc.invalidateQueries({ queryKey: themeKeys.all }),
        qc.invalidateQueries({ queryKey: qk.meetings }),
      ]);
    },
  });
}

export function useMeetingFiles(meetingId: number) {
  return useQuery({
    queryKey: themeKeys.meetingFiles(meetingId),
    queryFn: ({ signal }) => api<FileList>(`/meetings/${meetingId}/files`, { signal }),
  });
}

/** A meeting picks (or drops) its theme; the meeting detail and coverage views refresh. */
export function useSetMeetingTheme(meetingId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (themeId: number | null) =>
      api<unknown>(`/meetings/${meetingId}/theme`, { method: 'PUT', body: { themeId } }),
    onSuccess: async () => {
      await Promise.all([
        qc.invalidateQueries({ queryKey: qk.meetings }),
        qc.invalidateQueries({ queryKey: themeKeys.all }),
      ]);
    },
  });
}
