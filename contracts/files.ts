import { z } from 'zod';

/** What a file is to its owner: a photo of the signed attendance sheet, another meeting photo, a theme's attachment. */
export const FILE_PURPOSES = ['signed_sheet', 'photo', 'attachment'] as const;
export const MEETING_FILE_PURPOSES = ['signed_sheet', 'photo'] as const;
export type FilePurpose = (typeof FILE_PURPOSES)[number];

/** Largest upload accepted, in bytes (10 MB). */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export const FileIdParam = z.object({ id: z.coerce.number().int().positive() });

export const MeetingUploadQuery = z.object({
  purpose: z.enum(MEETING_FILE_PURPOSES, {
    error: 'Loại tệp phải là signed_sheet (ảnh danh sách đã ký) hoặc photo',
  }),
});

export const FileSummary = z.object({
  id: z.number(),
  purpose: z.enum(FILE_PURPOSES),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
  createdAt: z.string(),
  /** where to download it: /api/files/:id */
  url: z.string(),
});
export type FileSummary = z.infer<typeof FileSummary>;

export const FileList = z.object({
  items: z.array(FileSummary),
  abilities: z.object({ upload: z.boolean(), delete: z.boolean() }),
});
export type FileList = z.infer<typeof FileList>;
