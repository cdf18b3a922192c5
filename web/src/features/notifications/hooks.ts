import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { NotificationList } from './types';

const KEY = ['notifications'] as const;

/** The signed-in account's newest notifications and unread count; polled so the bell stays current. */
export function useNotifications(pageSize: number) {
  return useQuery({
    queryKey: [...KEY, pageSize],
    queryFn: ({ signal }) => api<NotificationList>('/notifications', { query: { pageSize }, signal }),
    refetchInterval: 60_000,
    placeholderData: keepPreviousData,
  });
}

function useInboxMutation<T>(request: (arg: T) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: KEY });
    },
  });
}

export const useMarkRead = () =>
  useInboxMutation((id: number) => api(`/notifications/${id}/read`, { method: 'POST' }));

export const useMarkAllRead = () =>
  useInboxMutation(() => api('/notifications/read-all', { method: 'POST' }));
