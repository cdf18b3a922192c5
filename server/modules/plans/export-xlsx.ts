/**
 * A plan's progress as an .xlsx workbook: the plan, each target beside the actual figure at the unit shown, and
 * the same per child unit — what a commune or province officer sends up with the periodic report.
 */
import ExcelJS from 'exceljs';
import type { PlanDetail, ProgressRow } from '../../../contracts/plans';
import { vnDate as day } from '../../lib/vn-time';
import { cell, LEVEL, numFmt } from '../oversight/export-xlsx';
import { neutralise } from '../people/export-xlsx';

const verdict = (r: ProgressRow) => (r.attained === null ? '' : r.attained ? 'Đạt' : 'Chưa đạt');

export async function planXlsx(d: PlanDetail): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'DoanHoi';
  const p = d.plan;
  const sheet = wb.addWorksheet('Tiến độ');
  sheet.addRow([neutralise(p.title)]).font = { bold: true, size: 13 };
  if (p.number || p.issuedOn) {
    sheet.addRow([
      [p.number && `Số ${neutralise(p.number)}`, p.issuedOn && `ngày ${day(p.issuedOn)}`]
        .filter(Boolean)
        .join(', '),
    ]);
  }
  sheet.addRow([`Kỳ: ${d.period.label} (${day(d.period.start)} – ${day(d.period.end)})`]);
  sheet.addRow([
    `Đơn vị: ${neutralise(d.unit.name)}${d.unit.isPlanUnit ? '' : ` (chỉ tiêu được giao từ ${neutralise(p.unitName)})`}`,
  ]);
  sheet.addRow([]);
  sheet.addRow(['STT', 'Chỉ tiêu', 'Chỉ tiêu giao', 'Thực hiện', 'Kết quả', 'Ghi chú']).font = { bold: true };
  d.unit.rows.forEach((r, i) => {
    const row = sheet.addRow([
      i + 1,
      r.label,
      cell(r.target),
      cell(r.actual),
      verdict(r),
      r.lowerIsBetter ? 'Càng thấp càng tốt: đạt khi không vượt chỉ tiêu' : '',
    ]);
    for (const c of [3, 4]) row.getCell(c).numFmt = numFmt(r);
  });
  sheet.columns = [{ width: 6 }, { width: 44 }, { width: 14 }, { width: 14 }, { width: 12 }, { width: 48 }];

  const per = wb.addWorksheet('Theo đơn vị');
  const indicators = d.unit.rows;
  per.addRow([`${neutralise(p.title)} — ${neutralise(d.unit.name)}: theo đơn vị trực thuộc`]).font = {
    bold: true,
    size: 13,
  };
  per.addRow([]);
  per.addRow([
    'STT',
    'Đơn vị',
    'Cấp',
    ...indicators.flatMap((r) => [`${r.label} — giao`, `${r.label} — thực hiện`]),
    'Số chỉ tiêu đạt',
  ]).font = { bold: true };
  d.children.forEach((ch, i) => {
    const rows = indicators.map((ind) => ch.rows.find((r) => r.indicator === ind.indicator) ?? null);
    const judged = rows.filter((r) => r && r.attained !== null);
    const row = per.addRow([
      i + 1,
      neutralise(ch.name),
      LEVEL[ch.level] ?? ch.level,
      ...rows.flatMap((r) => [cell(r?.target ?? null), cell(r?.actual ?? null)]),
      `${judged.filter((r) => r?.attained).length}/${judged.length}`,
    ]);
    indicators.forEach((ind, j) => {
      for (const c of [4 + 2 * j, 5 + 2 * j]) row.getCell(c).numFmt = numFmt(ind);
    });
  });
  per.columns = [
    { width: 6 },
    { width: 34 },
    { width: 16 },
    ...indicators.flatMap(() => [{ width: 14 }, { width: 14 }]),
    { width: 14 },
  ];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
