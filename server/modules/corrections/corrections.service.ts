import { sql } from 'drizzle-orm';
import type {
  Correction,
  CorrectionField,
  CorrectionsCount,
  CorrectionsList,
  CorrectionsQuery,
  MyProfile,
  ProposeBody,
  RejectBody,
} from '../../../contracts/corrections';
import type { Db, Tx } from '../../db/client';
import { one } from '../../db/query';
import { type RequestContext, writeAudit } from '../../lib/audit';
import { type Clock, systemClock } from '../../lib/clock';
import { conflict, invalid, notFound } from '../../lib/errors';
import type { Actor } from '../../policy/policy';
import { assertCan, can } from '../../policy/policy';
import { unitScopeSql } from '../../policy/scope';
import { insertNotifications } from '../notifications/notifications.repo';
import { vietnamDay } from '../organizations/rules';
import { findMemberships } from '../people/people.repo';
import { findUnit } from '../units/units.repo';
import {
  areaExists,
  areaOptions,
  type CorrectionRow,
  countCorrections,
  findCorrection,
  findCorrections,
  holderOfNationalId,
  type OwnPersonRow,
  ownMemberships,
  ownPerson,
  pendingPerUnit,
} from './corrections.repo';
import { checkValue, columnsFor, FIELD_LABELS, SENSITIVE_CORRECTIONS } from './values';

const PROPOSAL = 'Đề nghị sửa thông tin';
const UNIT = 'Đơn vị';
const LIVE = new Set(['active', 'transferring']);

/** A field's current value on the person, in the stored (normalised) form proposals use. */
function currentValue(p: OwnPersonRow, field: CorrectionField): string | null {
  switch (field) {
    case 'fullName':
      return `${p.familyName} ${p.givenName}`.trim();
    case 'birthDate':
      return p.birthDate ?? (p.birthYear ? String(p.birthYear) : null);
    case 'homeAreaId':
      return p.homeAreaId === null ? null : String(p.homeAreaId);
    case 'awayFromHome':
      return String(p.awayFromHome);
    default:
      return p[field];
  }
}

const subjectOf = (c: { unitPath: string; organizationCode: string; areaPath: string }) => ({
  path: c.unitPath,
  organizationCode: c.organizationCode,
  areaPath: c.areaPath,
});

function present(c: CorrectionRow, hidden = false): Correction {
  return {
    id: c.id,
    personId: c.personId,
    personName: c.personName,
    unitId: c.unitId,
    unitName: c.unitName,
    field: c.field,
    oldValue: hidden ? null : c.oldValue,
    newValue: hidden ? null : c.newValue,
    oldLabel: hidden ? null : c.oldLabel,
    newLabel: hidden ? null : c.newLabel,
    hidden,
    note: c.note,
    status: c.status,
    proposedAt: c.proposedAt,
    decidedAt: c.decidedAt,
    decidedByName: c.decidedByName,
    decisionReason: c.decisionReason,
  };
}

/** Sensitive values stay hidden from readers without 'person.readSensitive' on the proposal's unit. */
const presentFor = (actor: Actor, c: CorrectionRow) =>
  present(c, SENSITIVE_CORRECTIONS.has(c.field) && !can(actor, 'person.readSensitive', subjectOf(c)));

export function makeCorrectionsService({ db, clock = systemClock }: { db: Db; clock?: Clock }) {
  /** The signed-in member's own person id; refused when the account is not linked to a record. */
  function ownPersonId(ctx: RequestContext): number {
    const id = ctx.actor.personId;
    if (id === null) {
      throw invalid(
        'Tài khoản của bạn chưa gắn với hồ sơ đoàn viên, hội viên nào. Hãy liên hệ bí thư chi đoàn hoặc chi hội trưởng.',
      );
    }
    return id;
  }

  /** A proposal the actor may decide (member.write on its unit); 404 when it is out of sight. */
  async function decidable(ctx: RequestContext, tx: Tx, id: number) {
    const c = await findCorrection(tx, id, true);
    if (!c) throw notFound(PROPOSAL);
    assertCan(ctx.actor, 'member.write', subjectOf(c), PROPOSAL);
    if (c.status !== 'pending') {
      throw conflict(
        `Đề nghị này đã được xử lý (${c.status === 'withdrawn' ? 'người đề nghị đã rút' : c.status === 'approved' ? 'đã duyệt' : 'đã từ chối'}); tải lại danh sách.`,
      );
    }
    return c;
  }

  async function notifyMember(tx: Tx, c: CorrectionRow, approved: boolean, reason?: string) {
    const label = FIELD_LABELS[c.field];
    await insertNotifications(tx, [
      {
        userId: c.proposedBy,
        kind: approved ? 'correction_approved' : 'correction_rejected',
        title: approved ? `Đề nghị sửa "${label}" đã được duyệt` : `Đề nghị sửa "${label}" bị từ chối`,
        body: approved
          ? `Hồ sơ của bạn đã được cập nhật (${c.unitName}).`
          : `Lý do: ${reason ?? ''}. Bạn có thể gửi đề nghị mới với thông tin đúng.`,
        link: '/ho-so-cua-toi',
        dedupeKey: `correction:${c.id}`,
      },
    ]);
  }

  return {
    /** The member's own profile, memberships and proposals. */
    async myProfile(ctx: RequestContext): Promise<MyProfile> {
      assertCan(ctx.actor, 'person.self');
      const personId = ctx.actor.personId;
      const empty: MyProfile = {
        linked: false,
        person: null,
        memberships: [],
        corrections: [],
        areaOptions: [],
        canPropose: false,
      };
      if (personId === null) return empty;
      const p = await ownPerson(db, personId);
      if (!p) return empty;
      const [memberships, corrections, areas] = await Promise.all([
        ownMemberships(db, personId),
        findCorrections(
          db,
          sql`c.person_id = ${personId}`,
          sql`order by c.status <> 'pending', c.created_at desc, c.id desc limit 50`,
        ),
        areaOptions(db, personId),
      ]);
      const { familyName, givenName, ...rest } = p;
      return {
        linked: true,
        person: { ...rest, fullName: `${familyName} ${givenName}`.trim() },
        memberships,
        corrections: corrections.map((c) => present(c)),
        areaOptions: areas,
        canPropose: memberships.some((m) => LIVE.has(m.status)),
      };
    },

    /** A member proposes a new value for one field of their own profile; the branch head decides it. */
    async propose(ctx: RequestContext, body: ProposeBody): Promise<Correction> {
      assertCan(ctx.actor, 'person.self');
      const personId = ownPersonId(ctx);
      const today = vietnamDay(clock.now());
      const checked = checkValue(body.field, body.value, today);
      if (!checked.ok) throw invalid(checked.reason, { field: body.field });
      if (body.field === 'homeAreaId' && checked.value !== null) {
        if (!(await areaExists(db, Number(checked.value)))) {
          throw invalid(`${FIELD_LABELS.homeAreaId}: hãy chọn thôn/tổ dân phố trong danh sách`, {
            field: body.field,
          });
        }
      }
      const id = await db.transaction(async (tx) => {
        const p = await ownPerson(tx, personId, true);
        if (!p)
          throw invalid('Không tìm thấy hồ sơ của bạn. Hãy liên hệ bí thư chi đoàn hoặc chi hội trưởng.');
        const old = currentValue(p, body.field);
        if ((old ?? '') === (checked.value ?? '')) {
          throw invalid(
            `${FIELD_LABELS[body.field]}: giá trị mới giống giá trị đang lưu; không cần đề nghị sửa.`,
            { field: body.field },
          );
        }
        const [live] = (await ownMemberships(tx, personId)).filter((m) => LIVE.has(m.status));
        if (!live) {
          throw invalid(
            'Bạn không còn sinh hoạt ở chi đoàn, chi hội nào nên không có người duyệt đề nghị. Hãy liên hệ cán bộ Đoàn, Hội ở xã.',
          );
        }
        const pending = await one(
          tx,
          sql`select 1 from profile_corrections where person_id = ${personId} and field = ${body.field} and status = 'pending'`,
        );
        if (pending) {
          throw conflict(
            `${FIELD_LABELS[body.field]}: bạn đã có một đề nghị đang chờ duyệt. Hãy rút đề nghị đó trước nếu muốn sửa lại.`,
            { field: body.field },
          );
        }
        const row = await one<{ id: number }>(
          tx,
          sql`insert into profile_corrections (person_id, unit_id, field, old_value, new_value, note, proposed_by)
            values (${personId}, ${live.unitId}, ${body.field}, ${old}, ${checked.value}, ${body.note || null},
              ${ctx.actor.userId})
            returning id`,
        );
        const cid = (row as { id: number }).id;
        await writeAudit(tx, ctx, {
          action: 'person.correction_proposed',
          entityType: 'person',
          entityId: personId,
          after: { correctionId: cid, field: body.field, unitId: live.unitId },
        });
        return cid;
      });
      return present((await findCorrection(db, id)) as CorrectionRow);
    },

    /** The member takes back one of their pending proposals. Someone else's → 404. */
    async withdraw(ctx: RequestContext, id: number): Promise<Correction> {
      assertCan(ctx.actor, 'person.self');
      const personId = ctx.actor.personId;
      await db.transaction(async (tx) => {
        const c = await findCorrection(tx, id, true);
        if (!c || personId === null || c.personId !== personId) throw notFound(PROPOSAL);
        if (c.status !== 'pending') throw conflict('Đề nghị này đã được xử lý nên không rút được nữa.');
        await tx.execute(sql`update profile_corrections set status = 'withdrawn', decided_at = now(),
          decided_by = ${ctx.actor.userId} where id = ${id}`);
        await writeAudit(tx, ctx, {
          action: 'person.correction_withdrawn',
          entityType: 'person',
          entityId: c.personId,
          after: { correctionId: id, field: c.field },
        });
      });
      return present((await findCorrection(db, id)) as CorrectionRow);
    },

    /** Proposals of the members of a unit (and the units below it) the actor may decide. */
    async list(ctx: RequestContext, q: CorrectionsQuery): Promise<CorrectionsList> {
      assertCan(ctx.actor, 'member.write');
      const unit = await findUnit(db, q.unitId);
      if (!unit) throw notFound(UNIT);
      assertCan(
        ctx.actor,
        'member.write',
        { path: unit.path, organizationCode: unit.organizationCode, areaPath: unit.areaPath },
        UNIT,
      );
      const status =
        q.status === 'pending'
          ? sql`c.status = 'pending'`
          : q.status === 'decided'
            ? sql`c.status <> 'pending'`
            : sql`true`;
      const where = sql`u.path <@ ${unit.path}::ltree and ${unitScopeSql(ctx.actor, 'member.write', 'u')} and ${status}`;
      const [items, total] = await Promise.all([
        findCorrections(
          db,
          where,
          sql`order by c.status <> 'pending', c.created_at ${q.status === 'pending' ? sql`asc` : sql`desc`}, c.id
            limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
        ),
        countCorrections(db, where),
      ]);
      return { items: items.map((c) => presentFor(ctx.actor, c)), total };
    },

    /** Pending proposals the actor may decide, for the menu badge, and the unit with the most. */
    async count(ctx: RequestContext): Promise<CorrectionsCount> {
      assertCan(ctx.actor, 'member.write');
      const per = await pendingPerUnit(db, unitScopeSql(ctx.actor, 'member.write', 'u'));
      return { pending: per.reduce((s, r) => s + r.n, 0), unitId: per[0]?.unitId ?? null };
    },

    /** Pending and recent proposals about a person the actor can read (the officer's profile page). */
    async forPerson(ctx: RequestContext, personId: number): Promise<{ items: Correction[] }> {
      assertCan(ctx.actor, 'person.read');
      const ms = await findMemberships(
        db,
        sql`m.person_id = ${personId} and ${unitScopeSql(ctx.actor, 'person.read', 'u')}`,
      );
      if (!ms.length) throw notFound('Hồ sơ');
      const items = await findCorrections(
        db,
        sql`c.person_id = ${personId} and (c.status = 'pending' or c.decided_at > now() - interval '90 days')`,
        sql`order by c.status <> 'pending', c.created_at desc limit 20`,
      );
      const mayReveal = ms.some(
        (m) =>
          LIVE.has(m.status) &&
          can(ctx.actor, 'person.readSensitive', {
            path: m.unitPath,
            organizationCode: m.organizationCode,
            areaPath: m.areaPath,
          }),
      );
      return { items: items.map((c) => present(c, SENSITIVE_CORRECTIONS.has(c.field) && !mayReveal)) };
    },

    /** Applies a pending proposal to the person (one transaction, audited) and tells the member. */
    async approve(ctx: RequestContext, id: number): Promise<Correction> {
      assertCan(ctx.actor, 'member.write');
      await db.transaction(async (tx) => {
        const c = await decidable(ctx, tx, id);
        const p = await ownPerson(tx, c.personId, true);
        if (!p) throw notFound(PROPOSAL);
        if (c.field === 'nationalId' && c.newValue) {
          const other = await holderOfNationalId(tx, c.newValue, c.personId);
          if (other) {
            throw conflict(
              `Số CCCD ${c.newValue} đã có ở một hồ sơ khác, có thể là hồ sơ trùng của cùng người này. Hãy xem màn hình "Trùng lặp" của đơn vị để gộp hai hồ sơ, rồi duyệt lại (hoặc từ chối đề nghị).`,
              { field: 'nationalId', duplicateReview: `/duplicates?unit=${c.unitId}` },
            );
          }
        }
        if (c.field === 'homeAreaId' && c.newValue && !(await areaExists(tx, Number(c.newValue)))) {
          throw conflict(
            'Thôn/tổ dân phố trong đề nghị không còn hoạt động; hãy từ chối để người đề nghị chọn lại.',
          );
        }
        const before = currentValue(p, c.field);
        const cols = columnsFor(c.field, c.newValue);
        await tx.execute(
          sql`update persons set ${sql.join(
            Object.entries(cols).map(([k, v]) => sql`${sql.identifier(k)} = ${v}`),
            sql`, `,
          )}, updated_at = now() where id = ${c.personId}`,
        );
        await tx.execute(sql`update profile_corrections set status = 'approved', decided_at = now(),
          decided_by = ${ctx.actor.userId} where id = ${id}`);
        await writeAudit(tx, ctx, {
          action: 'person.correction_approved',
          entityType: 'person',
          entityId: c.personId,
          before: { [c.field]: before },
          after: { [c.field]: c.newValue, correctionId: id },
        });
        await notifyMember(tx, c, true);
      });
      return presentFor(ctx.actor, (await findCorrection(db, id)) as CorrectionRow);
    },

    /** Refuses a pending proposal with a reason the member reads; the profile is unchanged. */
    async reject(ctx: RequestContext, id: number, body: RejectBody): Promise<Correction> {
      assertCan(ctx.actor, 'member.write');
      await db.transaction(async (tx) => {
        const c = await decidable(ctx, tx, id);
        await tx.execute(sql`update profile_corrections set status = 'rejected', decided_at = now(),
          decided_by = ${ctx.actor.userId}, decision_reason = ${body.reason} where id = ${id}`);
        await writeAudit(tx, ctx, {
          action: 'person.correction_rejected',
          entityType: 'person',
          entityId: c.personId,
          after: { correctionId: id, field: c.field, reason: body.reason },
        });
        await notifyMember(tx, c, false, body.reason);
      });
      return presentFor(ctx.actor, (await findCorrection(db, id)) as CorrectionRow);
    },
  };
}
export type CorrectionsService = ReturnType<typeof makeCorrectionsService>;
