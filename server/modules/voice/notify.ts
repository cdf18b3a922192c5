import type { DbOrTx } from '../../db/client';
import { insertNotifications } from '../notifications/notifications.repo';

/** In-app notifications about an item event: one per account, once per event (dedupe key voice:<event>). */
export async function notifyVoice(
  tx: DbOrTx,
  userIds: Iterable<string>,
  n: { itemId: number; eventId: number; title: string; body: string; exclude?: string },
): Promise<number> {
  const unique = [...new Set(userIds)].filter((id) => id !== n.exclude);
  return insertNotifications(
    tx,
    unique.map((userId) => ({
      userId,
      kind: 'voice',
      title: n.title,
      body: n.body,
      link: `/voice/items/${n.itemId}`,
      dedupeKey: `voice:${n.eventId}`,
    })),
  );
}

/** The first words of an item, to name it in a notification. */
export const excerpt = (content: string, max = 80) =>
  content.length > max ? `${content.slice(0, max - 1).trimEnd()}…` : content;
