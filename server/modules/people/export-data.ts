import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { findMemberships, findPersons, idList, type MembershipRow, type PersonRow } from './people.repo';

/** A person as exported: the full row and the memberships that matched the filter. */
export interface ExportPerson extends PersonRow {
  memberships: MembershipRow[];
}

const BATCH = 2000;

/** The given persons, in the given order, a batch at a time, each with its matching memberships. */
export async function* exportBatches(
  db: DbOrTx,
  ids: number[],
  membership: SQL,
): AsyncGenerator<ExportPerson[]> {
  for (let i = 0; i < ids.length; i += BATCH) {
    const chunk = ids.slice(i, i + BATCH);
    const persons = new Map((await findPersons(db, chunk)).map((p) => [p.id, p]));
    const ms = await findMemberships(db, sql`${membership} and m.person_id in (${idList(chunk)})`);
    const byPerson = new Map<number, MembershipRow[]>();
    for (const m of ms) byPerson.set(m.personId, [...(byPerson.get(m.personId) ?? []), m]);
    yield chunk.flatMap((id) => {
      const p = persons.get(id);
      return p ? [{ ...p, memberships: byPerson.get(id) ?? [] }] : [];
    });
  }
}
