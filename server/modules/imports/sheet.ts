/**
 * Reads the rows of an uploaded member list, one at a time, whatever its format: .xlsx through exceljs's
 * streaming reader (formula cells give their cached result, never a formula), .csv through csv-parse.
 */
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { AppError, invalid } from '../../lib/errors';
import { fixExceljsUtf8 } from './exceljs-utf8';
import { decodeText, detectDelimiter, type FileKind } from './file';
import { sharedStringsFirst } from './zip';

fixExceljsUtf8();

/** A cell Excel could not compute (#N/A, #REF!…) or a formula saved without its result. */
export interface CellError {
  error: string;
}
export type Cell = string | number | boolean | Date | CellError | null;
export interface SheetRow {
  /** 1-based row number, as Excel shows it */
  number: number;
  /** 0-based by column */
  cells: Cell[];
}

export const isCellError = (c: Cell): c is CellError =>
  typeof c === 'object' && c !== null && !(c instanceof Date) && 'error' in c;

/** exceljs cell values (rich text, hyperlinks, formulas, shared formulas…) as plain values. */
export function plainCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v !== 'object') return String(v);
  const o = v as Record<string, unknown>;
  if (Array.isArray(o.richText))
    return (o.richText as Array<{ text?: string }>).map((r) => r.text ?? '').join('');
  if ('formula' in o || 'sharedFormula' in o) {
    if (o.result === undefined || o.result === null) return { error: 'công thức chưa có kết quả' };
    return plainCell(o.result);
  }
  if (typeof o.error === 'string') return { error: o.error };
  if ('text' in o) return plainCell(o.text);
  return null;
}

/** Column letters as Excel shows them: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A cell as text, the way the person saw it (dates dd/mm/yyyy). */
export function cellText(c: Cell): string {
  if (c === null) return '';
  if (c instanceof Date) {
    const d = new Date(Math.round(c.getTime() / 86_400_000) * 86_400_000);
    return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
  }
  if (isCellError(c)) return `#${c.error.replace(/^#/, '')}`;
  if (typeof c === 'number') return Number.isInteger(c) ? c.toFixed(0) : String(c);
  return String(c).trim();
}

export interface SheetInfo {
  name: string;
  /** the N of xl/worksheets/sheetN.xml (0 for a CSV) */
  id: number;
  rows: AsyncGenerator<SheetRow>;
}

const CORRUPT =
  'Tệp Excel bị hỏng hoặc tải lên chưa hết nên không đọc được. Mở tệp bằng Excel để kiểm tra, lưu lại thành .xlsx rồi tải lên lần nữa.';

async function* xlsxRows(
  sheet: AsyncIterable<{ number: number; values: unknown[] }>,
): AsyncGenerator<SheetRow> {
  for await (const row of sheet) {
    const values = row.values;
    const cells: Cell[] = [];
    for (let i = 1; i < values.length; i++) cells.push(plainCell(values[i]));
    yield { number: row.number, cells };
  }
}

async function* csvRows(data: Buffer): AsyncGenerator<SheetRow> {
  const { text } = decodeText(data);
  const parser = Readable.from([text]).pipe(
    parse({
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }),
  );
  let number = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    number++;
    yield { number, cells: record.map((v) => (v === '' ? null : v)) };
  }
}

/**
 * The sheets of a file, in order, each with its rows as a stream. A CSV is one sheet. Reading errors of a
 * damaged .xlsx become a Vietnamese message.
 */
export async function* readSheets(data: Buffer, kind: FileKind): AsyncGenerator<SheetInfo> {
  if (kind === 'csv') {
    yield { name: 'CSV', id: 0, rows: csvRows(data) };
    return;
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([sharedStringsFirst(data)]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  try {
    for await (const ws of reader as unknown as AsyncIterable<
      AsyncIterable<{ number: number; values: unknown[] }> & { name: string; id: number }
    >) {
      yield { name: ws.name, id: Number(ws.id), rows: guard(xlsxRows(ws)) };
    }
  } catch (e) {
    throw e instanceof AppError ? e : invalid(CORRUPT);
  }
}

async function* guard(rows: AsyncGenerator<SheetRow>): AsyncGenerator<SheetRow> {
  try {
    yield* rows;
  } catch (e) {
    throw e instanceof AppError ? e : invalid(CORRUPT);
  }
}
