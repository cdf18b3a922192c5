import type { ImportDetail, ImportField, ImportRowItem, ImportSummary } from '../../../contracts/imports';
import type { JobRow, StoredRow } from './imports.repo';
import { columnLetter } from './sheet';

const ACTIVE = new Set(['uploaded', 'checked', 'failed']);

export function summaryOf(j: JobRow): ImportSummary {
  return {
    id: j.id,
    unitId: j.unitId,
    fileName: j.fileName,
    fileSize: j.fileSize,
    status: j.status as ImportSummary['status'],
    mode: (j.mode as ImportSummary['mode']) ?? null,
    counts: { total: j.totalRows, valid: j.validRows, invalid: j.errorRows, duplicate: j.duplicateRows },
    progress: { done: j.progressDone, total: j.progressTotal },
    createdAt: new Date(j.createdAt).toISOString(),
    createdByName: j.createdByName,
    error: j.error,
  };
}

export function detailOf(j: JobRow, unitName: string): ImportDetail {
  const mapping = j.mapping ?? {};
  const r = j.result;
  return {
    ...summaryOf(j),
    unitName,
    sheetName: j.sheetName,
    headerRow: j.headerRow,
    columns: (r?.columns ?? []).map((c) => ({
      index: c.index,
      letter: columnLetter(c.index),
      header: c.header,
      field: (mapping[String(c.index)] ?? null) as ImportField | null,
      samples: c.samples,
    })),
    notes: r?.notes ?? [],
    result:
      j.status === 'committed' && r
        ? {
            persons: r.persons ?? 0,
            memberships: r.memberships ?? 0,
            linked: r.linked ?? 0,
            skipped: r.skipped ?? 0,
          }
        : null,
    abilities: {
      check: ACTIVE.has(j.status),
      commit: j.status === 'checked' && j.validRows + j.duplicateRows > 0,
      cancel: ACTIVE.has(j.status),
    },
  };
}

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

export function rowItemOf(r: StoredRow, nameColumns: number[]): ImportRowItem {
  const d = r.data;
  const typedName = nameColumns
    .map((i) => r.raw[i])
    .filter(Boolean)
    .join(' ');
  return {
    rowNumber: r.rowNumber,
    status: r.status,
    fullName: d.givenName ? `${d.familyName ?? ''} ${d.givenName}`.trim() : typedName || null,
    birth: d.birthDate ? dmy(d.birthDate) : d.birthYear ? String(d.birthYear) : null,
    phone: d.phone ?? null,
    problems: r.problems,
    duplicateOfRow: r.duplicateOfRow,
    duplicateOfPersonId: r.duplicateOfPersonId,
  };
}
