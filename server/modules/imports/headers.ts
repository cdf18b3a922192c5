/**
 * Finding the header of a member list the way people lay them out: title rows and merged cells above it,
 * sometimes a second header row (Nam | Nữ under "Ngày sinh"), a numbering row (1) (2) (3)… under it,
 * and a totals row and signature block at the bottom.
 */
import type { ImportField } from '../../../contracts/imports';
import { type Cell, cellText, isCellError } from './sheet';

/** Header text reduced for matching: no accents, lowercase, no bracketed notes or punctuation. */
export function headerKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(/[*:.,;?!"'“”]/g, ' ')
    .replace(/\s*\/\s*/g, '/')
    .replace(/\s+/g, ' ')
    .trim();
}

type Target = ImportField | 'stt';

/** Known header texts (as headerKey gives them) for each field. */
const ALIASES: Record<Target, string[]> = {
  stt: ['stt', 'tt', 'so tt', 'so thu tu', 'thu tu'],
  fullName: [
    'ho va ten',
    'ho ten',
    'ho va ten doan vien',
    'ho va ten hoi vien',
    'ho ten doan vien',
    'ho ten hoi vien',
    'ho va ten dv',
    'ho va ten hv',
    'ho va ten thanh vien',
    'ho ten khai sinh',
    'ho va ten khai sinh',
    'ten doan vien',
    'ten hoi vien',
    'doan vien',
    'hoi vien',
  ],
  familyName: ['ho dem', 'ho va ten dem', 'ho va dem', 'ho', 'ho va chu dem', 'ho va ten lot', 'ho lot'],
  givenName: ['ten'],
  birthDate: [
    'ngay sinh',
    'ngay thang nam sinh',
    'ngay/thang/nam sinh',
    'nam sinh',
    'sinh ngay',
    'ngay thang nam sinh dd/mm/yyyy',
    'ngay sinh dd/mm/yyyy',
    'nam sinh hoac ngay sinh',
    'ns',
  ],
  male: ['nam'],
  female: ['nu'],
  gender: ['gioi tinh', 'gioi', 'phai', 'nam/nu', 'gioi tinh nam/nu'],
  ethnicity: ['dan toc'],
  religion: ['ton giao', 'ton giao neu co'],
  phone: [
    'so dien thoai',
    'dien thoai',
    'sdt',
    'so dt',
    'dt',
    'dtdd',
    'so dtdd',
    'dien thoai lien he',
    'so dien thoai lien he',
    'dien thoai di dong',
    'so dien thoai di dong',
    'di dong',
  ],
  nationalId: [
    'cccd',
    'so cccd',
    'can cuoc cong dan',
    'so can cuoc cong dan',
    'so can cuoc',
    'can cuoc',
    'so dinh danh',
    'so dinh danh ca nhan',
    'ma dinh danh',
    'cmnd',
    'so cmnd',
    'cmnd/cccd',
    'cccd/cmnd',
    'so cccd/cmnd',
    'so cmnd/cccd',
    'so cccd/dinh danh',
    'so cccd/so dinh danh',
  ],
  area: [
    'thon',
    'xom',
    'thon/xom',
    'to dan pho',
    'thon/to dan pho',
    'thon/tdp',
    'tdp',
    'to',
    'khoi',
    'khoi pho',
    'khu pho',
    'ban',
    'dia chi',
    'noi o',
    'noi o hien nay',
    'cho o hien nay',
    'noi cu tru',
    'dia chi thuong tru',
    'thuong tru',
    'dia chi cu tru',
  ],
  branch: [
    'chi doan',
    'chi hoi',
    'don vi',
    'chi doan/chi hoi',
    'sinh hoat tai chi doan',
    'sinh hoat tai chi hoi',
  ],
  occupation: ['nghe nghiep', 'nghe', 'cong viec', 'viec lam', 'nghe nghiep hien nay', 'cong viec hien nay'],
  education: [
    'trinh do',
    'trinh do van hoa',
    'van hoa',
    'trinh do hoc van',
    'hoc van',
    'tdvh',
    'trinh do chuyen mon',
    'chuyen mon',
    'trinh do cm',
    'trinh do hoc van/chuyen mon',
  ],
  partyStatus: ['dang vien', 'la dang vien', 'dang', 'dang vien dcsvn', 'ngay vao dang', 'dv dang'],
  joinedOn: [
    'ngay vao doan',
    'ngay vao hoi',
    'ngay ket nap',
    'ngay ket nap doan',
    'ngay ket nap hoi',
    'ngay ket nap hoi vien',
    'ngay vao',
    'nam vao doan',
    'nam vao hoi',
    'thoi gian vao doan',
    'thoi gian vao hoi',
    'ngay thang nam vao doan',
    'ngay thang nam vao hoi',
  ],
  position: [
    'chuc vu',
    'chuc danh',
    'chuc vu doan',
    'chuc vu hoi',
    'chuc vu trong chi doan',
    'chuc vu trong chi hoi',
  ],
  note: ['ghi chu'],
  awayFromHome: [
    'lam an xa',
    'di lam an xa',
    'lao dong xa que',
    'di lam xa',
    'lam an xa noi lam viec',
    'lam an xa que',
  ],
};

const EXACT = new Map<string, Target>();
for (const [field, keys] of Object.entries(ALIASES) as Array<[Target, string[]]>) {
  for (const k of keys) EXACT.set(k, field);
}
/** Longer aliases first, for "starts with" matches ("so dien thoai cua doan vien"). */
const PREFIXES = [...EXACT.entries()]
  .filter(([k]) => k.includes(' '))
  .sort((a, b) => b[0].length - a[0].length);

/** The field a header text names, or null. */
export function matchHeader(text: string): Target | null {
  const key = headerKey(text);
  if (!key) return null;
  const exact = EXACT.get(key);
  if (exact) return exact;
  for (const [k, field] of PREFIXES) if (key.startsWith(`${k} `) || key.startsWith(`${k}/`)) return field;
  return null;
}

const NUMBERING = /^\(?\s*(\d{1,2}|[a-z])\s*\)?$/i;

/** A row like (1) (2) (3) … or A B C … under a header. */
export function isNumberingRow(cells: Cell[]): boolean {
  const texts = cells.map(cellText).filter(Boolean);
  return texts.length >= 3 && texts.every((t) => NUMBERING.test(t));
}

const SIGNATURE = [
  /^nguoi lap/,
  /\bnguoi lap (bieu|danh sach)/,
  /^t\s*[m/]\s*[.\s]/,
  /^tm\b/,
  /^xac nhan/,
  /^ky,? ghi ro ho ten/,
  /ngay\s*[.…\d\s]*thang\s*[.…\d\s]*nam/,
  /^(bi thu|pho bi thu|chi hoi truong|truong thon|to truong)$/,
];

/**
 * Where reading should stop: a totals row ("Tổng cộng", "Cộng") or the start of the signature block
 * ("Người lập biểu", "TM. BAN CHẤP HÀNH", "Xác nhận", "…, ngày … tháng … năm …"). Returns the reason or null.
 */
export function stopReason(cells: Cell[]): string | null {
  const texts = cells.map(cellText).filter(Boolean);
  if (texts.length === 0) return null;
  // A row numbered in its first cell is a member, whatever follows.
  if (typeof cells.find((c) => c !== null && cellText(c) !== '') === 'number') return null;
  // With accents: "Tổng" starts a totals row, "Tống" is a family name.
  const first = (texts[0] as string).normalize('NFC').toLowerCase();
  const plain = headerKey(first);
  const noMarks = plain === first.replace(/\s+/g, ' ').trim();
  if (
    /^(tổng cộng|tổng số)/.test(first) ||
    /^(tổng|cộng)\s*([:(.]|$)/.test(first) ||
    (noMarks && /^(tong cong|tong so)\b/.test(plain))
  ) {
    return `dòng tổng cộng "${texts[0]}"`;
  }
  if (texts.length <= 4) {
    for (const t of texts) {
      const k = headerKey(t);
      if (SIGNATURE.some((re) => re.test(k))) return `phần chữ ký "${t}"`;
    }
  }
  return null;
}

/** True when a row has nothing but (maybe) a number in its first filled cell: a blank numbered line. */
export function isBlankRow(cells: Cell[]): boolean {
  const filled = cells.filter((c) => c !== null && !isCellError(c) && cellText(c) !== '');
  return filled.length === 0 || (filled.length === 1 && typeof filled[0] === 'number');
}

export interface DetectedColumn {
  index: number;
  header: string;
  field: ImportField | null;
}
export interface Layout {
  headerRow: number;
  /** the first row that may hold data (after a second header row and a numbering row) */
  dataRow: number;
  columns: DetectedColumn[];
}

const SUB_HEADERS = new Set(['male', 'female', 'familyName', 'givenName', 'partyStatus']);

/** The field of a column with a parent header ("Ngày sinh") and a sub-header ("Nam"). */
function twoLevelField(top: string, sub: string): Target | null {
  const s = matchHeader(sub);
  const t = matchHeader(top);
  if (s === 'male' || s === 'female') return s; // Nam/Nữ under "Ngày sinh" or "Giới tính" both tell gender
  return s ?? t;
}

function scoreRow(cells: Cell[]): { fields: Set<Target>; hasName: boolean } {
  const fields = new Set<Target>();
  for (const c of cells) {
    if (typeof c !== 'string') continue;
    const f = matchHeader(c);
    if (f) fields.add(f);
  }
  const hasName = fields.has('fullName') || fields.has('givenName') || fields.has('familyName');
  return { fields, hasName };
}

/**
 * Finds the header among the first rows: the row naming the most known columns (at least two, one of
 * them a name). Returns null when no row qualifies.
 */
export function detectLayout(rows: Array<{ number: number; cells: Cell[] }>): Layout | null {
  let best: { i: number; score: number } | null = null;
  for (let i = 0; i < rows.length; i++) {
    const { fields, hasName } = scoreRow(rows[i]?.cells ?? []);
    if (!hasName || fields.size < 2) continue;
    if (!best || fields.size > best.score) best = { i, score: fields.size };
  }
  if (!best) return null;
  const header = rows[best.i] as { number: number; cells: Cell[] };
  const next = rows[best.i + 1];
  const subCells = next?.cells ?? [];
  const subFields = subCells.map((c) => (typeof c === 'string' ? matchHeader(c) : null));
  const isSub =
    subFields.some((f) => f !== null && SUB_HEADERS.has(f)) &&
    subCells.every(
      (c, k) => c === null || cellText(c) === '' || subFields[k] !== null || NUMBERING.test(cellText(c)),
    );
  const width = Math.max(header.cells.length, isSub ? subCells.length : 0);
  const columns: DetectedColumn[] = [];
  let parent = '';
  for (let k = 0; k < width; k++) {
    const topText = cellText(header.cells[k] ?? null);
    const subText = isSub ? cellText(subCells[k] ?? null) : '';
    // Merged parent headers ("Ngày sinh" over Nam | Nữ) only fill their first cell: carry them right.
    if (topText) parent = topText;
    const top = topText || (subText ? parent : '');
    if (!top && !subText) continue;
    const label = subText && top && subText !== top ? `${top} / ${subText}` : subText || top;
    const target = subText ? twoLevelField(top, subText) : matchHeader(top);
    columns.push({ index: k, header: label, field: target === 'stt' ? null : target });
  }
  let dataIndex = best.i + (isSub ? 2 : 1);
  const maybeNumbers = rows[dataIndex];
  if (maybeNumbers && isNumberingRow(maybeNumbers.cells)) dataIndex++;
  const dataRow = rows[dataIndex]?.number ?? (rows[rows.length - 1]?.number ?? header.number) + 1;
  return { headerRow: header.number, dataRow, columns: dedupeFields(columns) };
}

/** When two columns claim the same field, the first keeps it (the user can change it on the mapping screen). */
function dedupeFields(columns: DetectedColumn[]): DetectedColumn[] {
  const seen = new Set<ImportField>();
  return columns.map((c) => {
    if (!c.field) return c;
    if (seen.has(c.field)) return { ...c, field: null };
    seen.add(c.field);
    return c;
  });
}
