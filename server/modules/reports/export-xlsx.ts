/** A report's tables as .xlsx: "Chỉ tiêu" (this period and the previous one) and "Theo đơn vị" (per child unit). */
import ExcelJS from 'exceljs';
import type { Definition } from '../../../contracts/oversight';
import type { ReportDetail } from '../../../contracts/reports';
import { neutralise } from '../people/export-xlsx';
import { STATUS_LABEL } from './workflow';

const LEVEL: Record<string, string> = { province: 'Tỉnh', grassroots: 'Cơ sở (xã, phường)', branch: 'Chi' };
const cell = (v: number | null) => (v === null ? '' : v);
const numFmt = (d: Definition) => (d.format === 'percent' ? '0.0%' : d.format === 'days' ? '0.0' : '#,##0');

export async function reportXlsx(r: ReportDetail): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'DoanHoi';
  const title = `Báo cáo ${r.period.label} — ${neutralise(r.unit.name)}`;
  const state = r.live
    ? 'Nháp: số liệu tính tại thời điểm tải'
    : `${STATUS_LABEL[r.status]}: số liệu chốt khi gửi`;

  const sum = wb.addWorksheet('Chỉ tiêu');
  sum.addRow([title]).font = { bold: true, size: 13 };
  sum.addRow([state]);
  sum.addRow([]);
  sum.addRow(['Chỉ tiêu', `Kỳ này (${r.period.label})`, `Kỳ trước (${r.previous.label})`]).font = {
    bold: true,
  };
  for (const d of r.definitions) {
    const f = r.figures[d.key];
    const row = sum.addRow([neutralise(d.label), cell(f.value), cell(f.previous)]);
    for (const c of [2, 3]) row.getCell(c).numFmt = numFmt(d);
  }
  sum.columns = [{ width: 48 }, { width: 20 }, { width: 20 }];

  const per = wb.addWorksheet('Theo đơn vị');
  per.addRow([`${title} — theo đơn vị trực thuộc`]).font = { bold: true, size: 13 };
  per.addRow([]);
  per.addRow(['STT', 'Đơn vị', 'Cấp', ...r.definitions.map((d) => neutralise(d.label))]).font = {
    bold: true,
  };
  r.children.forEach((ch, i) => {
    const row = per.addRow([
      i + 1,
      neutralise(ch.name),
      LEVEL[ch.level] ?? neutralise(ch.level),
      ...r.definitions.map((d) => cell(ch.figures[d.key].value)),
    ]);
    r.definitions.forEach((d, j) => {
      row.getCell(4 + j).numFmt = numFmt(d);
    });
  });
  per.columns = [{ width: 6 }, { width: 34 }, { width: 16 }, ...r.definitions.map(() => ({ width: 14 }))];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
