import {
  AlignmentType,
  Document,
  HeightRule,
  ImageRun,
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

/** Everything printed on a meeting's attendance sheet. */
export interface SheetData {
  organizationCode: string;
  memberTerm: string;
  parentName: string | null;
  unitName: string;
  periodLabel: string;
  kindLabel: string;
  /** 'dd/mm/yyyy' and 'HH:mm', Vietnam time */
  date: string;
  time: string;
  place: string | null;
  themeTitle: string | null;
  /** invitees in Vietnamese name order */
  people: { fullName: string; birthYear: number | null; awayFromHome: boolean; awayPlace: string | null }[];
  checkin: { code: string; url: string; qrPng: Buffer } | null;
}

// A4 portrait in twips (1/1440 inch); margins 2.5 cm left, 1.5 cm right, 2 cm top and bottom.
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: 1134, bottom: 1134, left: 1418, right: 850 };
const CONTENT = PAGE.width - MARGIN.left - MARGIN.right;
const COLUMNS = [650, 3300, 1000, 2188, CONTENT - 650 - 3300 - 1000 - 2188];
const HEADERS = ['STT', 'Họ và tên', 'Năm sinh', 'Ghi chú', 'Ký tên'];
/** 1.2 cm: room for a signature */
const SIGN_ROW = 680;

const run = (text: string, o: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
  new TextRun({ text, ...o });
type Runs = (TextRun | ImageRun)[] | string;
const para = (
  children: Runs,
  o: { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; after?: number } = {},
) =>
  new Paragraph({
    children: typeof children === 'string' ? [run(children)] : children,
    alignment: o.align,
    spacing: { after: o.after ?? 0 },
  });
const centered = (children: Runs, after = 0) => para(children, { align: AlignmentType.CENTER, after });
const cell = (children: Paragraph[], width: number, o: { span?: number } = {}) =>
  new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    columnSpan: o.span,
    verticalAlign: VerticalAlign.CENTER,
  });
/** A table without borders, for laying out blocks side by side. */
const layout = (widths: number[], cells: Paragraph[][]) =>
  new Table({
    width: { size: CONTENT, type: WidthType.DXA },
    columnWidths: widths,
    borders: TableBorders.NONE,
    rows: [new TableRow({ children: cells.map((c, i) => cell(c, widths[i] ?? 0)) })],
  });

function header(d: SheetData): Table {
  const right =
    d.organizationCode === 'DOAN'
      ? [centered([run('ĐOÀN TNCS HỒ CHÍ MINH', { bold: true })])]
      : [
          centered([run('CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 24 })]),
          centered([run('Độc lập - Tự do - Hạnh phúc', { bold: true })]),
        ];
  const left = [
    ...(d.parentName ? [centered(d.parentName.toUpperCase())] : []),
    centered([run(d.unitName.toUpperCase(), { bold: true })]),
    centered('***'),
  ];
  return layout([4200, CONTENT - 4200], [left, right]);
}

function details(d: SheetData): Paragraph[] {
  const line = (label: string, value: string) =>
    para([run(`${label}: `, { bold: true }), run(value)], { after: 60 });
  return [
    line('Kỳ sinh hoạt', `${d.periodLabel} (${d.kindLabel})`),
    line('Thời gian', `${d.time}, ngày ${d.date}`),
    line('Địa điểm', d.place ?? '……………………………………'),
    ...(d.themeTitle ? [line('Chủ điểm', d.themeTitle)] : []),
  ];
}

function checkinBlock(c: NonNullable<SheetData['checkin']>): Paragraph[] {
  return [
    centered([new ImageRun({ type: 'png', data: c.qrPng, transformation: { width: 110, height: 110 } })]),
    centered([run('Mã điểm danh: ', { size: 22 }), run(c.code, { bold: true, size: 28 })]),
    centered([run('Quét mã QR hoặc nhập mã để tự điểm danh', { italics: true, size: 20 })]),
  ];
}

function peopleTable(d: SheetData): Table {
  const headerRow = new TableRow({
    tableHeader: true,
    children: HEADERS.map((h, i) => cell([centered([run(h, { bold: true })])], COLUMNS[i] ?? 0)),
  });
  const groups = [
    { title: `I. ${d.memberTerm} sinh hoạt tại địa phương`, people: d.people.filter((p) => !p.awayFromHome) },
    { title: `II. ${d.memberTerm} làm ăn xa`, people: d.people.filter((p) => p.awayFromHome) },
  ];
  const rows = [headerRow];
  let n = 0;
  for (const g of groups) {
    rows.push(
      new TableRow({
        cantSplit: true,
        children: [
          cell([para([run(`${g.title} (${g.people.length} người)`, { bold: true })])], CONTENT, { span: 5 }),
        ],
      }),
    );
    for (const p of g.people) {
      n++;
      const note = p.awayFromHome ? `Làm ăn xa${p.awayPlace ? `: ${p.awayPlace}` : ''}` : '';
      const values = [String(n), p.fullName, p.birthYear ? String(p.birthYear) : '', note, ''];
      rows.push(
        new TableRow({
          cantSplit: true,
          height: { value: SIGN_ROW, rule: HeightRule.ATLEAST },
          children: values.map((v, i) =>
            cell(
              [
                para([run(v, { size: i === 3 ? 22 : 26 })], {
                  align: i === 1 || i === 3 ? undefined : AlignmentType.CENTER,
                }),
              ],
              COLUMNS[i] ?? 0,
            ),
          ),
        }),
      );
    }
  }
  return new Table({ width: { size: CONTENT, type: WidthType.DXA }, columnWidths: COLUMNS, rows });
}

function signatures(): Table {
  const block = (title: string) => [
    centered([run(title, { bold: true })]),
    centered([run('(Ký, ghi rõ họ tên)', { italics: true, size: 22 })]),
  ];
  return layout([CONTENT / 2, CONTENT / 2], [block('THƯ KÝ'), block('CHỦ TRÌ')]);
}

/** The A4 attendance sheet of a meeting as a .docx file. */
export async function renderAttendanceSheet(d: SheetData): Promise<Buffer> {
  const away = d.people.filter((p) => p.awayFromHome).length;
  const info = d.checkin
    ? [layout([CONTENT - 3000, 3000], [details(d), checkinBlock(d.checkin)])]
    : details(d);
  const doc = new Document({
    creator: 'DoanHoi',
    title: `Danh sách điểm danh sinh hoạt - ${d.unitName} - ${d.periodLabel}`,
    styles: { default: { document: { run: { font: 'Times New Roman', size: 26 } } } },
    sections: [
      {
        properties: { page: { size: PAGE, margin: MARGIN } },
        children: [
          header(d),
          centered('', 120),
          centered([run('DANH SÁCH ĐIỂM DANH SINH HOẠT', { bold: true, size: 30 })], 60),
          centered([run(d.unitName, { bold: true })], 200),
          ...info,
          centered('', 120),
          peopleTable(d),
          centered('', 120),
          para(
            `Tổng số được triệu tập: ${d.people.length} người (trong đó làm ăn xa: ${away} người). Có mặt: ……… người.`,
            { after: 240 },
          ),
          signatures(),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
