/**
 * Shapes of the server's JSON answers, mirroring contracts/*.ts (kept as plain types so the web bundle
 * does not pull in zod). Units, areas, people, grants, rules and audit rows have numeric ids; users have string ids.
 */

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
  id: number;
  role: Role;
  roleLabel: string;
  scopeLabel: string;
  unitId: number | null;
  areaId: number | null;
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
  id: number;
  kind: RuleKind;
  unitKind: string | null;
  value: Record<string, unknown>;
  effectiveFrom: string;
  effectiveTo: string | null;
  source: string | null;
}

export type UnitLevel = 'province' | 'grassroots' | 'branch' | 'group';

export interface UnitSummary {
  id: number;
  name: string;
  level: UnitLevel;
  kind: string;
  organizationCode: string;
  parentId?: number | null;
  areaId?: number | null;
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
  unit: UnitSummary & {
    areaId: number | null;
    parentId: number | null;
    path: string;
    mergedIntoId?: number | null;
  };
  ancestors: { id: number; name: string }[];
  history: UnitHistoryEntry[];
  abilities: { update: boolean; move: boolean; merge: boolean; createChild: boolean };
}

export interface Area {
  id: number;
  code: string;
  name: string;
  kind: string;
  level: string;
  active: boolean;
  validTo: string | null;
  successors: { id: number; name: string }[];
}

export interface Membership {
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
  awayFromHome?: boolean;
  memberships: Membership[];
}

export interface PersonDetail extends Omit<PersonSummary, 'memberships'> {
  occupation: string | null;
  education?: string | null;
  homeAreaName?: string | null;
  awayFromHome: boolean;
  awayPlace?: string | null;
  awaySince?: string | null;
  awayContact?: string | null;
  memberships: (Membership & { joinedOn?: string | null; leftOn?: string | null })[];
  /** masked like '042*******89' unless revealed */
  nationalId: string | null;
  religion: string | null;
  ethnicity: string | null;
  partyStatus: string | null;
  sensitiveHidden: boolean;
  abilities: { revealSensitive: boolean };
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
  id: number;
  at: string;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
}
