/** Reading the .xlsx files the API sends, in integration tests. */
import ExcelJS from 'exceljs';

/** The workbook of an inject() response's body. */
export async function workbookOf(res: { rawPayload: Buffer }): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return wb;
}

/** The last row of a sheet whose cell in column `col` (1-based) is `value`; throws when there is none. */
export function rowWhere(sheet: ExcelJS.Worksheet, col: number, value: unknown): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (row.getCell(col).value === value) found = row;
  });
  if (!found) throw new Error(`no row of sheet ${sheet.name} has ${String(value)} in column ${col}`);
  return found;
}
