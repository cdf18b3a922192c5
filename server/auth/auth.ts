import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { username } from 'better-auth/plugins';
import type { Db } from '../db/client';
import * as schema from '../db/schema';

export interface AuthOptions {
  db: Db;
  secret: string;
  baseURL: string;
  /** sign-in attempts allowed per IP per minute */
  signInPerMinute?: number;
}

export const PASSWORD_MIN = 8;
export const SESSION_DAYS = 7;

/** better-auth configured for officers' username + password sign-in, sessions in HttpOnly cookies. */
export function createAuth(opts: AuthOptions) {
  return betterAuth({
    appName: 'DoanHoi',
    secret: opts.secret,
    baseURL: opts.baseURL,
    basePath: '/api/auth',
    database: drizzleAdapter(opts.db, {
      provider: 'pg',
      schema: {
        user: schema.user,
        session: schema.session,
        account: schema.account,
        verification: schema.verification,
        rateLimit: schema.rateLimit,
      },
    }),
    emailAndPassword: {
      enabled: true,
      // Accounts are created by administrators, never by self sign-up.
      disableSignUp: true,
      minPasswordLength: PASSWORD_MIN,
      maxPasswordLength: 128,
    },
    user: {
      additionalFields: {
        personId: { type: 'number', required: false, input: false },
        disabled: { type: 'boolean', required: false, input: false, defaultValue: false },
      },
    },
    session: {
      expiresIn: 60 * 60 * 24 * SESSION_DAYS,
      updateAge: 60 * 60 * 24,
    },
    plugins: [username({ minUsernameLength: 3, maxUsernameLength: 40 })],
    rateLimit: {
      enabled: true,
      window: 60,
      max: 300,
      storage: 'database',
      modelName: 'rateLimit',
      customRules: {
        '/sign-in/username': { window: 60, max: opts.signInPerMinute ?? 20 },
        '/sign-in/email': { window: 60, max: opts.signInPerMinute ?? 20 },
        '/change-password': { window: 60, max: 10 },
      },
    },
    advanced: {
      cookiePrefix: 'doanhoi',
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
      ipAddress: { ipAddressHeaders: ['x-doanhoi-client-ip'] },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
