import { sql } from 'drizzle-orm';
import { rows } from '../db/query';
import { vnDate } from '../lib/vn-time';
import { rhythmRules } from '../modules/meetings/meetings.repo';
import { type Period, type RhythmRule, unitPeriodOf } from '../modules/meetings/periods';
import {
  enqueueOutbox,
  insertNotifications,
  type NewNotification,
  type NewOutboxMessage,
  realEmail,
} from '../modules/notifications/notifications.repo';
import { vietnamDay } from '../modules/organizations/rules';
import { type JobDeps, runOnce } from './runs';

export const PERIOD_END_JOB = 'period-end-reminders';

interface Branch {
  id: number;
  name: string;
  kind: string;
  organizationCode: string;
}
interface Recipient {
  unitId: number;
  periodKey: string;
  userId: string;
  phone: string | null;
  email: string | null;
}

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
const intArray = (xs: readonly number[]) => `{${xs.map((x) => Math.trunc(x)).join(',')}}`;
const textArray = (xs: readonly string[]) =>
  `{${xs.map((x) => `"${x.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;

/** Each active branch's current rhythm period, for those whose period ends within `daysBefore` days. */
async function branchesNearPeriodEnd(deps: JobDeps, today: string, daysBefore: number) {
  const branches = await rows<Branch>(
    deps.db,
    sql`select id, name, kind, organization_code as "organizationCode" from units where level = 'branch' and active`,
  );
  const rulesByOrg = new Map<string, RhythmRule[]>();
  for (const r of await rhythmRules(deps.db)) rulesByOrg.set(r.org, [...(rulesByOrg.get(r.org) ?? []), r]);
  const due: { branch: Branch; period: Period; daysLeft: number }[] = [];
  for (const b of branches) {
    const period = unitPeriodOf(rulesByOrg.get(b.organizationCode) ?? [], today, { id: b.id, kind: b.kind });
    const daysLeft = daysBetween(today, period.end);
    if (daysLeft >= 0 && daysLeft <= daysBefore) due.push({ branch: b, period, daysLeft });
  }
  return due;
}

/**
 * Tells each branch head, a few days before the branch's current rhythm period ends, that no meeting (planned
 * or held) exists for it yet: an in-app notification (once per branch, period and account) and an SMS / e-mail
 * in the outbox when the account has a phone number or a real address. Runs once per Vietnam day.
 */
export async function remindPeriodEnd(deps: JobDeps & { daysBefore: number }) {
  const today = vietnamDay(deps.clock.now());
  return runOnce(deps, PERIOD_END_JOB, today, async () => {
    const due = await branchesNearPeriodEnd(deps, today, deps.daysBefore);
    if (due.length === 0) return { branches: 0, notifications: 0, outbox: 0 };
    const byKey = new Map(due.map((d) => [`${d.branch.id}:${d.period.key}`, d]));
    // Branch heads of the branches whose period has no meeting at all (index on meetings.unit_id).
    const recipients = await rows<Recipient>(
      deps.db,
      sql`select d.unit_id as "unitId", d.period_key as "periodKey", u.id as "userId",
        u.phone_number as phone, u.email
      from unnest(${intArray(due.map((d) => d.branch.id))}::int[], ${textArray(due.map((d) => d.period.key))}::text[])
        as d(unit_id, period_key)
      join role_grants g on g.unit_id = d.unit_id and g.role = 'branch_head' and g.revoked_at is null
      join "user" u on u.id = g.user_id and not u.disabled
      where not exists (select 1 from meetings m where m.unit_id = d.unit_id and m.period_key = d.period_key)`,
    );
    const notes: NewNotification[] = [];
    const messages: NewOutboxMessage[] = [];
    const branches = new Set<number>();
    for (const r of recipients) {
      const d = byKey.get(`${r.unitId}:${r.periodKey}`);
      if (!d) continue;
      branches.add(r.unitId);
      const key = `period:${r.unitId}:${r.periodKey}`;
      const when = d.daysLeft === 0 ? 'hôm nay' : `ngày ${vnDate(d.period.end)} (còn ${d.daysLeft} ngày)`;
      const title = `Sắp hết kỳ sinh hoạt: ${d.branch.name}`;
      const body = `${d.period.label} của ${d.branch.name} kết thúc ${when} nhưng chưa có cuộc họp nào. Hãy lập kế hoạch sinh hoạt.`;
      notes.push({
        userId: r.userId,
        kind: 'period_reminder',
        title,
        body,
        link: `/units/${r.unitId}/meetings`,
        dedupeKey: key,
      });
      if (r.phone) {
        messages.push({
          channel: 'sms',
          recipient: r.phone,
          subject: null,
          body,
          kind: 'period_reminder',
          dedupeKey: `${key}:${r.userId}:sms`,
        });
      }
      const email = realEmail(r.email);
      if (email) {
        messages.push({
          channel: 'email',
          recipient: email,
          subject: title,
          body,
          kind: 'period_reminder',
          dedupeKey: `${key}:${r.userId}:email`,
        });
      }
    }
    return deps.db.transaction(async (tx) => ({
      branches: branches.size,
      notifications: await insertNotifications(tx, notes),
      outbox: await enqueueOutbox(tx, messages),
    }));
  });
}
