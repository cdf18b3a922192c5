import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { memberships, persons } from './people';
import { themes } from './themes';
import { units } from './units';

/** A meeting of a unit (branch or group), counted toward one period of the unit's rhythm. */
export const meetings = pgTable(
  'meetings',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    /** regular | thematic | extraordinary */
    kind: text('kind').notNull(),
    periodKey: text('period_key').notNull(),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }).notNull(),
    place: text('place'),
    /** in_person | online | hybrid */
    mode: text('mode').notNull(),
    onlineLink: text('online_link'),
    agenda: text('agenda'),
    /** the month's theme material this meeting used */
    themeId: integer('theme_id').references(() => themes.id),
    /** planned | held | locked */
    status: text('status').notNull().default('planned'),
    chair: text('chair'),
    secretary: text('secretary'),
    higherCadres: text('higher_cadres'),
    guests: text('guests'),
    content: text('content'),
    decisions: text('decisions'),
    tasks: text('tasks'),
    startedAt: timestamp('started_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    lockedAt: timestamp('locked_at', { withTimezone: true }),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('meetings_unit_period_idx').on(t.unitId, t.periodStart),
    index('meetings_theme_idx').on(t.themeId).where(sql`${t.themeId} is not null`),
    check('meetings_kind_chk', sql`${t.kind} in ('regular', 'thematic', 'extraordinary')`),
    check('meetings_mode_chk', sql`${t.mode} in ('in_person', 'online', 'hybrid')`),
    check('meetings_status_chk', sql`${t.status} in ('planned', 'held', 'locked')`),
  ],
);

/** One invitee of a meeting and how they attended. */
export const meetingAttendance = pgTable(
  'meeting_attendance',
  {
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id),
    personId: integer('person_id')
      .notNull()
      .references(() => persons.id),
    membershipId: integer('membership_id').references(() => memberships.id),
    /** unknown | present | online | absent_excused | absent_unexcused */
    status: text('status').notNull().default('unknown'),
    reason: text('reason'),
    /** persons.away_from_home when invited */
    awayFromHome: boolean('away_from_home').notNull().default(false),
    /** rollcall (recorded by the branch) | self (member checked in with the meeting code) */
    source: text('source'),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.personId] }),
    // a member's own meetings ("Cuộc họp của tôi", reminders)
    index('meeting_attendance_person_idx').on(t.personId),
    check(
      'meeting_attendance_status_chk',
      sql`${t.status} in ('unknown', 'present', 'online', 'absent_excused', 'absent_unexcused')`,
    ),
  ],
);

/** Discussion entries of the minutes: who spoke and what they said. */
export const meetingDiscussions = pgTable(
  'meeting_discussions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id),
    speakerPersonId: integer('speaker_person_id').references(() => persons.id),
    speakerName: text('speaker_name').notNull(),
    content: text('content').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('meeting_discussions_meeting_idx').on(t.meetingId, t.id)],
);

/** Attendance totals per meeting, kept current in the transaction of every attendance write. */
export const meetingCounts = pgTable('meeting_counts', {
  meetingId: integer('meeting_id')
    .primaryKey()
    .references(() => meetings.id),
  invited: integer('invited').notNull().default(0),
  present: integer('present').notNull().default(0),
  online: integer('online').notNull().default(0),
  absentExcused: integer('absent_excused').notNull().default(0),
  absentUnexcused: integer('absent_unexcused').notNull().default(0),
  /** invitees working away from home, and how many of them attended (present or online) */
  awayInvited: integer('away_invited').notNull().default(0),
  awayAttended: integer('away_attended').notNull().default(0),
});

/**
 * Meetings per unit and rhythm period, kept current in the transaction of every meeting write; the
 * compliance views read only this. invited_sum / attended_sum add up held meetings only.
 */
export const unitPeriodCompliance = pgTable(
  'unit_period_compliance',
  {
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    periodKey: text('period_key').notNull(),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    held: integer('held').notNull().default(0),
    meetings: integer('meetings').notNull().default(0),
    invitedSum: integer('invited_sum').notNull().default(0),
    attendedSum: integer('attended_sum').notNull().default(0),
    awayInvitedSum: integer('away_invited_sum').notNull().default(0),
    awayAttendedSum: integer('away_attended_sum').notNull().default(0),
    /** held meetings of kind 'thematic' */
    thematic: integer('thematic').notNull().default(0),
    /** held meetings a higher-level cadre attended */
    cadreVisited: integer('cadre_visited').notNull().default(0),
    /** held meetings whose minutes were locked more than REPORT_GRACE_DAYS after the period ended */
    lateReported: integer('late_reported').notNull().default(0),
    lastHeldAt: timestamp('last_held_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.unitId, t.periodKey] }),
    index('unit_period_compliance_end_idx').on(t.periodEnd, t.unitId),
  ],
);

/** Self check-in window of a meeting: members type the 6-digit code (or scan its QR) while it is open. */
export const meetingCheckins = pgTable(
  'meeting_checkins',
  {
    meetingId: integer('meeting_id')
      .primaryKey()
      .references(() => meetings.id),
    code: text('code').notNull(),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    openedBy: text('opened_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('meeting_checkins_code_idx').on(t.code, t.closesAt),
    check('meeting_checkins_code_chk', sql`${t.code} ~ '^[0-9]{6}$'`),
    check('meeting_checkins_window_chk', sql`${t.closesAt} > ${t.opensAt}`),
  ],
);

/** Higher-level cadres assigned to attend a branch meeting (cán bộ dự sinh hoạt), and whether they did. */
export const meetingCadres = pgTable(
  'meeting_cadres',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id),
    /** the cadre's account */
    userId: text('user_id').notNull(),
    cadreName: text('cadre_name').notNull(),
    /** the unit the cadre comes from (commune or province level) */
    fromUnitId: integer('from_unit_id').references(() => units.id),
    /** assigned | attended | absent */
    status: text('status').notNull().default('assigned'),
    note: text('note'),
    assignedBy: text('assigned_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('meeting_cadres_meeting_user_uq').on(t.meetingId, t.userId),
    index('meeting_cadres_user_idx').on(t.userId),
    check('meeting_cadres_status_chk', sql`${t.status} in ('assigned', 'attended', 'absent')`),
  ],
);
