/**
 * A periodic report as .docx in the Vietnamese administrative layout (Nghị định 30/2020/NĐ-CP): issuing body and
 * national motto side by side, number and symbol, place and date, title, body, tables, signature and recipients.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { Indicator } from '../../../contracts/oversight';
import type { ReportDetail } from '../../../contracts/reports';
import { formatFigure, monthsOf, periodPhrase, vnNumber } from './text';

export interface IssuingBody {
  /** the body above the unit (line 1), e.g. "Tỉnh Đoàn Hà Tĩnh"; the organization's name for a top unit */
  parentName: string;
  unitName: string;
  /** where it is signed, e.g. "Thạch Khê" */
  place: string;
  /** the day printed when the report has no signing date, 'yyyy-mm-dd' */
  today: string;
}

// A4 portrait in twips; margins top 20 mm, bottom 20 mm, left 30 mm, right 15 mm.
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: 1134, bottom: 1134, left: 1701, right: 850 };
const WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const BODY = 28; // 14 pt
const SMALL = 26; // 13 pt
const TABLE = 24; // 12 pt

/** The per-unit table's columns (a readable subset; the .xlsx carries all of them). */
const PER_UNIT: Indicator[] = [
  'people',
  'admitted',
  'complianceRate',
  'attendanceRate',
  'voiceReceived',
  'voiceResolved',
];

type Run = { bold?: boolean; italics?: boolean; underline?: boolean; size?: number };
const run = (text: string, o: Run = {}) =>
  new TextRun({
    text,
    bold: o.bold,
    italics: o.italics,
    size: o.size,
    underline: o.underline ? {} : undefined,
  });
const para = (
  children: TextRun[],
  align: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.CENTER,
  after = 0,
  indent?: number,
) =>
  new Paragraph({
    children,
    alignment: align,
    spacing: { after },
    indent: indent ? { firstLine: indent } : undefined,
  });
/** A short centred rule under a heading line. */
const rule = (inset: number) =>
  new Paragraph({
    children: [],
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    indent: { left: inset, right: inset },
    spacing: { after: 60 },
  });
const cell = (children: Paragraph[], width: number) =>
  new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
  });
const sideBySide = (blocks: Paragraph[][], shares: number[]) => {
  const widths = shares.map((s) => Math.floor(WIDTH * s));
  return new Table({
    width: { size: WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: TableBorders.NONE,
    rows: [new TableRow({ children: blocks.map((b, i) => cell(b, widths[i] ?? 0)) })],
  });
};

function header(r: ReportDetail, b: IssuingBody): Table {
  const day = r.signedOn ?? b.today;
  const [y, m, d] = day.split('-');
  const left = [
    para([run(b.parentName.toUpperCase(), { size: SMALL })]),
    para([run(`BCH ${b.unitName.toUpperCase()}`, { bold: true, size: SMALL })]),
    rule(1200),
    para([run(`Số: ${r.number ?? '      -BC'}`, { size: SMALL })]),
  ];
  const right = [
    // 12 pt: the motto's first line must fit its column on one line (Nghị định 30/2020, phụ lục I)
    para([run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: TABLE })]),
    para(
      [run('Độc lập - Tự do - Hạnh phúc', { bold: true, underline: true, size: BODY })],
      AlignmentType.CENTER,
      240,
    ),
    para([run(`${r.place ?? b.place}, ngày ${d} tháng ${m} năm ${y}`, { italics: true, size: BODY })]),
  ];
  return sideBySide([left, right], [0.38, 0.62]);
}

/** A bordered table; `left` are the columns of text (names, labels) aligned left, the figures are centred. */
function grid(head: string[], body: string[][], shares: number[], left: readonly number[]): Table {
  const total = shares.reduce((a, x) => a + x, 0);
  const widths = shares.map((s) => Math.floor((WIDTH * s) / total));
  const row = (values: string[], bold: boolean) =>
    new TableRow({
      cantSplit: true,
      tableHeader: bold,
      children: values.map((v, i) =>
        cell(
          [
            para(
              [run(v, { bold, size: TABLE })],
              left.includes(i) && !bold ? AlignmentType.LEFT : AlignmentType.CENTER,
            ),
          ],
          widths[i] ?? 0,
        ),
      ),
    });
  return new Table({
    width: { size: WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [row(head, true), ...body.map((v) => row(v, false))],
  });
}

function figuresTable(r: ReportDetail): Table {
  return grid(
    ['Chỉ tiêu', `Kỳ này (${r.period.label})`, `Kỳ trước (${r.previous.label})`],
    r.definitions.map((d) => [
      d.label,
      formatFigure(r.figures[d.key].value, d),
      formatFigure(r.figures[d.key].previous, d),
    ]),
    [6, 2.2, 2.2],
    [0],
  );
}

function perUnitTable(r: ReportDetail): Table {
  const defs = PER_UNIT.map((k) => r.definitions.find((d) => d.key === k)).filter((d) => d !== undefined);
  return grid(
    ['TT', 'Đơn vị', ...defs.map((d) => d.label)],
    r.children.map((c, i) => [
      vnNumber(i + 1),
      c.name,
      ...defs.map((d) => formatFigure(c.figures[d.key].value, d)),
    ]),
    [1, 4, ...defs.map(() => 2)],
    [1],
  );
}

function signature(r: ReportDetail): Table {
  const recipients = (r.recipients ?? '').split('\n').filter((l) => l.trim() !== '');
  const left = [
    para([run('Nơi nhận:', { bold: true, italics: true, size: 24 })], AlignmentType.LEFT),
    ...recipients.map((l) => para([run(l, { size: 22 })], AlignmentType.LEFT)),
  ];
  const right = [
    para([run('T/M BAN CHẤP HÀNH', { bold: true, size: BODY })]),
    para([run(r.signerTitle ?? '', { bold: true, size: BODY })], AlignmentType.CENTER, 1400),
    para([run(r.signerName ?? '', { bold: true, size: BODY })]),
  ];
  return sideBySide([left, right], [0.5, 0.5]);
}

/** The report as a Word document. */
export async function reportDocx(r: ReportDetail, b: IssuingBody): Promise<Buffer> {
  const phrase = periodPhrase({ key: r.period.key, months: monthsOf(r.period.key) });
  const body: Paragraph[] = [];
  for (const s of r.narrative) {
    body.push(para([run(s.title, { bold: true, size: BODY })], AlignmentType.LEFT, 80));
    for (const line of s.text.split('\n').filter((l) => l.trim() !== '')) {
      body.push(para([run(line, { size: BODY })], AlignmentType.JUSTIFIED, 80, 567));
    }
  }
  const doc = new Document({
    creator: 'DoanHoi',
    title: `Báo cáo ${r.period.label} - ${r.unit.name}`,
    styles: { default: { document: { run: { font: 'Times New Roman', size: BODY } } } },
    sections: [
      {
        properties: { page: { size: PAGE, margin: MARGIN } },
        children: [
          header(r, b),
          para([], AlignmentType.CENTER, 240),
          para([run('BÁO CÁO', { bold: true, size: 30 })]),
          para([
            run(
              `Kết quả thực hiện Chỉ thị của Ban Thường vụ Tỉnh ủy về nâng cao hiệu quả hoạt động của chi đoàn, chi hội ${phrase}`,
              { bold: true, size: BODY },
            ),
          ]),
          rule(3200),
          para([], AlignmentType.CENTER, 120),
          ...body,
          para([run('BẢNG 1. CÁC CHỈ TIÊU', { bold: true, size: SMALL })], AlignmentType.CENTER, 80),
          figuresTable(r),
          ...(r.children.length > 0
            ? [
                para([], AlignmentType.CENTER, 120),
                para(
                  [run('BẢNG 2. SỐ LIỆU THEO ĐƠN VỊ TRỰC THUỘC', { bold: true, size: SMALL })],
                  AlignmentType.CENTER,
                  80,
                ),
                perUnitTable(r),
              ]
            : []),
          para([], AlignmentType.CENTER, 240),
          signature(r),
          // A document cannot end on a table: Word and LibreOffice add a paragraph after it, at the body's size,
          // which spills onto an empty last page when the signature ends low. Ours is 1 pt and takes no room.
          new Paragraph({
            children: [new TextRun({ text: '', size: 2 })],
            spacing: { before: 0, after: 0, line: 20 },
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
