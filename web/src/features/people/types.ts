/** Shapes of the people API (mirroring contracts/people.ts as plain types). */

export interface Membership {
  id: number;
  organizationCode: string;
  unitId: number;
  unitName: string;
  status: string;
  position: string | null;
}

export interface PersonSummary {
  id: number;
  fullName: string;
  familyName: string;
  givenName: string;
  birthDate: string | null;
  birthYear: number | null;
  gender: 'M' | 'F' | (string & {});
  phone: string | null;
  awayFromHome: boolean;
  memberships: Membership[];
}

export interface PeoplePage {
  items: PersonSummary[];
  total: number;
  /** a broad name search stops counting at `total`: "more than" */
  totalCapped: boolean;
  totalMemberships: number | null;
  abilities: { readSensitive: boolean };
}

export interface PersonDetail extends Omit<PersonSummary, 'memberships'> {
  occupation: string | null;
  education: string | null;
  homeAreaName: string | null;
  homeCommuneName: string | null;
  awayPlace: string | null;
  awaySince: string | null;
  awayContact: string | null;
  memberships: (Membership & { joinedOn: string | null; leftOn: string | null })[];
  history: { at: string; action: string; actorName: string | null; entityType: string }[];
  /** masked like '042*******89' unless revealed */
  nationalId: string | null;
  religion: string | null;
  ethnicity: string | null;
  partyStatus: string | null;
  sensitiveHidden: boolean;
  abilities: { revealSensitive: boolean };
}

export const STATUS_FILTERS = [
  'live',
  'active',
  'transferring',
  'ended',
  'left',
  'removed',
  'deceased',
  'aged_out',
  'all',
] as const;
export const AGE_BANDS = ['16-18', '19-24', '25-30', '31-45', '46-60', '61+'] as const;
export const PARTY_FILTERS = ['member', 'full', 'probationary', 'none'] as const;

/** The list filters as the URL and the API carry them (strings; empty = not set). */
export interface MemberFilters {
  unitId: string;
  q: string;
  organization: string;
  status: string;
  ageBand: string;
  gender: string;
  party: string;
  away: string;
  cadre: string;
}
export const FILTER_KEYS: (keyof MemberFilters)[] = [
  'unitId',
  'q',
  'organization',
  'status',
  'ageBand',
  'gender',
  'party',
  'away',
  'cadre',
];
