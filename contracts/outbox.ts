import { z } from 'zod';

export const OutboxQuery = z.object({
  channel: z.enum(['sms', 'email']).optional(),
  kind: z.string().trim().max(50).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type OutboxQuery = z.infer<typeof OutboxQuery>;

export const OutboxItem = z.object({
  id: z.number(),
  channel: z.string(),
  recipient: z.string(),
  subject: z.string().nullable(),
  body: z.string(),
  kind: z.string(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type OutboxItem = z.infer<typeof OutboxItem>;

export const OutboxList = z.object({ items: z.array(OutboxItem), total: z.number() });
