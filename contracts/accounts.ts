import { z } from 'zod';
import { Role } from './roles';

export const GrantView = z.object({
  id: z.number(),
  role: Role,
  roleLabel: z.string(),
  scopeLabel: z.string(),
  unitId: z.number().nullable(),
  areaId: z.number().nullable(),
  organizationCode: z.string().nullable(),
});
export type GrantView = z.infer<typeof GrantView>;

export const MeResponse = z.object({
  user: z.object({ id: z.string(), name: z.string(), username: z.string() }),
  grants: z.array(GrantView),
  abilities: z.object({
    manageAccounts: z.boolean(),
    manageRules: z.boolean(),
    readAudit: z.boolean(),
    manageUnits: z.boolean(),
  }),
});

export const AccountView = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  grants: z.array(GrantView),
});

const password = z
  .string()
  .min(8, 'Mật khẩu phải có ít nhất 8 ký tự')
  .max(128, 'Mật khẩu quá dài (tối đa 128 ký tự)');

export const CreateAccountBody = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9._]{3,40}$/, 'Tên đăng nhập gồm 3–40 ký tự: chữ không dấu, số, dấu chấm hoặc gạch dưới'),
  name: z.string().trim().min(2, 'Họ tên phải có ít nhất 2 ký tự').max(120),
  password,
});
export const UpdateAccountBody = z
  .object({ name: z.string().trim().min(2).max(120).optional(), disabled: z.boolean().optional() })
  .refine((b) => Object.keys(b).length > 0, 'Cần ít nhất một thay đổi');
export const ResetPasswordBody = z.object({ newPassword: password });

export const CreateGrantBody = z
  .object({
    role: Role,
    unitId: z.number().int().positive().nullish(),
    areaId: z.number().int().positive().nullish(),
    organizationCode: z.string().max(20).nullish(),
  })
  .superRefine((b, ctx) => {
    const scopes = Number(!!b.unitId) + Number(!!b.areaId);
    if (b.role === 'admin' && scopes > 0)
      ctx.addIssue({ code: 'custom', message: 'Quyền quản trị áp dụng toàn hệ thống, không chọn phạm vi' });
    if (b.role !== 'admin' && scopes !== 1)
      ctx.addIssue({ code: 'custom', message: 'Chọn đúng một phạm vi: một đơn vị hoặc một địa bàn' });
    if (b.organizationCode && !b.areaId)
      ctx.addIssue({ code: 'custom', message: 'Chỉ chọn tổ chức khi phạm vi là một địa bàn' });
  });

export const AccountIdParam = z.object({ id: z.string().min(1).max(64) });
export const GrantIdParam = z.object({ id: z.coerce.number().int().positive() });
