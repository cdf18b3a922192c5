/** Shapes of the server's JSON answers (mirror of contracts/; kept here until contracts are published). */

export type Role =
  | 'admin'
  | 'province_officer'
  | 'grassroots_officer'
  | 'branch_head'
  | 'supervisor'
  | 'respondent'
  | 'member';

export const ROLES: Role[] = [
  'admin',
  'province_officer',
  'grassroots_officer',
  'branch_head',
  'supervisor',
  'respondent',
  'member',
];

export interface Grant {
  id: string;
  role: Role;
  roleLabel: string;
  scopeLabel: string;
  unitId: string | null;
  areaId: string | null;
  organizationCode: string | null;
}

export interface Me {
  user: { id: string; name: string; username: string };
  grants: Grant[];
  abilities: { manageAccounts: boolean; manageRules: boolean; readAudit: boolean; manageUnits: boolean };
}

export interface Organization {
  code: string;
  nameVi: string;
  nameEn: string;
  shortNameVi: string;
  memberTerm: string;
  branchTerm: string;
}

export type RuleKind = 'meeting_rhythm' | 'eligibility' | 'dues' | (string & {});

export interface OrganizationRule {
  id: string;
  kind: RuleKind;
  unitKind: string | null;
  value: Record<string, unknown>;
  effectiveFrom: string;
  effectiveTo: string | null;
  source: string | null;
}

export type UnitLevel = 'province' | 'grassroots' | 'branch' | 'group';

export interface UnitSummary {
  id: string;
  name: string;
  level: UnitLevel;
  kind: string;
  organizationCode: string;
  areaName: string | null;
  childCount: number;
  memberCount: number;
  difficultArea: boolean;
  active: boolean;
  parentName?: string | null;
}

export interface UnitHistoryEntry {
  kind: string;
  before: unknown;
  after: unknown;
  at: string;
  actorName: string | null;
}

export interface UnitDetail {
  unit: UnitSummary & { areaId: string | null; parentId: string | null; path: string };
  ancestors: { id: string; name: string }[];
  history: UnitHistoryEntry[];
  abilities: { update: boolean; move: boolean; merge: boolean; createChild: boolean };
}

export interface Area {
  id: string;
  code: string;
  name: string;
  kind: string;
  level: string;
  active: boolean;
  validTo: string | null;
  successors: { id: string; name: string }[];
}

export interface Membership {
  organizationCode: string;
  unitId: string;
  unitName: string;
  status: string;
  position: string | null;
}

export interface PersonSummary {
  id: string;
  fullName: string;
  familyName: string;
  givenName: string;
  birthDate: string | null;
  birthYear: number | null;
  gender: 'M' | 'F';
  phone: string | null;
  memberships: Membership[];
}

export interface PersonDetail extends PersonSummary {
  nationalId?: string | null;
  religion?: string | null;
  ethnicity?: string | null;
  partyStatus?: string | null;
  occupation?: string | null;
  address?: string | null;
  awayFromHome?: boolean | null;
  sensitiveHidden?: boolean;
  abilities?: { revealSensitive?: boolean; update?: boolean };
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface PeoplePage extends Page<PersonSummary> {
  totalMemberships: number;
}

export interface Account {
  id: string;
  username: string;
  name: string;
  disabled: boolean;
  lockedUntil: string | null;
  grants: Grant[];
}

export interface AuditEntry {
  id: string;
  at: string;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
}
