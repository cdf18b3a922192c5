import { z } from 'zod';
import { QueryBool } from './areas';

export const PeopleListQuery = z.object({
  unitId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(100).optional(),
  organization: z.string().trim().max(20).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type PeopleListQuery = z.infer<typeof PeopleListQuery>;

export const PersonIdParam = z.object({ id: z.coerce.number().int().positive() });
export const PersonDetailQuery = z.object({ reveal: QueryBool.default(false) });

export const MembershipItem = z.object({
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
  /** distinct people matching */
  total: z.number(),
  /** visible memberships of those people */
  totalMemberships: z.number(),
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
  awayFromHome: z.boolean(),
  awayPlace: z.string().nullable(),
  awaySince: z.string().nullable(),
  awayContact: z.string().nullable(),
  memberships: z.array(
    MembershipItem.extend({ joinedOn: z.string().nullable(), leftOn: z.string().nullable() }),
  ),
  /** masked (first 3 + ******* + last 2) unless revealed */
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
