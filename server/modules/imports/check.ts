/**
 * Checking an import in the background: streams the kept file, checks every row, flags repeats within the
 * file and, batch by batch, people already in the database, and stores each row with its problems. Progress
 * is written to the job every batch, so any request (or another server process) can show it.
 */
import type { ImportField, ImportProblem } from '../../../contracts/imports';
import type { Db } from '../../db/client';
import { invalid } from '../../lib/errors';
import { findUnit } from '../units/units.repo';
import { loadUnitContext } from './context';
import { identifyFile } from './file';
import { isBlankRow, matchHeader, stopReason } from './headers';
import {
  countByStatus,
  deleteRows,
  findJob,
  findKnownPersons,
  insertRows,
  jobFile,
  type NewImportRow,
  updateJob,
} from './imports.repo';
import { checkRow, type RowData } from './row';
import { columnLetter, readSheets, type SheetRow } from './sheet';

export interface CheckOptions {
  db: Db;
  /** 'yyyy-mm-dd', Vietnam time */
  today: string;
  maxRows: number;
  organizationCode: string;
  batchSize?: number;
}

/** Thrown when the job stopped being 'checking' (cancelled, or checked again) while this run was going. */
class Superseded extends Error {}
export const isSuperseded = (e: unknown) => e instanceof Superseded;

const fmt = (n: number) => n.toLocaleString('vi-VN');
const WHY = {
  1: 'trùng số CCCD',
  2: 'trùng họ tên và ngày sinh',
  3: 'trùng họ tên và số điện thoại',
} as const;
const note = (message: string): ImportProblem => ({
  column: null,
  header: null,
  severity: 'warning',
  message,
});

/** Repeats within the file: the first row with the same CCCD, name + birth date, or name + phone. */
function makeRepeatFinder() {
  const seen = new Map<string, number>();
  return (d: RowData, rowNumber: number): { row: number; why: string } | null => {
    const keys: Array<[string | null, string]> = [
      [d.nationalId ? `i${d.nationalId}` : null, WHY[1]],
      [`b${d.sortKey}|${d.birthDate ?? `y${d.birthYear}`}`, WHY[2]],
      [d.phone ? `p${d.sortKey}|${d.phone}` : null, WHY[3]],
    ];
    for (const [k, why] of keys) {
      const earlier = k ? seen.get(k) : undefined;
      if (earlier !== undefined) return { row: earlier, why };
    }
    for (const [k] of keys) if (k) seen.set(k, rowNumber);
    return null;
  };
}

/** Marks the valid rows of a batch that match someone already in the database. */
async function markKnownPersons(o: CheckOptions, batch: NewImportRow[], memberWord: string) {
  const candidates = batch.filter((r) => r.status === 'valid' && r.data);
  const known = await findKnownPersons(
    o.db,
    candidates.map((r) => {
      const d = r.data as RowData;
      return {
        rowNumber: r.rowNumber,
        nationalId: d.nationalId,
        sortKey: d.sortKey,
        birthDate: d.birthDate,
        phone: d.phone,
      };
    }),
    o.organizationCode,
  );
  const byRow = new Map(candidates.map((r) => [r.rowNumber, r]));
  for (const k of known) {
    const r = byRow.get(k.rowNumber) as NewImportRow;
    r.status = 'duplicate';
    r.duplicateOfPersonId = k.personId;
    const what = `Đã có trong hệ thống (${WHY[k.why]}, mã người ${k.personId})`;
    if (k.memberOf) {
      (r.data as RowData & { alreadyMember?: boolean }).alreadyMember = true;
      r.problems.push(note(`${what} và đang là ${memberWord} của ${k.memberOf}: sẽ không nhập lại`));
    } else {
      r.problems.push(note(`${what}: khi nhập sẽ thêm vào đơn vị này như người đã có, không tạo người mới`));
    }
  }
}

interface Reading {
  done: number;
  blank: number;
  stop: { row: number; reason: string } | null;
  afterStop: number;
}

/** Streams the data rows of the job's sheet through `take`, stopping at the totals row or signature block. */
async function readRows(
  data: Buffer,
  kind: ReturnType<typeof identifyFile>,
  sheetName: string | null,
  dataRow: number,
  maxRows: number,
  take: (row: SheetRow) => Promise<void>,
): Promise<Reading> {
  const r: Reading = { done: 0, blank: 0, stop: null, afterStop: 0 };
  for await (const sheet of readSheets(data, kind)) {
    if (sheet.name !== sheetName) continue;
    for await (const row of sheet.rows) {
      if (row.number < dataRow) continue;
      if (r.stop) {
        if (!isBlankRow(row.cells)) r.afterStop++;
        continue;
      }
      const reason = stopReason(row.cells);
      if (reason) r.stop = { row: row.number, reason };
      else if (isBlankRow(row.cells)) r.blank++;
      else if (++r.done > maxRows) {
        throw invalid(
          `Danh sách có hơn ${fmt(maxRows)} dòng, vượt giới hạn một lần nhập. Chia danh sách thành nhiều tệp nhỏ hơn rồi nhập lần lượt.`,
        );
      } else await take(row);
    }
    break;
  }
  return r;
}

/** What the check tells about the reading: where it stopped, what it skipped, columns left out. */
function readingNotes(
  r: Reading,
  earlier: string[],
  columns: Array<{ index: number; header: string; samples: string[] }>,
  mapping: Map<number, ImportField>,
): string[] {
  const notes = earlier.filter((n) => n.startsWith('Đọc trang') || n.startsWith('Bỏ qua trang'));
  if (r.stop) notes.push(`Dừng đọc ở dòng ${r.stop.row} (${r.stop.reason}).`);
  if (r.afterStop > 0) {
    notes.push(
      `${fmt(r.afterStop)} dòng có nội dung sau dòng ${r.stop?.row} không được đọc; nếu đó là người trong danh sách, chuyển họ lên trên dòng tổng cộng/chữ ký rồi nhập lại.`,
    );
  }
  if (r.blank > 0) notes.push(`${fmt(r.blank)} dòng trống được bỏ qua.`);
  for (const c of columns) {
    if (!mapping.has(c.index) && c.samples.length > 0 && matchHeader(c.header) !== 'stt') {
      notes.push(
        `Cột ${columnLetter(c.index)} (${c.header}) không được nhập (chưa chọn trường cho cột này).`,
      );
    }
  }
  return notes;
}

/** Checks every row of a job that is in status 'checking' and leaves it 'checked' (or throws). */
export async function runCheck(jobId: number, o: CheckOptions): Promise<void> {
  const { db } = o;
  const job = await findJob(db, jobId);
  if (job?.status !== 'checking') return;
  const unit = await findUnit(db, job.unitId);
  if (!unit) throw invalid('Đơn vị không còn tồn tại.');
  const uctx = await loadUnitContext(db, unit, o.today);
  const columns = job.result?.columns ?? [];
  const mapping = new Map<number, ImportField>();
  for (const [k, f] of Object.entries(job.mapping ?? {})) if (f) mapping.set(Number(k), f);
  const headers = new Map(columns.map((c) => [c.index, c.header]));
  const ctx = { ...uctx, today: o.today, organizationCode: o.organizationCode, mapping, headers };

  const data = await jobFile(db, jobId);
  const kind = identifyFile(data, job.fileName, Number.POSITIVE_INFINITY);
  await deleteRows(db, jobId);

  const repeatOf = makeRepeatFinder();
  const batchSize = o.batchSize ?? 5000;
  let batch: NewImportRow[] = [];
  let checkedRows = 0;
  // One batch is written while the next is read and checked (the database works while this process parses).
  let writing: Promise<void> = Promise.resolve();
  let failure: unknown = null;
  const flush = async () => {
    await writing;
    if (failure) throw failure;
    if (batch.length === 0) return;
    const rows = batch;
    const progress = checkedRows;
    batch = [];
    writing = (async () => {
      await markKnownPersons(o, rows, uctx.memberWord);
      await insertRows(db, jobId, rows);
      if (!(await updateJob(db, jobId, { progressDone: progress }, ['checking']))) throw new Superseded();
    })().catch((e) => {
      failure = e;
    });
  };
  const take = async (row: SheetRow) => {
    checkedRows++;
    const checked = checkRow(row.cells, ctx);
    const entry: NewImportRow = {
      rowNumber: row.number,
      raw: checked.raw,
      data: checked.data,
      problems: checked.problems,
      status: checked.problems.some((p) => p.severity === 'error') ? 'invalid' : 'valid',
      duplicateOfRow: null,
      duplicateOfPersonId: null,
    };
    const repeat = entry.status === 'valid' && checked.data ? repeatOf(checked.data, row.number) : null;
    if (repeat) {
      entry.status = 'duplicate';
      entry.duplicateOfRow = repeat.row;
      entry.problems.push(note(`Trùng với dòng ${repeat.row} (${repeat.why}): dòng này sẽ không được nhập`));
    }
    batch.push(entry);
    if (batch.length >= batchSize) await flush();
  };

  let reading: Reading;
  try {
    const dataRow = job.result?.dataRow ?? (job.headerRow ?? 0) + 1;
    reading = await readRows(data, kind, job.sheetName, dataRow, o.maxRows, take);
    await flush();
  } finally {
    // Never leave a batch being written behind an error: the caller deletes the job's rows next.
    await writing;
  }
  if (failure) throw failure;
  if (reading.done === 0)
    throw invalid(
      'Không có dòng dữ liệu nào dưới dòng tiêu đề. Kiểm tra lại tệp (có thể danh sách nằm ở trang tính khác).',
    );
  const counts = await countByStatus(db, jobId);
  const notes = readingNotes(reading, job.result?.notes ?? [], columns, mapping);
  const ok = await updateJob(
    db,
    jobId,
    {
      status: 'checked',
      progressDone: reading.done,
      progressTotal: reading.done,
      counts,
      result: { ...job.result, notes },
      error: null,
    },
    ['checking'],
  );
  if (!ok) throw new Superseded();
}
