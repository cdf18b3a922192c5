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
  /** a rule for one special unit */
  unitId: number | null;
  unitName: string | null;
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
  abilities: { update: boolean; move: boolean; merge: boolean; createChild: boolean; readParty: boolean };
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

export interface Page<T> {
  items: T[];
  total: number;
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

export type MeetingKind = 'regular' | 'thematic' | 'extraordinary';
export type MeetingMode = 'in_person' | 'online' | 'hybrid';
export type MeetingStatus = 'planned' | 'held' | 'locked';
export type AttendanceStatus = 'unknown' | 'present' | 'online' | 'absent_excused' | 'absent_unexcused';

export interface AttendanceCounts {
  invited: number;
  present: number;
  online: number;
  absentExcused: number;
  absentUnexcused: number;
}

export interface MeetingSummary extends AttendanceCounts {
  id: number;
  unitId: number;
  unitName: string;
  kind: MeetingKind;
  periodKey: string;
  periodLabel: string;
  scheduledAt: string;
  place: string | null;
  mode: MeetingMode;
  status: MeetingStatus;
  /** 0..1 */
  attendanceRate: number;
}

export interface MeetingMinutes {
  agenda: string | null;
  onlineLink: string | null;
  chair: string | null;
  secretary: string | null;
  higherCadres: string | null;
  guests: string | null;
  content: string | null;
  decisions: string | null;
  tasks: string | null;
  startedAt: string | null;
  endedAt: string | null;
  lockedAt: string | null;
  /** the month's theme the meeting picked */
  theme?: { id: number; title: string } | null;
}

export interface AttendanceRow {
  personId: number;
  fullName: string;
  awayFromHome: boolean;
  status: AttendanceStatus;
  reason: string | null;
}

export interface Discussion {
  id: number;
  speakerPersonId: number | null;
  speakerName: string;
  content: string;
  createdAt: string;
}

export interface MeetingDetail {
  meeting: MeetingSummary & MeetingMinutes;
  attendance: AttendanceRow[];
  discussions: Discussion[];
  abilities: { edit: boolean; rollcall: boolean; lock: boolean };
}

// The compliance report's shapes come from the contract itself (types only: nothing of zod reaches the bundle).
export type {
  ComplianceReport,
  ComplianceRollup,
  ComplianceRow,
} from '../../../contracts/meetings';

import type { ComplianceRow as ContractRow } from '../../../contracts/meetings';
export type ComplianceStatus = ContractRow['status'];
