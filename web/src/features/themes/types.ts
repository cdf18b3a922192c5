/** Shapes of the themes and files answers (mirroring contracts/themes.ts and contracts/files.ts). */
export type FilePurpose = 'signed_sheet' | 'photo' | 'attachment';

export interface StoredFile {
  id: number;
  purpose: FilePurpose;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  createdAt: string;
  url: string;
}

export interface FileList {
  items: StoredFile[];
  abilities: { upload: boolean; delete: boolean };
}

export interface ThemeSummary {
  id: number;
  unitId: number;
  unitName: string;
  month: string;
  title: string;
  attachments: number;
  updatedAt: string;
  own: boolean;
}

export interface ThemeList {
  month: string;
  items: ThemeSummary[];
  abilities: { publish: boolean };
}

export interface ThemeDetail {
  theme: Omit<ThemeSummary, 'own'> & { body: string; createdAt: string };
  attachments: StoredFile[];
  abilities: { edit: boolean };
}

export interface CoverageRow {
  unitId: number;
  unitName: string;
  parentName: string | null;
  difficultArea: boolean;
  meetingId: number | null;
  meetingAt: string | null;
}

export interface ThemeCoverage {
  theme: { id: number; title: string; month: string; unitName: string };
  summary: { branches: number; used: number; unused: number; rate: number };
  rows: CoverageRow[];
}

export interface ThemeBody {
  month: string;
  title: string;
  body: string;
}

/** 10 MB, as the server enforces. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
