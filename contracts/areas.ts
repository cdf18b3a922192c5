import { z } from 'zod';

/** A boolean in a query string: 'true'/'1' or 'false'/'0' (z.coerce.boolean would read 'false' as true). */
export const QueryBool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const AreaListQuery = z.object({
  parentId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(100).optional(),
  includeFormer: QueryBool.default(false),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

const Ref = z.object({ id: z.number(), name: z.string() });

export const AreaItem = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  level: z.number(),
  active: z.boolean(),
  validTo: z.string().nullable(),
  /** for a former commune: the current area(s) it became part of */
  successors: z.array(Ref),
  /** for a current area: the former communes it was formed from (whole = all of it) */
  formerAreas: z.array(Ref.extend({ whole: z.boolean() })),
});
export type AreaItem = z.infer<typeof AreaItem>;

export const AreaDetail = AreaItem.extend({ parent: Ref.nullable() });
export type AreaDetail = z.infer<typeof AreaDetail>;
