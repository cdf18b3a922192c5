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
  /** the member life cycle in a unit: admit, transfer (issue/accept/refuse/recall), stay, leave, remove, death,
   *  age-out; approve or reject a member's proposed corrections */
  'member.write',
  /** review duplicate persons and merge them */
  'member.merge',
  /** a member's own profile: read it and propose corrections (scoped to the signed-in person, not a unit) */
  'person.self',
  /** voice: read the items raised in one's scope (below one's unit, or in one's area) */
  'voice.read',
  /** voice: raise an item (a member for themselves, a branch head on behalf of members) and follow one's own */
  'voice.raise',
  /** voice: route the items at one's units (forward, resolve, merge) and plan dialogues */
  'voice.handle',
  /** voice: answer or decline the items addressed to one's recipient body, and record commitments */
  'voice.answer',
  /** oversight: write, edit and submit a unit's periodic report */
  'report.write',
  /** oversight: approve, return or lock the reports of the units directly below one's own */
  'report.approve',
  /** oversight: confirm or override a branch's yearly classification; record implementation plans and targets */
  'oversight.manage',
  /** oversight: configure an organization's classification criteria and thresholds */
  'classification.configure',
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
  'voice.read',
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
    'member.write',
    'member.merge',
    'voice.raise',
    'voice.handle',
    'report.write',
    'report.approve',
    'oversight.manage',
    'classification.configure',
  ],
  grassroots_officer: [
    ...READ,
    'unit.write',
    'person.readSensitive',
    'meeting.write',
    'theme.write',
    'meeting.cadre',
    'member.import',
    'member.write',
    'member.merge',
    'voice.raise',
    'voice.handle',
    'report.write',
    'report.approve',
    'oversight.manage',
  ],
  branch_head: [
    ...READ,
    'person.readSensitive',
    'meeting.write',
    'member.import',
    'member.write',
    'voice.raise',
    'voice.handle',
    'report.write',
  ],
  // The supervisory bodies see everything in their area, read-only, and without sensitive fields.
  supervisor: READ,
  respondent: ['area.read', 'rules.read', 'voice.answer'],
  member: ['rules.read', 'meeting.checkin', 'person.self', 'voice.raise'],
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
  'person.self',
];
