import { z } from 'zod';

export const ROLES = [
  'admin',
  'province_officer',
  'grassroots_officer',
  'branch_head',
  'supervisor',
  'respondent',
  'member',
] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Quản trị hệ thống',
  province_officer: 'Cán bộ cấp tỉnh',
  grassroots_officer: 'Cán bộ cơ sở',
  branch_head: 'Bí thư / Chi hội trưởng',
  supervisor: 'Giám sát (chỉ xem)',
  respondent: 'Cơ quan trả lời kiến nghị',
  member: 'Đoàn viên / Hội viên',
};

export const ORGANIZATION_CODES = ['DOAN', 'PHUNU', 'NONGDAN', 'CCB', 'NCT', 'MTTQ', 'CONGDOAN'] as const;
export const OrganizationCode = z.enum(ORGANIZATION_CODES);
export type OrganizationCode = z.infer<typeof OrganizationCode>;
