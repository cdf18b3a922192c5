import { z } from 'zod';

/** ý kiến, tâm tư nguyện vọng, kiến nghị, phản ánh */
export const VOICE_KINDS = ['y_kien', 'tam_tu', 'kien_nghi', 'phan_anh'] as const;
export type VoiceKind = (typeof VOICE_KINDS)[number];
export const VOICE_URGENCIES = ['normal', 'urgent'] as const;
export const VOICE_STATUSES = ['open', 'answered', 'closed', 'merged'] as const;
export type VoiceStatus = (typeof VOICE_STATUSES)[number];
/** who owns a routing step: a unit of the organization path, or a recipient body */
export const VOICE_LEVELS = ['branch', 'grassroots', 'province', 'body'] as const;
export type VoiceLevel = (typeof VOICE_LEVELS)[number];
export const BODY_KINDS = ['party_committee', 'peoples_committee', 'agency'] as const;
export const VOICE_EVENT_KINDS = [
  'raised',
  'forwarded',
  'escalated',
  'overdue',
  'declined',
  'answered',
  'commitment_done',
  'satisfied',
  'not_satisfied',
  'reopened',
  'merged',
  'merged_in',
  'file_added',
] as const;

/** Longest item / answer text accepted. */
export const VOICE_TEXT_MAX = 4000;
/** Most attachments one item may carry. */
export const VOICE_MAX_FILES = 5;

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng yyyy-mm-dd');
const Id = z.number().int().positive();
// Emptiness is checked by the services so the refusal can say exactly what to write.
const Text = z.string().max(VOICE_TEXT_MAX, `Tối đa ${VOICE_TEXT_MAX} ký tự`);

export const CreateVoiceItemBody = z.object({
  kind: z.enum(VOICE_KINDS, { error: 'Loại phải là ý kiến, tâm tư nguyện vọng, kiến nghị hoặc phản ánh' }),
  categoryCode: z.string().max(40),
  content: Text,
  urgency: z.enum(VOICE_URGENCIES).default('normal'),
  /** the author asks that their name not be shown above the branch */
  hideName: z.boolean().default(false),
  /** the area it concerns (a village or the commune); the branch's area when omitted */
  areaId: Id.optional(),
  /** the branch it is raised in; a member's own branch when omitted */
  unitId: Id.optional(),
  /** raised by a branch head on behalf of members: the member (if one) or how to name the authors */
  onBehalf: z
    .object({ personId: Id.optional(), authorName: z.string().trim().max(200).optional() })
    .optional(),
  /** taken from a meeting's discussion entry */
  meetingId: Id.optional(),
  discussionId: Id.optional(),
});
export type CreateVoiceItemBody = z.infer<typeof CreateVoiceItemBody>;

export const Commitment = z.object({ text: Text, dueOn: Day });

export const AnswerBody = z.object({
  answer: Text,
  commitments: z.array(Commitment).max(20).default([]),
});
export type AnswerBody = z.infer<typeof AnswerBody>;

export const ForwardBody = z
  .object({ unitId: Id.optional(), bodyId: Id.optional(), note: z.string().max(1000).optional() })
  .refine((b) => (b.unitId === undefined) !== (b.bodyId === undefined), {
    error: 'Chọn đúng một nơi nhận: đơn vị cấp trên (unitId) hoặc cơ quan nhận (bodyId)',
  });
export type ForwardBody = z.infer<typeof ForwardBody>;

export const DeclineBody = z.object({
  reason: z.string().max(1000),
  /** the right recipient, who receives the item */
  bodyId: Id.optional(),
});
export type DeclineBody = z.infer<typeof DeclineBody>;

export const MergeBody = z.object({ sourceIds: z.array(Id).min(1).max(100) });
export type MergeBody = z.infer<typeof MergeBody>;

export const FeedbackBody = z.object({ satisfied: z.boolean(), reason: z.string().max(1000).optional() });
export type FeedbackBody = z.infer<typeof FeedbackBody>;

export const CommitmentDoneBody = z.object({ note: z.string().max(1000).optional() });

const bool = z
  .enum(['true', 'false'])
  .optional()
  .transform((v) => (v === undefined ? undefined : v === 'true'));

export const VoiceListQuery = z.object({
  /** inbox: open items now at one of my units; all: everything raised in my scope */
  box: z.enum(['inbox', 'all']).default('all'),
  status: z.enum(VOICE_STATUSES).optional(),
  categoryCode: z.string().max(40).optional(),
  unitId: z.coerce.number().int().positive().optional(),
  areaId: z.coerce.number().int().positive().optional(),
  level: z.enum(VOICE_LEVELS).optional(),
  overdue: bool,
  q: z.string().max(200).optional(),
  from: Day.optional(),
  to: Day.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type VoiceListQuery = z.infer<typeof VoiceListQuery>;

export const VoicePageQuery = z.object({
  status: z.enum(VOICE_STATUSES).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type VoicePageQuery = z.infer<typeof VoicePageQuery>;

export const VoiceItemSummary = z.object({
  id: z.number(),
  kind: z.enum(VOICE_KINDS),
  categoryCode: z.string(),
  categoryName: z.string(),
  content: z.string(),
  urgency: z.enum(VOICE_URGENCIES),
  /** its own status; a merged item follows the item it was merged into (effectiveStatus) */
  status: z.enum(VOICE_STATUSES),
  effectiveStatus: z.enum(VOICE_STATUSES),
  unitId: z.number(),
  unitName: z.string(),
  areaId: z.number(),
  areaName: z.string(),
  /** null when the viewer may not see who raised it */
  authorName: z.string().nullable(),
  ownerLevel: z.enum(VOICE_LEVELS).nullable(),
  ownerLabel: z.string().nullable(),
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  sourceCount: z.number(),
  mergedIntoId: z.number().nullable(),
  feedback: z.enum(['satisfied', 'not_satisfied']).nullable(),
  raisedAt: z.string(),
  answeredAt: z.string().nullable(),
});
export type VoiceItemSummary = z.infer<typeof VoiceItemSummary>;

export const VoiceItemList = z.object({
  items: z.array(VoiceItemSummary),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type VoiceItemList = z.infer<typeof VoiceItemList>;

export const VoiceFile = z.object({
  id: z.number(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
  createdAt: z.string(),
  url: z.string(),
});
export type VoiceFile = z.infer<typeof VoiceFile>;

export const VoiceCommitment = z.object({
  id: z.number(),
  text: z.string(),
  dueOn: z.string(),
  doneAt: z.string().nullable(),
  doneNote: z.string().nullable(),
  /** past its due date and not done */
  late: z.boolean(),
});
export type VoiceCommitment = z.infer<typeof VoiceCommitment>;

export const VoiceItemDetail = z.object({
  item: VoiceItemSummary.extend({
    hideName: z.boolean(),
    source: z.enum(['member', 'branch', 'meeting']),
    meetingId: z.number().nullable(),
    feedbackReason: z.string().nullable(),
  }),
  timeline: z.array(
    z.object({
      id: z.number(),
      kind: z.enum(VOICE_EVENT_KINDS),
      actorLabel: z.string(),
      note: z.string().nullable(),
      at: z.string(),
    }),
  ),
  steps: z.array(
    z.object({
      id: z.number(),
      level: z.enum(VOICE_LEVELS),
      ownerLabel: z.string(),
      openedAt: z.string(),
      dueAt: z.string(),
      closedAt: z.string().nullable(),
      outcome: z.string().nullable(),
      overdue: z.boolean(),
    }),
  ),
  answers: z.array(z.object({ id: z.number(), body: z.string(), byLabel: z.string(), at: z.string() })),
  commitments: z.array(VoiceCommitment),
  /** the items merged into this one */
  sources: z.array(
    z.object({
      id: z.number(),
      unitName: z.string(),
      authorName: z.string().nullable(),
      content: z.string(),
      raisedAt: z.string(),
    }),
  ),
  /** likely duplicates open in the same area and category (for those who may merge) */
  duplicates: z.array(
    z.object({
      id: z.number(),
      content: z.string(),
      unitName: z.string(),
      score: z.number(),
      raisedAt: z.string(),
    }),
  ),
  files: z.array(VoiceFile),
  /** where the item may be forwarded (when abilities.forward) */
  targets: z.object({
    units: z.array(z.object({ id: z.number(), name: z.string(), level: z.string() })),
    bodies: z.array(z.object({ id: z.number(), name: z.string(), kind: z.enum(BODY_KINDS) })),
  }),
  abilities: z.object({
    forward: z.boolean(),
    resolve: z.boolean(),
    answer: z.boolean(),
    decline: z.boolean(),
    merge: z.boolean(),
    feedback: z.boolean(),
    attach: z.boolean(),
    completeCommitments: z.boolean(),
  }),
});
export type VoiceItemDetail = z.infer<typeof VoiceItemDetail>;

export const VoiceCategoryList = z.object({
  items: z.array(
    z.object({ code: z.string(), name: z.string(), active: z.boolean(), sortOrder: z.number().optional() }),
  ),
});
export type VoiceCategoryList = z.infer<typeof VoiceCategoryList>;

export const PutCategoryBody = z.object({
  name: z.string().trim().min(1, 'Tên lĩnh vực không được trống').max(200),
  sortOrder: z.number().int().min(0).max(1000).default(0),
  active: z.boolean().default(true),
});
export const CategoryParam = z.object({
  code: z.string().regex(/^[a-z0-9_]{2,40}$/, 'Mã lĩnh vực: 2–40 chữ thường không dấu, số hoặc _'),
});

export const VoiceDeadlineList = z.object({
  items: z.array(z.object({ categoryCode: z.string(), level: z.enum(VOICE_LEVELS), days: z.number() })),
});
export const PutDeadlineBody = z.object({
  /** '*' for every category */
  categoryCode: z.string().max(40),
  level: z.enum(VOICE_LEVELS),
  days: z.number().int().min(1).max(365),
});
export type PutDeadlineBody = z.infer<typeof PutDeadlineBody>;

export const BodiesQuery = z.object({
  areaId: z.coerce.number().int().positive().optional(),
  /** '1': the deactivated bodies too (the configuration screen) */
  all: z.enum(['0', '1']).optional(),
});
export const VoiceBody = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.enum(BODY_KINDS),
  areaId: z.number(),
  areaName: z.string(),
  escalatesToId: z.number().nullable(),
  active: z.boolean(),
});
export const VoiceBodyList = z.object({ items: z.array(VoiceBody) });
export type VoiceBodyList = z.infer<typeof VoiceBodyList>;
export const CreateBodyBody = z.object({
  areaId: Id,
  name: z.string().trim().min(1, 'Tên cơ quan không được trống').max(300),
  kind: z.enum(BODY_KINDS),
  escalatesToId: Id.optional(),
});
export const UpdateBodyBody = z.object({
  name: z.string().trim().min(1, 'Tên cơ quan không được trống').max(300),
  kind: z.enum(BODY_KINDS),
  /** null: no body above (escalation only flags the step) */
  escalatesToId: Id.nullable(),
  active: z.boolean(),
});
export type UpdateBodyBody = z.infer<typeof UpdateBodyBody>;
export const DeadlineParams = z.object({
  categoryCode: z.string().min(1).max(40),
  level: z.enum(VOICE_LEVELS),
});
export const BodyAccountBody = z.object({ userId: z.string().min(1).max(100) });

export const StatsQuery = z.object({
  unitId: z.coerce.number().int().positive().optional(),
  from: Day.optional(),
  to: Day.optional(),
});
export type StatsQuery = z.infer<typeof StatsQuery>;

const Counts = z.object({ received: z.number(), resolved: z.number(), overdue: z.number() });
export const VoiceStats = z.object({
  from: z.string(),
  to: z.string(),
  unitName: z.string().nullable(),
  totals: Counts.extend({ open: z.number(), medianDaysToAnswer: z.number().nullable() }),
  overdueByLevel: z.array(z.object({ level: z.enum(VOICE_LEVELS), overdue: z.number() })),
  byCategory: z.array(Counts.extend({ code: z.string(), name: z.string() })),
  byArea: z.array(Counts.extend({ areaId: z.number(), name: z.string() })),
  /** the most recurring issues: items standing for several raised ones */
  recurring: z.array(
    z.object({
      id: z.number(),
      content: z.string(),
      categoryName: z.string(),
      areaName: z.string(),
      sourceCount: z.number(),
      status: z.enum(VOICE_STATUSES),
    }),
  ),
});
export type VoiceStats = z.infer<typeof VoiceStats>;

// ---- dialogues ----

export const CreateDialogueBody = z.object({
  unitId: Id,
  title: z.string().trim().min(1, 'Tên buổi đối thoại không được trống').max(300),
  leader: z.string().trim().min(1, 'Hãy ghi người đứng đầu tham gia đối thoại').max(300),
  bodyId: Id.optional(),
  scheduledAt: z.iso.datetime({ offset: true, error: 'Thời gian không hợp lệ' }),
  place: z.string().max(300).optional(),
  /** open items to put on the agenda as questions */
  itemIds: z.array(Id).max(100).default([]),
});
export type CreateDialogueBody = z.infer<typeof CreateDialogueBody>;

export const AskBody = z.object({ content: Text.optional(), itemId: Id.optional() });
export type AskBody = z.infer<typeof AskBody>;
export const QuestionAnswerBody = AnswerBody;
export const PublishBody = z.object({ summary: Text });

export const DialogueSummary = z.object({
  id: z.number(),
  unitId: z.number(),
  unitName: z.string(),
  title: z.string(),
  leader: z.string(),
  scheduledAt: z.string(),
  place: z.string().nullable(),
  status: z.enum(['planned', 'held', 'published']),
  questions: z.number(),
  openCommitments: z.number(),
});
export const DialogueList = z.object({ items: z.array(DialogueSummary) });
export type DialogueList = z.infer<typeof DialogueList>;
export const DialoguesQuery = z.object({ unitId: z.coerce.number().int().positive().optional() });

export const DialogueDetail = z.object({
  dialogue: DialogueSummary.extend({ summary: z.string().nullable(), publishedAt: z.string().nullable() }),
  questions: z.array(
    z.object({
      id: z.number(),
      content: z.string(),
      itemId: z.number().nullable(),
      answer: z.string().nullable(),
      answeredAt: z.string().nullable(),
      commitments: z.array(VoiceCommitment),
    }),
  ),
  abilities: z.object({ ask: z.boolean(), manage: z.boolean() }),
});
export type DialogueDetail = z.infer<typeof DialogueDetail>;
