import {
  AlignmentType,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { ExportPerson } from './export-data';
import { GENDER_LABEL, PARTY_LABEL, viBirth, viDate } from './labels';

/** What the "danh sách trích ngang" of a unit prints besides its people. */
export interface RollHeader {
  /** the unit above (printed first, top-left), e.g. "Đoàn xã Thạch Khê" */
  parentName: string | null;
  unitName: string;
  /** "đoàn viên" | "hội viên" */
  memberTerm: string;
  /** where the document is signed, e.g. "Thạch Khê" */
  place: string;
  /** today, 'yyyy-mm-dd' (Vietnam time) */
  today: string;
  /** the branch's head: "BÍ THƯ" for Đoàn, "CHI HỘI TRƯỞNG" otherwise */
  headTitle: string;
  /** print ethnicity and Party status (the actor may read them; the export is audited) */
  sensitive: boolean;
}

// A4 landscape in twips; 2 cm margins, 2.5 cm on the binding side.
const PAGE = { width: 11906, height: 16838, orientation: PageOrientation.LANDSCAPE };
const MARGIN = { top: 1134, bottom: 1134, left: 1418, right: 1134 };
const WIDTH = PAGE.height - MARGIN.left - MARGIN.right;
const HEAD = [
  'STT',
  'Họ và tên',
  'Ngày sinh',
  'Giới tính',
  'Dân tộc',
  'Nghề nghiệp',
  'Trình độ',
  'Đảng viên',
];
const HEAD_TAIL = ['Ngày vào Đoàn/Hội', 'Chức vụ', 'Ghi chú'];
const SHARES = [5, 19, 9, 6, 7, 11, 7, 8, 9, 8, 11];

const text = (
  value: string,
  o: { bold?: boolean; italics?: boolean; underline?: boolean; size?: number } = {},
) =>
  new TextRun({
    text: value,
    bold: o.bold,
    italics: o.italics,
    size: o.size,
    underline: o.underline ? {} : undefined,
  });
const line = (runs: TextRun[], align: 'left' | 'center' = 'center', after = 0) =>
  new Paragraph({
    children: runs,
    alignment: align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
    spacing: { after },
  });
const box = (children: Paragraph[], width: number) =>
  new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
  });
/** Blocks side by side, without borders. */
const sideBySide = (blocks: Paragraph[][]) => {
  const width = Math.floor(WIDTH / blocks.length);
  return new Table({
    width: { size: WIDTH, type: WidthType.DXA },
    columnWidths: blocks.map(() => width),
    borders: TableBorders.NONE,
    rows: [new TableRow({ children: blocks.map((b) => box(b, width)) })],
  });
};

function heading(h: RollHeader): Table {
  const [y, m, d] = h.today.split('-');
  const left = [
    ...(h.parentName ? [line([text(h.parentName.toUpperCase())])] : []),
    line([text(h.unitName.toUpperCase(), { bold: true })]),
    line([text('***')]),
  ];
  const right = [
    line([text('CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true })]),
    line([text('Độc lập - Tự do - Hạnh phúc', { bold: true, underline: true })], 'center', 120),
    line([text(`${h.place}, ngày ${d} tháng ${m} năm ${y}`, { italics: true })]),
  ];
  return sideBySide([left, right]);
}

function roll(people: ExportPerson[], sensitive: boolean): Table {
  const total = SHARES.reduce((a, b) => a + b, 0);
  const widths = SHARES.map((s) => Math.floor((WIDTH * s) / total));
  const cellOf = (value: string, i: number, bold = false) =>
    box(
      [line([text(value, { bold, size: 22 })], bold || !(i === 1 || i >= 9) ? 'center' : 'left')],
      widths[i] ?? 0,
    );
  const head = new TableRow({
    tableHeader: true,
    children: [...HEAD, ...HEAD_TAIL].map((h, i) => cellOf(h, i, true)),
  });
  const body = people.map((p, n) => {
    const joined =
      p.memberships
        .map((m) => m.joinedOn)
        .filter((v): v is string => !!v)
        .sort()[0] ?? null;
    const positions = [...new Set(p.memberships.map((m) => m.position).filter(Boolean))].join('; ');
    const note = p.awayFromHome ? `Làm ăn xa${p.awayPlace ? `: ${p.awayPlace}` : ''}` : '';
    const values = [
      String(n + 1),
      `${p.familyName} ${p.givenName}`.trim(),
      viBirth(p),
      GENDER_LABEL[p.gender] ?? p.gender,
      sensitive ? (p.ethnicity ?? '') : '',
      p.occupation ?? '',
      p.education ?? '',
      sensitive ? (PARTY_LABEL[p.partyStatus ?? 'none'] ?? '') : '',
      viDate(joined),
      positions,
      note,
    ];
    return new TableRow({ cantSplit: true, children: values.map((v, i) => cellOf(v, i)) });
  });
  return new Table({
    width: { size: WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [head, ...body],
  });
}

/** The "danh sách trích ngang" of a unit: A4 landscape, administrative header, table, signatures. */
export async function renderRoll(h: RollHeader, people: ExportPerson[]): Promise<Buffer> {
  const sign = (title: string) => [
    line([text(title, { bold: true })]),
    line([text('(Ký, ghi rõ họ tên)', { italics: true, size: 22 })]),
  ];
  const doc = new Document({
    creator: 'DoanHoi',
    title: `Danh sách trích ngang ${h.memberTerm} - ${h.unitName}`,
    styles: { default: { document: { run: { font: 'Times New Roman', size: 26 } } } },
    sections: [
      {
        properties: { page: { size: PAGE, margin: MARGIN } },
        children: [
          heading(h),
          line([], 'center', 240),
          line([text(`DANH SÁCH TRÍCH NGANG ${h.memberTerm.toUpperCase()}`, { bold: true, size: 30 })]),
          line([text(h.unitName, { bold: true })], 'center', 240),
          roll(people, h.sensitive),
          line([text(`Tổng số: ${people.length} ${h.memberTerm}.`, { italics: true })], 'left', 240),
          sideBySide([sign('NGƯỜI LẬP DANH SÁCH'), sign(h.headTitle)]),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
