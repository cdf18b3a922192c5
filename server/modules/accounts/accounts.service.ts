import { randomUUID } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  CreateAccountBody,
  CreateGrantBody,
  ResetPasswordBody,
  UpdateAccountBody,
} from '../../../contracts/accounts';
import type { Auth } from '../../auth/auth';
import type { Lockout } from '../../auth/lockout';
import type { Db, DbOrTx } from '../../db/client';
import { one } from '../../db/query';
import { account, roleGrants, session, user } from '../../db/schema';
import { type RequestContext, writeAudit } from '../../lib/audit';
import { conflict, defined, invalid, notFound } from '../../lib/errors';
import { assertCan, can } from '../../policy/policy';
import { findAccounts, grantsOf } from './accounts.repo';

const ACCOUNT = 'Tài khoản';

/** Creates a user with a password credential, inside the caller's transaction. */
export async function insertAccount(
  tx: DbOrTx,
  input: { username: string; name: string; passwordHash: string; personId?: number | null },
): Promise<string> {
  const id = randomUUID();
  const hash = input.passwordHash;
  await tx.insert(user).values({
    id,
    name: input.name,
    email: `${input.username}@doanhoi.invalid`,
    username: input.username,
    displayUsername: input.username,
    personId: input.personId ?? null,
  });
  await tx
    .insert(account)
    .values({ id: randomUUID(), accountId: id, providerId: 'credential', userId: id, password: hash });
  return id;
}

export function makeAccountsService({ db, auth, lockout }: { db: Db; auth: Auth; lockout: Lockout }) {
  async function view(id: string) {
    const [row] = await findAccounts(db, undefined, id);
    if (!row) throw notFound(ACCOUNT);
    const grants = (await grantsOf(db, [id])).get(id) ?? [];
    return { ...row, lockedUntil: row.lockedUntil ? new Date(row.lockedUntil).toISOString() : null, grants };
  }

  return {
    async me(ctx: RequestContext) {
      const [u] = await db.select().from(user).where(eq(user.id, ctx.actor.userId));
      const grants = (await grantsOf(db, [ctx.actor.userId])).get(ctx.actor.userId) ?? [];
      return {
        user: { id: ctx.actor.userId, name: u?.name ?? ctx.actor.name, username: u?.username ?? '' },
        grants,
        abilities: {
          manageAccounts: can(ctx.actor, 'account.manage'),
          manageRules: can(ctx.actor, 'rules.manage'),
          readAudit: can(ctx.actor, 'audit.read'),
          manageUnits: can(ctx.actor, 'unit.write'),
        },
      };
    },

    async list(ctx: RequestContext, q?: string) {
      assertCan(ctx.actor, 'account.manage');
      const list = await findAccounts(db, q);
      const grants = await grantsOf(
        db,
        list.map((a) => a.id),
      );
      return list.map((a) => ({
        ...a,
        lockedUntil: a.lockedUntil ? new Date(a.lockedUntil).toISOString() : null,
        grants: grants.get(a.id) ?? [],
      }));
    },

    async create(ctx: RequestContext, body: z.infer<typeof CreateAccountBody>) {
      assertCan(ctx.actor, 'account.manage');
      const taken = await one(db, sql`select 1 from "user" where username = ${body.username}`);
      if (taken) throw conflict(`Tên đăng nhập "${body.username}" đã được dùng. Hãy chọn tên khác.`);
      const passwordHash = await (await auth.$context).password.hash(body.password);
      const id = await db.transaction(async (tx) => {
        const newId = await insertAccount(tx, { username: body.username, name: body.name, passwordHash });
        await writeAudit(tx, ctx, {
          action: 'account.create',
          entityType: 'account',
          entityId: newId,
          after: { username: body.username, name: body.name },
        });
        return newId;
      });
      return view(id);
    },

    async update(ctx: RequestContext, id: string, body: z.infer<typeof UpdateAccountBody>) {
      assertCan(ctx.actor, 'account.manage');
      const before = await view(id);
      if (body.disabled && id === ctx.actor.userId)
        throw invalid('Bạn không thể tự khoá tài khoản của mình.');
      await db.transaction(async (tx) => {
        await tx
          .update(user)
          .set({
            name: body.name ?? before.name,
            disabled: body.disabled ?? before.disabled,
            updatedAt: new Date(),
          })
          .where(eq(user.id, id));
        // Disabling ends every session at once.
        if (body.disabled) await tx.delete(session).where(eq(session.userId, id));
        await writeAudit(tx, ctx, {
          action: 'account.update',
          entityType: 'account',
          entityId: id,
          before: { name: before.name, disabled: before.disabled },
          after: body,
        });
      });
      return view(id);
    },

    async resetPassword(ctx: RequestContext, id: string, body: z.infer<typeof ResetPasswordBody>) {
      assertCan(ctx.actor, 'account.manage');
      const target = await view(id);
      const hash = await (await auth.$context).password.hash(body.newPassword);
      await db.transaction(async (tx) => {
        const updated = await tx
          .update(account)
          .set({ password: hash, updatedAt: new Date() })
          .where(and(eq(account.userId, id), eq(account.providerId, 'credential')))
          .returning({ id: account.id });
        if (updated.length === 0) {
          await tx.insert(account).values({
            id: randomUUID(),
            accountId: id,
            providerId: 'credential',
            userId: id,
            password: hash,
          });
        }
        await tx.delete(session).where(eq(session.userId, id));
        await writeAudit(tx, ctx, {
          action: 'account.reset_password',
          entityType: 'account',
          entityId: id,
          after: { username: target.username },
        });
      });
      await lockout.clear(target.username);
      return { ok: true };
    },

    async addGrant(ctx: RequestContext, userId: string, body: z.infer<typeof CreateGrantBody>) {
      assertCan(ctx.actor, 'account.manage');
      await view(userId);
      if (body.unitId && !(await one(db, sql`select 1 from units where id = ${body.unitId} and active`))) {
        throw invalid('Đơn vị được chọn không tồn tại hoặc đã ngừng hoạt động.', [{ field: 'unitId' }]);
      }
      if (body.areaId && !(await one(db, sql`select 1 from areas where id = ${body.areaId} and active`))) {
        throw invalid('Địa bàn được chọn không tồn tại hoặc đã ngừng hiệu lực.', [{ field: 'areaId' }]);
      }
      if (
        body.organizationCode &&
        !(await one(db, sql`select 1 from organizations where code = ${body.organizationCode}`))
      ) {
        throw invalid('Tổ chức không tồn tại.', [{ field: 'organizationCode' }]);
      }
      return db.transaction(async (tx) => {
        const [g] = await tx
          .insert(roleGrants)
          .values({
            userId,
            role: body.role,
            unitId: body.unitId ?? null,
            areaId: body.areaId ?? null,
            organizationCode: body.organizationCode ?? null,
            grantedBy: ctx.actor.userId,
          })
          .returning({ id: roleGrants.id });
        await writeAudit(tx, ctx, {
          action: 'grant.create',
          entityType: 'account',
          entityId: userId,
          after: { grantId: defined(g, 'grant').id, ...body },
        });
        return { id: defined(g, 'grant').id };
      });
    },

    async revokeGrant(ctx: RequestContext, grantId: number) {
      assertCan(ctx.actor, 'account.manage');
      const [g] = await db
        .select()
        .from(roleGrants)
        .where(and(eq(roleGrants.id, grantId), isNull(roleGrants.revokedAt)));
      if (!g) throw notFound('Quyền');
      await db.transaction(async (tx) => {
        await tx.update(roleGrants).set({ revokedAt: new Date() }).where(eq(roleGrants.id, grantId));
        await writeAudit(tx, ctx, {
          action: 'grant.revoke',
          entityType: 'account',
          entityId: g.userId,
          before: {
            grantId,
            role: g.role,
            unitId: g.unitId,
            areaId: g.areaId,
            organizationCode: g.organizationCode,
          },
        });
      });
      return { ok: true };
    },
  };
}
export type AccountsService = ReturnType<typeof makeAccountsService>;
