import { sql } from 'drizzle-orm';
import { rows } from '../db/query';
import { vietnamDayStart, vietnamHour, vnDateTime } from '../lib/vn-time';
import { addDays } from '../modules/meetings/periods';
import {
  enqueueOutbox,
  insertNotifications,
  type NewNotification,
  type NewOutboxMessage,
} from '../modules/notifications/notifications.repo';
import { vietnamDay } from '../modules/organizations/rules';
import { type JobDeps, runOnce } from './runs';

export const MEETING_REMINDER_JOB = 'meeting-reminders';

interface Invitee {
  meetingId: number;
  unitName: string;
  scheduledAt: Date | string;
  place: string | null;
  mode: 'in_person' | 'online' | 'hybrid';
  personId: number;
  phone: string | null;
  /** the member's own account, when they have one */
  userId: string | null;
}

function wording(i: Invitee): string {
  const where = i.mode === 'online' ? 'trực tuyến' : i.place ? `tại ${i.place}` : 'theo thông báo của chi';
  return `${i.unitName} sinh hoạt lúc ${vnDateTime(i.scheduledAt)} ${where}${i.mode === 'hybrid' ? ' (có thể dự trực tuyến)' : ''}. Mời bạn tham dự.`;
}

/**
 * The day before a planned meeting (Vietnam time), reminds every invitee: an in-app notification when the
 * person has an account, and an SMS in the outbox to the person's phone. Keys 'meeting:<meetingId>:<personId>'
 * make every reminder go out once, however often the job runs. Runs once per Vietnam hour.
 */
export async function remindMeetingsTomorrow(deps: JobDeps) {
  const now = deps.clock.now();
  const today = vietnamDay(now);
  const tomorrow = addDays(today);
  // One run per Vietnam hour, so a meeting planned for tomorrow later today is still reminded; the dedupe
  // keys keep every invitee at one reminder however many runs see the meeting.
  const hour = String(vietnamHour(now)).padStart(2, '0');
  return runOnce(deps, MEETING_REMINDER_JOB, `${today}T${hour}`, async () => {
    const from = vietnamDayStart(tomorrow).toISOString();
    const until = vietnamDayStart(addDays(tomorrow)).toISOString();
    const invitees = await rows<Invitee>(
      deps.db,
      sql`select m.id as "meetingId", u.name as "unitName", m.scheduled_at as "scheduledAt", m.place, m.mode,
        a.person_id as "personId", nullif(trim(p.phone), '') as phone, acc.id as "userId"
      from meetings m join units u on u.id = m.unit_id
        join meeting_attendance a on a.meeting_id = m.id
        join persons p on p.id = a.person_id
        left join "user" acc on acc.person_id = a.person_id and not acc.disabled
      where m.status = 'planned' and m.scheduled_at >= ${from}::timestamptz and m.scheduled_at < ${until}::timestamptz
      order by m.id, a.person_id`,
    );
    const notes: NewNotification[] = [];
    const messages: NewOutboxMessage[] = [];
    const meetings = new Set<number>();
    for (const i of invitees) {
      meetings.add(i.meetingId);
      const key = `meeting:${i.meetingId}:${i.personId}`;
      const body = wording(i);
      if (i.userId) {
        notes.push({
          userId: i.userId,
          kind: 'meeting_reminder',
          title: `Ngày mai sinh hoạt: ${i.unitName}`,
          body,
          link: `/meetings/${i.meetingId}`,
          dedupeKey: key,
        });
      }
      if (i.phone) {
        messages.push({
          channel: 'sms',
          recipient: i.phone,
          subject: null,
          body: `Nhắc lịch: ${body}`,
          kind: 'meeting_reminder',
          dedupeKey: key,
        });
      }
    }
    return deps.db.transaction(async (tx) => ({
      meetings: meetings.size,
      notifications: await insertNotifications(tx, notes),
      outbox: await enqueueOutbox(tx, messages),
    }));
  });
}
