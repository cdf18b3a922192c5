/** The .xlsx files an import hands back: the template with instructions, and the rejected rows with a reason. */
import ExcelJS from 'exceljs';
import { neutralise } from '../people/export-xlsx';
import type { StoredRow } from './imports.repo';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

/** The rejected rows as they were in the file, with the row number and a "Lý do" column. */
export async function rejectedWorkbook(
  columns: Array<{ index: number; header: string }>,
  list: StoredRow[],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'DoanHoi';
  const ws = wb.addWorksheet('Dòng chưa nhập', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: 'Dòng trong tệp gốc', key: 'row', width: 10 },
    ...columns.map((c) => ({
      header: neutralise(c.header),
      key: `c${c.index}`,
      width: Math.min(30, Math.max(10, c.header.length + 2)),
    })),
    { header: 'Lý do', key: 'reason', width: 80 },
  ];
  for (const r of list) {
    const values: Record<string, string | number> = { row: r.rowNumber };
    for (const c of columns) values[`c${c.index}`] = neutralise(r.raw[c.index] ?? '');
    const reasons = r.problems
      .filter((p) => p.severity === 'error' || r.status === 'duplicate')
      .map((p) => (p.column ? `Cột ${p.column} (${p.header}): ${p.message}` : p.message));
    if (r.duplicateOfRow) reasons.unshift(`Trùng với dòng ${r.duplicateOfRow} trong cùng tệp`);
    values.reason = neutralise(reasons.join('; '));
    const row = ws.addRow(values);
    row.getCell('reason').alignment = { wrapText: true, vertical: 'top' };
  }
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).fill = HEADER_FILL;
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length + 2 } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const TEMPLATE_COLUMNS: Array<[string, number, string]> = [
  ['STT', 6, '1'],
  ['Họ và tên', 26, 'Nguyễn Thị Hồng'],
  ['Ngày sinh', 12, '05/03/1998'],
  ['Giới tính', 9, 'Nữ'],
  ['Dân tộc', 9, 'Kinh'],
  ['Tôn giáo', 11, 'Không'],
  ['Số điện thoại', 14, '0912345678'],
  ['Số CCCD', 15, '042198001234'],
  ['Thôn/Tổ dân phố', 18, 'Thôn Đông'],
  ['Nghề nghiệp', 14, 'Nông dân'],
  ['Trình độ', 10, '12/12'],
  ['Đảng viên', 10, ''],
  ['Ngày vào Đoàn/Hội', 14, '26/03/2014'],
  ['Chức vụ', 14, ''],
  ['Làm ăn xa', 14, ''],
  ['Ghi chú', 20, ''],
];

const INSTRUCTIONS = [
  'HƯỚNG DẪN NHẬP DANH SÁCH',
  '',
  '1. Ghi mỗi người một dòng ở trang "Danh sách", bắt đầu từ dòng 2 (xem dòng ví dụ ở cuối trang này).',
  '2. Họ và tên: ghi đủ họ, tên đệm và tên. Có thể tách thành hai cột "Họ đệm" và "Tên".',
  '3. Ngày sinh: dd/mm/yyyy (ví dụ 05/03/1998). Chỉ biết năm thì ghi năm (1998).',
  '4. Giới tính: Nam hoặc Nữ. Có thể thay bằng hai cột "Nam" và "Nữ", đánh dấu x vào một cột.',
  '5. Số điện thoại: 10 chữ số, bắt đầu bằng 0. Số CCCD: đủ 12 chữ số.',
  '   Để Excel không làm mất số 0 ở đầu, định dạng hai cột này là Văn bản (Text) trước khi nhập.',
  '6. Thôn/Tổ dân phố: ghi đúng tên thôn trong xã (khi nhập cho cả xã, dùng để xếp người vào đúng chi).',
  '7. Đảng viên: x (chính thức), "Dự bị", hoặc để trống. Làm ăn xa: x, hoặc ghi nơi đang làm ăn.',
  '8. Không ghi dòng "Tổng cộng" hay chữ ký xen giữa danh sách; nếu có, đặt ở cuối, hệ thống sẽ dừng đọc ở đó.',
  '9. Được phép đổi thứ tự cột, thêm dòng tiêu đề phía trên: hệ thống tự tìm dòng tiêu đề và cho chọn lại cột.',
  '',
  'Sau khi tải lên, hệ thống kiểm tra từng dòng, nêu rõ dòng nào, cột nào sai và cách sửa, và báo người đã có',
  'trong hệ thống. Có thể nhập tất cả (chỉ khi không còn dòng lỗi) hoặc chỉ các dòng hợp lệ, rồi tải về các dòng',
  'chưa nhập kèm cột "Lý do" để sửa và nhập tiếp.',
];

/** The template: a "Danh sách" sheet with the usual columns and an example row, and an instructions sheet. */
export async function templateWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'DoanHoi';
  const ws = wb.addWorksheet('Danh sách', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = TEMPLATE_COLUMNS.map(([header, width]) => ({ header, width }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).fill = HEADER_FILL;
  for (const key of [3, 7, 8, 13]) ws.getColumn(key).numFmt = '@';
  const help = wb.addWorksheet('Hướng dẫn');
  help.getColumn(1).width = 110;
  for (const line of INSTRUCTIONS) help.addRow([line]);
  help.getRow(1).font = { bold: true, size: 14 };
  help.addRow([]);
  help.addRow(['Ví dụ một dòng:']).font = { bold: true };
  help.addRow([TEMPLATE_COLUMNS.map(([h, , v]) => `${h}: ${v || '(trống)'}`).join(' | ')]);
  help.getColumn(1).alignment = { wrapText: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
