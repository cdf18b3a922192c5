import type { Role } from '../../contracts/roles';

/** Everything an actor can be allowed to do. Each route names one (or 'public' / 'signed-in'). */
export const ACTIONS = [
  'unit.read',
  'unit.write',
  'area.read',
  'person.read',
  'person.readSensitive',
  'stats.read',
  'rules.read',
  'rules.manage',
  'account.manage',
  'audit.read',
  'meeting.read',
  'meeting.write',
  'compliance.read',
  /** publish the month's theme material to the branches below a unit */
  'theme.write',
  /** assign a higher-level cadre to a branch meeting and record the visit */
  'meeting.cadre',
  /** check oneself in to a meeting one is invited to (with its code) */
  'meeting.checkin',
  /** read the outbox of SMS / email messages */
  'outbox.read',
  /** import a member list from Excel/CSV into a unit */
  'member.import',
] as const;
export type Action = (typeof ACTIONS)[number];

const READ: Action[] = [
  'unit.read',
  'area.read',
  'person.read',
  'stats.read',
  'rules.read',
  'meeting.read',
  'compliance.read',
];

/** What each role may do inside the scope of its grant. */
export const ROLE_ACTIONS: Record<Role, readonly Action[]> = {
  admin: ACTIONS,
  province_officer: [
    ...READ,
    'unit.write',
    'person.readSensitive',
    'meeting.write',
    'theme.write',
    'meeting.cadre',
    'member.import',
  ],
  grassroots_officer: [
    ...READ,
    'unit.write',
    'person.readSensitive',
    'meeting.write',
    'theme.write',
    'meeting.cadre',
    'member.import',
  ],
  branch_head: [...READ, 'person.readSensitive', 'meeting.write', 'member.import'],
  // The supervisory bodies see everything in their area, read-only, and without sensitive fields.
  supervisor: READ,
  respondent: ['area.read', 'rules.read'],
  member: ['rules.read', 'meeting.checkin'],
};

/** Actions that are not tied to a unit or area: a grant of the role anywhere is enough. */
export const GLOBAL_ACTIONS: readonly Action[] = [
  'rules.read',
  'rules.manage',
  'account.manage',
  'audit.read',
  'area.read',
  'meeting.checkin',
  'outbox.read',
];
