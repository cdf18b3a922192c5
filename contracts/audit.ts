import { z } from 'zod';
import { IsoDate } from './organizations';

export const AuditListQuery = z
  .object({
    /** exact action, or a prefix: 'unit' matches 'unit.create', 'unit.merge'… */
    action: z.string().trim().max(100).optional(),
    entityType: z.string().trim().max(50).optional(),
    /** actor name (without diacritics) or exact user id */
    actor: z.string().trim().max(100).optional(),
    /** inclusive calendar dates in Vietnam time */
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: 'Ngày bắt đầu phải trước ngày kết thúc',
    path: ['to'],
  });
export type AuditListQuery = z.infer<typeof AuditListQuery>;

export const AuditItem = z.object({
  id: z.number(),
  at: z.string(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
});
export type AuditItem = z.infer<typeof AuditItem>;

export const AuditListResponse = z.object({ items: z.array(AuditItem), total: z.number() });
