/** SQL of the member life cycle: memberships with their unit, transfers and stays, events, age-out candidates. */
import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { one, rows } from '../../db/query';
import { idList } from '../people/people.repo';

export const LIVE = sql`('active', 'transferring')`;
/** An open transfer: pending (either kind) or a stay under way. */
export const OPEN = (t: string) => {
  const a = sql.raw(t);
  return sql`(${a}.status = 'pending' or (${a}.kind = 'stay' and ${a}.status = 'accepted'))`;
};
/** The commune (or ward) name of an area alias. */
const communeOf = (areaAlias: string) => {
  const a = sql.raw(areaAlias);
  return sql`(select ca.name from areas ca where ca.kind in ('xa', 'phuong') and ${a}.path <@ ca.path
    order by ca.level desc limit 1)`;
};

export interface MembershipUnitRow {
  id: number;
  personId: number;
  fullName: string;
  organizationCode: string;
  memberWord: string;
  unitId: number;
  unitName: string;
  unitPath: string;
  areaPath: string;
  communeName: string | null;
  status: string;
  joinedOn: string | null;
}

const MEMBERSHIP_UNIT = sql`m.id, m.person_id as "personId",
  trim(p.family_name || ' ' || p.given_name) as "fullName", m.organization_code as "organizationCode",
  lower(o.member_term) as "memberWord", m.unit_id as "unitId", u.name as "unitName", u.path::text as "unitPath",
  a.path::text as "areaPath", ${communeOf('a')} as "communeName", m.status, m.joined_on::text as "joinedOn"`;
const MEMBERSHIP_FROM = sql`memberships m join persons p on p.id = m.person_id join units u on u.id = m.unit_id
  join areas a on a.id = u.area_id join organizations o on o.code = m.organization_code`;

export async function findMembershipUnits(
  db: DbOrTx,
  where: SQL,
  lock = false,
): Promise<MembershipUnitRow[]> {
  return rows<MembershipUnitRow>(
    db,
    sql`select ${MEMBERSHIP_UNIT} from ${MEMBERSHIP_FROM} where ${where} order by m.id
      ${lock ? sql`for update of m` : sql``}`,
  );
}

export async function findMembershipUnit(db: DbOrTx, id: number, lock = false) {
  return (await findMembershipUnits(db, sql`m.id = ${id}`, lock))[0];
}

export interface TransferRow {
  id: number;
  kind: 'transfer' | 'stay';
  status: 'pending' | 'accepted' | 'refused' | 'recalled' | 'ended';
  membershipId: number;
  organizationCode: string;
  personId: number;
  familyName: string;
  givenName: string;
  birthDate: string | null;
  birthYear: number | null;
  gender: string;
  fromUnitId: number;
  fromName: string;
  fromPath: string;
  fromAreaPath: string;
  fromCommune: string | null;
  toUnitId: number;
  toName: string;
  toPath: string;
  toAreaPath: string;
  toCommune: string | null;
  issuedOn: string;
  until: string | null;
  decisionNo: string | null;
  reason: string | null;
  decidedOn: string | null;
  decisionReason: string | null;
}

const TRANSFER_COLUMNS = sql`t.id, t.kind, t.status, t.membership_id as "membershipId",
  t.organization_code as "organizationCode", t.person_id as "personId", p.family_name as "familyName",
  p.given_name as "givenName", p.birth_date::text as "birthDate", p.birth_year as "birthYear", p.gender,
  t.from_unit_id as "fromUnitId", fu.name as "fromName", fu.path::text as "fromPath", fa.path::text as "fromAreaPath",
  ${communeOf('fa')} as "fromCommune",
  t.to_unit_id as "toUnitId", tu.name as "toName", tu.path::text as "toPath", ta.path::text as "toAreaPath",
  ${communeOf('ta')} as "toCommune",
  t.issued_on::text as "issuedOn", t.until::text as until, t.decision_no as "decisionNo", t.reason,
  t.decided_on::text as "decidedOn", t.decision_reason as "decisionReason"`;
const TRANSFER_FROM = sql`transfers t join persons p on p.id = t.person_id
  join units fu on fu.id = t.from_unit_id join areas fa on fa.id = fu.area_id
  join units tu on tu.id = t.to_unit_id join areas ta on ta.id = tu.area_id`;

/** Transfers and stays matching a condition on t / fu / tu, newest first. */
export async function findTransfers(db: DbOrTx, where: SQL, limit = 500): Promise<TransferRow[]> {
  return rows<TransferRow>(
    db,
    sql`select ${TRANSFER_COLUMNS} from ${TRANSFER_FROM} where ${where}
      order by t.issued_on desc, t.id desc limit ${limit}`,
  );
}

export async function findTransfer(db: DbOrTx, id: number): Promise<TransferRow | undefined> {
  return (await findTransfers(db, sql`t.id = ${id}`, 1))[0];
}

/** The transfer's current status, its row locked until the transaction ends. */
export async function lockTransfer(db: DbOrTx, id: number) {
  return one<{ status: TransferRow['status'] }>(
    db,
    sql`select status from transfers where id = ${id} for update`,
  );
}

export async function countTransfers(db: DbOrTx, where: SQL): Promise<number> {
  const r = await one<{ n: number }>(db, sql`select count(*)::int as n from ${TRANSFER_FROM} where ${where}`);
  return r?.n ?? 0;
}

export interface EventInput {
  membershipId: number;
  personId: number;
  organizationCode: string;
  kind: string;
  onDate: string;
  decisionNo?: string | null;
  reason?: string | null;
  unitId: number;
  otherUnitId?: number | null;
  transferId?: number | null;
  actorUserId: string;
}

export async function insertEvent(db: DbOrTx, e: EventInput): Promise<void> {
  await db.execute(sql`insert into membership_events (membership_id, person_id, organization_code, kind, on_date,
      decision_no, reason, unit_id, other_unit_id, transfer_id, actor_user_id)
    values (${e.membershipId}, ${e.personId}, ${e.organizationCode}, ${e.kind}, ${e.onDate}, ${e.decisionNo ?? null},
      ${e.reason ?? null}, ${e.unitId}, ${e.otherUnitId ?? null}, ${e.transferId ?? null}, ${e.actorUserId})`);
}

export interface CloseInput {
  membershipIds: number[];
  /** left | removed | deceased | aged_out */
  kind: string;
  on: string;
  decisionNo: string | null;
  reason: string | null;
  /** why open transfers and stays of these memberships were closed */
  transferNote: string;
  actorUserId: string;
}

/**
 * Ends live memberships in set-based statements: their open transfers are recalled and their stays ended (with
 * the events that say so), then each membership takes the end status and its dated event. Returns the ids ended.
 */
export async function closeMemberships(db: DbOrTx, c: CloseInput): Promise<number[]> {
  if (!c.membershipIds.length) return [];
  const ids = idList(c.membershipIds);
  await db.execute(sql`
    with closed as (
      update transfers t set
        status = case when t.kind = 'stay' and t.status = 'accepted' then 'ended' else 'recalled' end,
        decided_on = ${c.on}, decided_by = ${c.actorUserId}, decision_reason = ${c.transferNote}, updated_at = now()
      where t.membership_id in (${ids}) and ${OPEN('t')}
      returning t.id, t.kind, t.status, t.membership_id, t.person_id, t.organization_code, t.from_unit_id, t.to_unit_id
    )
    insert into membership_events (membership_id, person_id, organization_code, kind, on_date, reason, unit_id,
      other_unit_id, transfer_id, actor_user_id)
    select membership_id, person_id, organization_code,
      case when kind = 'stay' then 'stay_ended' else 'transfer_recalled' end,
      ${c.on}, ${c.transferNote}, from_unit_id, to_unit_id, id, ${c.actorUserId}
    from closed where not (kind = 'stay' and status = 'recalled')`);
  const ended = await rows<{ id: number }>(
    db,
    sql`
    with ended as (
      update memberships set status = ${c.kind}, left_on = ${c.on}
      where id in (${ids}) and status in ${LIVE}
      returning id, person_id, organization_code, unit_id
    )
    insert into membership_events (membership_id, person_id, organization_code, kind, on_date, decision_no, reason,
      unit_id, actor_user_id)
    select id, person_id, organization_code, ${c.kind}, ${c.on}, ${c.decisionNo}, ${c.reason}, unit_id, ${c.actorUserId}
    from ended
    returning membership_id as id`,
  );
  return ended.map((r) => r.id);
}

export interface EventRow {
  id: number;
  membershipId: number;
  kind: string;
  onDate: string;
  decisionNo: string | null;
  reason: string | null;
  unitName: string;
  otherUnitName: string | null;
  transferId: number | null;
}

/** The dated events of some memberships, oldest first. */
export async function eventsOf(db: DbOrTx, membershipIds: number[]): Promise<EventRow[]> {
  if (!membershipIds.length) return [];
  return rows<EventRow>(
    db,
    sql`select e.id, e.membership_id as "membershipId", e.kind, e.on_date::text as "onDate",
        e.decision_no as "decisionNo", e.reason, u.name as "unitName", ou.name as "otherUnitName",
        e.transfer_id as "transferId"
      from membership_events e join units u on u.id = e.unit_id left join units ou on ou.id = e.other_unit_id
      where e.membership_id in (${idList(membershipIds)})
      order by e.on_date, e.id`,
  );
}

export interface TargetRow {
  id: number;
  name: string;
  parentName: string | null;
  communeName: string | null;
}

/** Active branches of an organization anywhere in the province whose name, parent or commune holds every word. */
export async function findTargets(
  db: DbOrTx,
  o: { organizationCode: string; excludeUnitId: number; words: string[]; limit: number },
): Promise<TargetRow[]> {
  const like = (w: string) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const hay = sql`(u.search_text || ' ' || coalesce(pu.search_text, '') || ' ' || coalesce(a.search_text, '') || ' '
    || coalesce((select ca.search_text from areas ca where ca.kind in ('xa', 'phuong') and a.path <@ ca.path
      order by ca.level desc limit 1), ''))`;
  const words = o.words.length
    ? sql.join(
        o.words.map((w) => sql`${hay} like ${like(w)}`),
        sql` and `,
      )
    : sql`true`;
  return rows<TargetRow>(
    db,
    sql`select u.id, u.name, pu.name as "parentName", ${communeOf('a')} as "communeName"
      from units u join areas a on a.id = u.area_id left join units pu on pu.id = u.parent_id
      where u.organization_code = ${o.organizationCode} and u.level = 'branch' and u.active
        and u.id <> ${o.excludeUnitId} and ${words}
      order by length(u.name), u.name, u.id limit ${o.limit}`,
  );
}

export interface CandidateRow {
  membershipId: number;
  personId: number;
  fullName: string;
  birthDate: string | null;
  birthYear: number | null;
  unitId: number;
  unitName: string;
  status: string;
}

/** The Youth Union age line: 30 full years by the day, or (year alone) turning 30 in that year. */
const agedOut = (on: string) => sql`(case
  when p.birth_date is not null then p.birth_date + interval '30 years' <= ${on}::date
  when p.birth_year is not null then ${Number(on.slice(0, 4))} - p.birth_year >= 30
  else false end)`;

/** Live Đoàn memberships below a unit (and in `scope`) whose holder is 30 or older on `on`. */
export async function ageOutCandidates(
  db: DbOrTx,
  o: { unitPath: string; on: string; scope: SQL; only?: number[]; lock?: boolean },
): Promise<CandidateRow[]> {
  return rows<CandidateRow>(
    db,
    sql`select m.id as "membershipId", p.id as "personId", trim(p.family_name || ' ' || p.given_name) as "fullName",
        p.birth_date::text as "birthDate", p.birth_year as "birthYear", u.id as "unitId", u.name as "unitName", m.status
      from memberships m join units u on u.id = m.unit_id join persons p on p.id = m.person_id
      where u.path <@ ${o.unitPath}::ltree and m.organization_code = 'DOAN' and m.status in ${LIVE}
        and ${o.scope} and ${agedOut(o.on)}
        ${o.only ? sql`and m.id in (${o.only.length ? idList(o.only) : sql`null`})` : sql``}
      order by u.name, p.sort_key collate "C", p.birth_date nulls last, m.id
      ${o.lock ? sql`for update of m` : sql``}`,
  );
}

/** Live Đoàn memberships below a unit whose holder has no birth date or year. */
export async function countUnknownBirth(db: DbOrTx, unitPath: string, scope: SQL): Promise<number> {
  const r = await one<{ n: number }>(
    db,
    sql`select count(*)::int as n from memberships m join units u on u.id = m.unit_id join persons p on p.id = m.person_id
      where u.path <@ ${unitPath}::ltree and m.organization_code = 'DOAN' and m.status in ${LIVE}
        and ${scope} and p.birth_date is null and p.birth_year is null`,
  );
  return r?.n ?? 0;
}
