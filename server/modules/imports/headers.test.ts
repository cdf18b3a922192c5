import { describe, expect, it } from 'vitest';
import { detectLayout, headerKey, isBlankRow, isNumberingRow, matchHeader, stopReason } from './headers';
import type { Cell } from './sheet';

const rows = (...list: Cell[][]) => list.map((cells, i) => ({ number: i + 1, cells }));

describe('matchHeader', () => {
  it('reads the header texts people write, accents and case aside', () => {
    const cases: Array<[string, string | null]> = [
      ['Họ và tên', 'fullName'],
      ['HỌ VÀ TÊN ĐOÀN VIÊN', 'fullName'],
      ['Ngày, tháng, năm sinh', 'birthDate'],
      ['Ngày sinh (dd/mm/yyyy)', 'birthDate'],
      ['SĐT', 'phone'],
      ['Số điện thoại liên hệ', 'phone'],
      ['Số CCCD/CMND', 'nationalId'],
      ['Số định danh cá nhân', 'nationalId'],
      ['Thôn/TDP', 'area'],
      ['Ngày vào Đoàn', 'joinedOn'],
      ['Làm ăn xa', 'awayFromHome'],
      ['Nữ', 'female'],
      ['STT', 'stt'],
      ['Sở thích', null],
    ];
    for (const [text, field] of cases) expect([text, matchHeader(text)]).toEqual([text, field]);
    expect(headerKey('  Ngày   sinh (*) ')).toBe('ngay sinh');
  });
});

describe('detectLayout', () => {
  it('finds a two-level header under title rows and skips the numbering row', () => {
    const layout = detectLayout(
      rows(
        ['ĐOÀN TNCS HỒ CHÍ MINH'],
        ['DANH SÁCH ĐOÀN VIÊN'],
        [],
        ['STT', 'Họ và tên', 'Ngày sinh', null, 'Dân tộc'],
        [null, null, 'Nam', 'Nữ', null],
        ['(1)', '(2)', '(3)', '(4)', '(5)'],
        [1, 'Nguyễn Văn An', '01/01/2000', null, 'Kinh'],
      ),
    );
    expect(layout).toMatchObject({ headerRow: 4, dataRow: 7 });
    expect(layout?.columns.map((c) => [c.header, c.field])).toEqual([
      ['STT', null],
      ['Họ và tên', 'fullName'],
      ['Ngày sinh / Nam', 'male'],
      ['Ngày sinh / Nữ', 'female'],
      ['Dân tộc', 'ethnicity'],
    ]);
  });

  it('needs a name column and one more known column', () => {
    expect(detectLayout(rows(['Báo cáo'], ['Nội dung', 'Kết quả']))).toBeNull();
    expect(detectLayout(rows(['Ngày sinh', 'Dân tộc']))).toBeNull();
    expect(detectLayout(rows(['Họ đệm', 'Tên', 'Giới tính']))?.columns.map((c) => c.field)).toEqual([
      'familyName',
      'givenName',
      'gender',
    ]);
  });
});

describe('row kinds', () => {
  it('stops at totals and signatures, never at a numbered member', () => {
    expect(stopReason(['Tổng cộng: 25 đoàn viên'])).toContain('tổng cộng');
    expect(stopReason([null, 'Cộng', null, 12])).toContain('tổng cộng');
    expect(stopReason([null, null, null, 'Thạch Khê, ngày 20 tháng 11 năm 2026'])).toContain('chữ ký');
    expect(stopReason(['Người lập biểu', null, 'TM. BAN CHẤP HÀNH'])).toContain('chữ ký');
    expect(stopReason([3, 'Cộng Văn Tổng', '01/01/2000'])).toBeNull();
    expect(stopReason(['Tống Văn Cộng', '01/01/2000', 'Nam', 'Kinh'])).toBeNull();
  });
  it('knows numbering rows and blank numbered rows', () => {
    expect(isNumberingRow(['(1)', '(2)', '(3)', '(4)'])).toBe(true);
    expect(isNumberingRow(['A', 'B', 'C'])).toBe(true);
    expect(isNumberingRow([1, 'Nguyễn Văn An', '(3)'])).toBe(false);
    expect(isBlankRow([19, null, ''])).toBe(true);
    expect(isBlankRow([19, 'Lê Văn B'])).toBe(false);
  });
});
