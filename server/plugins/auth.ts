import { eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { loadActor } from '../auth/actor';
import type { Auth } from '../auth/auth';
import type { Lockout } from '../auth/lockout';
import { adoptMemberAccount, findPhonePerson, normalizePhone } from '../auth/phone';
import type { PhoneLimiter } from '../auth/phone-limit';
import type { Db } from '../db/client';
import { session, user } from '../db/schema';
import { AppError, invalid } from '../lib/errors';
import type { Actor } from '../policy/policy';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const SIGN_IN_PATH = '/api/auth/sign-in/username';
const SEND_OTP_PATH = '/api/auth/phone-number/send-otp';
const VERIFY_PHONE_PATH = '/api/auth/phone-number/verify';
/** The better-auth endpoints the app uses; every other /api/auth path answers 404. */
const AUTH_PATHS = new Set([
  SIGN_IN_PATH,
  SEND_OTP_PATH,
  VERIFY_PHONE_PATH,
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

/** Answers to members signing in by phone: alike for known and unknown phones. */
const OTP_SENT =
  'Nếu số điện thoại đã được chi đoàn/chi hội đăng ký, mã đăng nhập gồm 6 chữ số sẽ được gửi tới trong ít phút. Mã có hiệu lực 5 phút.';
const wrongCode = () =>
  invalid(
    'Mã không đúng hoặc đã hết hạn. Hãy kiểm tra tin nhắn và nhập lại; mã dùng được 5 phút, nhập sai 3 lần thì cần yêu cầu mã mới.',
    [{ field: 'body.code' }],
  );
const tooFast = () =>
  new AppError('RATE_LIMITED', 'Bạn thao tác quá nhanh. Vui lòng đợi một phút rồi thử lại.');

/** The phone of a phone sign-in request, normalised to 10 digits; 400 when it is not a phone number. */
function phoneOf(request: FastifyRequest): string {
  const raw = (request.body as { phoneNumber?: unknown } | undefined)?.phoneNumber;
  const phone = typeof raw === 'string' ? normalizePhone(raw) : null;
  if (!phone) {
    throw invalid('Số điện thoại không hợp lệ. Hãy nhập 10 chữ số bắt đầu bằng 0, ví dụ 0912 345 678.', [
      { field: 'body.phoneNumber' },
    ]);
  }
  return phone;
}

/** Passes the request (or the given body instead of its own) to better-auth and copies status and headers. */
async function forward(auth: Auth, request: FastifyRequest, reply: FastifyReply, override?: object) {
  const url = new URL(request.url, `http://${request.headers.host ?? 'localhost'}`);
  const payload = override ?? request.body;
  const body = payload === undefined || request.method === 'GET' ? undefined : JSON.stringify(payload);
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
export function registerAuth(
  app: FastifyInstance,
  deps: { auth: Auth; db: Db; lockout: Lockout; phoneLimiter: PhoneLimiter },
) {
  const { auth, db, lockout, phoneLimiter } = deps;
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
      if (path === SEND_OTP_PATH) return sendOtp(request, reply);
      if (path === VERIFY_PHONE_PATH) return verifyPhone(request, reply);
      if (path !== SIGN_IN_PATH) {
        const { text } = await forward(auth, request, reply);
        return reply.send(text || null);
      }
      return signIn(request, reply);
    },
  });

  /** Members ask for a sign-in code: limited per phone; the same answer whether or not a code was sent. */
  async function sendOtp(request: FastifyRequest, reply: FastifyReply) {
    const phone = phoneOf(request);
    const wait = await phoneLimiter.take(phone);
    if (wait) throw new AppError('RATE_LIMITED', wait);
    const { status } = await forward(auth, request, reply, { phoneNumber: phone });
    if (status === 429) throw tooFast();
    if (status !== 200) throw new AppError('INTERNAL', 'Chưa gửi được mã đăng nhập. Vui lòng thử lại sau.');
    return reply.send({ message: OTP_SENT });
  }

  /** Members sign in with the code: the first time creates their account (see server/auth/phone.ts). */
  async function verifyPhone(request: FastifyRequest, reply: FastifyReply) {
    const phone = phoneOf(request);
    const raw = (request.body as { code?: unknown } | undefined)?.code;
    const code = typeof raw === 'string' ? raw.trim() : '';
    if (!/^\d{6}$/.test(code)) {
      throw invalid('Mã đăng nhập gồm 6 chữ số trong tin nhắn vừa nhận.', [{ field: 'body.code' }]);
    }
    // No code was sent to a phone outside the register, so it is refused like a wrong code.
    const person = await findPhonePerson(db, phone);
    if (!person) throw wrongCode();
    await adoptMemberAccount(db, phone, person.personId);
    // Only the phone and code go on: no updatePhoneNumber, no extra user fields.
    const { status, text } = await forward(auth, request, reply, { phoneNumber: phone, code });
    if (status !== 200) {
      reply.removeHeader('set-cookie');
      throw status === 429 ? tooFast() : wrongCode();
    }
    const [u] = await db
      .select({ id: user.id, disabled: user.disabled })
      .from(user)
      .where(eq(user.phoneNumber, phone));
    if (!u || u.disabled) {
      if (u) await db.delete(session).where(eq(session.userId, u.id));
      reply.removeHeader('set-cookie');
      throw new AppError(
        'ACCOUNT_DISABLED',
        'Tài khoản đã bị khoá. Hãy liên hệ bí thư chi đoàn/chi hội trưởng.',
      );
    }
    // As for username sign-in: the session lives in the HttpOnly cookie only.
    const body = JSON.parse(text) as Record<string, unknown>;
    delete body.token;
    return reply.send(body);
  }

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
