/** Shapes of the import API's answers, mirroring contracts/imports.ts (plain types: the web bundle has no zod). */

export type ImportStatus =
  | 'uploaded'
  | 'checking'
  | 'checked'
  | 'committing'
  | 'committed'
  | 'failed'
  | 'cancelled';
export type RowStatus = 'valid' | 'invalid' | 'duplicate';
export type ImportMode = 'all_or_nothing' | 'valid_only';

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

export interface ImportColumn {
  index: number;
  letter: string;
  header: string;
  field: ImportField | null;
  samples: string[];
}

export interface ImportCounts {
  total: number;
  valid: number;
  invalid: number;
  duplicate: number;
}

export interface ImportSummary {
  id: number;
  unitId: number;
  fileName: string;
  fileSize: number;
  status: ImportStatus;
  mode: ImportMode | null;
  counts: ImportCounts;
  progress: { done: number; total: number };
  createdAt: string;
  createdByName: string | null;
  error: string | null;
}

export interface ImportDetail extends ImportSummary {
  unitName: string;
  sheetName: string | null;
  headerRow: number | null;
  columns: ImportColumn[];
  notes: string[];
  result: { persons: number; memberships: number; linked: number; skipped: number } | null;
  abilities: { check: boolean; commit: boolean; cancel: boolean };
}

export interface ImportProblem {
  column: string | null;
  header: string | null;
  message: string;
  severity: 'error' | 'warning';
}

export interface ImportRowItem {
  rowNumber: number;
  status: RowStatus;
  fullName: string | null;
  birth: string | null;
  phone: string | null;
  problems: ImportProblem[];
  duplicateOfRow: number | null;
  duplicateOfPersonId: number | null;
}

export type RowFilter = 'all' | 'problems' | RowStatus;

/** Statuses during which the server is working in the background (the page polls). */
export const BUSY: readonly ImportStatus[] = ['checking', 'committing'];
