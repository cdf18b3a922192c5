/** The dashboard as an .xlsx workbook: the figures with the previous period, and the same figures per child unit. */
import ExcelJS from 'exceljs';
import type { Dashboard, Definition, Figure } from '../../../contracts/oversight';
import { neutralise } from '../people/export-xlsx';

/** Unit levels as written in the workbooks. */
export const LEVEL: Record<string, string> = {
  province: 'Tỉnh',
  grassroots: 'Cơ sở (xã, phường)',
  branch: 'Chi',
};

/** A figure as a cell (empty when there is none); percentages stay fractions under a % format. */
export const cell = (v: number | null) => (v === null ? '' : v);
/** The number format of a figure of this format. */
export const numFmt = (d: Pick<Definition, 'format'>) =>
  d.format === 'percent' ? '0.0%' : d.format === 'days' ? '0.0' : '#,##0';
const change = (f: Figure) => (f.value === null || f.previous === null ? '' : f.value - f.previous);

export async function dashboardXlsx(d: Dashboard): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'DoanHoi';
  const scope = d.unit?.name ?? 'Toàn bộ phạm vi';
  const title = `Giám sát, đánh giá — ${scope} — ${d.period.label}`;

  const sum = wb.addWorksheet('Tổng hợp');
  sum.addRow([title]).font = { bold: true, size: 13 };
  sum.addRow([`So với: ${d.previous.label}${d.organization ? ` — Tổ chức: ${d.organization}` : ''}`]);
  sum.addRow([]);
  const head = sum.addRow([
    'Chỉ tiêu',
    d.period.label,
    d.previous.label,
    'Thay đổi',
    'Cách tính (các dòng được đếm)',
  ]);
  head.font = { bold: true };
  for (const def of d.definitions) {
    const f = d.figures[def.key];
    const row = sum.addRow([def.label, cell(f.value), cell(f.previous), change(f), def.counts]);
    for (const c of [2, 3, 4]) row.getCell(c).numFmt = numFmt(def);
  }
  sum.columns = [{ width: 42 }, { width: 16 }, { width: 16 }, { width: 12 }, { width: 90 }];

  const per = wb.addWorksheet('Theo đơn vị');
  const cols = d.definitions;
  per.addRow([`${title} — theo đơn vị trực thuộc`]).font = { bold: true, size: 13 };
  per.addRow([]);
  per.addRow(['STT', 'Đơn vị', 'Cấp', ...cols.map((c) => c.label)]).font = { bold: true };
  d.children.forEach((ch, i) => {
    const row = per.addRow([
      i + 1,
      neutralise(ch.name),
      LEVEL[ch.level] ?? ch.level,
      ...cols.map((c) => cell(ch.figures[c.key].value)),
    ]);
    cols.forEach((c, j) => {
      row.getCell(4 + j).numFmt = numFmt(c);
    });
  });
  per.columns = [{ width: 6 }, { width: 34 }, { width: 16 }, ...cols.map(() => ({ width: 14 }))];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
