/** Reading an upload far enough to find its header and a few sample values, and sizing it. */
import { invalid } from '../../lib/errors';
import { type FileKind, identifyFile } from './file';
import { detectLayout, isBlankRow, type Layout, stopReason } from './headers';
import { cellText, readSheets, type SheetRow } from './sheet';
import { countSheetRows } from './zip';

export interface DetectedUpload {
  kind: FileKind;
  sheetName: string;
  layout: Layout;
  /** column index → up to 5 sample texts */
  samples: Map<number, string[]>;
  /** an upper bound on the data rows (for the progress bar and the row limit) */
  estimatedRows: number;
  /** sheets looked at before the one with a header */
  skippedSheets: string[];
}

const FIRST_ROWS = 60;
const fmt = (n: number) => n.toLocaleString('vi-VN');

/** Finds the first sheet with a recognisable header; refuses empty, damaged or oversized files with a message. */
export async function detectUpload(
  data: Buffer,
  fileName: string,
  limits: { maxBytes: number; maxRows: number },
): Promise<DetectedUpload> {
  const kind = identifyFile(data, fileName, limits.maxBytes);
  let sawData = false;
  const skippedSheets: string[] = [];
  for await (const sheet of readSheets(data, kind)) {
    const first: SheetRow[] = [];
    for await (const row of sheet.rows) {
      first.push(row);
      if (first.length >= FIRST_ROWS) break;
    }
    if (first.some((r) => !isBlankRow(r.cells))) sawData = true;
    const layout = detectLayout(first);
    if (!layout) {
      skippedSheets.push(sheet.name);
      continue;
    }
    const samples = new Map<number, string[]>();
    for (const row of first) {
      if (row.number < layout.dataRow || isBlankRow(row.cells)) continue;
      if (stopReason(row.cells)) break;
      for (const c of layout.columns) {
        const t = cellText(row.cells[c.index] ?? null);
        const list = samples.get(c.index) ?? [];
        if (t && list.length < 5) list.push(t.length > 40 ? `${t.slice(0, 40)}…` : t);
        samples.set(c.index, list);
      }
    }
    const lines = kind === 'xlsx' ? await countSheetRows(data, sheet.id) : countLines(data);
    const estimatedRows = Math.max(0, (lines ?? 0) - (layout.dataRow - 1));
    // The count includes the totals row, signature block and formatted blank rows: leave room for them here;
    // the check counts the real data rows exactly.
    if (estimatedRows > limits.maxRows + 50 + Math.floor(limits.maxRows / 100)) {
      throw invalid(
        `Trang "${sheet.name}" có khoảng ${fmt(estimatedRows)} dòng, vượt giới hạn ${fmt(limits.maxRows)} dòng một lần nhập. Chia danh sách thành nhiều tệp nhỏ hơn rồi nhập lần lượt.`,
      );
    }
    return { kind, sheetName: sheet.name, layout, samples, estimatedRows, skippedSheets };
  }
  if (!sawData)
    throw invalid(
      'Tệp không có dữ liệu: các trang tính đều trống. Kiểm tra lại đã chọn đúng tệp danh sách chưa.',
    );
  throw invalid(
    'Không tìm thấy dòng tiêu đề của danh sách (ví dụ "STT | Họ và tên | Ngày sinh | Giới tính …") trong 60 dòng đầu. ' +
      'Thêm một dòng tiêu đề có ít nhất cột "Họ và tên" và một cột khác như "Ngày sinh", hoặc dùng tệp mẫu.',
  );
}

/** Line breaks in a text file: an upper bound on its records (0x0A is a line feed in UTF-8, UTF-16 and 1258). */
function countLines(data: Buffer): number {
  let n = 0;
  for (let i = data.indexOf(10); i >= 0; i = data.indexOf(10, i + 1)) n++;
  return data[data.length - 1] === 10 ? n : n + 1;
}
