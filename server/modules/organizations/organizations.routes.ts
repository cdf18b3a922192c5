import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateRuleBody,
  Organization,
  OrganizationRule,
  OrgCodeParam,
} from '../../../contracts/organizations';
import { ctxOf } from '../../lib/context';
import type { OrganizationsService } from './organizations.service';

export function organizationsRoutes(svc: OrganizationsService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['organizations'];
    r.get(
      '/api/organizations',
      { config: { policy: 'rules.read' }, schema: { tags, response: { 200: z.array(Organization) } } },
      (req) => svc.list(ctxOf(req)),
    );
    r.get(
      '/api/organizations/:code/rules',
      {
        config: { policy: 'rules.read' },
        schema: { tags, params: OrgCodeParam, response: { 200: z.array(OrganizationRule) } },
      },
      (req) => svc.rules(ctxOf(req), req.params.code),
    );
    r.post(
      '/api/organizations/:code/rules',
      {
        config: { policy: 'rules.manage' },
        schema: { tags, params: OrgCodeParam, body: CreateRuleBody, response: { 201: OrganizationRule } },
      },
      async (req, reply) =>
        reply.status(201).send(await svc.createRule(ctxOf(req), req.params.code, req.body)),
    );
  };
}
