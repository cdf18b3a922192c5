import { z } from 'zod';

/**
 * Profile fields a member may propose to correct from the phone. Values travel as text, normalised on the
 * server: fullName "Nguyễn Thị Hồng"; birthDate 'yyyy-mm-dd' or a year alone 'yyyy' (typed dd/mm/yyyy);
 * phone and awayContact 10 digits; nationalId 12 digits; homeAreaId an area id; awayFromHome 'true' | 'false';
 * awaySince 'yyyy-mm-dd'; the rest free text. An empty value clears an optional field.
 */
export const CORRECTION_FIELDS = [
  'fullName',
  'birthDate',
  'phone',
  'nationalId',
  'ethnicity',
  'religion',
  'homeAreaId',
  'occupation',
  'education',
  'awayFromHome',
  'awayPlace',
  'awaySince',
  'awayContact',
] as const;
export type CorrectionField = (typeof CORRECTION_FIELDS)[number];
export const CORRECTION_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export type CorrectionStatus = (typeof CORRECTION_STATUSES)[number];

export const ProposeBody = z.object({
  field: z.enum(CORRECTION_FIELDS),
  value: z.string().max(300),
  note: z.string().trim().max(500).optional(),
});
export type ProposeBody = z.infer<typeof ProposeBody>;

export const RejectBody = z.object({
  reason: z
    .string()
    .trim()
    .min(3, 'Hãy ghi lý do từ chối (ít nhất 3 ký tự) để đoàn viên, hội viên biết cần sửa gì.')
    .max(500),
});
export type RejectBody = z.infer<typeof RejectBody>;

export const Correction = z.object({
  id: z.number(),
  personId: z.number(),
  personName: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  field: z.enum(CORRECTION_FIELDS),
  /** as stored (normalised); null = empty */
  oldValue: z.string().nullable(),
  newValue: z.string().nullable(),
  /** how the values read (area names for homeAreaId); the same as the values otherwise */
  oldLabel: z.string().nullable(),
  newLabel: z.string().nullable(),
  /** true when the values are sensitive and the reader may not see them (they read null) */
  hidden: z.boolean(),
  note: z.string().nullable(),
  status: z.enum(CORRECTION_STATUSES),
  proposedAt: z.string(),
  decidedAt: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decisionReason: z.string().nullable(),
});
export type Correction = z.infer<typeof Correction>;

export const MyMembership = z.object({
  id: z.number(),
  organizationCode: z.string(),
  organizationName: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  status: z.string(),
  position: z.string().nullable(),
  joinedOn: z.string().nullable(),
  leftOn: z.string().nullable(),
});

export const MyProfile = z.object({
  /** false when the account is not linked to a member's record (then everything else is empty) */
  linked: z.boolean(),
  person: z
    .object({
      id: z.number(),
      fullName: z.string(),
      birthDate: z.string().nullable(),
      birthYear: z.number().nullable(),
      gender: z.string(),
      phone: z.string().nullable(),
      nationalId: z.string().nullable(),
      ethnicity: z.string().nullable(),
      religion: z.string().nullable(),
      homeAreaId: z.number().nullable(),
      homeAreaName: z.string().nullable(),
      occupation: z.string().nullable(),
      education: z.string().nullable(),
      partyStatus: z.string(),
      awayFromHome: z.boolean(),
      awayPlace: z.string().nullable(),
      awaySince: z.string().nullable(),
      awayContact: z.string().nullable(),
    })
    .nullable(),
  memberships: z.array(MyMembership),
  /** own proposals, pending first, then the latest decided */
  corrections: z.array(Correction),
  /** villages / residential groups of the member's commune(s), for the home-area field */
  areaOptions: z.array(z.object({ id: z.number(), name: z.string() })),
  /** false when no live membership: proposals need a branch head to decide them */
  canPropose: z.boolean(),
});
export type MyProfile = z.infer<typeof MyProfile>;

export const CorrectionsQuery = z.object({
  unitId: z.coerce.number().int().positive(),
  status: z.enum(['pending', 'decided', 'all']).default('pending'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type CorrectionsQuery = z.infer<typeof CorrectionsQuery>;

export const CorrectionsList = z.object({ items: z.array(Correction), total: z.number() });
export type CorrectionsList = z.infer<typeof CorrectionsList>;

export const CorrectionsCount = z.object({
  /** pending proposals the actor may decide (whole scope) */
  pending: z.number(),
  /** the unit with the most of them, to open the list on */
  unitId: z.number().nullable(),
});
export type CorrectionsCount = z.infer<typeof CorrectionsCount>;

export const PersonCorrections = z.object({ items: z.array(Correction) });
export type PersonCorrections = z.infer<typeof PersonCorrections>;
