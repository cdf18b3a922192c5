/**
 * The member life cycle: admission (kết nạp), two-sided transfer (chuyển sinh hoạt), temporary stay
 * (sinh hoạt tạm), leaving / removal / death, and the Youth Union age-out (trưởng thành Đoàn).
 */
import { z } from 'zod';
import { IsoDate } from './organizations';

const optionalText = (max: number, label: string) =>
  z.string().trim().max(max, `${label} tối đa ${max} ký tự`).optional();
const DecisionNo = optionalText(100, 'Số quyết định');
const Reason = optionalText(1000, 'Lý do');
const requiredReason = (empty: string) =>
  z.string().trim().min(1, empty).max(1000, 'Lý do tối đa 1000 ký tự');
const UnitId = z.number({ error: 'Chọn đơn vị' }).int().positive();

/** A person typed in on the admission form; every field is normalised on the server. */
export const NewPersonInput = z.object({
  fullName: z.string().trim().min(1, 'Nhập họ và tên').max(120, 'Họ và tên tối đa 120 ký tự'),
  /** dd/mm/yyyy, yyyy-mm-dd, or the year alone */
  birth: z
    .string()
    .trim()
    .min(1, 'Nhập ngày sinh (dd/mm/yyyy) hoặc năm sinh')
    .max(40, 'Ngày sinh tối đa 40 ký tự'),
  gender: z.enum(['M', 'F'], { error: 'Chọn giới tính Nam hoặc Nữ' }),
  phone: optionalText(40, 'Số điện thoại'),
  nationalId: optionalText(20, 'Số CCCD'),
  ethnicity: optionalText(60, 'Dân tộc'),
  religion: optionalText(60, 'Tôn giáo'),
  occupation: optionalText(120, 'Nghề nghiệp'),
  education: optionalText(120, 'Trình độ học vấn'),
  homeAreaId: z.number().int().positive().optional(),
});
export type NewPersonInput = z.infer<typeof NewPersonInput>;

/** Admit a person (one already on file, or a new one) into a branch. */
export const AdmitBody = z
  .object({
    personId: z.number().int().positive().optional(),
    person: NewPersonInput.optional(),
    joinedOn: IsoDate,
    decisionNo: DecisionNo,
  })
  .refine((b) => (b.personId === undefined) !== (b.person === undefined), {
    message: 'Chọn một người đã có hồ sơ, hoặc nhập thông tin người mới (chỉ một trong hai)',
    path: ['personId'],
  });
export type AdmitBody = z.infer<typeof AdmitBody>;
export const AdmitResult = z.object({ membershipId: z.number(), personId: z.number() });

export const TRANSFER_KINDS = ['transfer', 'stay'] as const;
export const TRANSFER_STATUSES = ['pending', 'accepted', 'refused', 'recalled', 'ended'] as const;

/** The sending (home) unit issues a transfer, or a temporary stay with its planned end. */
export const IssueTransferBody = z
  .object({
    kind: z.enum(TRANSFER_KINDS),
    toUnitId: UnitId,
    on: IsoDate,
    until: IsoDate.optional(),
    decisionNo: DecisionNo,
    reason: Reason,
  })
  .superRefine((b, ctx) => {
    if (b.kind === 'stay' && !b.until)
      ctx.addIssue({ code: 'custom', path: ['until'], message: 'Nhập ngày kết thúc sinh hoạt tạm' });
    if (b.kind === 'stay' && b.until && b.until <= b.on)
      ctx.addIssue({
        code: 'custom',
        path: ['until'],
        message: 'Ngày kết thúc sinh hoạt tạm phải sau ngày bắt đầu',
      });
  });
export type IssueTransferBody = z.infer<typeof IssueTransferBody>;

export const AcceptBody = z.object({ on: IsoDate });
export const RefuseBody = z.object({ on: IsoDate, reason: requiredReason('Nhập lý do từ chối') });
export const RecallBody = z.object({ on: IsoDate, reason: Reason });
export const EndStayBody = z.object({ on: IsoDate, reason: Reason });
export type DecisionBody = { on: string; reason?: string };

export const END_KINDS = ['left', 'removed'] as const;
/** Leaving (ra khỏi tổ chức) or removal (khai trừ / xoá tên); a removal needs its reason. */
export const EndMembershipBody = z
  .object({
    kind: z.enum(END_KINDS),
    on: IsoDate,
    decisionNo: DecisionNo,
    reason: Reason,
  })
  .superRefine((b, ctx) => {
    if (b.kind === 'removed' && !b.reason)
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: 'Nhập lý do khai trừ / xoá tên',
      });
  });
export type EndMembershipBody = z.infer<typeof EndMembershipBody>;

export const DeathBody = z.object({ on: IsoDate, decisionNo: DecisionNo, reason: Reason });
export type DeathBody = z.infer<typeof DeathBody>;

export const Done = z.object({ id: z.number() });

/** A branch a member may be sent to: names and commune only. */
export const TransferTargetsQuery = z.object({
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export const TransferTarget = z.object({
  id: z.number(),
  name: z.string(),
  parentName: z.string().nullable(),
  communeName: z.string().nullable(),
});
export type TransferTarget = z.infer<typeof TransferTarget>;
export const TransferTargets = z.object({ items: z.array(TransferTarget) });
export type TransferTargets = z.infer<typeof TransferTargets>;

const UnitRef = z.object({ id: z.number(), name: z.string(), communeName: z.string().nullable() });

export const TransferItem = z.object({
  id: z.number(),
  kind: z.enum(TRANSFER_KINDS),
  status: z.enum(TRANSFER_STATUSES),
  membershipId: z.number(),
  organizationCode: z.string(),
  person: z.object({
    id: z.number(),
    fullName: z.string(),
    birthDate: z.string().nullable(),
    birthYear: z.number().nullable(),
    gender: z.string(),
  }),
  fromUnit: UnitRef,
  toUnit: UnitRef,
  issuedOn: z.string(),
  until: z.string().nullable(),
  decisionNo: z.string().nullable(),
  reason: z.string().nullable(),
  decidedOn: z.string().nullable(),
  decisionReason: z.string().nullable(),
  abilities: z.object({
    accept: z.boolean(),
    refuse: z.boolean(),
    recall: z.boolean(),
    end: z.boolean(),
  }),
});
export type TransferItem = z.infer<typeof TransferItem>;

/** incoming: sent to this unit (or below); outgoing: sent from it; stays: members staying here now. */
export const TRANSFER_BOXES = ['incoming', 'outgoing', 'stays'] as const;
export const UnitTransfersQuery = z.object({
  box: z.enum(TRANSFER_BOXES).default('incoming'),
  /** open: pending (and current stays); all: closed ones too, newest first */
  state: z.enum(['open', 'all']).default('open'),
});
export type UnitTransfersQuery = z.infer<typeof UnitTransfersQuery>;
export const TransferList = z.object({
  items: z.array(TransferItem),
  /** open items per box, for the tab badges */
  counts: z.object({ incoming: z.number(), outgoing: z.number(), stays: z.number() }),
});
export type TransferList = z.infer<typeof TransferList>;

export const EVENT_KINDS = [
  'admitted',
  'imported',
  'transfer_issued',
  'transfer_accepted',
  'transfer_refused',
  'transfer_recalled',
  'stay_started',
  'stay_ended',
  'left',
  'removed',
  'deceased',
  'aged_out',
  'merged',
  'restored',
] as const;

export const MembershipEvent = z.object({
  id: z.number(),
  kind: z.string(),
  onDate: z.string(),
  decisionNo: z.string().nullable(),
  reason: z.string().nullable(),
  unitName: z.string(),
  otherUnitName: z.string().nullable(),
  transferId: z.number().nullable(),
});
export type MembershipEvent = z.infer<typeof MembershipEvent>;

/** A person's memberships (those the actor may see) with their dated events, the transfers, and what the actor may do. */
export const PersonLifecycle = z.object({
  memberships: z.array(
    z.object({
      id: z.number(),
      organizationCode: z.string(),
      organizationName: z.string(),
      unitId: z.number(),
      unitName: z.string(),
      status: z.string(),
      joinedOn: z.string().nullable(),
      leftOn: z.string().nullable(),
      events: z.array(MembershipEvent),
      abilities: z.object({ transfer: z.boolean(), stay: z.boolean(), end: z.boolean() }),
    }),
  ),
  transfers: z.array(TransferItem),
  abilities: z.object({ death: z.boolean() }),
});
export type PersonLifecycle = z.infer<typeof PersonLifecycle>;

/** Youth Union age-out: DOAN members below a grassroots unit who are 30 or older on a day. */
export const AgeOutQuery = z.object({ on: IsoDate.optional() });
export const AgeOutCandidate = z.object({
  membershipId: z.number(),
  personId: z.number(),
  fullName: z.string(),
  birthDate: z.string().nullable(),
  birthYear: z.number().nullable(),
  age: z.number(),
  unitId: z.number(),
  unitName: z.string(),
  status: z.string(),
});
export type AgeOutCandidate = z.infer<typeof AgeOutCandidate>;
export const AgeOutList = z.object({
  unit: z.object({ id: z.number(), name: z.string() }),
  on: z.string(),
  items: z.array(AgeOutCandidate),
  /** live members below the unit with no birth date or year: they cannot be proposed */
  unknownBirth: z.number(),
});
export type AgeOutList = z.infer<typeof AgeOutList>;
export const AgeOutBody = z.object({
  on: IsoDate,
  decisionNo: DecisionNo,
  membershipIds: z
    .array(z.number().int().positive())
    .min(1, 'Chọn ít nhất một đoàn viên')
    .max(5000, 'Tối đa 5000 đoàn viên một lần'),
});
export type AgeOutBody = z.infer<typeof AgeOutBody>;
export const AgeOutResult = z.object({ count: z.number() });
