import { PassThrough } from 'node:stream';
import { type SQL, sql } from 'drizzle-orm';
import type {
  PeopleExportQuery,
  PeopleFilter,
  PeopleListQuery,
  PersonListItem,
  PersonProfile,
} from '../../../contracts/people';
import type { Db, DbOrTx } from '../../db/client';
import { type RequestContext, writeAudit } from '../../lib/audit';
import { type Clock, systemClock } from '../../lib/clock';
import { forbidden, invalid, notFound } from '../../lib/errors';
import type { Action } from '../../policy/actions';
import { assertCan, can, grantsFor } from '../../policy/policy';
import { unitScopeSql } from '../../policy/scope';
import { vietnamDay } from '../organizations/rules';
import { findUnit, type UnitRow } from '../units/units.repo';
import { exportBatches } from './export-data';
import { renderRoll } from './export-docx';
import { writeMembersXlsx } from './export-xlsx';
import { membershipOwnSql, membershipSql, nameSearchPrefix, personSql, unitSql } from './filters';
import { presentMembership, presentProfile } from './people.presenter';
import {
  countInUnits,
  findMemberships,
  findPerson,
  idList,
  listGathered,
  listPage,
  listTotals,
  liveCountsIn,
  liveMembershipsEverywhere,
  livePeopleEverywhere,
  nameSearchWalk,
  orderedIds,
  personHistory,
  rollHeading,
  visibleMembershipSql,
} from './people.repo';
import { SENSITIVE_FIELDS } from './sensitive';

const PERSON = 'Hồ sơ';
const UNIT = 'Đơn vị';
const LIVE = new Set(['active', 'transferring']);
/** Rows one .xlsx export may hold, and one printed roll. */
export const EXPORT_LIMIT = 100_000;
export const ROLL_LIMIT = 5_000;
/** Live memberships from which an unfiltered list walks the name index, and how deep it may walk. */
const WALK_FROM = 40_000;
const WALK_DEPTH = 2_000;
/** How many people a name search over a large scope counts exactly; past it the list says "more than". */
export const SEARCH_CAP = 1_000;

const unitSubject = (m: { unitPath: string; organizationCode: string; areaPath: string }) => ({
  path: m.unitPath,
  organizationCode: m.organizationCode,
  areaPath: m.areaPath,
});
const fileDay = (day: string) => day.split('-').reverse().join('-');

export function makePeopleService({
  db,
  clock = systemClock,
  walkFrom = WALK_FROM,
  searchCap = SEARCH_CAP,
}: {
  db: Db;
  clock?: Clock;
  /** live memberships from which an unfiltered list walks the name index (tests lower it) */
  walkFrom?: number;
  /** people a name search over a large scope counts exactly (tests lower it) */
  searchCap?: number;
}) {
  /** The unit when the actor may do `action` there; 404 otherwise (existence hidden). */
  async function visibleUnit(ctx: RequestContext, action: Action, unitId: number): Promise<UnitRow> {
    const u = await findUnit(db, unitId);
    if (!u || !can(ctx.actor, action, unitSubject({ ...u, unitPath: u.path }))) throw notFound(UNIT);
    return u;
  }

  /**
   * The filter as SQL. Filtering by Party status or exporting sensitive columns needs 'person.readSensitive',
   * and then only memberships in units where the actor has it count.
   */
  async function resolve(ctx: RequestContext, f: PeopleFilter, sensitive = false) {
    assertCan(ctx.actor, 'person.read');
    const unit = f.unitId === undefined ? undefined : await visibleUnit(ctx, 'person.read', f.unitId);
    const readSensitive = unit
      ? can(ctx.actor, 'person.readSensitive', unitSubject({ ...unit, unitPath: unit.path }))
      : grantsFor(ctx.actor, 'person.readSensitive').length > 0;
    const needsSensitive = sensitive || f.party !== undefined;
    if (needsSensitive && !readSensitive) {
      throw forbidden(
        f.party !== undefined
          ? 'Bạn không có quyền lọc theo tình trạng đảng viên (thông tin nhạy cảm). Hãy bỏ bộ lọc này.'
          : 'Bạn không có quyền xuất thông tin nhạy cảm. Hãy xuất danh sách không kèm thông tin nhạy cảm.',
      );
    }
    const action: Action = needsSensitive ? 'person.readSensitive' : 'person.read';
    const scope = { scope: unitScopeSql(ctx.actor, action, 'u'), subtreePath: unit?.path };
    return {
      unit,
      readSensitive,
      units: unitSql(scope, f),
      membership: membershipSql(scope, f),
      own: membershipOwnSql(f),
      person: personSql(f, vietnamDay(clock.now())),
    };
  }

  /** Ids of everyone an export covers, refused (before any work) above `limit`; the export is audited. */
  async function exportIds(
    ctx: RequestContext,
    q: PeopleExportQuery,
    format: 'xlsx' | 'docx',
    limit: number,
  ) {
    const r = await resolve(ctx, q, q.sensitive);
    const ids = await orderedIds(db, r.membership, r.person, limit + 1);
    if (ids.length > limit) {
      throw invalid(
        `Danh sách có hơn ${limit.toLocaleString('vi-VN')} người, quá nhiều để xuất một lần. Hãy chọn một đơn vị nhỏ hơn hoặc thêm bộ lọc.`,
      );
    }
    const { sensitive, ...filters } = q;
    await writeAudit(db, ctx, {
      action: 'person.export',
      entityType: 'unit',
      entityId: q.unitId ?? null,
      after: { format, filters, rows: ids.length, sensitiveFields: sensitive ? [...SENSITIVE_FIELDS] : [] },
    });
    return { ...r, ids };
  }

  /**
   * The totals of an unfiltered list of live members, from the counts kept on write where they tell the people
   * too: in one organization each person has one live membership; a scope holding every live membership has
   * every live person. Otherwise one pass over the scope's memberships.
   */
  async function walkTotals(counts: { inScope: number; organizations: number }, r: { units: SQL; own: SQL }) {
    if (counts.organizations <= 1) return { people: counts.inScope, memberships: counts.inScope };
    if (counts.inScope === (await liveMembershipsEverywhere(db))) {
      return { people: await livePeopleEverywhere(db), memberships: counts.inScope };
    }
    return listTotals(db, r.units, r.own, null);
  }

  return {
    /** One page of the member list with its totals. */
    async list(ctx: RequestContext, q: PeopleListQuery) {
      const r = await resolve(ctx, q);
      const page = { limit: q.pageSize, offset: (q.page - 1) * q.pageSize };
      // A large unfiltered scope: its first pages come fastest walking the name index; anything narrower is
      // gathered from the scope's memberships (or the search's persons) and sorted.
      // A name search over a large scope walks the matches in name order and stops counting past SEARCH_CAP.
      const prefix = nameSearchPrefix(q.q);
      const counts = page.offset + page.limit <= WALK_DEPTH ? await liveCountsIn(db, r.units) : null;
      const large = counts !== null && counts.inScope >= walkFrom;
      const walk = counts !== null && large && !r.person && q.cadre === undefined;
      const [found, totals] =
        large && prefix
          ? await nameSearchWalk(
              db,
              prefix,
              r.membership,
              personSql(q, vietnamDay(clock.now()), true),
              page,
              searchCap,
            ).then((g) => [g.rows, g] as const)
          : walk
            ? await Promise.all([
                listPage(db, r.membership, r.person, page),
                q.status === 'live' ? walkTotals(counts, r) : listTotals(db, r.units, r.own, r.person),
              ])
            : await listGathered(db, r, r.person, page).then((g) => [g.rows, g] as const);
      const capped = 'capped' in totals && totals.capped === true;
      const ids = found.map((p) => p.id);
      const ms = ids.length
        ? await findMemberships(db, sql`${r.membership} and m.person_id in (${idList(ids)})`)
        : [];
      const items: PersonListItem[] = found.map((p) => ({
        ...p,
        fullName: `${p.familyName} ${p.givenName}`.trim(),
        memberships: ms.filter((m) => m.personId === p.id).map(presentMembership),
      }));
      return {
        items,
        total: totals.people,
        totalCapped: capped,
        totalMemberships: capped ? null : totals.memberships,
        abilities: { readSensitive: r.readSensitive },
      };
    },

    /**
     * A person's profile, visible through any of their memberships in scope. Sensitive fields stay hidden unless
     * `reveal` is asked and the actor may read them in a unit where the person is a live member; every reveal is
     * audited in the same transaction as the read.
     */
    async get(ctx: RequestContext, id: number, reveal: boolean): Promise<PersonProfile> {
      assertCan(ctx.actor, 'person.read');
      const read = async (tx: DbOrTx): Promise<PersonProfile> => {
        const ms = await findMemberships(
          tx,
          sql`m.person_id = ${id} and ${visibleMembershipSql(ctx.actor, 'person.read')}`,
        );
        const person = ms.length ? await findPerson(tx, id) : undefined;
        if (!person) throw notFound(PERSON);
        const mayReveal = ms.some(
          (m) => LIVE.has(m.status) && can(ctx.actor, 'person.readSensitive', unitSubject(m)),
        );
        if (reveal && !mayReveal) throw forbidden('Bạn không có quyền xem thông tin nhạy cảm của người này.');
        if (reveal) {
          await writeAudit(tx, ctx, {
            action: 'person.reveal_sensitive',
            entityType: 'person',
            entityId: id,
            after: [...SENSITIVE_FIELDS],
          });
        }
        const history = await personHistory(
          tx,
          id,
          ms.map((m) => m.id),
        );
        return presentProfile(person, ms, history, { reveal, mayReveal });
      };
      return reveal ? db.transaction((tx) => read(tx)) : read(db);
    },

    /** The filtered list as an .xlsx stream (audited before the first byte). */
    async exportXlsx(ctx: RequestContext, q: PeopleExportQuery) {
      const r = await exportIds(ctx, q, 'xlsx', EXPORT_LIMIT);
      const stream = new PassThrough();
      writeMembersXlsx(stream, exportBatches(db, r.ids, r.membership), { sensitive: q.sensitive }).catch(
        (err) => stream.destroy(err as Error),
      );
      const name = r.unit?.name ?? 'Danh sách hội viên';
      return { stream, rows: r.ids.length, fileName: `${name} ${fileDay(vietnamDay(clock.now()))}.xlsx` };
    },

    /** The "danh sách trích ngang" of a unit as .docx (audited). */
    async exportRoll(ctx: RequestContext, unitId: number, q: Omit<PeopleExportQuery, 'unitId'>) {
      const r = await exportIds(ctx, { ...q, unitId }, 'docx', ROLL_LIMIT);
      const unit = r.unit as UnitRow;
      const people = [];
      for await (const batch of exportBatches(db, r.ids, r.membership)) people.push(...batch);
      const h = await rollHeading(db, unitId);
      const today = vietnamDay(clock.now());
      const buffer = await renderRoll(
        {
          parentName: h?.parentName ?? null,
          unitName: unit.name,
          memberTerm: h?.memberTerm ?? 'hội viên',
          place: (h?.communeName ?? unit.areaName).replace(/^(Xã|Phường|Thị trấn|Tỉnh) /, ''),
          today,
          headTitle:
            unit.organizationCode === 'DOAN'
              ? 'BÍ THƯ'
              : unit.level === 'branch'
                ? 'CHI HỘI TRƯỞNG'
                : 'CHỦ TỊCH',
          sensitive: q.sensitive,
        },
        people,
      );
      return { buffer, fileName: `Trích ngang ${unit.name} ${fileDay(today)}.docx` };
    },

    /** People and live memberships in the actor's scope, or under one readable unit. */
    async counts(ctx: RequestContext, q: { unitId?: number; organization?: string }) {
      assertCan(ctx.actor, 'stats.read');
      const unit = q.unitId === undefined ? undefined : await visibleUnit(ctx, 'stats.read', q.unitId);
      return countInUnits(
        db,
        sql.join(
          [
            unitScopeSql(ctx.actor, 'stats.read', 'u'),
            unit ? sql`u.path <@ ${unit.path}::ltree` : sql`true`,
            q.organization ? sql`u.organization_code = ${q.organization}` : sql`true`,
          ],
          sql` and `,
        ),
      );
    },
  };
}
export type PeopleService = ReturnType<typeof makePeopleService>;
