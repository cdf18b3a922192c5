import { sql } from 'drizzle-orm';
import type {
  DismissBody,
  DuplicatePair,
  DuplicatesQuery,
  DuplicatesResponse,
  MergeBody,
  MergeResult,
} from '../../../contracts/duplicates';
import type { Db } from '../../db/client';
import { one } from '../../db/query';
import { type RequestContext, writeAudit } from '../../lib/audit';
import { type Clock, systemClock } from '../../lib/clock';
import { invalid, notFound } from '../../lib/errors';
import { assertCan } from '../../policy/policy';
import { unitScopeSql } from '../../policy/scope';
import { refreshMeetingCounts, refreshUnitPeriod } from '../meetings/meetings.repo';
import { vietnamDay } from '../organizations/rules';
import { findMemberships, idList } from '../people/people.repo';
import { SENSITIVE_FIELDS } from '../people/sensitive';
import { findUnit } from '../units/units.repo';
import { differingFields, FIELD_COLUMNS, presentPerson } from './duplicates.presenter';
import {
  countPairs,
  dismiss,
  findPairs,
  fullPersons,
  insertMerge,
  membershipTotals,
  movePersonRefs,
  personsWithMembershipIn,
} from './duplicates.repo';

const PERSON = 'Hồ sơ';
const UNIT = 'Đơn vị';

export function makeDuplicatesService({ db, clock = systemClock }: { db: Db; clock?: Clock }) {
  /** Both persons when the actor may merge them (each has a membership in the actor's merge scope); 404 otherwise. */
  async function mergeable(ctx: RequestContext, ids: number[]) {
    const inScope = await personsWithMembershipIn(db, ids, unitScopeSql(ctx.actor, 'member.merge', 'u'));
    if (ids.some((id) => !inScope.has(id))) throw notFound(PERSON);
  }

  return {
    /**
     * Candidate pairs among the persons with a live membership below a unit in the actor's scope, or in a unit
     * of another organization in the unit's area the actor may merge in (the same person in the Đoàn and the
     * Women's Union lists of one commune), with both records in full. Showing them reveals sensitive fields, so the page is audited (one row).
     */
    async list(ctx: RequestContext, q: DuplicatesQuery): Promise<DuplicatesResponse> {
      assertCan(ctx.actor, 'member.merge');
      const unit = await findUnit(db, q.unitId);
      if (!unit) throw notFound(UNIT);
      assertCan(
        ctx.actor,
        'member.merge',
        { path: unit.path, organizationCode: unit.organizationCode, areaPath: unit.areaPath },
        UNIT,
      );
      const scope = unitScopeSql(ctx.actor, 'member.merge', 'u');
      // Below the unit, and (across organizations) any unit the actor may merge in within the unit's area.
      // (a union of two index scans: an OR of the two conditions would walk every unit)
      const units = sql`${scope} and u.id in (
        select x.id from units x where x.path <@ ${unit.path}::ltree
        union all
        select x.id from units x join areas xa on xa.id = x.area_id where xa.path <@ ${unit.areaPath}::ltree)`;
      const page = { limit: q.pageSize, offset: (q.page - 1) * q.pageSize };
      const pairs = await findPairs(db, units, page);
      const total = pairs[0]?.total ?? (q.page > 1 ? await countPairs(db, units) : 0);
      if (!pairs.length) return { items: [], total };

      const ids = [...new Set(pairs.flatMap((p) => [p.a, p.b]))];
      const [persons, ms, totals] = await Promise.all([
        fullPersons(db, ids),
        findMemberships(db, sql`m.person_id in (${idList(ids)}) and ${scope}`),
        membershipTotals(db, ids),
      ]);
      const byId = new Map(persons.map((p) => [p.id, p]));
      const present = (id: number) =>
        presentPerson(
          byId.get(id) as NonNullable<ReturnType<typeof byId.get>>,
          ms.filter((m) => m.personId === id),
          totals.get(id) ?? 0,
        );
      const items: DuplicatePair[] = pairs
        .filter((p) => byId.has(p.a) && byId.has(p.b))
        .map((p) => ({
          a: present(p.a),
          b: present(p.b),
          reasons: p.reasons,
          differing: differingFields(
            byId.get(p.a) as NonNullable<ReturnType<typeof byId.get>>,
            byId.get(p.b) as NonNullable<ReturnType<typeof byId.get>>,
          ),
        }));
      await writeAudit(db, ctx, {
        action: 'person.reveal_sensitive',
        entityType: 'unit',
        entityId: unit.id,
        after: { view: 'duplicates', persons: ids, fields: [...SENSITIVE_FIELDS] },
      });
      return { items, total };
    },

    /**
     * Merges two records of one person: the kept record takes the chosen fields from the merged one, everything
     * referencing the merged person moves to the kept one, the merged row is deleted and kept as a snapshot in
     * person_merges; one audit row. All in one transaction.
     */
    async merge(ctx: RequestContext, body: MergeBody): Promise<MergeResult> {
      assertCan(ctx.actor, 'member.merge');
      const { keptId, mergedId } = body;
      if (keptId === mergedId) {
        throw invalid('Hai hồ sơ là một. Hãy chọn hai hồ sơ khác nhau để gộp.');
      }
      await mergeable(ctx, [keptId, mergedId]);
      const take = [...new Set(body.take)];
      const today = vietnamDay(clock.now());
      return db.transaction(async (tx) => {
        const locked = await fullPersons(tx, [keptId, mergedId], true);
        const kept = locked.find((p) => p.id === keptId);
        const merged = locked.find((p) => p.id === mergedId);
        if (!kept || !merged) throw notFound(PERSON);
        const snapshot = await one<{ row: Record<string, unknown> }>(
          tx,
          sql`select to_jsonb(p) as row from persons p where p.id = ${mergedId}`,
        );
        if (take.length) {
          const cols = take.flatMap((f) => FIELD_COLUMNS[f]);
          await tx.execute(sql`update persons k set ${sql.join(
            cols.map((c) => sql`${sql.identifier(c)} = g.${sql.identifier(c)}`),
            sql`, `,
          )}, updated_at = now()
            from persons g where k.id = ${keptId} and g.id = ${mergedId}`);
        }
        const reason = `Gộp hồ sơ trùng: hồ sơ #${mergedId} gộp vào #${keptId}`;
        const moved = await movePersonRefs(tx, {
          kept: keptId,
          merged: mergedId,
          today,
          userId: ctx.actor.userId,
          reason,
        });
        const seen = new Set<string>();
        for (const m of moved.conflictMeetings) {
          await refreshMeetingCounts(tx, m.meetingId);
          const key = `${m.unitId}|${m.periodKey}`;
          if (seen.has(key)) continue;
          seen.add(key);
          await refreshUnitPeriod(tx, m.unitId, m.periodKey);
        }
        await tx.execute(sql`delete from persons where id = ${mergedId}`);
        const mergeId = await insertMerge(tx, {
          kept: keptId,
          merged: mergedId,
          snapshot: { person: snapshot?.row ?? merged, taken: take },
          userId: ctx.actor.userId,
        });
        const after = (await fullPersons(tx, [keptId]))[0];
        await writeAudit(tx, ctx, {
          action: 'person.merge',
          entityType: 'person',
          entityId: keptId,
          before: { kept, merged },
          after: {
            person: after,
            taken: take,
            mergeId,
            memberships: moved.memberships,
            foldedMemberships: moved.folded.map((f) => f.id),
            attendance: moved.attendance,
            attendanceConflicts: moved.attendanceConflicts,
            accounts: moved.accounts,
            other: moved.other,
          },
        });
        return {
          keptId,
          mergedId,
          mergeId,
          memberships: moved.memberships,
          foldedMemberships: moved.folded.length,
          attendance: moved.attendance,
          attendanceConflicts: moved.attendanceConflicts,
          accounts: moved.accounts,
        };
      });
    },

    /** "Không trùng": the pair is not offered again (idempotent). */
    async dismiss(ctx: RequestContext, body: DismissBody) {
      assertCan(ctx.actor, 'member.merge');
      if (body.personA === body.personB) {
        throw invalid('Hai hồ sơ là một. Hãy chọn hai hồ sơ khác nhau.');
      }
      await mergeable(ctx, [body.personA, body.personB]);
      const [a, b] = [Math.min(body.personA, body.personB), Math.max(body.personA, body.personB)];
      return db.transaction(async (tx) => {
        const added = await dismiss(tx, a, b, ctx.actor.userId);
        if (added)
          await writeAudit(tx, ctx, {
            action: 'person.duplicate_dismiss',
            entityType: 'person',
            entityId: a,
            after: { personA: a, personB: b },
          });
        return { personA: a, personB: b };
      });
    },
  };
}
export type DuplicatesService = ReturnType<typeof makeDuplicatesService>;
