import { z } from 'zod';

/** Largest file accepted for a member-list import, in bytes (20 MB). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** Most data rows accepted in one import. */
export const MAX_IMPORT_ROWS = 200_000;

/** What a column of a member list can hold. */
export const IMPORT_FIELDS = [
  'fullName',
  'familyName',
  'givenName',
  'birthDate',
  'male',
  'female',
  'gender',
  'ethnicity',
  'religion',
  'phone',
  'nationalId',
  'area',
  'branch',
  'occupation',
  'education',
  'partyStatus',
  'joinedOn',
  'position',
  'awayFromHome',
  'note',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Vietnamese names of the fields, as the mapping screen shows them. */
export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  fullName: 'Họ và tên',
  familyName: 'Họ đệm',
  givenName: 'Tên',
  birthDate: 'Ngày sinh / Năm sinh',
  male: 'Cột "Nam" (đánh dấu x hoặc ghi ngày sinh)',
  female: 'Cột "Nữ" (đánh dấu x hoặc ghi ngày sinh)',
  gender: 'Giới tính',
  ethnicity: 'Dân tộc',
  religion: 'Tôn giáo',
  phone: 'Số điện thoại',
  nationalId: 'Số CCCD / định danh',
  area: 'Thôn / Tổ dân phố / Địa chỉ',
  branch: 'Chi đoàn / Chi hội',
  occupation: 'Nghề nghiệp',
  education: 'Trình độ',
  partyStatus: 'Đảng viên',
  joinedOn: 'Ngày vào Đoàn / Hội',
  position: 'Chức vụ',
  awayFromHome: 'Làm ăn xa',
  note: 'Ghi chú (không lưu)',
};

export const IMPORT_STATUSES = [
  'uploaded',
  'checking',
  'checked',
  'committing',
  'committed',
  'failed',
  'cancelled',
] as const;
export const ROW_STATUSES = ['valid', 'invalid', 'duplicate'] as const;
export const IMPORT_MODES = ['all_or_nothing', 'valid_only'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export const ImportIdParam = z.object({ id: z.coerce.number().int().positive() });

/** A column as detected in the file, with the field proposed (or chosen) for it. */
export const ImportColumn = z.object({
  index: z.number(),
  /** the column letter in Excel: A, B, … AA */
  letter: z.string(),
  header: z.string(),
  field: z.enum(IMPORT_FIELDS).nullable(),
  /** a few values from the first data rows */
  samples: z.array(z.string()),
});
export type ImportColumn = z.infer<typeof ImportColumn>;

export const ImportProblem = z.object({
  /** the column letter, or null for a problem of the whole row */
  column: z.string().nullable(),
  header: z.string().nullable(),
  message: z.string(),
  severity: z.enum(['error', 'warning']),
});
export type ImportProblem = z.infer<typeof ImportProblem>;

export const ImportCounts = z.object({
  total: z.number(),
  valid: z.number(),
  invalid: z.number(),
  duplicate: z.number(),
});

export const ImportSummary = z.object({
  id: z.number(),
  unitId: z.number(),
  fileName: z.string(),
  fileSize: z.number(),
  status: z.enum(IMPORT_STATUSES),
  mode: z.enum(IMPORT_MODES).nullable(),
  counts: ImportCounts,
  progress: z.object({ done: z.number(), total: z.number() }),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  error: z.string().nullable(),
});
export type ImportSummary = z.infer<typeof ImportSummary>;

/** What the commit wrote. */
export const ImportResult = z.object({
  persons: z.number(),
  memberships: z.number(),
  /** rows matching a person already in the database who got a membership here */
  linked: z.number(),
  /** rows not written (invalid, repeated in the file, already members, or duplicates not accepted) */
  skipped: z.number(),
});

export const ImportDetail = ImportSummary.extend({
  unitName: z.string(),
  sheetName: z.string().nullable(),
  headerRow: z.number().nullable(),
  columns: z.array(ImportColumn),
  /** notes about the reading: where it stopped (totals row, signature block), rows ignored */
  notes: z.array(z.string()),
  result: ImportResult.nullable(),
  abilities: z.object({ check: z.boolean(), commit: z.boolean(), cancel: z.boolean() }),
});
export type ImportDetail = z.infer<typeof ImportDetail>;

export const ImportList = z.object({ items: z.array(ImportSummary) });

export const ImportMapping = z.record(
  z.string().regex(/^\d{1,4}$/, 'Cột phải là số thứ tự cột'),
  z.enum(IMPORT_FIELDS).nullable(),
);
export const CheckImportBody = z.object({ mapping: ImportMapping });
export type CheckImportBody = z.infer<typeof CheckImportBody>;

export const CommitImportBody = z.object({
  mode: z.enum(IMPORT_MODES),
  /** a row matching a person already in the database becomes a new membership of that person */
  linkDuplicates: z.boolean().default(true),
});
export type CommitImportBody = z.infer<typeof CommitImportBody>;

export const ImportRowsQuery = z.object({
  status: z.enum(['all', 'problems', ...ROW_STATUSES]).default('all'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ImportRowsQuery = z.infer<typeof ImportRowsQuery>;

export const ImportRowItem = z.object({
  rowNumber: z.number(),
  status: z.enum(ROW_STATUSES),
  fullName: z.string().nullable(),
  birth: z.string().nullable(),
  phone: z.string().nullable(),
  problems: z.array(ImportProblem),
  duplicateOfRow: z.number().nullable(),
  duplicateOfPersonId: z.number().nullable(),
});
export type ImportRowItem = z.infer<typeof ImportRowItem>;

export const ImportRowsPage = z.object({ items: z.array(ImportRowItem), total: z.number() });
