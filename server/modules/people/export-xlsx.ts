import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ExportPerson } from './export-data';
import { GENDER_LABEL, PARTY_LABEL, STATUS_LABEL } from './labels';

/**
 * A text that a spreadsheet could take for a formula (= + - @, or a tab / carriage return that some programs
 * skip before one) gets a leading apostrophe, so it is shown, never evaluated, wherever the file goes next.
 */
export function neutralise(value: string | null | undefined): string {
  if (!value) return '';
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** 'yyyy-mm-dd' → a Date at UTC midnight, which exceljs stores as that calendar day. */
const day = (v: string | null) => {
  if (!v) return null;
  const [y, m, d] = v.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
};
const join = (values: (string | null)[]) => [...new Set(values.filter(Boolean))].join('; ');

const DATE = 'dd/mm/yyyy';
const COLUMNS: Partial<ExcelJS.Column>[] = [
  { header: 'STT', key: 'n', width: 6 },
  { header: 'Họ và tên', key: 'fullName', width: 28 },
  { header: 'Họ đệm', key: 'familyName', width: 20 },
  { header: 'Tên', key: 'givenName', width: 10 },
  { header: 'Ngày sinh', key: 'birth', width: 12 },
  { header: 'Giới tính', key: 'gender', width: 9 },
  { header: 'Số điện thoại', key: 'phone', width: 14 },
  { header: 'Thôn/Tổ dân phố', key: 'homeArea', width: 22 },
  { header: 'Xã/Phường', key: 'commune', width: 18 },
  { header: 'Nghề nghiệp', key: 'occupation', width: 16 },
  { header: 'Trình độ', key: 'education', width: 11 },
  { header: 'Đi làm ăn xa', key: 'away', width: 11 },
  { header: 'Nơi làm ăn xa', key: 'awayPlace', width: 18 },
  { header: 'Tổ chức', key: 'organizations', width: 16 },
  { header: 'Đơn vị', key: 'units', width: 30 },
  { header: 'Trạng thái', key: 'status', width: 16 },
  { header: 'Chức vụ', key: 'position', width: 14 },
  { header: 'Ngày vào Đoàn/Hội', key: 'joined', width: 14 },
];
const SENSITIVE_COLUMNS: Partial<ExcelJS.Column>[] = [
  { header: 'Số CCCD', key: 'nationalId', width: 15 },
  { header: 'Dân tộc', key: 'ethnicity', width: 10 },
  { header: 'Tôn giáo', key: 'religion', width: 12 },
  { header: 'Đảng viên', key: 'party', width: 11 },
];

/**
 * Writes the member list as .xlsx to `out`, batch by batch (a streaming workbook: memory stays flat): Vietnamese
 * headers, real date cells shown dd/mm/yyyy (a birth year alone stays a number), widths set, header frozen with
 * a filter, every text neutralised. Sensitive columns only when asked. Resolves with the number of rows.
 */
export async function writeMembersXlsx(
  out: Writable,
  batches: AsyncIterable<ExportPerson[]>,
  opts: { sensitive: boolean },
): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  wb.creator = 'DoanHoi';
  const ws = wb.addWorksheet('Danh sách', { views: [{ state: 'frozen', ySplit: 1 }] });
  const columns = opts.sensitive ? [...COLUMNS, ...SENSITIVE_COLUMNS] : COLUMNS;
  ws.columns = columns;
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.alignment = { vertical: 'middle', wrapText: true };
  head.commit();
  let n = 0;
  for await (const batch of batches) {
    for (const p of batch) {
      const joined = p.memberships
        .map((m) => m.joinedOn)
        .filter((d): d is string => !!d)
        .sort()[0];
      const row = ws.addRow({
        n: ++n,
        fullName: neutralise(`${p.familyName} ${p.givenName}`.trim()),
        familyName: neutralise(p.familyName),
        givenName: neutralise(p.givenName),
        birth: p.birthDate ? day(p.birthDate) : p.birthYear,
        gender: GENDER_LABEL[p.gender] ?? neutralise(p.gender),
        phone: neutralise(p.phone),
        homeArea: neutralise(p.homeAreaName),
        commune: neutralise(p.homeCommuneName),
        occupation: neutralise(p.occupation),
        education: neutralise(p.education),
        away: p.awayFromHome ? 'Có' : '',
        awayPlace: neutralise(p.awayPlace),
        organizations: join(p.memberships.map((m) => m.organizationName)),
        units: neutralise(join(p.memberships.map((m) => m.unitName))),
        status: join(p.memberships.map((m) => STATUS_LABEL[m.status] ?? m.status)),
        position: neutralise(join(p.memberships.map((m) => m.position))),
        joined: day(joined ?? null),
        ...(opts.sensitive
          ? {
              nationalId: neutralise(p.nationalId),
              ethnicity: neutralise(p.ethnicity),
              religion: neutralise(p.religion),
              party: PARTY_LABEL[p.partyStatus ?? 'none'] ?? '',
            }
          : {}),
      });
      row.getCell('birth').numFmt = p.birthDate ? DATE : '0';
      row.getCell('joined').numFmt = DATE;
      row.commit();
    }
  }
  ws.commit();
  await wb.commit();
  return n;
}
