import { z } from 'zod';
import { FileSummary } from './files';

/** A calendar month 'yyyy-mm'. */
export const Month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Tháng phải có dạng yyyy-mm (ví dụ 2026-11)');

const text = (max: number, empty: string) => z.string().trim().min(1, empty).max(max, `Tối đa ${max} ký tự`);

export const CreateThemeBody = z.object({
  month: Month,
  title: text(300, 'Tên chủ điểm không được trống'),
  body: text(20000, 'Nội dung chủ điểm không được trống'),
});
export type CreateThemeBody = z.infer<typeof CreateThemeBody>;

export const UpdateThemeBody = CreateThemeBody.partial().refine(
  (b) => Object.values(b).some((v) => v !== undefined),
  'Cần ít nhất một thay đổi',
);
export type UpdateThemeBody = z.infer<typeof UpdateThemeBody>;

export const UnitThemesQuery = z.object({ month: Month.optional() });

export const ThemeSummary = z.object({
  id: z.number(),
  unitId: z.number(),
  unitName: z.string(),
  month: z.string(),
  title: z.string(),
  attachments: z.number(),
  updatedAt: z.string(),
  /** published by the unit asked about (not by one above it) */
  own: z.boolean(),
});
export type ThemeSummary = z.infer<typeof ThemeSummary>;

export const ThemeList = z.object({
  month: z.string(),
  items: z.array(ThemeSummary),
  abilities: z.object({ publish: z.boolean() }),
});
export type ThemeList = z.infer<typeof ThemeList>;

export const ThemeDetail = z.object({
  theme: ThemeSummary.omit({ own: true }).extend({ body: z.string(), createdAt: z.string() }),
  attachments: z.array(FileSummary),
  abilities: z.object({ edit: z.boolean() }),
});
export type ThemeDetail = z.infer<typeof ThemeDetail>;

export const SetMeetingThemeBody = z.object({ themeId: z.number().int().positive().nullable() });
export type SetMeetingThemeBody = z.infer<typeof SetMeetingThemeBody>;

export const ThemeCoverage = z.object({
  theme: z.object({ id: z.number(), title: z.string(), month: z.string(), unitName: z.string() }),
  summary: z.object({
    branches: z.number(),
    used: z.number(),
    unused: z.number(),
    /** used / branches, 0 when none */
    rate: z.number(),
  }),
  /** unused first */
  rows: z.array(
    z.object({
      unitId: z.number(),
      unitName: z.string(),
      parentName: z.string().nullable(),
      difficultArea: z.boolean(),
      meetingId: z.number().nullable(),
      meetingAt: z.string().nullable(),
    }),
  ),
});
export type ThemeCoverage = z.infer<typeof ThemeCoverage>;
