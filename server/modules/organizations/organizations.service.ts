import type { CreateRuleBody, Organization, OrganizationRule } from '../../../contracts/organizations';
import type { Db, DbOrTx } from '../../db/client';
import { type RequestContext, writeAudit } from '../../lib/audit';
import { invalid, notFound } from '../../lib/errors';
import { vnDate } from '../../lib/vn-time';
import { assertCan } from '../../policy/policy';
import { findUnit } from '../units/units.repo';
import {
  closeRule,
  findOrganization,
  insertRule,
  latestRule,
  listOrganizations,
  listRules,
} from './organizations.repo';

const ORG = 'Tổ chức';
const UNIT_FIELD = [{ field: 'body.unitId' }];

/** A rule for one unit needs an active unit of the same organization; a rhythm, one that holds meetings. */
async function checkRuleUnit(tx: DbOrTx, code: string, kind: string, unitId: number) {
  const u = await findUnit(tx, unitId);
  if (!u) throw invalid(`Không tìm thấy đơn vị có mã ${unitId}. Hãy tìm và chọn lại đơn vị.`, UNIT_FIELD);
  if (u.organizationCode !== code) {
    throw invalid(
      `Đơn vị “${u.name}” thuộc tổ chức ${u.organizationCode}, không thuộc ${code}: không thể đặt quy định của ${code} cho đơn vị này.`,
      UNIT_FIELD,
    );
  }
  if (!u.active) throw invalid(`Đơn vị “${u.name}” đã ngừng hoạt động hoặc đã hợp nhất.`, UNIT_FIELD);
  if (kind === 'meeting_rhythm' && u.level !== 'branch' && u.level !== 'group') {
    throw invalid(
      `Chế độ sinh hoạt riêng chỉ đặt cho chi đoàn/chi hội hoặc tổ; “${u.name}” là đơn vị cấp trên. Hãy chọn chi cụ thể hoặc đặt theo loại đơn vị.`,
      UNIT_FIELD,
    );
  }
}

export function makeOrganizationsService({ db }: { db: Db }) {
  return {
    async list(ctx: RequestContext): Promise<Organization[]> {
      assertCan(ctx.actor, 'rules.read');
      return listOrganizations(db);
    },

    async rules(ctx: RequestContext, code: string): Promise<OrganizationRule[]> {
      assertCan(ctx.actor, 'rules.read');
      if (!(await findOrganization(db, code))) throw notFound(ORG);
      return listRules(db, code);
    },

    /**
     * Adds a new version of a rule for the whole organization, one unit kind or one special unit. The open
     * version of the same (organization, kind, target) ends the day the new one starts, in the same
     * transaction; a new version must start after every existing one, so versions never overlap.
     */
    async createRule(ctx: RequestContext, code: string, body: CreateRuleBody): Promise<OrganizationRule> {
      assertCan(ctx.actor, 'rules.manage');
      const target = { unitKind: body.unitKind ?? null, unitId: body.unitId ?? null };
      return db.transaction(async (tx) => {
        if (!(await findOrganization(tx, code, true))) throw notFound(ORG);
        if (target.unitId !== null) await checkRuleUnit(tx, code, body.kind, target.unitId);
        const prev = await latestRule(tx, code, body.kind, target);
        if (prev && body.effectiveFrom <= prev.effectiveFrom) {
          throw invalid(
            `Ngày hiệu lực phải sau ngày bắt đầu của phiên bản hiện hành (${vnDate(prev.effectiveFrom)}).`,
            [{ field: 'body.effectiveFrom' }],
          );
        }
        if (prev?.effectiveTo && body.effectiveFrom < prev.effectiveTo) {
          throw invalid(
            `Ngày hiệu lực không được trước ngày kết thúc của phiên bản trước (${vnDate(prev.effectiveTo)}).`,
            [{ field: 'body.effectiveFrom' }],
          );
        }
        const closing = prev && prev.effectiveTo === null ? prev : undefined;
        if (closing) await closeRule(tx, closing.id, body.effectiveFrom);
        const created = await insertRule(tx, {
          code,
          kind: body.kind,
          ...target,
          value: body.value,
          effectiveFrom: body.effectiveFrom,
          effectiveTo: body.effectiveTo ?? null,
          source: body.source || null,
        });
        await writeAudit(tx, ctx, {
          action: 'organization_rule.create',
          entityType: 'organization_rule',
          entityId: created.id,
          before: closing ? { closedRule: { id: closing.id, effectiveTo: null } } : null,
          after: {
            organizationCode: code,
            ...created,
            closedRule: closing ? { id: closing.id, effectiveTo: body.effectiveFrom } : null,
          },
        });
        return created;
      });
    },
  };
}
export type OrganizationsService = ReturnType<typeof makeOrganizationsService>;
