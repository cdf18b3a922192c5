/**
 * What kind of file an upload is, judged by its bytes (never by its name), and the refusals a person
 * can act on: old .xls, password-protected workbooks, web pages saved as .xls, empty or oversized files.
 */
import iconv from 'iconv-lite';
import { invalid } from '../../lib/errors';

export type FileKind = 'xlsx' | 'csv';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (b: Uint8Array, sig: readonly number[]) =>
  b.length >= sig.length && sig.every((x, i) => b[i] === x);

const SAVE_AS_XLSX =
  'Mở tệp bằng Excel, chọn Tệp (File) → Lưu thành (Save As) → kiểu "Sổ làm việc Excel (*.xlsx)", rồi tải tệp .xlsx lên.';

/** Checks size and type; returns the kind or throws a Vietnamese message saying what to do. */
export function identifyFile(data: Buffer, fileName: string, maxBytes: number): FileKind {
  if (data.length === 0) throw invalid('Tệp trống (0 byte). Chọn lại đúng tệp danh sách.');
  if (data.length > maxBytes) {
    const mb = (n: number) => (n / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 });
    throw invalid(
      `Tệp nặng ${mb(data.length)} MB, vượt giới hạn ${mb(maxBytes)} MB. Xoá các trang tính và hình ảnh không cần, hoặc chia danh sách thành nhiều tệp.`,
    );
  }
  if (startsWith(data, OLE)) {
    // A password-protected .xlsx is an OLE container holding an EncryptedPackage stream.
    if (data.includes(Buffer.from('EncryptedPackage', 'utf16le'))) {
      throw invalid(
        'Tệp Excel đang đặt mật khẩu nên không đọc được. Mở tệp bằng Excel, vào Tệp → Thông tin → Bảo vệ sổ làm việc → Mã hoá bằng mật khẩu, xoá mật khẩu, lưu lại rồi tải lên.',
      );
    }
    throw invalid(`Tệp là định dạng Excel cũ (.xls, Excel 97–2003), hệ thống chưa đọc được. ${SAVE_AS_XLSX}`);
  }
  if (startsWith(data, ZIP)) {
    if (!data.includes(Buffer.from('xl/'))) {
      throw invalid('Tệp nén này không phải sổ làm việc Excel (.xlsx). Chọn tệp danh sách .xlsx hoặc .csv.');
    }
    return 'xlsx';
  }
  const head = data.subarray(0, 2048).toString('latin1').toLowerCase();
  if (/<html|<table|<\?xml|<workbook/.test(head)) {
    throw invalid(
      `Tệp là trang web hoặc XML đổi tên thành Excel (thường do phần mềm khác xuất ra). ${SAVE_AS_XLSX}`,
    );
  }
  if (looksLikeText(data)) return 'csv';
  const ext = fileName.toLowerCase().split('.').pop();
  throw invalid(
    ext === 'xls'
      ? `Tệp .xls này không đọc được. ${SAVE_AS_XLSX}`
      : 'Tệp không phải danh sách Excel (.xlsx) hay CSV. Chọn tệp .xlsx, hoặc trong Excel lưu thành "CSV UTF-8".',
  );
}

function looksLikeText(data: Buffer): boolean {
  if (hasUtf16Bom(data) || utf16WithoutBom(data)) return true;
  const sample = data.subarray(0, 8192);
  let control = 0;
  for (const b of sample) if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  return control === 0;
}

const hasUtf16Bom = (d: Buffer) => (d[0] === 0xff && d[1] === 0xfe) || (d[0] === 0xfe && d[1] === 0xff);

/** UTF-16 text without a byte-order mark: most ASCII characters leave every other byte zero. */
function utf16WithoutBom(d: Buffer): 'le' | 'be' | null {
  const n = Math.min(d.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (d[i] === 0) evenZero++;
    if (d[i + 1] === 0) oddZero++;
  }
  const half = n / 2;
  if (oddZero > half * 0.4 && evenZero < half * 0.05) return 'le';
  if (evenZero > half * 0.4 && oddZero < half * 0.05) return 'be';
  return null;
}

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258';

/**
 * Decodes a CSV as Excel writes it: UTF-8 (with or without BOM), UTF-16 LE/BE ("Unicode Text"), or the
 * Vietnamese ANSI code page Windows-1258 when the bytes are not valid UTF-8. Returns NFC text.
 */
export function decodeText(data: Buffer): { text: string; encoding: TextEncoding } {
  let encoding: TextEncoding;
  let body = data;
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) {
    encoding = 'utf-8';
    body = data.subarray(3);
  } else if (data[0] === 0xff && data[1] === 0xfe) {
    encoding = 'utf-16le';
    body = data.subarray(2);
  } else if (data[0] === 0xfe && data[1] === 0xff) {
    encoding = 'utf-16be';
    body = data.subarray(2);
  } else {
    const wide = utf16WithoutBom(data);
    if (wide) encoding = wide === 'le' ? 'utf-16le' : 'utf-16be';
    else {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(data);
        encoding = 'utf-8';
      } catch {
        encoding = 'windows-1258';
      }
    }
  }
  const text =
    encoding === 'utf-8'
      ? body.toString('utf8')
      : encoding === 'utf-16le'
        ? body.toString('utf16le')
        : iconv.decode(body, encoding === 'utf-16be' ? 'utf16-be' : 'windows1258');
  // Windows-1258 writes tones as combining marks: compose them so "Nguyễn" is one form everywhere.
  return { text: text.normalize('NFC'), encoding };
}

/** The field separator of a CSV: the one of , ; TAB that splits the first lines into the same number of cells. */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  const lines = text.split(/\r\n|\n|\r/, 40).filter((l) => l.trim() !== '');
  let best: ',' | ';' | '\t' = ',';
  let bestScore = -1;
  for (const d of ['\t', ';', ','] as const) {
    const counts = new Map<number, number>();
    for (const line of lines) {
      const n = line.replace(/"[^"]*"/g, '').split(d).length - 1;
      if (n > 0) counts.set(n, (counts.get(n) ?? 0) + 1);
    }
    let score = 0;
    for (const [n, times] of counts) score = Math.max(score, times * 1000 + n);
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}
