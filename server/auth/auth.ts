import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { phoneNumber, username } from 'better-auth/plugins';
import type { Db } from '../db/client';
import * as schema from '../db/schema';
import { makeOutboxSender, type Sender } from '../lib/sender';
import { findPhonePerson, formatPhone, linkPhoneAccount, normalizePhone } from './phone';

export interface AuthOptions {
  db: Db;
  secret: string;
  baseURL: string;
  /** sign-in attempts allowed per IP per minute */
  signInPerMinute?: number;
  /** delivers members' sign-in codes (default: the outbox table) */
  sender?: Sender;
}

export const PASSWORD_MIN = 8;
export const SESSION_DAYS = 7;
/** Members' sign-in codes: 6 digits, valid 5 minutes, 3 tries. */
export const OTP_DIGITS = 6;
export const OTP_MINUTES = 5;
export const OTP_ATTEMPTS = 3;

/**
 * better-auth configured for officers' username + password sign-in and members' phone + one-time code
 * sign-in, sessions in HttpOnly cookies.
 */
export function createAuth(opts: AuthOptions) {
  const sender = opts.sender ?? makeOutboxSender();
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
    plugins: [
      username({ minUsernameLength: 3, maxUsernameLength: 40 }),
      phoneNumber({
        otpLength: OTP_DIGITS,
        expiresIn: OTP_MINUTES * 60,
        allowedAttempts: OTP_ATTEMPTS,
        // server/plugins/auth.ts normalises the phone before it gets here; direct calls must do the same.
        phoneNumberValidator: (p) => normalizePhone(p) === p,
        // A code goes only to the phone of a person with a live membership; others get the same answer, no code.
        sendOTP: async ({ phoneNumber: phone, code }) => {
          if (!(await findPhonePerson(opts.db, phone))) return;
          await sender.send(opts.db, {
            channel: 'sms',
            recipient: phone,
            kind: 'otp',
            body: `DoanHoi: ma dang nhap cua so ${formatPhone(phone)} la ${code}, co hieu luc ${OTP_MINUTES} phut. Khong dua ma nay cho nguoi khac.`,
          });
        },
        signUpOnVerification: {
          getTempEmail: (p) => `${p}@phone.doanhoi.invalid`,
          getTempName: (p) => p,
        },
        callbackOnVerification: async ({ phoneNumber: phone, user }) => {
          await opts.db.transaction((tx) => linkPhoneAccount(tx, user.id, phone));
        },
      }),
    ],
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
        // Per IP; per phone, server/auth/phone-limit.ts allows one code a minute. Members of a branch often
        // share one address (village Wi-Fi, carrier NAT), so these are wider than the password sign-in.
        '/phone-number/send-otp': { window: 60, max: 60 },
        '/phone-number/verify': { window: 60, max: 60 },
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
