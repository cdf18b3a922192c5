/** Party development records (DOMAIN.md §6): reads and writes of party_introductions, and the dashboard count. */
import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { one, rows } from '../../db/query';
import { defined } from '../../lib/errors';
import { type Group, type Grouped, scoped, type Window } from '../oversight/oversight.repo';
import { PERSON_ORDER } from '../people/filters';

/**
 * Members introduced to the Party: distinct persons with an 'introduced' record dated in the window, at units
 * matching `where` (alias u), per drill-down group and in total (grouping sets, so a person introduced in two
 * groups counts once in the total), for the period and the previous one.
 */
export function introducedCounts(
  db: DbOrTx,
  where: SQL,
  groups: readonly Group[],
  cur: Window,
  prev: Window,
) {
  const inW = (w: Window) => sql`i.stage_on between ${w.start}::date and ${w.end}::date`;
  return rows<Grouped & { introduced: number; introducedPrev: number }>(
    db,
    sql`with ${scoped(where, groups)}
    select s.grp, (grouping(s.grp) = 1) as total,
      (count(distinct i.person_id) filter (where ${inW(cur)}))::int as introduced,
      (count(distinct i.person_id) filter (where ${inW(prev)}))::int as "introducedPrev"
    from su s join party_introductions i on i.unit_id = s.id
    where i.stage = 'introduced' and i.stage_on between ${prev.start}::date and ${cur.end}::date
    group by grouping sets ((s.grp), ())`,
  );
}

export interface IntroductionRow {
  id: number;
  personId: number;
  fullName: string;
  birthDate: string | null;
  birthYear: number | null;
  unitId: number;
  unitName: string;
  stage: string;
  stageOn: string;
  decisionNo: string | null;
  note: string | null;
  createdAt: string | Date;
}

/** Introductions at units matching `where` (alias u), in the Vietnamese name order, then by stage date. */
export function findIntroductions(db: DbOrTx, where: SQL) {
  return rows<IntroductionRow>(
    db,
    sql`select i.id, i.person_id as "personId", trim(p.family_name || ' ' || p.given_name) as "fullName",
      p.birth_date::text as "birthDate", p.birth_year as "birthYear", i.unit_id as "unitId", u.name as "unitName",
      i.stage, i.stage_on::text as "stageOn", i.decision_no as "decisionNo", i.note, i.created_at as "createdAt"
    from party_introductions i join units u on u.id = i.unit_id join persons p on p.id = i.person_id
    where ${where}
    order by ${PERSON_ORDER}, i.stage_on, i.id
    limit 5000`,
  );
}

/** One introduction with its unit, for the policy check. */
export function findIntroduction(db: DbOrTx, id: number) {
  return one<{
    id: number;
    personId: number;
    unitId: number;
    stage: string;
    stageOn: string;
    path: string;
    organizationCode: string;
    areaPath: string;
  }>(
    db,
    sql`select i.id, i.person_id as "personId", i.unit_id as "unitId", i.stage, i.stage_on::text as "stageOn",
      u.path::text as path, u.organization_code as "organizationCode", a.path::text as "areaPath"
    from party_introductions i join units u on u.id = i.unit_id join areas a on a.id = u.area_id where i.id = ${id}`,
  );
}

/** Whether a person has an active membership in the unit. */
export async function isActiveMember(db: DbOrTx, personId: number, unitId: number) {
  const r = await one<{ ok: boolean }>(
    db,
    sql`select exists (select 1 from memberships m where m.person_id = ${personId} and m.unit_id = ${unitId}
      and m.status = 'active') as ok`,
  );
  return r?.ok === true;
}

/** A person's recorded stages (any unit), locking the person row so two writes cannot interleave. */
export async function stagesOf(tx: DbOrTx, personId: number) {
  await tx.execute(sql`select id from persons where id = ${personId} for update`);
  return rows<{ stage: string; stageOn: string }>(
    tx,
    sql`select stage, stage_on::text as "stageOn" from party_introductions where person_id = ${personId}`,
  );
}

export async function insertIntroduction(
  tx: DbOrTx,
  r: {
    personId: number;
    unitId: number;
    stage: string;
    stageOn: string;
    decisionNo: string | null;
    note: string | null;
    createdBy: string;
  },
) {
  const row = await one<{ id: number }>(
    tx,
    sql`insert into party_introductions (person_id, unit_id, stage, stage_on, decision_no, note, created_by)
    values (${r.personId}, ${r.unitId}, ${r.stage}, ${r.stageOn}, ${r.decisionNo}, ${r.note}, ${r.createdBy})
    returning id`,
  );
  return defined(row, 'inserted id').id;
}

export async function deleteIntroduction(tx: DbOrTx, id: number) {
  await tx.execute(sql`delete from party_introductions where id = ${id}`);
}
