import { z } from 'zod';

/**
 * Why two person records look like one person: the same national ID (CCCD); the same name (without diacritics)
 * and birth date (or the same birth year when one record has the year only); the same name and phone.
 */
export const DUPLICATE_REASONS = ['national_id', 'name_birth', 'name_phone'] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

/**
 * The fields an officer chooses between when merging: each is taken whole from one record (name = họ đệm + tên,
 * birth = date or year alone, away = working away from home with where, since and contact).
 */
export const MERGE_FIELDS = [
  'name',
  'birth',
  'gender',
  'phone',
  'nationalId',
  'ethnicity',
  'religion',
  'occupation',
  'education',
  'partyStatus',
  'veteran',
  'homeArea',
  'away',
] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

export const DuplicatesQuery = z.object({
  unitId: z.coerce.number().int().positive(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(10),
});
export type DuplicatesQuery = z.infer<typeof DuplicatesQuery>;

export const DuplicateMembership = z.object({
  id: z.number(),
  organizationCode: z.string(),
  organizationName: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  status: z.string(),
  joinedOn: z.string().nullable(),
});

/** One record of a pair, in full: the reviewer compares every field (the review is audited). */
export const DuplicatePerson = z.object({
  id: z.number(),
  fullName: z.string(),
  birthDate: z.string().nullable(),
  birthYear: z.number().nullable(),
  gender: z.string(),
  phone: z.string().nullable(),
  nationalId: z.string().nullable(),
  ethnicity: z.string().nullable(),
  religion: z.string().nullable(),
  occupation: z.string().nullable(),
  education: z.string().nullable(),
  partyStatus: z.string().nullable(),
  veteran: z.boolean(),
  homeAreaName: z.string().nullable(),
  awayFromHome: z.boolean(),
  awayPlace: z.string().nullable(),
  awaySince: z.string().nullable(),
  awayContact: z.string().nullable(),
  createdAt: z.string(),
  /** memberships in the reviewer's scope, every status, live ones first */
  memberships: z.array(DuplicateMembership),
  /** memberships outside the reviewer's scope (they move too on a merge) */
  otherMemberships: z.number(),
});
export type DuplicatePerson = z.infer<typeof DuplicatePerson>;

export const DuplicatePair = z.object({
  a: DuplicatePerson,
  b: DuplicatePerson,
  reasons: z.array(z.enum(DUPLICATE_REASONS)),
  /** the merge fields whose values differ between the two records */
  differing: z.array(z.enum(MERGE_FIELDS)),
});
export type DuplicatePair = z.infer<typeof DuplicatePair>;

export const DuplicatesResponse = z.object({
  items: z.array(DuplicatePair),
  /** candidate pairs in the unit (dismissed pairs left out) */
  total: z.number(),
});
export type DuplicatesResponse = z.infer<typeof DuplicatesResponse>;

export const MergeBody = z.object({
  keptId: z.number().int().positive(),
  mergedId: z.number().int().positive(),
  /** fields whose value is taken from the merged record; every other field keeps the kept record's value */
  take: z.array(z.enum(MERGE_FIELDS)).max(MERGE_FIELDS.length).default([]),
});
export type MergeBody = z.infer<typeof MergeBody>;

export const MergeResult = z.object({
  keptId: z.number(),
  mergedId: z.number(),
  mergeId: z.number(),
  memberships: z.number(),
  /** live memberships folded into the kept person's (same organization, same unit) */
  foldedMemberships: z.number(),
  attendance: z.number(),
  /** attendance rows dropped because both records were invited to the same meeting */
  attendanceConflicts: z.number(),
  accounts: z.number(),
});
export type MergeResult = z.infer<typeof MergeResult>;

export const DismissBody = z.object({
  personA: z.number().int().positive(),
  personB: z.number().int().positive(),
});
export type DismissBody = z.infer<typeof DismissBody>;
export const DismissResult = z.object({ personA: z.number(), personB: z.number() });
