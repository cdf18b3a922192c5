import { z } from 'zod';

export const UNIT_LEVELS = ['province', 'grassroots', 'branch', 'group'] as const;
export const UNIT_KINDS = ['residential', 'workplace', 'school', 'profession', 'interest'] as const;

export const IdParam = z.object({ id: z.coerce.number().int().positive() });

export const UnitSummary = z.object({
  id: z.number(),
  name: z.string(),
  level: z.enum(UNIT_LEVELS),
  kind: z.enum(UNIT_KINDS),
  organizationCode: z.string(),
  parentId: z.number().nullable(),
  areaId: z.number(),
  areaName: z.string(),
  childCount: z.number(),
  memberCount: z.number(),
  difficultArea: z.boolean(),
  active: z.boolean(),
});
export type UnitSummary = z.infer<typeof UnitSummary>;

export const UnitSearchItem = UnitSummary.extend({ parentName: z.string().nullable() });

export const UnitDetail = z.object({
  unit: UnitSummary.extend({ path: z.string(), mergedIntoId: z.number().nullable() }),
  ancestors: z.array(z.object({ id: z.number(), name: z.string() })),
  history: z.array(
    z.object({
      kind: z.string(),
      before: z.unknown(),
      after: z.unknown(),
      at: z.string(),
      actorName: z.string().nullable(),
    }),
  ),
  abilities: z.object({
    update: z.boolean(),
    move: z.boolean(),
    merge: z.boolean(),
    createChild: z.boolean(),
    /** may open the unit's Party development records (person.readSensitive) */
    readParty: z.boolean(),
  }),
});

const name = z
  .string()
  .trim()
  .min(2, 'Tên đơn vị phải có ít nhất 2 ký tự')
  .max(200, 'Tên đơn vị quá dài (tối đa 200 ký tự)');

export const CreateUnitBody = z.object({
  parentId: z.number().int().positive(),
  name,
  kind: z.enum(UNIT_KINDS).default('residential'),
  areaId: z.number().int().positive(),
  difficultArea: z.boolean().default(false),
});
export const UpdateUnitBody = z
  .object({
    name: name.optional(),
    kind: z.enum(UNIT_KINDS).optional(),
    difficultArea: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'Cần ít nhất một thay đổi');
export const MoveUnitBody = z.object({ newParentId: z.number().int().positive() });
export const MergeUnitBody = z.object({ targetUnitId: z.number().int().positive() });

export const UnitListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  organization: z.string().max(20).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const RootsQuery = z.object({ organization: z.string().max(20).optional() });
