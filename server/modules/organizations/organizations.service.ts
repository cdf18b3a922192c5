import type { CreateRuleBody, Organization, OrganizationRule } from '../../../contracts/organizations';
import type { Db } from '../../db/client';
import { type RequestContext, writeAudit } from '../../lib/audit';
import { invalid, notFound } from '../../lib/errors';
import { assertCan } from '../../policy/policy';
import {
  closeRule,
  findOrganization,
  insertRule,
  latestRule,
  listOrganizations,
  listRules,
} from './organizations.repo';

const ORG = 'Tổ chức';
const viDate = (iso: string) => iso.split('-').reverse().join('/');

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
     * Adds a new version of a rule. The open version of the same (organization, kind, unit kind) ends the day
     * the new one starts, in the same transaction; a new version must start after every existing one.
     */
    async createRule(ctx: RequestContext, code: string, body: CreateRuleBody): Promise<OrganizationRule> {
      assertCan(ctx.actor, 'rules.manage');
      const unitKind = body.unitKind ?? null;
      return db.transaction(async (tx) => {
        if (!(await findOrganization(tx, code, true))) throw notFound(ORG);
        const prev = await latestRule(tx, code, body.kind, unitKind);
        if (prev && body.effectiveFrom <= prev.effectiveFrom) {
          throw invalid(
            `Ngày hiệu lực phải sau ngày bắt đầu của phiên bản hiện hành (${viDate(prev.effectiveFrom)}).`,
            [{ field: 'body.effectiveFrom' }],
          );
        }
        if (prev?.effectiveTo && body.effectiveFrom < prev.effectiveTo) {
          throw invalid(
            `Ngày hiệu lực không được trước ngày kết thúc của phiên bản trước (${viDate(prev.effectiveTo)}).`,
            [{ field: 'body.effectiveFrom' }],
          );
        }
        const closing = prev && prev.effectiveTo === null ? prev : undefined;
        if (closing) await closeRule(tx, closing.id, body.effectiveFrom);
        const created = await insertRule(tx, {
          code,
          kind: body.kind,
          unitKind,
          value: body.value,
          effectiveFrom: body.effectiveFrom,
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
