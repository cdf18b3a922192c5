import { sql } from 'drizzle-orm';
import type {
  MembershipItem,
  PeopleListQuery,
  PersonListItem,
  PersonProfile,
} from '../../../contracts/people';
import type { Db, DbOrTx } from '../../db/client';
import { type RequestContext, writeAudit } from '../../lib/audit';
import { forbidden, notFound } from '../../lib/errors';
import { unaccent } from '../../lib/text';
import type { Action } from '../../policy/actions';
import { assertCan, can } from '../../policy/policy';
import { unitScopeSql } from '../../policy/scope';
import { findUnit } from '../units/units.repo';
import {
  countInUnits,
  findMemberships,
  findPerson,
  liveMembershipSql,
  type MembershipRow,
  personSearchSql,
  searchPeople,
} from './people.repo';
import { maskNationalId, parsePeopleQuery, SENSITIVE_FIELDS } from './sensitive';

const PERSON = 'Hồ sơ';
const UNIT = 'Đơn vị';
const LIVE = new Set(['active', 'transferring']);

const fullName = (p: { familyName: string; givenName: string }) => `${p.familyName} ${p.givenName}`.trim();
const membershipItem = (m: MembershipRow): MembershipItem => ({
  organizationCode: m.organizationCode,
  unitId: m.unitId,
  unitName: m.unitName,
  status: m.status,
  position: m.position,
});
const unitSubject = (m: MembershipRow) => ({
  path: m.unitPath,
  organizationCode: m.organizationCode,
  areaPath: m.areaPath,
});

export function makePeopleService({ db }: { db: Db }) {
  /** The subtree path of `unitId` when the actor may do `action` there; 404 otherwise (existence hidden). */
  async function subtree(ctx: RequestContext, action: Action, unitId?: number): Promise<string | undefined> {
    if (unitId === undefined) return undefined;
    const u = await findUnit(db, unitId);
    if (
      !u ||
      !can(ctx.actor, action, { path: u.path, organizationCode: u.organizationCode, areaPath: u.areaPath })
    ) {
      throw notFound(UNIT);
    }
    return u.path;
  }

  return {
    async list(ctx: RequestContext, q: PeopleListQuery) {
      assertCan(ctx.actor, 'person.read');
      const subtreePath = await subtree(ctx, 'person.read', q.unitId);
      const live = liveMembershipSql({
        scope: unitScopeSql(ctx.actor, 'person.read', 'u'),
        subtreePath,
        organization: q.organization,
      });
      const parsed = parsePeopleQuery(q.q ?? '');
      const search = personSearchSql(parsed && 'text' in parsed ? { text: unaccent(parsed.text) } : parsed);
      const found = await searchPeople(db, live, search, {
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
      });
      const ids = found.rows.map((r) => r.id);
      const ms = ids.length
        ? await findMemberships(
            db,
            sql`${live} and m.person_id in (${sql.join(
              ids.map((id) => sql`${id}`),
              sql`, `,
            )})`,
          )
        : [];
      const items: PersonListItem[] = found.rows.map((p) => ({
        id: p.id,
        fullName: fullName(p),
        familyName: p.familyName,
        givenName: p.givenName,
        birthDate: p.birthDate,
        birthYear: p.birthYear,
        gender: p.gender,
        phone: p.phone,
        awayFromHome: p.awayFromHome,
        memberships: ms.filter((m) => m.personId === p.id).map(membershipItem),
      }));
      return { items, total: found.total, totalMemberships: found.totalMemberships };
    },

    /**
     * A person's profile. Sensitive fields stay hidden unless `reveal` is asked and the actor may read them in
     * a unit where the person is a live member; a reveal is audited in the same transaction as the read.
     */
    async get(ctx: RequestContext, id: number, reveal: boolean): Promise<PersonProfile> {
      assertCan(ctx.actor, 'person.read');
      const read = async (tx: DbOrTx): Promise<PersonProfile> => {
        const ms = await findMemberships(
          tx,
          sql`m.person_id = ${id} and ${unitScopeSql(ctx.actor, 'person.read', 'u')}`,
        );
        const live = ms.filter((m) => LIVE.has(m.status));
        const person = live.length ? await findPerson(tx, id) : undefined;
        if (!person) throw notFound(PERSON);
        const mayReveal = live.some((m) => can(ctx.actor, 'person.readSensitive', unitSubject(m)));
        if (reveal && !mayReveal) throw forbidden('Bạn không có quyền xem thông tin nhạy cảm của người này.');
        if (reveal) {
          await writeAudit(tx, ctx, {
            action: 'person.reveal_sensitive',
            entityType: 'person',
            entityId: id,
            after: [...SENSITIVE_FIELDS],
          });
        }
        return {
          id: person.id,
          fullName: fullName(person),
          familyName: person.familyName,
          givenName: person.givenName,
          birthDate: person.birthDate,
          birthYear: person.birthYear,
          gender: person.gender,
          phone: person.phone,
          occupation: person.occupation,
          education: person.education,
          homeAreaName: person.homeAreaName,
          awayFromHome: person.awayFromHome,
          awayPlace: person.awayPlace,
          awaySince: person.awaySince,
          awayContact: person.awayContact,
          memberships: ms.map((m) => ({ ...membershipItem(m), joinedOn: m.joinedOn, leftOn: m.leftOn })),
          // Roles that may not reveal see no digit of the ID at all; the others see a masked hint.
          nationalId: reveal ? person.nationalId : mayReveal ? maskNationalId(person.nationalId) : null,
          ethnicity: reveal ? person.ethnicity : null,
          religion: reveal ? person.religion : null,
          partyStatus: reveal ? person.partyStatus : null,
          sensitiveHidden: !reveal,
          abilities: { revealSensitive: mayReveal },
        };
      };
      return reveal ? db.transaction((tx) => read(tx)) : read(db);
    },

    /** People and live memberships in the actor's scope, or under one readable unit. */
    async counts(ctx: RequestContext, q: { unitId?: number; organization?: string }) {
      assertCan(ctx.actor, 'stats.read');
      const subtreePath = await subtree(ctx, 'stats.read', q.unitId);
      return countInUnits(
        db,
        sql.join(
          [
            unitScopeSql(ctx.actor, 'stats.read', 'u'),
            subtreePath ? sql`u.path <@ ${subtreePath}::ltree` : sql`true`,
            q.organization ? sql`u.organization_code = ${q.organization}` : sql`true`,
          ],
          sql` and `,
        ),
      );
    },
  };
}
export type PeopleService = ReturnType<typeof makePeopleService>;
