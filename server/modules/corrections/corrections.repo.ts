import { type SQL, sql } from 'drizzle-orm';
import type { CorrectionField, CorrectionStatus } from '../../../contracts/corrections';
import type { DbOrTx } from '../../db/client';
import { one, rows } from '../../db/query';

export interface CorrectionRow {
  id: number;
  personId: number;
  personName: string;
  unitId: number;
  unitName: string;
  unitPath: string;
  organizationCode: string;
  areaPath: string;
  field: CorrectionField;
  oldValue: string | null;
  newValue: string | null;
  oldLabel: string | null;
  newLabel: string | null;
  note: string | null;
  status: CorrectionStatus;
  proposedBy: string;
  proposedAt: string;
  decidedAt: string | null;
  decidedByName: string | null;
  decisionReason: string | null;
}

const ts = (col: string) =>
  sql.raw(`to_char(${col} at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD"T"HH24:MI:SS')`);
/** A home-area value reads as the area's name. */
const label = (col: string) =>
  sql.raw(`case when c.field = 'homeAreaId' and ${col} ~ '^[0-9]{1,9}$'
    then (select ar.name from areas ar where ar.id = ${col}::int) else ${col} end`);

const COLUMNS = sql`c.id, c.person_id as "personId", trim(p.family_name || ' ' || p.given_name) as "personName",
  c.unit_id as "unitId", u.name as "unitName", u.path::text as "unitPath", u.organization_code as "organizationCode",
  a.path::text as "areaPath", c.field, c.old_value as "oldValue", c.new_value as "newValue",
  ${label('c.old_value')} as "oldLabel", ${label('c.new_value')} as "newLabel", c.note, c.status,
  c.proposed_by as "proposedBy", ${ts('c.created_at')} as "proposedAt", ${ts('c.decided_at')} as "decidedAt",
  du.name as "decidedByName", c.decision_reason as "decisionReason"`;
const FROM = sql`profile_corrections c join persons p on p.id = c.person_id join units u on u.id = c.unit_id
  join areas a on a.id = u.area_id left join "user" du on du.id = c.decided_by`;

export function findCorrections(db: DbOrTx, where: SQL, orderLimit: SQL = sql``): Promise<CorrectionRow[]> {
  return rows<CorrectionRow>(db, sql`select ${COLUMNS} from ${FROM} where ${where} ${orderLimit}`);
}

export async function findCorrection(db: DbOrTx, id: number, forUpdate = false) {
  return (await findCorrections(db, sql`c.id = ${id}`, forUpdate ? sql`for update of c` : sql``))[0] as
    | CorrectionRow
    | undefined;
}

export async function countCorrections(db: DbOrTx, where: SQL): Promise<number> {
  const r = await one<{ n: number }>(
    db,
    sql`select count(*)::int as n from profile_corrections c join units u on u.id = c.unit_id where ${where}`,
  );
  return r?.n ?? 0;
}

/** Pending proposals per unit in a scope (a condition on c and u), most first. */
export function pendingPerUnit(db: DbOrTx, where: SQL) {
  return rows<{ unitId: number; n: number }>(
    db,
    sql`select c.unit_id as "unitId", count(*)::int as n
      from profile_corrections c join units u on u.id = c.unit_id
      where c.status = 'pending' and ${where} group by c.unit_id order by 2 desc, 1`,
  );
}

export interface OwnPersonRow {
  id: number;
  familyName: string;
  givenName: string;
  birthDate: string | null;
  birthYear: number | null;
  gender: string;
  phone: string | null;
  nationalId: string | null;
  ethnicity: string | null;
  religion: string | null;
  homeAreaId: number | null;
  homeAreaName: string | null;
  occupation: string | null;
  education: string | null;
  partyStatus: string;
  awayFromHome: boolean;
  awayPlace: string | null;
  awaySince: string | null;
  awayContact: string | null;
}

export function ownPerson(db: DbOrTx, id: number, forUpdate = false) {
  return one<OwnPersonRow>(
    db,
    sql`select p.id, p.family_name as "familyName", p.given_name as "givenName", p.birth_date::text as "birthDate",
      p.birth_year as "birthYear", p.gender, p.phone, p.national_id as "nationalId", p.ethnicity, p.religion,
      p.home_area_id as "homeAreaId", ha.name as "homeAreaName", p.occupation, p.education,
      p.party_status as "partyStatus", p.away_from_home as "awayFromHome", p.away_place as "awayPlace",
      p.away_since::text as "awaySince", p.away_contact as "awayContact"
    from persons p left join areas ha on ha.id = p.home_area_id where p.id = ${id}
    ${forUpdate ? sql`for update of p` : sql``}`,
  );
}

/** A person's memberships with unit and organization names, live ones first. */
export function ownMemberships(db: DbOrTx, personId: number) {
  return rows<{
    id: number;
    organizationCode: string;
    organizationName: string;
    unitId: number;
    unitName: string;
    status: string;
    position: string | null;
    joinedOn: string | null;
    leftOn: string | null;
  }>(
    db,
    sql`select m.id, m.organization_code as "organizationCode", o.short_name_vi as "organizationName",
      m.unit_id as "unitId", u.name as "unitName", m.status, m.position, m.joined_on::text as "joinedOn",
      m.left_on::text as "leftOn"
    from memberships m join units u on u.id = m.unit_id join organizations o on o.code = m.organization_code
    where m.person_id = ${personId}
    order by m.status not in ('active', 'transferring'), o.sort_order, m.joined_on desc nulls last, m.id`,
  );
}

/** Villages and residential groups of the communes the person lives or is a live member in. */
export function areaOptions(db: DbOrTx, personId: number) {
  return rows<{ id: number; name: string }>(
    db,
    sql`with mine as (
        select u.area_id as id from memberships m join units u on u.id = m.unit_id
          where m.person_id = ${personId} and m.status in ('active', 'transferring')
        union select home_area_id from persons where id = ${personId} and home_area_id is not null),
      communes as (
        select distinct ca.id from mine join areas a on a.id = mine.id
          join areas ca on ca.kind in ('xa', 'phuong') and a.path <@ ca.path)
      select v.id, v.name from areas v join communes c on v.parent_id = c.id
      where v.active order by v.name, v.id limit 300`,
  );
}

export async function areaExists(db: DbOrTx, id: number): Promise<boolean> {
  return !!(await one(db, sql`select 1 from areas where id = ${id} and active`));
}

/** Another person holding a national ID. */
export function holderOfNationalId(db: DbOrTx, nationalId: string, exceptPersonId: number) {
  return one<{ id: number }>(
    db,
    sql`select id from persons where national_id = ${nationalId} and id <> ${exceptPersonId} limit 1`,
  );
}
