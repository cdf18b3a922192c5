import { sql } from 'drizzle-orm';
import type {
  AdmitBody,
  AgeOutBody,
  AgeOutList,
  DeathBody,
  DecisionBody,
  EndMembershipBody,
  IssueTransferBody,
  PersonLifecycle,
  TransferItem,
  TransferList,
  UnitTransfersQuery,
} from '../../../contracts/lifecycle';
import type { Db, DbOrTx } from '../../db/client';
import { one } from '../../db/query';
import { type RequestContext, writeAudit } from '../../lib/audit';
import type { Clock } from '../../lib/clock';
import { conflict, defined, forbidden, invalid, notFound } from '../../lib/errors';
import { ageOn } from '../../lib/normalize/date';
import { unaccent } from '../../lib/text';
import { vietnamDay, vnDate } from '../../lib/vn-time';
import type { Action } from '../../policy/actions';
import { assertCan, can, type UnitSubject } from '../../policy/policy';
import { unitScopeSql } from '../../policy/scope';
import { findMemberships, visibleMembershipSql } from '../people/people.repo';
import { findUnit, type UnitRow } from '../units/units.repo';
import { assertEligible, eligibilityOn, type NewPersonRow, readNewPerson } from './admission';
import {
  ageOutCandidates,
  closeMemberships,
  countTransfers,
  countUnknownBirth,
  eventsOf,
  findMembershipUnit,
  findMembershipUnits,
  findTargets,
  findTransfer,
  findTransfers,
  insertEvent,
  LIVE,
  lockTransfer,
  type MembershipUnitRow,
  OPEN,
  type TransferRow,
} from './lifecycle.repo';

const UNIT = 'Đơn vị';
const MEMBERSHIP = 'Sinh hoạt của đoàn viên/hội viên';
const TRANSFER = 'Đề nghị chuyển sinh hoạt';
const PERSON = 'Hồ sơ';

const subjectOf = (u: { path: string; organizationCode: string; areaPath: string }): UnitSubject => ({
  path: u.path,
  organizationCode: u.organizationCode,
  areaPath: u.areaPath,
});
const membershipSubject = (m: MembershipUnitRow) =>
  subjectOf({ path: m.unitPath, organizationCode: m.organizationCode, areaPath: m.areaPath });
const fromSubject = (t: TransferRow) =>
  subjectOf({ path: t.fromPath, organizationCode: t.organizationCode, areaPath: t.fromAreaPath });
const toSubject = (t: TransferRow) =>
  subjectOf({ path: t.toPath, organizationCode: t.organizationCode, areaPath: t.toAreaPath });
const place = (name: string, commune: string | null) => (commune ? `${name} (${commune})` : name);
const nul = (s: string | undefined) => (s ? s : null);

const STATUS_TEXT: Record<string, string> = {
  left: 'đã ra khỏi tổ chức',
  removed: 'đã bị khai trừ / xoá tên',
  deceased: 'đã từ trần',
  aged_out: 'đã trưởng thành Đoàn',
  merged: 'đã gộp vào hồ sơ khác',
};
const TRANSFER_STATUS_TEXT: Record<string, string> = {
  accepted: 'đã được tiếp nhận',
  refused: 'đã bị từ chối',
  recalled: 'đã được thu hồi',
  ended: 'đã kết thúc',
};

export function makeLifecycleService({ db, clock }: { db: Db; clock: Clock }) {
  const today = () => vietnamDay(clock.now());

  /** A day that has come (decisions are recorded, not planned), not before `notBefore`. */
  function checkDay(on: string, label: string, notBefore?: { day: string | null; what: string }) {
    if (on > today())
      throw invalid(`${label} ${vnDate(on)} chưa tới: chỉ ghi việc đã diễn ra, ngày không được sau hôm nay.`);
    if (notBefore?.day && on < notBefore.day)
      throw invalid(
        `${label} ${vnDate(on)} trước ${notBefore.what} (${vnDate(notBefore.day)}): kiểm tra lại ngày.`,
      );
  }

  /** A unit the actor may do `action` in; 404 when they cannot read it, 403 when they can but not this. */
  async function unitFor(ctx: RequestContext, unitId: number, action: Action): Promise<UnitRow> {
    const unit = await findUnit(db, unitId);
    if (!unit) throw notFound(UNIT);
    assertCan(ctx.actor, action, subjectOf(unit), UNIT);
    return unit;
  }

  /** A membership whose unit the actor may write in (404 when it is not theirs to see). */
  async function writableMembership(ctx: RequestContext, id: number): Promise<MembershipUnitRow> {
    assertCan(ctx.actor, 'member.write');
    const m = await findMembershipUnit(db, id);
    if (!m || !can(ctx.actor, 'person.read', membershipSubject(m))) throw notFound(MEMBERSHIP);
    assertCan(ctx.actor, 'member.write', membershipSubject(m), MEMBERSHIP);
    return m;
  }

  /** A transfer either side of which the actor may read; 404 otherwise. */
  async function visibleTransfer(ctx: RequestContext, id: number): Promise<TransferRow> {
    assertCan(ctx.actor, 'member.write');
    const t = await findTransfer(db, id);
    if (!t || !(can(ctx.actor, 'person.read', fromSubject(t)) || can(ctx.actor, 'person.read', toSubject(t))))
      throw notFound(TRANSFER);
    return t;
  }

  const abilitiesOf = (ctx: RequestContext, t: TransferRow): TransferItem['abilities'] => {
    const to = can(ctx.actor, 'member.write', toSubject(t));
    const from = can(ctx.actor, 'member.write', fromSubject(t));
    const pending = t.status === 'pending';
    return {
      accept: pending && to,
      refuse: pending && to,
      recall: pending && from,
      end: t.kind === 'stay' && t.status === 'accepted' && (to || from),
    };
  };
  const present = (ctx: RequestContext, t: TransferRow): TransferItem => ({
    id: t.id,
    kind: t.kind,
    status: t.status,
    membershipId: t.membershipId,
    organizationCode: t.organizationCode,
    person: {
      id: t.personId,
      fullName: `${t.familyName} ${t.givenName}`.trim(),
      birthDate: t.birthDate,
      birthYear: t.birthYear,
      gender: t.gender,
    },
    fromUnit: { id: t.fromUnitId, name: t.fromName, communeName: t.fromCommune },
    toUnit: { id: t.toUnitId, name: t.toName, communeName: t.toCommune },
    issuedOn: t.issuedOn,
    until: t.until,
    decisionNo: t.decisionNo,
    reason: t.reason,
    decidedOn: t.decidedOn,
    decisionReason: t.decisionReason,
    abilities: abilitiesOf(ctx, t),
  });

  /** Locks a pending transfer inside the transaction, or says what became of it. */
  async function lockPending(tx: DbOrTx, t: TransferRow) {
    const now = await lockTransfer(tx, t.id);
    if (now?.status !== 'pending') {
      const what = t.kind === 'stay' ? 'Đề nghị sinh hoạt tạm' : 'Đề nghị chuyển sinh hoạt';
      throw conflict(
        `${what} của ${t.familyName} ${t.givenName} ${TRANSFER_STATUS_TEXT[now?.status ?? ''] ?? 'không còn chờ'}; tải lại trang để xem tình trạng mới.`,
      );
    }
  }

  async function decide(tx: DbOrTx, ctx: RequestContext, t: TransferRow, status: string, body: DecisionBody) {
    await tx.execute(sql`update transfers set status = ${status},
      decided_on = ${body.on}, decided_by = ${ctx.actor.userId},
      decision_reason = ${nul(body.reason)}, updated_at = now() where id = ${t.id}`);
  }

  const event = (ctx: RequestContext, t: TransferRow, kind: string, on: string, extra = {}) => ({
    membershipId: t.membershipId,
    personId: t.personId,
    organizationCode: t.organizationCode,
    kind,
    onDate: on,
    unitId: t.fromUnitId,
    otherUnitId: t.toUnitId,
    transferId: t.id,
    actorUserId: ctx.actor.userId,
    ...extra,
  });

  const audit = (tx: DbOrTx, ctx: RequestContext, action: string, t: TransferRow, after: object) =>
    writeAudit(tx, ctx, {
      action,
      entityType: 'membership',
      entityId: t.membershipId,
      after: {
        transferId: t.id,
        kind: t.kind,
        personId: t.personId,
        fromUnitId: t.fromUnitId,
        toUnitId: t.toUnitId,
        ...after,
      },
    });

  return {
    /** Kết nạp: an existing person (one the actor can see) or a new one joins a branch. */
    async admit(ctx: RequestContext, unitId: number, body: AdmitBody) {
      const unit = await unitFor(ctx, unitId, 'member.write');
      if (unit.level !== 'branch')
        throw invalid(
          'Chỉ kết nạp vào một chi đoàn / chi hội (cấp chi). Hãy mở chi cần kết nạp rồi kết nạp.',
        );
      if (!unit.active)
        throw invalid('Chi này đã ngừng hoạt động hoặc đã hợp nhất: không kết nạp vào đây được.');
      checkDay(body.joinedOn, 'Ngày kết nạp');
      const org = defined(
        await one<{ name: string; term: string }>(
          db,
          sql`select short_name_vi as name, lower(member_term) as term from organizations where code = ${unit.organizationCode}`,
        ),
        'organization',
      );
      const el = await eligibilityOn(db, unit, body.joinedOn);
      let existing: { id: number; fullName: string } | null = null;
      let fresh: ReturnType<typeof readNewPerson> | null = null;
      if (body.personId !== undefined) {
        const seen = await findMemberships(
          db,
          sql`m.person_id = ${body.personId} and ${visibleMembershipSql(ctx.actor, 'person.read')}`,
        );
        const p = seen.length
          ? await one<{
              fullName: string;
              birthDate: string | null;
              birthYear: number | null;
              gender: string;
            }>(
              db,
              sql`select trim(family_name || ' ' || given_name) as "fullName", birth_date::text as "birthDate",
                birth_year as "birthYear", gender from persons where id = ${body.personId}`,
            )
          : undefined;
        if (!p) throw notFound(PERSON);
        assertEligible(el, p, { on: body.joinedOn, ...orgOf(unit.organizationCode, org) });
        existing = { id: body.personId, fullName: p.fullName };
      } else {
        fresh = readNewPerson(defined(body.person, 'person'), today());
        if (
          fresh.homeAreaId !== null &&
          !(await one(db, sql`select 1 from areas where id = ${fresh.homeAreaId}`))
        )
          throw invalid('Nơi ở (thôn / tổ dân phố) đã chọn không tồn tại; chọn lại.');
        assertEligible(
          el,
          { ...fresh, fullName: `${fresh.familyName} ${fresh.givenName}` },
          { on: body.joinedOn, ...orgOf(unit.organizationCode, org) },
        );
      }
      const who = existing?.fullName ?? `${fresh?.familyName} ${fresh?.givenName}`;
      return db.transaction(async (tx) => {
        const personId = existing
          ? existing.id
          : await insertPerson(tx, defined(fresh, 'person'), el?.veteran === true);
        if (existing) await tx.execute(sql`select id from persons where id = ${personId} for update`);
        // Already a live member of this organization (the person, or a record with the same CCCD)?
        const live = await findMembershipUnits(
          tx,
          sql`m.organization_code = ${unit.organizationCode} and m.status in ${LIVE} and (m.person_id = ${personId}
            ${fresh?.nationalId ? sql`or p.national_id = ${fresh.nationalId}` : sql``})`,
        );
        const first = live[0];
        if (first) {
          const same = first.personId === personId ? '' : ` (cùng số CCCD ${fresh?.nationalId})`;
          throw conflict(
            `${who}${same} đang là ${org.term} của ${place(first.unitName, first.communeName)}${first.status === 'transferring' ? ', đang chờ chuyển sinh hoạt' : ''}: không kết nạp lại được. Nếu người này chuyển đến chi của bạn, hãy đề nghị ${first.unitName} chuyển sinh hoạt sang.`,
            { unitId: first.unitId, unitName: first.unitName },
          );
        }
        const m = defined(
          await one<{ id: number }>(
            tx,
            sql`insert into memberships (person_id, organization_code, unit_id, status, joined_on)
              values (${personId}, ${unit.organizationCode}, ${unit.id}, 'active', ${body.joinedOn}) returning id`,
          ),
          'membership',
        );
        await insertEvent(tx, {
          membershipId: m.id,
          personId,
          organizationCode: unit.organizationCode,
          kind: 'admitted',
          onDate: body.joinedOn,
          decisionNo: nul(body.decisionNo),
          unitId: unit.id,
          actorUserId: ctx.actor.userId,
        });
        await writeAudit(tx, ctx, {
          action: 'member.admit',
          entityType: 'membership',
          entityId: m.id,
          after: {
            personId,
            newPerson: !existing,
            unitId: unit.id,
            joinedOn: body.joinedOn,
            decisionNo: nul(body.decisionNo),
          },
        });
        return { membershipId: m.id, personId };
      });
    },

    /** Branches of the same organization a member of `unitId` may be sent to, province-wide (names only). */
    async targets(ctx: RequestContext, unitId: number, q: { q?: string; limit: number }) {
      const unit = await unitFor(ctx, unitId, 'member.write');
      const words = unaccent(q.q ?? '')
        .split(/\s+/)
        .filter(Boolean)
        .slice(0, 6);
      return {
        items: await findTargets(db, {
          organizationCode: unit.organizationCode,
          excludeUnitId: unit.id,
          words,
          limit: q.limit,
        }),
      };
    },

    /** The sending (home) unit issues a transfer or a temporary stay. */
    async issue(ctx: RequestContext, membershipId: number, body: IssueTransferBody) {
      const m = await writableMembership(ctx, membershipId);
      const stay = body.kind === 'stay';
      const what = stay ? 'sinh hoạt tạm' : 'chuyển sinh hoạt';
      if (m.status !== 'active' && m.status !== 'transferring')
        throw invalid(
          `${m.fullName} ${STATUS_TEXT[m.status] ?? 'không còn sinh hoạt'} ở ${m.unitName}: không ${what} được.`,
        );
      const target = await findUnit(db, body.toUnitId);
      if (!target)
        throw invalid('Đơn vị nhận không tồn tại; chọn lại trong danh sách.', [{ field: 'body.toUnitId' }]);
      if (target.organizationCode !== m.organizationCode)
        throw invalid(`${target.name} thuộc tổ chức khác: chỉ ${what} sang một chi của cùng tổ chức.`, [
          { field: 'body.toUnitId' },
        ]);
      if (target.level !== 'branch')
        throw invalid(
          `${target.name} không phải một chi (cấp chi đoàn / chi hội): chọn chi cụ thể sẽ nhận ${m.fullName}.`,
          [{ field: 'body.toUnitId' }],
        );
      if (target.id === m.unitId)
        throw invalid(`${m.fullName} đang sinh hoạt ở chính ${target.name}: chọn một chi khác.`, [
          { field: 'body.toUnitId' },
        ]);
      if (!target.active)
        throw invalid(`${target.name} đã ngừng hoạt động hoặc đã hợp nhất: chọn chi khác.`, [
          { field: 'body.toUnitId' },
        ]);
      checkDay(body.on, stay ? 'Ngày bắt đầu sinh hoạt tạm' : 'Ngày chuyển sinh hoạt', {
        day: m.joinedOn,
        what: 'ngày vào',
      });
      return db.transaction(async (tx) => {
        const locked = defined(await findMembershipUnit(tx, m.id, true), 'membership');
        const open = (await findTransfers(tx, sql`t.membership_id = ${m.id} and ${OPEN('t')}`, 1))[0];
        if (open) {
          throw conflict(
            open.kind === 'stay' && open.status === 'accepted'
              ? `${m.fullName} đang sinh hoạt tạm tại ${place(open.toName, open.toCommune)}: kết thúc sinh hoạt tạm trước rồi mới ${what}.`
              : `${m.fullName} đã có đề nghị ${open.kind === 'stay' ? 'sinh hoạt tạm' : 'chuyển sinh hoạt'} sang ${place(open.toName, open.toCommune)} đang chờ trả lời: thu hồi đề nghị đó trước rồi mới ${what}.`,
            { transferId: open.id },
          );
        }
        if (locked.status !== 'active')
          throw conflict(`${m.fullName} không còn sinh hoạt ở ${m.unitName}; tải lại trang.`);
        const t = defined(
          await one<{ id: number }>(
            tx,
            sql`insert into transfers (kind, membership_id, person_id, organization_code, from_unit_id, to_unit_id,
                status, issued_on, decision_no, reason, until, issued_by)
              values (${body.kind}, ${m.id}, ${m.personId}, ${m.organizationCode}, ${m.unitId}, ${target.id}, 'pending',
                ${body.on}, ${nul(body.decisionNo)}, ${nul(body.reason)}, ${stay ? (body.until ?? null) : null},
                ${ctx.actor.userId})
              returning id`,
          ),
          'transfer',
        );
        if (!stay) {
          await tx.execute(sql`update memberships set status = 'transferring' where id = ${m.id}`);
          await insertEvent(tx, {
            membershipId: m.id,
            personId: m.personId,
            organizationCode: m.organizationCode,
            kind: 'transfer_issued',
            onDate: body.on,
            decisionNo: nul(body.decisionNo),
            reason: nul(body.reason),
            unitId: m.unitId,
            otherUnitId: target.id,
            transferId: t.id,
            actorUserId: ctx.actor.userId,
          });
        }
        await writeAudit(tx, ctx, {
          action: stay ? 'member.stay.issue' : 'member.transfer.issue',
          entityType: 'membership',
          entityId: m.id,
          after: {
            transferId: t.id,
            personId: m.personId,
            fromUnitId: m.unitId,
            toUnitId: target.id,
            on: body.on,
            until: stay ? body.until : undefined,
            decisionNo: nul(body.decisionNo),
            reason: nul(body.reason),
          },
        });
        return { id: t.id };
      });
    },

    /** The receiving (host) unit accepts: a transfer moves the membership; a stay begins. */
    async accept(ctx: RequestContext, id: number, body: DecisionBody) {
      const t = await visibleTransfer(ctx, id);
      if (!can(ctx.actor, 'member.write', toSubject(t)))
        throw forbidden(`Chỉ ${t.toName} (đơn vị nhận) mới tiếp nhận được đề nghị này.`);
      checkDay(body.on, 'Ngày tiếp nhận', { day: t.issuedOn, what: 'ngày đề nghị' });
      return db.transaction(async (tx) => {
        await lockPending(tx, t);
        await decide(tx, ctx, t, 'accepted', body);
        if (t.kind === 'transfer') {
          await tx.execute(
            sql`update memberships set unit_id = ${t.toUnitId}, status = 'active' where id = ${t.membershipId}`,
          );
          await insertEvent(
            tx,
            event(ctx, t, 'transfer_accepted', body.on, {
              unitId: t.toUnitId,
              otherUnitId: t.fromUnitId,
              decisionNo: t.decisionNo,
            }),
          );
        } else {
          await insertEvent(tx, event(ctx, t, 'stay_started', body.on, { decisionNo: t.decisionNo }));
        }
        await audit(tx, ctx, `member.${t.kind}.accept`, t, { on: body.on });
        return { id: t.id };
      });
    },

    /** The receiving (host) unit refuses, with its reason: a transfer's member is back home, active. */
    async refuse(ctx: RequestContext, id: number, body: DecisionBody) {
      const t = await visibleTransfer(ctx, id);
      if (!can(ctx.actor, 'member.write', toSubject(t)))
        throw forbidden(`Chỉ ${t.toName} (đơn vị nhận) mới từ chối được đề nghị này.`);
      checkDay(body.on, 'Ngày từ chối', { day: t.issuedOn, what: 'ngày đề nghị' });
      return db.transaction(async (tx) => {
        await lockPending(tx, t);
        await decide(tx, ctx, t, 'refused', body);
        if (t.kind === 'transfer') {
          await tx.execute(
            sql`update memberships set status = 'active' where id = ${t.membershipId} and status = 'transferring'`,
          );
          await insertEvent(tx, event(ctx, t, 'transfer_refused', body.on, { reason: body.reason }));
        }
        await audit(tx, ctx, `member.${t.kind}.refuse`, t, { on: body.on, reason: body.reason });
        return { id: t.id };
      });
    },

    /** The sending unit takes back a request not yet answered. */
    async recall(ctx: RequestContext, id: number, body: DecisionBody) {
      const t = await visibleTransfer(ctx, id);
      if (!can(ctx.actor, 'member.write', fromSubject(t)))
        throw forbidden(`Chỉ ${t.fromName} (đơn vị gửi) mới thu hồi được đề nghị này.`);
      checkDay(body.on, 'Ngày thu hồi', { day: t.issuedOn, what: 'ngày đề nghị' });
      return db.transaction(async (tx) => {
        await lockPending(tx, t);
        await decide(tx, ctx, t, 'recalled', body);
        if (t.kind === 'transfer') {
          await tx.execute(
            sql`update memberships set status = 'active' where id = ${t.membershipId} and status = 'transferring'`,
          );
          await insertEvent(tx, event(ctx, t, 'transfer_recalled', body.on, { reason: nul(body.reason) }));
        }
        await audit(tx, ctx, `member.${t.kind}.recall`, t, { on: body.on, reason: nul(body.reason) });
        return { id: t.id };
      });
    },

    /** Either side ends a stay under way. */
    async endStay(ctx: RequestContext, id: number, body: DecisionBody) {
      const t = await visibleTransfer(ctx, id);
      if (!can(ctx.actor, 'member.write', toSubject(t)) && !can(ctx.actor, 'member.write', fromSubject(t)))
        throw forbidden();
      if (t.kind !== 'stay')
        throw invalid('Đây là đề nghị chuyển sinh hoạt, không phải sinh hoạt tạm: không có gì để kết thúc.');
      checkDay(body.on, 'Ngày kết thúc sinh hoạt tạm', {
        day: t.decidedOn ?? t.issuedOn,
        what: 'ngày bắt đầu',
      });
      return db.transaction(async (tx) => {
        const now = await lockTransfer(tx, t.id);
        if (now?.status !== 'accepted')
          throw conflict(
            now?.status === 'pending'
              ? 'Sinh hoạt tạm chưa được chi nơi đến tiếp nhận: đơn vị gửi hãy thu hồi đề nghị thay vì kết thúc.'
              : `Sinh hoạt tạm này ${TRANSFER_STATUS_TEXT[now?.status ?? ''] ?? 'không còn'}; tải lại trang.`,
          );
        await decide(tx, ctx, t, 'ended', body);
        await insertEvent(tx, event(ctx, t, 'stay_ended', body.on, { reason: nul(body.reason) }));
        await audit(tx, ctx, 'member.stay.end', t, { on: body.on, reason: nul(body.reason) });
        return { id: t.id };
      });
    },

    /** Ra khỏi tổ chức / khai trừ, xoá tên: the membership ends; open transfers and stays close with it. */
    async end(ctx: RequestContext, membershipId: number, body: EndMembershipBody) {
      const m = await writableMembership(ctx, membershipId);
      if (m.status !== 'active' && m.status !== 'transferring')
        throw invalid(`${m.fullName} ${STATUS_TEXT[m.status] ?? 'không còn sinh hoạt'} ở ${m.unitName}.`);
      checkDay(body.on, body.kind === 'left' ? 'Ngày ra khỏi tổ chức' : 'Ngày khai trừ / xoá tên', {
        day: m.joinedOn,
        what: 'ngày vào',
      });
      return db.transaction(async (tx) => {
        const ended = await closeMemberships(tx, {
          membershipIds: [m.id],
          kind: body.kind,
          on: body.on,
          decisionNo: nul(body.decisionNo),
          reason: nul(body.reason),
          transferNote: body.kind === 'left' ? 'Ra khỏi tổ chức' : 'Khai trừ / xoá tên',
          actorUserId: ctx.actor.userId,
        });
        if (!ended.length)
          throw conflict(`${m.fullName} không còn sinh hoạt ở ${m.unitName}; tải lại trang.`);
        await writeAudit(tx, ctx, {
          action: body.kind === 'left' ? 'member.leave' : 'member.remove',
          entityType: 'membership',
          entityId: m.id,
          before: { status: m.status },
          after: {
            status: body.kind,
            personId: m.personId,
            unitId: m.unitId,
            on: body.on,
            decisionNo: nul(body.decisionNo),
            reason: nul(body.reason),
          },
        });
        return { id: m.id };
      });
    },

    /** Từ trần: every live membership of the person ends, in every organization. */
    async death(ctx: RequestContext, personId: number, body: DeathBody) {
      assertCan(ctx.actor, 'member.write');
      const visible = await findMemberships(
        db,
        sql`m.person_id = ${personId} and ${unitScopeSql(ctx.actor, 'person.read', 'u')}`,
      );
      if (!visible.length) throw notFound(PERSON);
      const writable = visible.some(
        (m) =>
          (m.status === 'active' || m.status === 'transferring') &&
          can(ctx.actor, 'member.write', subjectOf({ ...m, path: m.unitPath })),
      );
      if (!writable) throw forbidden('Bạn không quản lý sinh hoạt nào còn hiệu lực của người này.');
      const live = await findMembershipUnits(db, sql`m.person_id = ${personId} and m.status in ${LIVE}`);
      const latest =
        live
          .map((m) => m.joinedOn ?? '')
          .sort()
          .pop() || null;
      checkDay(body.on, 'Ngày từ trần', { day: latest, what: 'ngày vào tổ chức gần nhất' });
      return db.transaction(async (tx) => {
        const locked = await findMembershipUnits(
          tx,
          sql`m.person_id = ${personId} and m.status in ${LIVE}`,
          true,
        );
        if (!locked.length) throw conflict('Người này không còn sinh hoạt ở tổ chức nào; tải lại trang.');
        const ended = await closeMemberships(tx, {
          membershipIds: locked.map((m) => m.id),
          kind: 'deceased',
          on: body.on,
          decisionNo: nul(body.decisionNo),
          reason: nul(body.reason),
          transferNote: 'Từ trần',
          actorUserId: ctx.actor.userId,
        });
        await writeAudit(tx, ctx, {
          action: 'member.death',
          entityType: 'person',
          entityId: personId,
          after: {
            on: body.on,
            decisionNo: nul(body.decisionNo),
            reason: nul(body.reason),
            memberships: locked
              .filter((m) => ended.includes(m.id))
              .map((m) => ({ id: m.id, organizationCode: m.organizationCode, unitId: m.unitId })),
          },
        });
        return { id: personId };
      });
    },

    /** A unit's incoming, outgoing or hosted transfers and stays (the unit and the units below it). */
    async list(ctx: RequestContext, unitId: number, q: UnitTransfersQuery): Promise<TransferList> {
      const unit = await unitFor(ctx, unitId, 'person.read');
      const under = (alias: 'fu' | 'tu') => sql`${sql.raw(alias)}.path <@ ${unit.path}::ltree`;
      const scope = sql`(${unitScopeSql(ctx.actor, 'person.read', 'fu')} or ${unitScopeSql(ctx.actor, 'person.read', 'tu')})`;
      const box = {
        incoming: (open: boolean) => sql`${under('tu')} ${open ? sql`and t.status = 'pending'` : sql``}`,
        outgoing: (open: boolean) => sql`${under('fu')} ${open ? sql`and ${OPEN('t')}` : sql``}`,
        stays: (open: boolean) =>
          sql`t.kind = 'stay' and ${under('tu')} ${open ? sql`and t.status = 'accepted'` : sql`and t.status in ('accepted', 'ended')`}`,
      };
      const [items, incoming, outgoing, stays] = await Promise.all([
        findTransfers(db, sql`${box[q.box](q.state === 'open')} and ${scope}`),
        countTransfers(db, sql`${box.incoming(true)} and ${scope}`),
        countTransfers(db, sql`${box.outgoing(true)} and ${scope}`),
        countTransfers(db, sql`${box.stays(true)} and ${scope}`),
      ]);
      return { items: items.map((t) => present(ctx, t)), counts: { incoming, outgoing, stays } };
    },

    /** A person's memberships the actor may see, each with its dated events; their transfers; what may be done. */
    async personLifecycle(ctx: RequestContext, personId: number): Promise<PersonLifecycle> {
      assertCan(ctx.actor, 'person.read');
      const ms = await findMemberships(
        db,
        sql`m.person_id = ${personId} and ${visibleMembershipSql(ctx.actor, 'person.read')}`,
      );
      if (!ms.length) throw notFound(PERSON);
      const ids = ms.map((m) => m.id);
      const [events, transfers] = await Promise.all([
        eventsOf(db, ids),
        findTransfers(
          db,
          sql`t.membership_id in (${sql.join(
            ids.map((i) => sql`${i}`),
            sql`, `,
          )})`,
        ),
      ]);
      const openFor = new Set(
        transfers
          .filter((t) => t.status === 'pending' || (t.kind === 'stay' && t.status === 'accepted'))
          .map((t) => t.membershipId),
      );
      let death = false;
      return {
        memberships: ms.map((m) => {
          const write = can(ctx.actor, 'member.write', subjectOf({ ...m, path: m.unitPath }));
          const live = m.status === 'active' || m.status === 'transferring';
          if (write && live) death = true;
          const free = write && m.status === 'active' && !openFor.has(m.id);
          return {
            id: m.id,
            organizationCode: m.organizationCode,
            organizationName: m.organizationName,
            unitId: m.unitId,
            unitName: m.unitName,
            status: m.status,
            joinedOn: m.joinedOn,
            leftOn: m.leftOn,
            events: events.filter((e) => e.membershipId === m.id).map(({ membershipId: _m, ...e }) => e),
            abilities: { transfer: free, stay: free, end: write && live },
          };
        }),
        transfers: transfers.map((t) => present(ctx, t)),
        abilities: { death },
      };
    },

    /** Đoàn members below a grassroots unit who are 30 or older on `on`, proposed for trưởng thành Đoàn. */
    async ageOutList(ctx: RequestContext, unitId: number, on?: string): Promise<AgeOutList> {
      const unit = await ageOutUnit(ctx, unitId);
      const day = on ?? today();
      const scope = unitScopeSql(ctx.actor, 'member.write', 'u');
      const [items, unknownBirth] = await Promise.all([
        ageOutCandidates(db, { unitPath: unit.path, on: day, scope }),
        countUnknownBirth(db, unit.path, scope),
      ]);
      return {
        unit: { id: unit.id, name: unit.name },
        on: day,
        items: items.map((c) => ({
          ...c,
          age: ageOn({ date: c.birthDate, year: c.birthYear }, day) ?? 0,
        })),
        unknownBirth,
      };
    },

    /** Confirms the ticked members' age-out in one batch: one transaction, one audit row, an event each. */
    async ageOutConfirm(ctx: RequestContext, unitId: number, body: AgeOutBody) {
      const unit = await ageOutUnit(ctx, unitId);
      checkDay(body.on, 'Ngày trưởng thành Đoàn');
      const ids = [...new Set(body.membershipIds)];
      return db.transaction(async (tx) => {
        const found = await ageOutCandidates(tx, {
          unitPath: unit.path,
          on: body.on,
          scope: unitScopeSql(ctx.actor, 'member.write', 'u'),
          only: ids,
          lock: true,
        });
        if (found.length !== ids.length) {
          throw invalid(
            `${ids.length - found.length} người đã chọn không còn trong danh sách đề nghị trưởng thành Đoàn của ${unit.name} (đã kết thúc sinh hoạt, chưa đủ 30 tuổi vào ngày ${vnDate(body.on)}, hoặc không thuộc đơn vị này). Tải lại danh sách rồi chọn lại.`,
          );
        }
        const ended = await closeMemberships(tx, {
          membershipIds: ids,
          kind: 'aged_out',
          on: body.on,
          decisionNo: nul(body.decisionNo),
          reason: null,
          transferNote: 'Trưởng thành Đoàn',
          actorUserId: ctx.actor.userId,
        });
        await writeAudit(tx, ctx, {
          action: 'member.age_out',
          entityType: 'unit',
          entityId: unit.id,
          after: {
            on: body.on,
            decisionNo: nul(body.decisionNo),
            members: found.map((c) => ({
              membershipId: c.membershipId,
              personId: c.personId,
              fullName: c.fullName,
              unitId: c.unitId,
            })),
          },
        });
        return { count: ended.length };
      });
    },
  };

  /** The grassroots Đoàn unit an age-out is run for. */
  async function ageOutUnit(ctx: RequestContext, unitId: number): Promise<UnitRow> {
    const unit = await unitFor(ctx, unitId, 'member.write');
    if (unit.organizationCode !== 'DOAN')
      throw invalid('Trưởng thành Đoàn chỉ áp dụng cho Đoàn Thanh niên: hãy mở Đoàn xã / phường của bạn.');
    if (unit.level !== 'grassroots')
      throw invalid(
        `${unit.name} không phải Đoàn cấp cơ sở (xã, phường): danh sách trưởng thành Đoàn do Đoàn xã / phường lập và xác nhận cho các chi đoàn bên dưới.`,
      );
    return unit;
  }
}

async function insertPerson(tx: DbOrTx, p: NewPersonRow, veteran: boolean): Promise<number> {
  const row = await one<{ id: number }>(
    tx,
    sql`insert into persons (family_name, given_name, search_text, sort_key, birth_date, birth_year, gender,
      ethnicity, religion, phone, national_id, occupation, education, veteran, home_area_id)
    values (${p.familyName}, ${p.givenName}, ${p.searchText}, ${p.sortKey}, ${p.birthDate}, ${p.birthYear},
      ${p.gender}, ${p.ethnicity}, ${p.religion}, ${p.phone}, ${p.nationalId}, ${p.occupation}, ${p.education},
      ${veteran}, ${p.homeAreaId})
    returning id`,
  );
  return defined(row, 'person').id;
}

function orgOf(code: string, org: { name: string; term: string }) {
  return { organizationCode: code, organizationName: org.name, memberWord: org.term };
}

export type LifecycleService = ReturnType<typeof makeLifecycleService>;
