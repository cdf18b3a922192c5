import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { qk } from '../../api/keys';
import type { CheckinInfo, CheckinMode, CheckinResult, MyMeetings } from './types';

const keys = {
  panel: (meetingId: number) => ['meetings', 'checkin', meetingId] as const,
  mine: ['me', 'meetings'] as const,
};

/** Asks for a sign-in code; the server answers alike whether or not the phone is registered. */
export function useSendOtp() {
  return useMutation({
    mutationFn: (phoneNumber: string) =>
      api<{ message: string }>('/auth/phone-number/send-otp', { method: 'POST', body: { phoneNumber } }),
  });
}

/** Signs in with the code; on success the app reloads who is signed in. */
export function useVerifyOtp() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { phoneNumber: string; code: string }) =>
      api<unknown>('/auth/phone-number/verify', { method: 'POST', body }),
    onSuccess: async () => {
      await qc.resetQueries({ queryKey: qk.me });
    },
  });
}

export function useCheckIn() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { code: string; mode: CheckinMode }) =>
      api<CheckinResult>('/checkin', { method: 'POST', body }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: keys.mine });
    },
  });
}

export function useMyMeetings() {
  return useQuery({
    queryKey: keys.mine,
    queryFn: ({ signal }) => api<MyMeetings>('/me/meetings', { signal }),
  });
}

/** The branch head's check-in panel; polled every 5 s while the window is open. */
export function useCheckinPanel(meetingId: number, enabled: boolean) {
  return useQuery({
    queryKey: keys.panel(meetingId),
    queryFn: ({ signal }) => api<CheckinInfo>(`/meetings/${meetingId}/checkin`, { signal }),
    enabled,
    refetchInterval: (q) => (q.state.data?.window?.state === 'open' ? 5_000 : 60_000),
  });
}

function useWindowMutation<TBody>(meetingId: number, request: (body: TBody) => Promise<CheckinInfo>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (data) => {
      qc.setQueryData(keys.panel(meetingId), data);
    },
  });
}

export const useOpenCheckin = (meetingId: number) =>
  useWindowMutation(meetingId, (body: { minutes?: number; newCode?: boolean }) =>
    api<CheckinInfo>(`/meetings/${meetingId}/checkin/open`, { method: 'POST', body }),
  );

export const useCloseCheckin = (meetingId: number) =>
  useWindowMutation(meetingId, () =>
    api<CheckinInfo>(`/meetings/${meetingId}/checkin/close`, { method: 'POST' }),
  );
