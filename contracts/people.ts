import { z } from 'zod';
import { QueryBool } from './areas';

/** Membership statuses as stored; 'live' = active or in transit, 'ended' = left, removed, deceased, aged out. */
export const MEMBERSHIP_STATUSES = [
  'active',
  'transferring',
  'left',
  'removed',
  'deceased',
  'aged_out',
] as const;
export const STATUS_FILTERS = ['live', 'ended', 'all', ...MEMBERSHIP_STATUSES] as const;

/** Age bands of the member list, inclusive years; age from the birth date, or (year alone) this year − birth year. */
export const AGE_BANDS = {
  '16-18': [16, 18],
  '19-24': [19, 24],
  '25-30': [25, 30],
  '31-45': [31, 45],
  '46-60': [46, 60],
  '61+': [61, null],
} as const satisfies Record<string, readonly [number, number | null]>;
export type AgeBand = keyof typeof AGE_BANDS;
const AGE_BAND_CODES = Object.keys(AGE_BANDS) as [AgeBand, ...AgeBand[]];

/** Party status filter; 'member' = probationary or full. Needs the right to read sensitive fields. */
export const PARTY_FILTERS = ['none', 'probationary', 'full', 'member'] as const;

/** The member-list filters, shared by the list, its .xlsx export and the .docx "trích ngang". */
export const PeopleFilter = z.object({
  unitId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(100).optional(),
  organization: z.string().trim().max(20).optional(),
  status: z.enum(STATUS_FILTERS).default('live'),
  ageBand: z.enum(AGE_BAND_CODES).optional(),
  gender: z.enum(['M', 'F']).optional(),
  party: z.enum(PARTY_FILTERS).optional(),
  away: QueryBool.optional(),
  cadre: QueryBool.optional(),
});
export type PeopleFilter = z.infer<typeof PeopleFilter>;

export const PeopleListQuery = PeopleFilter.extend({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type PeopleListQuery = z.infer<typeof PeopleListQuery>;

/** Exports take the list's filters; `sensitive=1` adds CCCD, ethnicity, religion and Party status (audited). */
export const PeopleExportQuery = PeopleFilter.extend({ sensitive: QueryBool.default(false) });
export type PeopleExportQuery = z.infer<typeof PeopleExportQuery>;
export const UnitExportQuery = PeopleExportQuery.omit({ unitId: true });

export const PersonIdParam = z.object({ id: z.coerce.number().int().positive() });
export const PersonDetailQuery = z.object({ reveal: QueryBool.default(false) });

export const MembershipItem = z.object({
  id: z.number(),
  organizationCode: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  status: z.string(),
  position: z.string().nullable(),
});
export type MembershipItem = z.infer<typeof MembershipItem>;

export const PersonListItem = z.object({
  id: z.number(),
  fullName: z.string(),
  familyName: z.string(),
  givenName: z.string(),
  birthDate: z.string().nullable(),
  birthYear: z.number().nullable(),
  gender: z.string(),
  phone: z.string().nullable(),
  awayFromHome: z.boolean(),
  memberships: z.array(MembershipItem),
});
export type PersonListItem = z.infer<typeof PersonListItem>;

export const PeopleListResponse = z.object({
  items: z.array(PersonListItem),
  /** distinct people matching (the cap when totalCapped) */
  total: z.number(),
  /** a name search over a large scope stops counting at the cap: "more than `total`" */
  totalCapped: z.boolean(),
  /** matching memberships of those people; null when the people count is capped */
  totalMemberships: z.number().nullable(),
  /** readSensitive: the actor may filter by Party status and export sensitive columns here */
  abilities: z.object({ readSensitive: z.boolean() }),
});

export const HistoryItem = z.object({
  at: z.string(),
  action: z.string(),
  actorName: z.string().nullable(),
  entityType: z.string(),
});

export const PersonProfile = z.object({
  id: z.number(),
  fullName: z.string(),
  familyName: z.string(),
  givenName: z.string(),
  birthDate: z.string().nullable(),
  birthYear: z.number().nullable(),
  gender: z.string(),
  phone: z.string().nullable(),
  occupation: z.string().nullable(),
  education: z.string().nullable(),
  homeAreaName: z.string().nullable(),
  /** the commune (or ward) of the home area */
  homeCommuneName: z.string().nullable(),
  awayFromHome: z.boolean(),
  awayPlace: z.string().nullable(),
  awaySince: z.string().nullable(),
  awayContact: z.string().nullable(),
  /** memberships in the actor's scope, every status, live ones first */
  memberships: z.array(
    MembershipItem.extend({ joinedOn: z.string().nullable(), leftOn: z.string().nullable() }),
  ),
  /** recorded changes to the person and those memberships, newest first (reads are not listed) */
  history: z.array(HistoryItem),
  /** masked (first 3 + ******* + last 2) unless revealed; null for roles that may not reveal */
  nationalId: z.string().nullable(),
  ethnicity: z.string().nullable(),
  religion: z.string().nullable(),
  partyStatus: z.string().nullable(),
  sensitiveHidden: z.boolean(),
  abilities: z.object({ revealSensitive: z.boolean() }),
});
export type PersonProfile = z.infer<typeof PersonProfile>;

export const StatsCountsQuery = z.object({
  unitId: z.coerce.number().int().positive().optional(),
  organization: z.string().trim().max(20).optional(),
});
export const StatsCounts = z.object({
  people: z.number(),
  memberships: z.number(),
  /** live memberships per organization, in the same scope */
  byOrganization: z.array(z.object({ organizationCode: z.string(), memberships: z.number() })),
});
