import { z } from 'zod';
import { UNIT_KINDS } from './units';

/** A calendar date 'yyyy-mm-dd' that exists (2025-02-30 is refused). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng yyyy-mm-dd')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'Ngày không hợp lệ');

export const OrgCodeParam = z.object({ code: z.string().trim().min(1).max(20) });

export const Organization = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  shortNameVi: z.string(),
  memberTerm: z.string(),
  branchTerm: z.string(),
});
export type Organization = z.infer<typeof Organization>;

export const RULE_KINDS = ['meeting_rhythm', 'eligibility', 'dues'] as const;

export const OrganizationRule = z.object({
  id: z.number(),
  kind: z.string(),
  unitKind: z.string().nullable(),
  /** a rule for one special unit (beats a unit-kind rule, which beats a general one) */
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
  value: z.record(z.string(), z.unknown()),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  source: z.string().nullable(),
});
export type OrganizationRule = z.infer<typeof OrganizationRule>;

export const MeetingRhythmValue = z.strictObject({
  months: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(6), z.literal(12)], {
    error: 'Chu kỳ sinh hoạt phải là 1, 2, 3, 6 hoặc 12 tháng',
  }),
});

const age = z.number().int().min(0).max(150);
export const EligibilityValue = z
  .strictObject({
    minAge: age.optional(),
    maxAge: age.optional(),
    gender: z.enum(['M', 'F']).optional(),
    veteran: z.boolean().optional(),
    occupation: z.string().trim().min(1).max(100).optional(),
  })
  .refine((v) => v.minAge === undefined || v.maxAge === undefined || v.minAge <= v.maxAge, {
    message: 'Tuổi tối thiểu không được lớn hơn tuổi tối đa',
    path: ['maxAge'],
  });

const dong = z.number().int().min(0);
/** Dues: monthly amounts in integer đồng; other keys (keepShare, exemptions…) are kept as given. */
export const DuesValue = z.looseObject({
  monthly: z.object({ unsalaried: dong, salaried: dong }),
  keepShare: z.number().min(0).max(1).optional(),
});

/** Value schema per known rule kind; other kinds accept any JSON object. */
export const RULE_VALUE_SCHEMAS: Record<string, z.ZodType> = {
  meeting_rhythm: MeetingRhythmValue,
  eligibility: EligibilityValue,
  dues: DuesValue,
};

export const CreateRuleBody = z
  .object({
    kind: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_]{1,49}$/, 'Loại quy định chỉ gồm chữ thường, số và dấu gạch dưới'),
    unitKind: z.enum(UNIT_KINDS).nullable().optional(),
    /** one special unit of the organization (instead of a unit kind) */
    unitId: z.number().int().positive('Mã đơn vị không hợp lệ').nullable().optional(),
    value: z.record(z.string(), z.unknown()),
    effectiveFrom: IsoDate,
    /** first day no longer in force; open-ended when omitted */
    effectiveTo: IsoDate.optional(),
    source: z.string().trim().max(1000).optional(),
  })
  .superRefine((body, ctx) => {
    if (body.unitKind && body.unitId) {
      ctx.addIssue({
        code: 'custom',
        message: 'Chọn một loại đơn vị hoặc một đơn vị cụ thể, không chọn cả hai',
        path: ['unitId'],
      });
    }
    if (body.effectiveTo && body.effectiveTo <= body.effectiveFrom) {
      ctx.addIssue({
        code: 'custom',
        message: 'Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực',
        path: ['effectiveTo'],
      });
    }
    const schema = RULE_VALUE_SCHEMAS[body.kind];
    if (!schema) return;
    const res = schema.safeParse(body.value);
    if (res.success) return;
    for (const issue of res.error.issues) {
      ctx.addIssue({ code: 'custom', message: issue.message, path: ['value', ...issue.path.map(String)] });
    }
  });
export type CreateRuleBody = z.infer<typeof CreateRuleBody>;
