import { type SQL, sql } from 'drizzle-orm';
import type { DuplicateReason } from '../../../contracts/duplicates';
import type { DbOrTx } from '../../db/client';
import { one, rows } from '../../db/query';
import { idList } from '../people/people.repo';

const LIVE = sql`('active', 'transferring')`;

export interface PairRow {
  a: number;
  b: number;
  reasons: DuplicateReason[];
  total: number;
}

/**
 * Candidate pairs among the persons with a live membership in the units matching `units` (a condition on u):
 * each rule is one grouping over those persons only (national ID; unaccented name + birth date; unaccented
 * name + phone), plus the records with a birth year alone matched by name and year. Dismissed pairs are left
 * out, and so are name matches whose national IDs are both known and differ (two different people).
 * Ordered by the first record's name the Vietnamese way.
 */
export async function findPairs(
  db: DbOrTx,
  units: SQL,
  page: { limit: number; offset: number },
): Promise<PairRow[]> {
  const found = await rows<{ a: number; b: number; reasons: string; total: number }>(
    db,
    sql`
    with s as materialized (
      select distinct m.person_id as id from memberships m join units u on u.id = m.unit_id
      where m.status in ${LIVE} and ${units}),
    sp as materialized (
      select p.id, p.search_text, p.birth_date, p.birth_year, p.phone, p.national_id
      from persons p join s on s.id = p.id),
    grouped as (
      select 'national_id' as reason, array_agg(id) as ids from sp where national_id is not null
        group by national_id having count(*) > 1
      union all
      select 'name_birth', array_agg(id) from sp where birth_date is not null
        group by search_text, birth_date having count(*) > 1
      union all
      select 'name_phone', array_agg(id) from sp where phone is not null
        group by search_text, phone having count(*) > 1),
    cand as (
      select x.id as a, y.id as b, g.reason from grouped g
        cross join lateral unnest(g.ids) as x(id) cross join lateral unnest(g.ids) as y(id)
        where x.id < y.id
      union all
      select least(yo.id, o.id), greatest(yo.id, o.id), 'name_birth'
        from sp yo join sp o on o.search_text = yo.search_text and o.id <> yo.id
        where yo.birth_date is null and yo.birth_year is not null
          and coalesce(o.birth_year, extract(year from o.birth_date)::int) = yo.birth_year),
    pairs as (
      select c.a, c.b, string_agg(distinct c.reason, ',' order by c.reason) as reasons from cand c
      where not exists (select 1 from duplicate_dismissals d where d.person_a = c.a and d.person_b = c.b)
      group by c.a, c.b)
    select pr.a, pr.b, pr.reasons, count(*) over ()::int as total
    from pairs pr join persons pa on pa.id = pr.a join persons pb on pb.id = pr.b
    where pr.reasons like '%national_id%' or pa.national_id is null or pb.national_id is null
      or pa.national_id = pb.national_id
    order by pa.sort_key collate "C", pr.a, pr.b
    limit ${page.limit} offset ${page.offset}`,
  );
  return found.map((r) => ({ ...r, reasons: r.reasons.split(',') as DuplicateReason[] }));
}

/** How many candidate pairs there are when the page asked for lies past the last one. */
export async function countPairs(db: DbOrTx, units: SQL): Promise<number> {
  const first = await findPairs(db, units, { limit: 1, offset: 0 });
  return first[0]?.total ?? 0;
}

export interface FullPersonRow {
  id: number;
  familyName: string;
  givenName: string;
  searchText: string;
  sortKey: string;
  birthDate: string | null;
  birthYear: number | null;
  gender: string;
  phone: string | null;
  nationalId: string | null;
  ethnicity: string | null;
  religion: string | null;
  occupation: string | null;
  education: string | null;
  partyStatus: string;
  veteran: boolean;
  homeAreaId: number | null;
  homeAreaName: string | null;
  awayFromHome: boolean;
  awayPlace: string | null;
  awaySince: string | null;
  awayContact: string | null;
  createdAt: string;
}

const FULL_COLUMNS = sql`p.id, p.family_name as "familyName", p.given_name as "givenName",
  p.search_text as "searchText", p.sort_key as "sortKey", p.birth_date::text as "birthDate",
  p.birth_year as "birthYear", p.gender, p.phone, p.national_id as "nationalId", p.ethnicity, p.religion,
  p.occupation, p.education, p.party_status as "partyStatus", p.veteran, p.home_area_id as "homeAreaId",
  ha.name as "homeAreaName", p.away_from_home as "awayFromHome", p.away_place as "awayPlace",
  p.away_since::text as "awaySince", p.away_contact as "awayContact",
  to_char(p.created_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD"T"HH24:MI:SS') as "createdAt"`;

/** Every column of some persons, with their home area's name. */
export function fullPersons(db: DbOrTx, ids: number[], forUpdate = false): Promise<FullPersonRow[]> {
  if (!ids.length) return Promise.resolve([]);
  return rows<FullPersonRow>(
    db,
    sql`select ${FULL_COLUMNS} from persons p left join areas ha on ha.id = p.home_area_id
      where p.id in (${idList(ids)}) order by p.id ${forUpdate ? sql`for update of p` : sql``}`,
  );
}

/** How many memberships (any status, anywhere) each person has. */
export async function membershipTotals(db: DbOrTx, ids: number[]) {
  if (!ids.length) return new Map<number, number>();
  const r = await rows<{ personId: number; n: number }>(
    db,
    sql`select person_id as "personId", count(*)::int as n from memberships where person_id in (${idList(ids)})
      group by person_id`,
  );
  return new Map(r.map((x) => [x.personId, x.n]));
}

/** Persons (of those given) with at least one membership in a unit matching `units` (a condition on u). */
export async function personsWithMembershipIn(db: DbOrTx, ids: number[], units: SQL): Promise<Set<number>> {
  if (!ids.length) return new Set();
  const r = await rows<{ id: number }>(
    db,
    sql`select distinct m.person_id as id from memberships m join units u on u.id = m.unit_id
      where m.person_id in (${idList(ids)}) and ${units}`,
  );
  return new Set(r.map((x) => x.id));
}

export async function dismiss(db: DbOrTx, a: number, b: number, userId: string): Promise<boolean> {
  const r = await rows<{ person_a: number }>(
    db,
    sql`insert into duplicate_dismissals (person_a, person_b, dismissed_by) values (${a}, ${b}, ${userId})
      on conflict (person_a, person_b) do nothing returning person_a`,
  );
  return r.length > 0;
}

/** Attendance status ranks: the better record of the same meeting survives a merge. */
const RANK = (alias: string) =>
  sql.raw(`(case ${alias}.status when 'present' then 4 when 'online' then 3
  when 'absent_excused' then 2 when 'absent_unexcused' then 1 else 0 end)`);

export interface MoveCounts {
  memberships: number;
  folded: { id: number; unitId: number; organizationCode: string }[];
  attendance: number;
  attendanceConflicts: number;
  conflictMeetings: { meetingId: number; unitId: number; periodKey: string }[];
  accounts: number;
  other: Record<string, number>;
}

/** Columns referencing persons.id that movePersonRefs handles itself; any other one is moved generically. */
const HANDLED = new Set([
  'memberships.person_id',
  'membership_events.person_id',
  'transfers.person_id',
  'meeting_attendance.person_id',
  'meeting_discussions.speaker_person_id',
  'user.person_id',
  'profile_corrections.person_id',
  'duplicate_dismissals.person_a',
  'duplicate_dismissals.person_b',
  'person_merges.kept_person_id',
]);

const count = async (tx: DbOrTx, q: SQL) => (await rows<{ x: number }>(tx, q)).length;

/**
 * Moves everything that references the merged person to the kept one (inside the caller's transaction):
 * a live membership of an organization the kept person is already a live member of (in any unit: one live
 * membership per person and organization) is folded (status 'merged', its open transfer or stay closed, a
 * 'merged' event written); of two attendance records of one
 * meeting the better one stays; the merged person's pending correction of a field the kept person also has
 * pending is withdrawn; dismissals follow the person. Any other column with a foreign key to persons.id
 * (found in the catalogue, so columns added later are covered) is moved as is.
 */
export async function movePersonRefs(
  tx: DbOrTx,
  o: { kept: number; merged: number; today: string; userId: string; reason: string },
): Promise<MoveCounts> {
  const { kept, merged, today, userId } = o;
  const folded = await rows<{ id: number; unitId: number; organizationCode: string }>(
    tx,
    sql`update memberships mm set status = 'merged', left_on = ${today}
      where mm.person_id = ${merged} and mm.status in ${LIVE} and exists (
        select 1 from memberships km where km.person_id = ${kept} and km.status in ${LIVE}
          and km.organization_code = mm.organization_code)
      returning mm.id, mm.unit_id as "unitId", mm.organization_code as "organizationCode"`,
  );
  if (folded.length) {
    const ids = idList(folded.map((f) => f.id));
    await tx.execute(sql`update transfers set
        status = case when status = 'pending' then 'recalled' else 'ended' end,
        decided_on = ${today}, decided_by = ${userId}, decision_reason = ${o.reason}, updated_at = now()
      where membership_id in (${ids}) and (status = 'pending' or (kind = 'stay' and status = 'accepted'))`);
    await tx.execute(sql`insert into membership_events
        (membership_id, person_id, organization_code, kind, on_date, reason, unit_id, actor_user_id)
      select m.id, ${kept}, m.organization_code, 'merged', ${today}, ${o.reason}, m.unit_id, ${userId}
      from memberships m where m.id in (${ids})`);
  }
  const memberships = await count(
    tx,
    sql`update memberships set person_id = ${kept} where person_id = ${merged} returning 1 as x`,
  );
  await tx.execute(sql`update membership_events set person_id = ${kept} where person_id = ${merged}`);
  await tx.execute(sql`update transfers set person_id = ${kept} where person_id = ${merged}`);

  // Attendance: one row per meeting and person; of two, the better status stays (ties: the kept person's).
  const conflictMeetings = await rows<{ meetingId: number; unitId: number; periodKey: string }>(
    tx,
    sql`select k.meeting_id as "meetingId", mt.unit_id as "unitId", mt.period_key as "periodKey"
      from meeting_attendance k join meeting_attendance g on g.meeting_id = k.meeting_id and g.person_id = ${merged}
      join meetings mt on mt.id = k.meeting_id
      where k.person_id = ${kept}`,
  );
  await tx.execute(sql`delete from meeting_attendance k using meeting_attendance g
    where k.person_id = ${kept} and g.person_id = ${merged} and g.meeting_id = k.meeting_id
      and ${RANK('g')} > ${RANK('k')}`);
  await tx.execute(sql`delete from meeting_attendance g
    where g.person_id = ${merged}
      and exists (select 1 from meeting_attendance k where k.person_id = ${kept} and k.meeting_id = g.meeting_id)`);
  const attendance = await count(
    tx,
    sql`update meeting_attendance set person_id = ${kept} where person_id = ${merged} returning 1 as x`,
  );
  await tx.execute(
    sql`update meeting_discussions set speaker_person_id = ${kept} where speaker_person_id = ${merged}`,
  );
  const accounts = await count(
    tx,
    sql`update "user" set person_id = ${kept}, updated_at = now() where person_id = ${merged} returning 1 as x`,
  );
  await tx.execute(sql`update profile_corrections g set status = 'withdrawn', decided_at = now(),
      decided_by = ${userId}, decision_reason = ${o.reason}
    where g.person_id = ${merged} and g.status = 'pending' and exists (
      select 1 from profile_corrections k where k.person_id = ${kept} and k.status = 'pending' and k.field = g.field)`);
  await tx.execute(sql`update profile_corrections set person_id = ${kept} where person_id = ${merged}`);
  await tx.execute(sql`insert into duplicate_dismissals (person_a, person_b, dismissed_by, created_at)
      select least(o.other, ${kept}), greatest(o.other, ${kept}), d.dismissed_by, d.created_at
      from duplicate_dismissals d
        cross join lateral (select case when d.person_a = ${merged} then d.person_b else d.person_a end as other) o
      where (d.person_a = ${merged} or d.person_b = ${merged}) and o.other <> ${kept}
      on conflict (person_a, person_b) do nothing`);
  await tx.execute(sql`delete from duplicate_dismissals where person_a = ${merged} or person_b = ${merged}`);
  await tx.execute(sql`update person_merges set kept_person_id = ${kept} where kept_person_id = ${merged}`);
  await tx.execute(
    sql`update import_rows set duplicate_of_person_id = ${kept} where duplicate_of_person_id = ${merged}`,
  );

  const other: Record<string, number> = {};
  for (const ref of await personReferences(tx)) {
    const key = `${ref.table}.${ref.column}`;
    if (HANDLED.has(key)) continue;
    other[key] = await count(
      tx,
      sql`update ${sql.identifier(ref.table)} set ${sql.identifier(ref.column)} = ${kept}
        where ${sql.identifier(ref.column)} = ${merged} returning 1 as x`,
    );
  }
  return {
    memberships,
    folded,
    attendance,
    attendanceConflicts: conflictMeetings.length,
    conflictMeetings,
    accounts,
    other,
  };
}

/**
 * Every single-column foreign key to persons.id in the database (public schema), except the ones that cascade
 * on delete: rows derived from the person (person_name_keys, rebuilt from the kept person's name) go with the
 * merged row; dismissals cascade too and are carried over explicitly above.
 */
export function personReferences(db: DbOrTx) {
  return rows<{ table: string; column: string }>(
    db,
    sql`select cl.relname as "table", a.attname as "column"
      from pg_constraint c
      join pg_class cl on cl.oid = c.conrelid
      join pg_namespace n on n.oid = cl.relnamespace
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
      where c.contype = 'f' and c.confrelid = 'public.persons'::regclass and n.nspname = 'public'
        and array_length(c.conkey, 1) = 1 and c.confdeltype <> 'c'
      order by 1, 2`,
  );
}

export async function insertMerge(
  tx: DbOrTx,
  o: { kept: number; merged: number; snapshot: unknown; userId: string },
): Promise<number> {
  const r = await one<{ id: number }>(
    tx,
    sql`insert into person_merges (kept_person_id, merged_person_id, snapshot, merged_by)
      values (${o.kept}, ${o.merged}, ${JSON.stringify(o.snapshot)}::jsonb, ${o.userId}) returning id`,
  );
  return (r as { id: number }).id;
}
