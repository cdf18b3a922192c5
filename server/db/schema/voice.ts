import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { user } from './accounts';
import { areas } from './areas';
import { meetingDiscussions, meetings } from './meetings';
import { organizations } from './organizations';
import { persons } from './people';
import { units } from './units';

/** The categories an item is filed under (jobs and livelihood, land, …); administrators change the list. */
export const voiceCategories = pgTable('voice_categories', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
  active: boolean('active').notNull().default(true),
});

/**
 * How many days a routing step has, per category and level. category_code '*' is the default for every
 * category; a row for a specific category overrides it. level: branch | grassroots | province | body.
 */
export const voiceDeadlineRules = pgTable(
  'voice_deadline_rules',
  {
    categoryCode: text('category_code').notNull().default('*'),
    level: text('level').notNull(),
    days: integer('days').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.categoryCode, t.level] }),
    check('voice_deadline_rules_days_chk', sql`${t.days} between 1 and 365`),
    check('voice_deadline_rules_level_chk', sql`${t.level} in ('branch', 'grassroots', 'province', 'body')`),
  ],
);

/**
 * The recipient directory of an area: the commune Party committee, the commune People's Committee, other
 * agencies. An overdue item at a body escalates to escalates_to (e.g. the province People's Committee).
 */
export const voiceBodies = pgTable(
  'voice_bodies',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    areaId: integer('area_id')
      .notNull()
      .references(() => areas.id),
    name: text('name').notNull(),
    /** party_committee | peoples_committee | agency */
    kind: text('kind').notNull(),
    escalatesToId: integer('escalates_to_id'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('voice_bodies_area_name_uq').on(t.areaId, t.name),
    check('voice_bodies_kind_chk', sql`${t.kind} in ('party_committee', 'peoples_committee', 'agency')`),
  ],
);

/** The respondent accounts of a recipient body: they see and answer what is addressed to it. */
export const voiceBodyAccounts = pgTable(
  'voice_body_accounts',
  {
    bodyId: integer('body_id')
      .notNull()
      .references(() => voiceBodies.id),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.bodyId, t.userId] }), index('voice_body_accounts_user_idx').on(t.userId)],
);

/**
 * An opinion, aspiration, recommendation or report (ý kiến, tâm tư nguyện vọng, kiến nghị, phản ánh) raised in
 * a branch. The current routing step is copied onto the item (owner, due) so inboxes and the escalation job
 * read one row. A merged item points to the item that carries it on (merged_into_id).
 */
export const voiceItems = pgTable(
  'voice_items',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** y_kien | tam_tu | kien_nghi | phan_anh */
    kind: text('kind').notNull(),
    categoryCode: text('category_code')
      .notNull()
      .references(() => voiceCategories.code),
    content: text('content').notNull(),
    /** unaccented, lowercased content: trigram duplicate suggestions */
    searchText: text('search_text').notNull(),
    areaId: integer('area_id')
      .notNull()
      .references(() => areas.id),
    /** normal | urgent */
    urgency: text('urgency').notNull().default('normal'),
    /** the branch it was raised in */
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    organizationCode: text('organization_code')
      .notNull()
      .references(() => organizations.code),
    authorPersonId: integer('author_person_id').references(() => persons.id),
    /** the author's account, when the author raised it themselves */
    authorUserId: text('author_user_id'),
    /** as it is shown to those allowed to see it, e.g. "Nguyễn Văn A" or "Hội viên chi hội" */
    authorName: text('author_name').notNull(),
    /** the author asked that their name not be shown above the branch */
    hideName: boolean('hide_name').notNull().default(false),
    /** member | branch (raised by the branch head on behalf of members) | meeting */
    source: text('source').notNull(),
    meetingId: integer('meeting_id').references(() => meetings.id),
    discussionId: integer('discussion_id').references(() => meetingDiscussions.id),
    raisedBy: text('raised_by').notNull(),
    /** open | answered | closed | merged */
    status: text('status').notNull().default('open'),
    /** the current step (open items), or the last one */
    stepId: integer('step_id'),
    ownerLevel: text('owner_level'),
    ownerUnitId: integer('owner_unit_id').references(() => units.id),
    ownerBodyId: integer('owner_body_id').references(() => voiceBodies.id),
    dueAt: timestamp('due_at', { withTimezone: true }),
    /** times a step of this item ran past its deadline */
    overdueCount: integer('overdue_count').notNull().default(0),
    mergedIntoId: integer('merged_into_id'),
    /** how many raised items this one stands for (itself and the items merged into it) */
    sourceCount: integer('source_count').notNull().default(1),
    /** satisfied | not_satisfied (the author's judgement of the answer) */
    feedback: text('feedback'),
    feedbackReason: text('feedback_reason'),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('voice_items_unit_idx').on(t.unitId, t.raisedAt),
    index('voice_items_owner_unit_idx').on(t.ownerUnitId, t.status),
    index('voice_items_owner_body_idx').on(t.ownerBodyId, t.status),
    index('voice_items_due_idx').on(t.dueAt).where(sql`${t.status} = 'open'`),
    index('voice_items_author_idx').on(t.authorPersonId),
    index('voice_items_author_user_idx').on(t.authorUserId),
    index('voice_items_area_cat_idx').on(t.areaId, t.categoryCode, t.status),
    index('voice_items_merged_idx').on(t.mergedIntoId),
    index('voice_items_search_trgm').using('gin', t.searchText.op('gin_trgm_ops')),
    check('voice_items_kind_chk', sql`${t.kind} in ('y_kien', 'tam_tu', 'kien_nghi', 'phan_anh')`),
    check('voice_items_urgency_chk', sql`${t.urgency} in ('normal', 'urgent')`),
    check('voice_items_status_chk', sql`${t.status} in ('open', 'answered', 'closed', 'merged')`),
    check('voice_items_source_chk', sql`${t.source} in ('member', 'branch', 'meeting')`),
    check('voice_items_content_chk', sql`length(trim(${t.content})) > 0`),
  ],
);

/**
 * One step of an item's route: who owned it (a unit of the organization path or a recipient body), until when,
 * and how it ended: forwarded | escalated | answered | declined | merged | reopened.
 */
export const voiceSteps = pgTable(
  'voice_steps',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    itemId: integer('item_id')
      .notNull()
      .references(() => voiceItems.id),
    level: text('level').notNull(),
    ownerUnitId: integer('owner_unit_id').references(() => units.id),
    ownerBodyId: integer('owner_body_id').references(() => voiceBodies.id),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    outcome: text('outcome'),
    /** the step ran past its deadline (set when escalated, or when closed late) */
    overdue: boolean('overdue').notNull().default(false),
  },
  (t) => [
    index('voice_steps_item_idx').on(t.itemId, t.id),
    index('voice_steps_body_idx').on(t.ownerBodyId),
    check('voice_steps_owner_chk', sql`(${t.ownerUnitId} is null) <> (${t.ownerBodyId} is null)`),
  ],
);

/** The item's timeline as its author and branch follow it. */
export const voiceEvents = pgTable(
  'voice_events',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    itemId: integer('item_id')
      .notNull()
      .references(() => voiceItems.id),
    /** raised | forwarded | escalated | declined | answered | commitment_done | satisfied | not_satisfied | merged | merged_in */
    kind: text('kind').notNull(),
    actorUserId: text('actor_user_id'),
    /** the acting unit or body as shown on the timeline (never a member's name) */
    actorLabel: text('actor_label').notNull(),
    note: text('note'),
    data: jsonb('data'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('voice_events_item_idx').on(t.itemId, t.at)],
);

/** An answer recorded by the owner of the step (a recipient body or a unit that resolved it). */
export const voiceAnswers = pgTable(
  'voice_answers',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    itemId: integer('item_id')
      .notNull()
      .references(() => voiceItems.id),
    stepId: integer('step_id').references(() => voiceSteps.id),
    body: text('body').notNull(),
    byUnitId: integer('by_unit_id').references(() => units.id),
    byBodyId: integer('by_body_id').references(() => voiceBodies.id),
    byLabel: text('by_label').notNull(),
    byUserId: text('by_user_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('voice_answers_item_idx').on(t.itemId)],
);

/** A promise made in an answer or a dialogue, followed until done. */
export const voiceCommitments = pgTable(
  'voice_commitments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    itemId: integer('item_id').references(() => voiceItems.id),
    answerId: integer('answer_id').references(() => voiceAnswers.id),
    dialogueId: integer('dialogue_id'),
    /** the dialogue question it answers */
    questionId: integer('question_id'),
    text: text('text').notNull(),
    dueOn: date('due_on').notNull(),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneNote: text('done_note'),
    doneBy: text('done_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('voice_commitments_item_idx').on(t.itemId),
    index('voice_commitments_dialogue_idx').on(t.dialogueId),
    check('voice_commitments_owner_chk', sql`${t.itemId} is not null or ${t.dialogueId} is not null`),
  ],
);

/** A dialogue (đối thoại) between the head of a Party committee or government and the members of an area. */
export const voiceDialogues = pgTable(
  'voice_dialogues',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** the unit that organizes it (its members are invited) */
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    areaId: integer('area_id')
      .notNull()
      .references(() => areas.id),
    title: text('title').notNull(),
    /** e.g. "Đồng chí Chủ tịch UBND xã" */
    leader: text('leader').notNull(),
    bodyId: integer('body_id').references(() => voiceBodies.id),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }).notNull(),
    place: text('place'),
    /** planned | held | published */
    status: text('status').notNull().default('planned'),
    summary: text('summary'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('voice_dialogues_unit_idx').on(t.unitId, t.scheduledAt),
    check('voice_dialogues_status_chk', sql`${t.status} in ('planned', 'held', 'published')`),
  ],
);

/** A question for a dialogue: asked beforehand by a member or taken from an open item; answered in the session. */
export const voiceDialogueQuestions = pgTable(
  'voice_dialogue_questions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    dialogueId: integer('dialogue_id')
      .notNull()
      .references(() => voiceDialogues.id),
    itemId: integer('item_id').references(() => voiceItems.id),
    content: text('content').notNull(),
    askedBy: text('asked_by').notNull(),
    answer: text('answer'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('voice_dialogue_questions_idx').on(t.dialogueId, t.id)],
);

/** Voice settings as data (e.g. identity_roles: the roles above the branch that may see an author's name). */
export const voiceSettings = pgTable('voice_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
});
