import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AnswerBody,
  CreateDialogueBody,
  CreateVoiceItemBody,
  DeclineBody,
  DialogueDetail,
  DialogueList,
  FeedbackBody,
  ForwardBody,
  PutDeadlineBody,
  UpdateBodyBody,
  VoiceBodyList,
  VoiceCategoryList,
  VoiceItemDetail,
  VoiceItemList,
  VoiceStats,
} from '../../../../contracts/voice';
import { api } from '../../api/client';

/** Query keys of the voice feature; every write refreshes all of them. */
export const voiceKeys = {
  all: ['voice'] as const,
  categories: ['voice', 'categories'] as const,
  mine: (page: number) => ['voice', 'mine', page] as const,
  list: (params: Record<string, unknown>) => ['voice', 'list', params] as const,
  inbox: (status: string | undefined, page: number) => ['voice', 'inbox', status, page] as const,
  item: (id: number) => ['voice', 'item', id] as const,
  stats: (params: Record<string, unknown>) => ['voice', 'stats', params] as const,
  bodies: (areaId: number | null) => ['voice', 'bodies', areaId] as const,
  dialogues: (unitId: number | null) => ['voice', 'dialogues', unitId] as const,
  dialogue: (id: number) => ['voice', 'dialogue', id] as const,
  myDialogues: ['voice', 'my-dialogues'] as const,
  deadlines: ['voice', 'deadlines'] as const,
  directory: (areaId: number | null) => ['voice', 'directory', areaId] as const,
};

export const useCategories = () =>
  useQuery({
    queryKey: voiceKeys.categories,
    queryFn: ({ signal }) => api<VoiceCategoryList>('/voice/categories', { signal }),
    staleTime: 5 * 60_000,
  });

export const useMyItems = (page: number) =>
  useQuery({
    queryKey: voiceKeys.mine(page),
    queryFn: ({ signal }) => api<VoiceItemList>('/voice/mine', { query: { page }, signal }),
  });

export const useItems = (params: Record<string, string | number | undefined>) =>
  useQuery({
    queryKey: voiceKeys.list(params),
    queryFn: ({ signal }) => api<VoiceItemList>('/voice/items', { query: params, signal }),
  });

export const useRespondentInbox = (status: string | undefined, page: number) =>
  useQuery({
    queryKey: voiceKeys.inbox(status, page),
    queryFn: ({ signal }) => api<VoiceItemList>('/voice/inbox', { query: { status, page }, signal }),
  });

export const useItem = (id: number) =>
  useQuery({
    queryKey: voiceKeys.item(id),
    queryFn: ({ signal }) => api<VoiceItemDetail>(`/voice/items/${id}`, { signal }),
  });

export const useStats = (params: Record<string, string | number | undefined>) =>
  useQuery({
    queryKey: voiceKeys.stats(params),
    queryFn: ({ signal }) => api<VoiceStats>('/voice/stats', { query: params, signal }),
  });

export const useBodies = (areaId: number | null) =>
  useQuery({
    queryKey: voiceKeys.bodies(areaId),
    queryFn: ({ signal }) =>
      api<VoiceBodyList>('/voice/bodies', { query: { areaId: areaId ?? undefined }, signal }),
  });

function useVoiceMutation<TBody, TResult = unknown>(request: (body: TBody) => Promise<TResult>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: voiceKeys.all });
    },
  });
}

type Raise = Partial<
  Pick<
    CreateVoiceItemBody,
    'urgency' | 'hideName' | 'areaId' | 'unitId' | 'onBehalf' | 'meetingId' | 'discussionId'
  >
> &
  Pick<CreateVoiceItemBody, 'kind' | 'categoryCode' | 'content'>;

export const useRaise = () =>
  useVoiceMutation((body: Raise) => api<{ id: number }>('/voice/items', { method: 'POST', body }));

const post =
  <B>(id: number, action: string) =>
  (body: B) =>
    api<{ id: number }>(`/voice/items/${id}/${action}`, { method: 'POST', body });

export const useForward = (id: number) => useVoiceMutation(post<ForwardBody>(id, 'forward'));
export const useResolve = (id: number) => useVoiceMutation(post<AnswerBody>(id, 'resolve'));
export const useAnswer = (id: number) => useVoiceMutation(post<AnswerBody>(id, 'answer'));
export const useDecline = (id: number) => useVoiceMutation(post<DeclineBody>(id, 'decline'));
export const useMerge = (id: number) => useVoiceMutation(post<{ sourceIds: number[] }>(id, 'merge'));
export const useFeedback = (id: number) => useVoiceMutation(post<FeedbackBody>(id, 'feedback'));
export const useCompleteCommitment = () =>
  useVoiceMutation(({ id, note }: { id: number; note?: string }) =>
    api<{ id: number }>(`/voice/commitments/${id}/done`, { method: 'POST', body: { note } }),
  );

// ---- dialogues (đối thoại) ----

export const useDialogues = (unitId: number | null) =>
  useQuery({
    queryKey: voiceKeys.dialogues(unitId),
    queryFn: ({ signal }) =>
      api<DialogueList>('/voice/dialogues', { query: { unitId: unitId ?? undefined }, signal }),
  });

export const useDialogue = (id: number) =>
  useQuery({
    queryKey: voiceKeys.dialogue(id),
    queryFn: ({ signal }) => api<DialogueDetail>(`/voice/dialogues/${id}`, { signal }),
  });

type PlanDialogue = Omit<CreateDialogueBody, 'itemIds'> & { itemIds?: number[] };
export const usePlanDialogue = () =>
  useVoiceMutation((body: PlanDialogue) => api<{ id: number }>('/voice/dialogues', { method: 'POST', body }));
export const useAsk = (dialogueId: number) =>
  useVoiceMutation((body: { content?: string; itemId?: number }) =>
    api<{ id: number }>(`/voice/dialogues/${dialogueId}/questions`, { method: 'POST', body }),
  );
export const useAnswerQuestion = () =>
  useVoiceMutation(({ questionId, ...body }: AnswerBody & { questionId: number }) =>
    api<{ id: number }>(`/voice/dialogue-questions/${questionId}/answer`, { method: 'POST', body }),
  );
export const usePublishDialogue = (dialogueId: number) =>
  useVoiceMutation((body: { summary: string }) =>
    api<{ id: number }>(`/voice/dialogues/${dialogueId}/publish`, { method: 'POST', body }),
  );

/** "Đối thoại của tôi": the dialogues of the member's units, newest first. */
export const useMyDialogues = () =>
  useQuery({
    queryKey: voiceKeys.myDialogues,
    queryFn: ({ signal }) => api<DialogueList>('/voice/my-dialogues', { signal }),
  });

// ---- configuration (administrators) ----

export interface DeadlineRule {
  categoryCode: string;
  level: PutDeadlineBody['level'];
  days: number;
}

export const useDeadlines = () =>
  useQuery({
    queryKey: voiceKeys.deadlines,
    queryFn: ({ signal }) => api<{ items: DeadlineRule[] }>('/voice/deadlines', { signal }),
  });

/** Every body of the directory (deactivated ones too), or those serving one area. */
export const useDirectory = (areaId: number | null) =>
  useQuery({
    queryKey: voiceKeys.directory(areaId),
    queryFn: ({ signal }) =>
      api<VoiceBodyList>('/voice/bodies', { query: { areaId: areaId ?? undefined, all: '1' }, signal }),
  });

export const usePutCategory = () =>
  useVoiceMutation(({ code, ...body }: { code: string; name: string; sortOrder: number; active: boolean }) =>
    api<{ code: string }>(`/voice/categories/${encodeURIComponent(code)}`, { method: 'PUT', body }),
  );
export const usePutDeadline = () =>
  useVoiceMutation((body: PutDeadlineBody) => api<DeadlineRule>('/voice/deadlines', { method: 'PUT', body }));
export const useDeleteDeadline = () =>
  useVoiceMutation(({ categoryCode, level }: Pick<DeadlineRule, 'categoryCode' | 'level'>) =>
    api<unknown>(`/voice/deadlines/${encodeURIComponent(categoryCode)}/${level}`, { method: 'DELETE' }),
  );
export const useCreateBody = () =>
  useVoiceMutation(
    (body: { areaId: number; name: string; kind: UpdateBodyBody['kind']; escalatesToId?: number }) =>
      api<{ id: number }>('/voice/bodies', { method: 'POST', body }),
  );
export const useUpdateBody = () =>
  useVoiceMutation(({ id, ...body }: UpdateBodyBody & { id: number }) =>
    api<{ id: number }>(`/voice/bodies/${id}`, { method: 'PUT', body }),
  );

/** Links a respondent account to a recipient body: it then sees and answers what is addressed to the body. */
export const useLinkBodyAccount = () =>
  useVoiceMutation(({ bodyId, userId }: { bodyId: number; userId: string }) =>
    api<{ id: number }>(`/voice/bodies/${bodyId}/accounts`, { method: 'POST', body: { userId } }),
  );
