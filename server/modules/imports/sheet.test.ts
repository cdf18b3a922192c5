import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cellText, columnLetter, readSheets } from './sheet';

/** A sheet with enough distinct Vietnamese text that the XML spans many 16 KB chunks. */
async function vietnameseWorkbook(rows: number): Promise<{ data: Buffer; names: string[] }> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  const family = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Võ', 'Đặng', 'Bùi'];
  const middle = ['Thị', 'Văn', 'Đức', 'Ngọc', 'Hữu', 'Thùy', 'Xuân', 'Quỳnh'];
  const given = ['Hồng', 'Hường', 'Đức', 'Nguyệt', 'Thủy', 'Ánh', 'Yến', 'Hải', 'Dũng', 'Phượng'];
  const names: string[] = [];
  for (let i = 0; i < rows; i++) {
    const name = `${family[i % 10]} ${middle[(i >> 1) % 8]} ${given[(i >> 3) % 10]} ${i}`;
    names.push(name);
    // the formula's cached text lives in the worksheet XML, not in the shared strings
    ws.addRow([i + 1, name, { formula: `B${i + 1}`, result: `${name} (thôn Đông)` }]);
  }
  return { data: Buffer.from(await wb.xlsx.writeBuffer()), names };
}

describe('readSheets', () => {
  it('keeps every multibyte letter whole across the reader’s chunk boundaries', async () => {
    const { data, names } = await vietnameseWorkbook(6000);
    let n = 0;
    for await (const sheet of readSheets(data, 'xlsx')) {
      for await (const row of sheet.rows) {
        expect(cellText(row.cells[1] ?? null)).toBe(names[n]);
        expect(cellText(row.cells[2] ?? null)).toBe(`${names[n]} (thôn Đông)`);
        n++;
      }
    }
    expect(n).toBe(6000);
  });

  it('names columns as Excel does', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnLetter)).toEqual([
      'A',
      'Z',
      'AA',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
  });
});
