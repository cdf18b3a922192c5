import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import { one } from '../../server/db/query';
import { personSortKey, unaccent } from '../../server/lib/text';

/** The day every member-list test runs on (the seed computes ages on it too). */
export const TODAY = '2026-11-27';
export const testClock = { now: () => new Date(`${TODAY}T03:00:00Z`) };

export interface NewPerson {
  familyName: string;
  givenName: string;
  birthDate?: string | null;
  birthYear?: number | null;
  gender?: 'M' | 'F';
  phone?: string | null;
  nationalId?: string | null;
  partyStatus?: string;
  awayFromHome?: boolean;
}

/** Inserts a person with a membership of `unitId` (the unit's organization), as an import would store them. */
export async function addMember(
  db: Db,
  unitId: number,
  p: NewPerson,
  m: { status?: string; position?: string | null; joinedOn?: string } = {},
): Promise<number> {
  const row = await one<{ id: number }>(
    db,
    sql`insert into persons (family_name, given_name, search_text, sort_key, birth_date, birth_year, gender, phone,
        national_id, party_status, ethnicity, religion, away_from_home)
      values (${p.familyName}, ${p.givenName}, ${unaccent(`${p.familyName} ${p.givenName}`)},
        ${personSortKey(p.familyName, p.givenName)}, ${p.birthDate ?? null}, ${p.birthYear ?? null}, ${p.gender ?? 'F'},
        ${p.phone ?? null}, ${p.nationalId ?? null}, ${p.partyStatus ?? 'none'}, 'Kinh', 'Không', ${p.awayFromHome ?? false})
      returning id`,
  );
  const id = row!.id;
  await sqlRun(
    db,
    sql`insert into memberships (person_id, organization_code, unit_id, status, position, joined_on)
      select ${id}, organization_code, id, ${m.status ?? 'active'}, ${m.position ?? null}, ${m.joinedOn ?? '2015-03-26'}
      from units where id = ${unitId}`,
  );
  return id;
}

const sqlRun = (db: Db, q: SQL) => db.execute(q);

/**
 * Distinct people and memberships under `rootUnitId` satisfying a condition on m (memberships), u (units) and
 * p (persons), counted straight from the tables: the independent answer the API's totals must equal.
 */
export async function expectedTotals(db: Db, rootUnitId: number, where: SQL) {
  const r = await one<{ people: number; memberships: number }>(
    db,
    sql`select count(distinct m.person_id)::int as people, count(*)::int as memberships
      from memberships m join units u on u.id = m.unit_id join units r on u.path <@ r.path
      join persons p on p.id = m.person_id
      where r.id = ${rootUnitId} and ${where}`,
  );
  return { people: r?.people ?? 0, memberships: r?.memberships ?? 0 };
}
