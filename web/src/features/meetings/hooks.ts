import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { qk } from '../../api/keys';
import type {
  AttendanceCounts,
  AttendanceStatus,
  MeetingDetail,
  MeetingKind,
  MeetingMinutes,
  MeetingMode,
  MeetingSummary,
} from '../../api/types';

export function useUnitMeetings(unitId: number, year: number) {
  return useQuery({
    queryKey: qk.unitMeetings(unitId, year),
    queryFn: ({ signal }) =>
      api<{ items: MeetingSummary[] }>(`/units/${unitId}/meetings`, { query: { year }, signal }),
  });
}

export function useMeeting(id: number) {
  return useQuery({
    queryKey: qk.meeting(id),
    queryFn: ({ signal }) => api<MeetingDetail>(`/meetings/${id}`, { signal }),
  });
}

/** Every meeting write refreshes meeting lists, the detail and compliance (all under ['meetings']). */
function useMeetingMutation<TBody, TResult = unknown>(request: (body: TBody) => Promise<TResult>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: qk.meetings });
    },
  });
}

export interface PlanMeetingBody {
  kind: MeetingKind;
  scheduledAt: string;
  place?: string;
  mode: MeetingMode;
  onlineLink?: string;
  agenda?: string;
  themeId?: number;
}

export const usePlanMeeting = (unitId: number) =>
  useMeetingMutation((body: PlanMeetingBody) =>
    api<{ id: number }>(`/units/${unitId}/meetings`, { method: 'POST', body }),
  );

export interface AttendanceEntry {
  personId: number;
  status: AttendanceStatus;
  reason?: string;
}

export const useSaveAttendance = (id: number) =>
  useMeetingMutation((entries: AttendanceEntry[]) =>
    api<{ counts: AttendanceCounts }>(`/meetings/${id}/attendance`, { method: 'PUT', body: { entries } }),
  );

export type MinutesPatch = Partial<
  Pick<
    MeetingMinutes,
    | 'chair'
    | 'secretary'
    | 'higherCadres'
    | 'guests'
    | 'content'
    | 'decisions'
    | 'tasks'
    | 'agenda'
    | 'startedAt'
    | 'endedAt'
  > & { place: string | null; reason: string }
>;

export const usePatchMeeting = (id: number) =>
  useMeetingMutation((body: MinutesPatch) => api<unknown>(`/meetings/${id}`, { method: 'PATCH', body }));

export interface DiscussionBody {
  speakerPersonId?: number;
  speakerName?: string;
  content: string;
}

export const useAddDiscussion = (id: number) =>
  useMeetingMutation((body: DiscussionBody) =>
    api<unknown>(`/meetings/${id}/discussions`, { method: 'POST', body }),
  );

export const useLockMeeting = (id: number) =>
  useMeetingMutation(() => api<unknown>(`/meetings/${id}/lock`, { method: 'POST' }));
