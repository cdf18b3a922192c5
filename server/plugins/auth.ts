import { eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { loadActor } from '../auth/actor';
import type { Auth } from '../auth/auth';
import type { Lockout } from '../auth/lockout';
import type { Db } from '../db/client';
import { session, user } from '../db/schema';
import { AppError } from '../lib/errors';
import type { Actor } from '../policy/policy';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const SIGN_IN_PATH = '/api/auth/sign-in/username';
/** The better-auth endpoints the app uses; every other /api/auth path answers 404. */
const AUTH_PATHS = new Set([
  SIGN_IN_PATH,
  '/api/auth/sign-out',
  '/api/auth/get-session',
  '/api/auth/change-password',
]);
export const CSRF_HEADER = 'x-requested-with';
export const CSRF_VALUE = 'DoanHoi';

function toHeaders(request: FastifyRequest): Headers {
  const headers = new Headers();
  for (const [k, v] of Object.entries(request.headers)) {
    if (v === undefined || k === 'x-doanhoi-client-ip') continue;
    headers.set(k, Array.isArray(v) ? v.join(', ') : String(v));
  }
  // The socket address, never a client-supplied header, keys better-auth's rate limit.
  headers.set('x-doanhoi-client-ip', request.ip);
  return headers;
}

/** Lockout message with the time the account opens again (Vietnam time). */
const lockedMessage = (until: Date) =>
  `Tài khoản tạm khoá do đăng nhập sai nhiều lần. Hãy thử lại sau ${until.toLocaleTimeString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit' })} hoặc nhờ quản trị viên đặt lại mật khẩu.`;

async function forward(auth: Auth, request: FastifyRequest, reply: FastifyReply) {
  const url = new URL(request.url, `http://${request.headers.host ?? 'localhost'}`);
  const body =
    request.body === undefined || request.method === 'GET' ? undefined : JSON.stringify(request.body);
  const headers = toHeaders(request);
  if (body !== undefined) headers.set('content-type', 'application/json');
  const res = await auth.handler(new Request(url, { method: request.method, headers, body }));
  reply.status(res.status);
  res.headers.forEach((value, key) => {
    if (key !== 'set-cookie' && key !== 'content-length') reply.header(key, value);
  });
  const cookies = res.headers.getSetCookie();
  if (cookies.length) reply.header('set-cookie', cookies);
  const text = await res.text();
  return { status: res.status, text };
}

/**
 * Mounts better-auth under /api/auth (with per-account lockout on sign-in), enforces the CSRF header on
 * unsafe methods, and resolves request.actor from the session cookie for every /api request.
 */
export function registerAuth(app: FastifyInstance, deps: { auth: Auth; db: Db; lockout: Lockout }) {
  const { auth, db, lockout } = deps;
  app.decorateRequest('actor', null);

  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    if (UNSAFE.has(request.method) && request.headers[CSRF_HEADER] !== CSRF_VALUE) {
      throw new AppError(
        'CSRF',
        'Yêu cầu bị từ chối vì thiếu dấu hiệu chống giả mạo (CSRF). Hãy tải lại trang.',
      );
    }
    if (request.url.startsWith('/api/auth/')) return;
    const session = await auth.api.getSession({ headers: toHeaders(request) });
    if (session) request.actor = await loadActor(db, session.user.id);
  });

  app.route({
    method: ['GET', 'POST'],
    url: '/api/auth/*',
    config: { policy: 'public' },
    schema: { hide: true },
    handler: async (request, reply) => {
      // Compare the raw path with the normalised one: "/api/auth/./sign-in/…" must not slip past the checks.
      const rawPath = request.url.split('?')[0] ?? '';
      const path = new URL(request.url, 'http://localhost').pathname;
      if (rawPath !== path || !AUTH_PATHS.has(path)) {
        throw new AppError('NOT_FOUND', 'Không tìm thấy địa chỉ yêu cầu.');
      }
      if (path !== SIGN_IN_PATH) {
        const { text } = await forward(auth, request, reply);
        return reply.send(text || null);
      }
      return signIn(request, reply);
    },
  });

  async function signIn(request: FastifyRequest, reply: FastifyReply) {
    const uname = String((request.body as { username?: unknown } | undefined)?.username ?? '')
      .trim()
      .toLowerCase();
    if (uname) {
      const until = await lockout.lockedUntil(uname);
      if (until) throw new AppError('ACCOUNT_LOCKED', lockedMessage(until));
    }
    const { status, text } = await forward(auth, request, reply);
    if (!uname) return reply.send(text || null);
    const [u] = await db
      .select({ id: user.id, disabled: user.disabled })
      .from(user)
      .where(eq(user.username, uname));
    if (status === 200) {
      // Disabled accounts are told so only after the right password, and get no session.
      if (!u || u.disabled) {
        if (u) await db.delete(session).where(eq(session.userId, u.id));
        reply.removeHeader('set-cookie');
        throw new AppError('ACCOUNT_DISABLED', 'Tài khoản đã bị khoá. Hãy liên hệ quản trị viên.');
      }
      await lockout.clear(uname);
      // The session lives in the HttpOnly cookie only; scripts never see its token.
      const body = JSON.parse(text) as Record<string, unknown>;
      delete body.token;
      return reply.send(body);
    }
    if (status === 401) {
      if (u) {
        await lockout.recordFailure(uname);
        const until = await lockout.lockedUntil(uname);
        if (until) {
          reply.removeHeader('set-cookie');
          throw new AppError('ACCOUNT_LOCKED', lockedMessage(until));
        }
      }
      return reply.send({
        error: {
          code: 'UNAUTHENTICATED',
          message: 'Tên đăng nhập hoặc mật khẩu không đúng.',
          requestId: String(request.id),
        },
      });
    }
    return reply.send(text || null);
  }
}

/** Throws 401 unless a signed-in actor is present. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED', 'Bạn cần đăng nhập để tiếp tục.');
  return request.actor;
}
