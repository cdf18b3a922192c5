/**
 * Set-based part of the meeting seed: invitees, roll-call answers and discussion entries of already inserted
 * meetings are written by INSERT … SELECT inside the database (no rows travel through Node), with every
 * random choice a deterministic hash of the seed number and the row's ids, so a seed number gives the same
 * rows on PGlite and PostgreSQL.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { queryRows } from './sql';

const TWO_32 = 4294967296;

/** One round of a multiply–xorshift mix of a value in [0, 2^32); every product stays below 2^63. */
const mix = (x: SQL) => sql`((((${x}) # ((${x}) >> 16)) * 73244475) % ${sql.raw(String(TWO_32))})`;

/** A deterministic pseudo-random integer in [0, 2^32) of the seed number, a label and integer SQL terms. */
export function hash32(seedNumber: number, label: number, ...terms: SQL[]): SQL {
  const salt = (Math.abs(Math.trunc(seedNumber)) * 2654435761 + label * 40503) % TWO_32;
  const sum = terms.reduce<SQL>(
    (acc, t, i) =>
      sql`${acc} + (${t})::bigint * ${sql.raw(String([73244475, 2246822519, 3266489917][i % 3]))}`,
    sql.raw(String(salt)),
  );
  return mix(mix(sql`((${sum}) % ${sql.raw(String(TWO_32))})`));
}

/** The same hash as a uniform float in [0, 1). */
export const uniform = (seedNumber: number, label: number, ...terms: SQL[]): SQL =>
  sql`(${hash32(seedNumber, label, ...terms)}::float8 / ${sql.raw(String(TWO_32))})`;

const textArray = (items: readonly string[]) =>
  sql`array[${sql.join(
    items.map((s) => sql`${s}`),
    sql`, `,
  )}]::text[]`;

export const EXCUSES = ['Đi làm ăn xa', 'Ốm', 'Bận việc gia đình', 'Đi học'] as const;
/** Self check-in exists from this day: present members of later meetings sometimes checked in themselves. */
const SELF_CHECKIN_FROM = '2026-10-01T00:00:00+07:00';

/**
 * Invites the live members of each meeting's unit (one row per person, lowest membership id, as
 * inviteMembers does) and records how they answered the roll-call of held meetings: present about 72 % of
 * the time (62 % in difficult areas), varying by branch and by person; members away from home mostly excused
 * or online when the meeting is hybrid. Planned meetings get 'unknown'.
 */
export async function insertAttendance(
  tx: DbOrTx,
  seedNumber: number,
  ids: { from: number; to: number },
  referenceDate: string,
): Promise<void> {
  const answer = sql`case
    when i.meeting_status = 'planned' then 'unknown'
    when i.away then case when i.roll < 0.1 then 'present' when i.roll < 0.4 and i.mode = 'hybrid' then 'online'
      when i.roll < 0.9 then 'absent_excused' else 'absent_unexcused' end
    when i.roll < i.pr then 'present'
    when i.roll < i.pr + 0.03 then case when i.mode = 'hybrid' then 'online' else 'present' end
    when i.roll < i.pr + 0.2 then 'absent_excused'
    else 'absent_unexcused' end`;
  // The meetings and their branches' rosters are read once each; only the pairing is per invitation.
  // A person has one membership per branch, so (meeting, person) is unique (the primary key checks it).
  await tx.execute(sql`
    with mt as materialized (
      select m.id, m.unit_id, m.status, m.mode, m.scheduled_at,
        least((m.scheduled_at at time zone 'Asia/Ho_Chi_Minh')::date, ${referenceDate}::date) as day,
        case when u.difficult_area then 0.62 else 0.72 end + (${uniform(seedNumber, 3, sql`m.unit_id`)} - 0.5) * 0.16 as base
      from meetings m join units u on u.id = m.unit_id where m.id between ${ids.from} and ${ids.to}),
    roster as materialized (
      select ms.id, ms.unit_id, ms.person_id, ms.joined_on, ms.left_on, ms.position is null as plain,
        p.away, (${uniform(seedNumber, 2, sql`ms.person_id`)} - 0.5) * 0.3 as lean
      from memberships ms
      cross join lateral (select p.away_from_home as away from persons p where p.id = ms.person_id offset 0) p
      where ms.unit_id in (select distinct unit_id from mt) and ms.status in ('active', 'transferring', 'left'))
    insert into meeting_attendance (meeting_id, person_id, membership_id, status, reason, away_from_home, source, checked_in_at)
    select f.meeting_id, f.person_id, f.membership_id, f.status,
      case when f.status <> 'absent_excused' then null when f.away then ${EXCUSES[0]}
        else (${textArray(EXCUSES)})[1 + floor(f.pick * ${EXCUSES.length})::int] end,
      f.away,
      case when f.status = 'unknown' then null when f.self then 'self' else 'rollcall' end,
      case when f.self then f.scheduled_at + (floor(f.pick * 60)::int - 10) * interval '1 minute' end
    from (
      select t.meeting_id, t.person_id, t.membership_id, t.away, t.scheduled_at, t.pick,
        -- A held meeting had someone there: when nobody answered, its first office holder (or member) was.
        case when t.meeting_status <> 'planned' and not t.anyone and t.holder_rank = 1 then 'present'
          else t.answer end as status,
        t.answer = 'present' and t.scheduled_at >= ${SELF_CHECKIN_FROM}::timestamptz and t.pick < 0.35 as self
      from (
        select i.*, a.answer,
          bool_or(a.answer in ('present', 'online')) over (w rows between unbounded preceding and unbounded following) as anyone,
          row_number() over w as holder_rank
        from (
          select d.*, (d.h >> 16)::float8 / 65536 as roll, (d.h & 65535)::float8 / 65536 as pick from (
            select m.id as meeting_id, r.person_id, r.id as membership_id, r.plain, r.away,
              m.status as meeting_status, m.mode, m.scheduled_at, m.base + r.lean as pr,
              ${hash32(seedNumber, 1, sql`m.id`, sql`r.person_id`)} as h
            from mt m join roster r on r.unit_id = m.unit_id
              and (r.joined_on is null or r.joined_on <= m.day) and (r.left_on is null or r.left_on > m.day)
            offset 0
          ) d
        ) i cross join lateral (select ${answer} as answer) a
        window w as (partition by i.meeting_id order by i.plain, i.membership_id)
      ) t
    ) f`);
}

/** One or two discussion entries by attendees in about a third of held meetings. */
export async function insertDiscussions(
  tx: DbOrTx,
  seedNumber: number,
  ids: { from: number; to: number },
  topics: readonly string[],
): Promise<void> {
  const held = sql`(select m.id, ${hash32(seedNumber, 4, sql`m.id`)} as hm from meetings m
    where m.id between ${ids.from} and ${ids.to} and m.status <> 'planned' offset 0)`;
  await tx.execute(sql`
    insert into meeting_discussions (meeting_id, speaker_person_id, speaker_name, content)
    select s.meeting_id, s.person_id, trim(p.family_name || ' ' || p.given_name),
      (${textArray(topics)})[1 + (s.topic % ${topics.length})::int]
    from (
      select a.meeting_id, a.person_id, x.hm, ${hash32(seedNumber, 5, sql`a.meeting_id`, sql`a.person_id`)} as topic,
        row_number() over (partition by a.meeting_id
          order by ${hash32(seedNumber, 6, sql`a.meeting_id`, sql`a.person_id`)}, a.person_id) as rn
      from ${held} x join meeting_attendance a on a.meeting_id = x.id and a.status in ('present', 'online')
      where x.hm < ${Math.round(0.35 * TWO_32)} and a.meeting_id between ${ids.from} and ${ids.to}
    ) s join persons p on p.id = s.person_id
    where s.rn <= 1 + s.hm % 2
    order by s.meeting_id, s.rn`);
}

/**
 * Runs `load` with the foreign keys of `tables` dropped, then adds them back under the same names and
 * definitions. PostgreSQL then checks each key with one scan when it is added, instead of one lookup per
 * inserted row (the usual advice for bulk loads); the loaded rows are still fully checked.
 */
export async function withoutForeignKeys<T>(
  tx: DbOrTx,
  tables: readonly string[],
  load: () => Promise<T>,
): Promise<T> {
  const keys = await queryRows<{ tbl: string; name: string; def: string }>(
    tx,
    sql`select c.conrelid::regclass::text as tbl, c.conname as name, pg_get_constraintdef(c.oid) as def
    from pg_constraint c where c.contype = 'f' and c.conrelid = any(${`{${tables.join(',')}}`}::regclass[])
    order by c.conname`,
  );
  const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;
  for (const k of keys) {
    await tx.execute(sql.raw(`alter table ${quoted(k.tbl)} drop constraint ${quoted(k.name)}`));
  }
  const out = await load();
  for (const k of keys) {
    await tx.execute(sql.raw(`alter table ${quoted(k.tbl)} add constraint ${quoted(k.name)} ${k.def}`));
  }
  return out;
}
