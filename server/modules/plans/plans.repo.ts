/** Reads and writes of implementation plans and their cascaded targets. */
import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { one, pgArray, rows } from '../../db/query';
import { defined } from '../../lib/errors';

export interface PlanRow {
  id: number;
  unitId: number;
  unitName: string;
  unitLevel: string;
  unitPath: string;
  organizationCode: string;
  areaPath: string;
  title: string;
  number: string | null;
  issuedOn: string | null;
  periodKey: string;
  body: string | null;
  createdAt: string | Date;
}

const PLAN_COLUMNS = sql`p.id, p.unit_id as "unitId", u.name as "unitName", u.level as "unitLevel",
  u.path::text as "unitPath", u.organization_code as "organizationCode", a.path::text as "areaPath",
  p.title, p.number, p.issued_on::text as "issuedOn", p.period_key as "periodKey", p.body,
  p.created_at as "createdAt"`;
const PLAN_FROM = sql`implementation_plans p join units u on u.id = p.unit_id join areas a on a.id = u.area_id`;

export function findPlan(db: DbOrTx, id: number) {
  return one<PlanRow>(db, sql`select ${PLAN_COLUMNS} from ${PLAN_FROM} where p.id = ${id}`);
}

/**
 * Plans that concern a unit: its own, and those of the units above it that cascaded targets to it, newest
 * period first.
 */
export function plansFor(db: DbOrTx, unitId: number, unitPath: string) {
  return rows<PlanRow>(
    db,
    sql`select ${PLAN_COLUMNS} from ${PLAN_FROM}
    where u.path @> ${unitPath}::ltree
      and (p.unit_id = ${unitId} or exists (select 1 from plan_targets t where t.plan_id = p.id and t.unit_id = ${unitId}))
    order by p.period_key desc, p.issued_on desc nulls last, p.id desc`,
  );
}

export interface TargetRow {
  planId: number;
  unitId: number;
  indicator: string;
  target: number;
}

/** The targets of some plans at some units. */
export async function targetsOf(db: DbOrTx, planIds: readonly number[], unitIds: readonly number[]) {
  if (planIds.length === 0 || unitIds.length === 0) return [];
  const rs = await rows<{ planId: number; unitId: number; indicator: string; target: string }>(
    db,
    sql`select t.plan_id as "planId", t.unit_id as "unitId", t.indicator, t.target::text as target
    from plan_targets t where t.plan_id = any(${pgArray(planIds)}::int[]) and t.unit_id = any(${pgArray(unitIds)}::int[])`,
  );
  return rs.map((r): TargetRow => ({ ...r, target: Number(r.target) }));
}

export async function insertPlan(
  tx: DbOrTx,
  p: {
    unitId: number;
    title: string;
    number: string | null;
    issuedOn: string | null;
    periodKey: string;
    body: string | null;
    createdBy: string;
  },
) {
  const row = await one<{ id: number }>(
    tx,
    sql`insert into implementation_plans (unit_id, title, number, issued_on, period_key, body, created_by)
    values (${p.unitId}, ${p.title}, ${p.number}, ${p.issuedOn}, ${p.periodKey}, ${p.body}, ${p.createdBy})
    returning id`,
  );
  return defined(row, 'inserted id').id;
}

/**
 * The cascade, in one statement: every target for the plan's unit and for each active unit below it down to the
 * branches (a commune plan: its branches; a province plan: its communes and their branches).
 */
export async function cascadeTargets(
  tx: DbOrTx,
  planId: number,
  unitId: number,
  unitPath: string,
  targets: readonly { indicator: string; target: number }[],
) {
  const res = await rows<{ n: number }>(
    tx,
    sql`with ins as (insert into plan_targets (plan_id, unit_id, indicator, target)
      select ${planId}, u.id, t.indicator, t.target
      from units u cross join unnest(${pgArray(targets.map((x) => x.indicator))}::text[],
        ${pgArray(targets.map((x) => x.target))}::numeric[]) as t(indicator, target)
      where u.id = ${unitId} or (u.path <@ ${unitPath}::ltree and u.active and u.level in ('grassroots', 'branch'))
      returning 1)
    select count(*)::int as n from ins`,
  );
  return res[0]?.n ?? 0;
}

/** Sets one unit's target for an indicator (inserted when the unit had none, e.g. a branch created later). */
export async function upsertTarget(tx: DbOrTx, t: TargetRow) {
  await tx.execute(sql`insert into plan_targets (plan_id, unit_id, indicator, target)
    values (${t.planId}, ${t.unitId}, ${t.indicator}, ${t.target})
    on conflict (plan_id, unit_id, indicator) do update set target = excluded.target`);
  await tx.execute(sql`update implementation_plans set updated_at = now() where id = ${t.planId}`);
}

export async function deletePlan(tx: DbOrTx, id: number) {
  await tx.execute(sql`delete from implementation_plans where id = ${id}`);
}

/** A unit within a subtree (path condition), with what the policy needs. */
export function unitWithin(db: DbOrTx, unitId: number, within: SQL) {
  return one<{ id: number; name: string; level: string; active: boolean; path: string }>(
    db,
    sql`select u.id, u.name, u.level, u.active, u.path::text as path from units u where u.id = ${unitId} and ${within}`,
  );
}
