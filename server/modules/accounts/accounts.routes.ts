import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AccountIdParam,
  AccountView,
  CreateAccountBody,
  CreateGrantBody,
  GrantIdParam,
  MeResponse,
  ResetPasswordBody,
  UpdateAccountBody,
} from '../../../contracts/accounts';
import { ctxOf } from '../../lib/context';
import type { AccountsService } from './accounts.service';

const Ok = z.object({ ok: z.boolean() });

export function accountsRoutes(svc: AccountsService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['accounts'];
    const manage = { policy: 'account.manage' as const };
    r.get(
      '/api/me',
      { config: { policy: 'signed-in' }, schema: { tags, response: { 200: MeResponse } } },
      (req) => svc.me(ctxOf(req)),
    );
    r.get(
      '/api/accounts',
      {
        config: manage,
        schema: {
          tags,
          querystring: z.object({ q: z.string().max(100).optional() }),
          response: { 200: z.object({ items: z.array(AccountView) }) },
        },
      },
      async (req) => ({
        items: await svc.list(ctxOf(req), req.query.q),
      }),
    );
    r.post(
      '/api/accounts',
      { config: manage, schema: { tags, body: CreateAccountBody, response: { 201: AccountView } } },
      async (req, reply) => reply.status(201).send(await svc.create(ctxOf(req), req.body)),
    );
    r.patch(
      '/api/accounts/:id',
      {
        config: manage,
        schema: { tags, params: AccountIdParam, body: UpdateAccountBody, response: { 200: AccountView } },
      },
      (req) => svc.update(ctxOf(req), req.params.id, req.body),
    );
    r.post(
      '/api/accounts/:id/reset-password',
      {
        config: manage,
        schema: { tags, params: AccountIdParam, body: ResetPasswordBody, response: { 200: Ok } },
      },
      (req) => svc.resetPassword(ctxOf(req), req.params.id, req.body),
    );
    r.post(
      '/api/accounts/:id/grants',
      {
        config: manage,
        schema: {
          tags,
          params: AccountIdParam,
          body: CreateGrantBody,
          response: { 201: z.object({ id: z.number() }) },
        },
      },
      async (req, reply) => reply.status(201).send(await svc.addGrant(ctxOf(req), req.params.id, req.body)),
    );
    r.delete(
      '/api/grants/:id',
      { config: manage, schema: { tags, params: GrantIdParam, response: { 200: Ok } } },
      (req) => svc.revokeGrant(ctxOf(req), req.params.id),
    );
  };
}
