/**
 * Writing a checked import: every new person and membership in set-based statements inside the caller's
 * transaction, so an interrupted commit leaves the database as it was.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { one } from '../../db/query';

const LIVE = sql`('active', 'transferring')`;

/**
 * Inserts a person and a membership for each valid row (person ids drawn from the identity sequence in the
 * same statement), and, when `linkDuplicates`, a membership for each row matching a person already in the
 * database who is not yet a live member of the organization.
 */
export async function writeRows(
  tx: DbOrTx,
  job: { id: number; unitId: number; organizationCode: string },
  linkDuplicates: boolean,
): Promise<{ persons: number; memberships: number; linked: number }> {
  const created = await one<{ persons: number; memberships: number }>(
    tx,
    sql`
    with src as materialized (
      select nextval(pg_get_serial_sequence('persons', 'id'))::int as pid, r.data
      from import_rows r where r.job_id = ${job.id} and r.status = 'valid'
    ),
    ins_p as (
      insert into persons (id, family_name, given_name, search_text, sort_key, birth_date, birth_year, gender,
        ethnicity, religion, phone, national_id, occupation, education, party_status, veteran, home_area_id,
        away_from_home, away_place)
      overriding system value
      select pid, data->>'familyName', data->>'givenName', data->>'searchText', data->>'sortKey',
        (data->>'birthDate')::date, (data->>'birthYear')::int, data->>'gender', data->>'ethnicity', data->>'religion',
        data->>'phone', data->>'nationalId', data->>'occupation', data->>'education', data->>'partyStatus',
        coalesce((data->>'veteran')::boolean, false), (data->>'homeAreaId')::int,
        coalesce((data->>'awayFromHome')::boolean, false), data->>'awayPlace'
      from src
      returning id
    ),
    ins_m as (
      insert into memberships (person_id, organization_code, unit_id, status, joined_on, position)
      select pid, ${job.organizationCode}, coalesce((data->>'unitId')::int, ${job.unitId}), 'active',
        (data->>'joinedOn')::date, data->>'position'
      from src
      returning id
    )
    select (select count(*) from ins_p)::int as persons, (select count(*) from ins_m)::int as memberships`,
  );
  let linked = 0;
  if (linkDuplicates) {
    const r = await one<{ n: number }>(
      tx,
      sql`
      with src as (
        select distinct on (r.duplicate_of_person_id) r.duplicate_of_person_id as pid, r.data
        from import_rows r join persons p on p.id = r.duplicate_of_person_id
        where r.job_id = ${job.id} and r.status = 'duplicate' and r.duplicate_of_row is null
          and not coalesce((r.data->>'alreadyMember')::boolean, false)
          and not exists (select 1 from memberships m where m.person_id = r.duplicate_of_person_id
            and m.organization_code = ${job.organizationCode} and m.status in ${LIVE})
        order by r.duplicate_of_person_id, r.row_number
      ),
      ins as (
        insert into memberships (person_id, organization_code, unit_id, status, joined_on, position)
        select pid, ${job.organizationCode}, coalesce((data->>'unitId')::int, ${job.unitId}), 'active',
          (data->>'joinedOn')::date, data->>'position'
        from src
        returning id
      )
      select count(*)::int as n from ins`,
    );
    linked = r?.n ?? 0;
  }
  return { persons: created?.persons ?? 0, memberships: (created?.memberships ?? 0) + linked, linked };
}
