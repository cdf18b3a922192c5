/**
 * Shapes of the import API's answers: the contracts' own types (type-only imports, so zod stays out of the
 * web bundle).
 */
import type { ImportRowItem, ImportSummary } from '../../../../contracts/imports';

export type {
  ImportColumn,
  ImportDetail,
  ImportField,
  ImportMode,
  ImportProblem,
  ImportRowItem,
  ImportSummary,
} from '../../../../contracts/imports';

export type ImportStatus = ImportSummary['status'];
export type RowStatus = ImportRowItem['status'];
export type ImportCounts = ImportSummary['counts'];

export type RowFilter = 'all' | 'problems' | RowStatus;

/** Statuses during which the server is working in the background (the page polls). */
export const BUSY: readonly ImportStatus[] = ['checking', 'committing'];
