import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareVietnameseNames, personSortKey, splitName, tidyName, unaccent, vietnameseKey } from './text';

describe('unaccent', () => {
  it('finds Vietnamese text without diacritics', () => {
    expect(unaccent('Nguyễn Thị Hồng')).toBe('nguyen thi hong');
    expect(unaccent('Đoàn xã Thạch Khê')).toBe('doan xa thach khe');
    expect(unaccent('  PHƯỜNG   Hà Huy Tập ')).toBe('phuong ha huy tap');
  });

  it('gives the same result for NFC and NFD input', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'aăâeêioôơuưyđĐ àáảãạ ̣́̀̉̃'.split('')) }), (s) => {
        expect(unaccent(s.normalize('NFC'))).toBe(unaccent(s.normalize('NFD')));
      }),
    );
  });

  it('is idempotent and leaves only plain lowercase letters, digits and single spaces for Vietnamese input', () => {
    const viChar = fc.constantFrom(
      ...'aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ AĂÂĐÊÔƠƯ0123456789'.split(
        '',
      ),
    );
    fc.assert(
      fc.property(fc.string({ unit: viChar }), (s) => {
        const u = unaccent(s);
        expect(unaccent(u)).toBe(u);
        expect(u).toMatch(/^[a-z0-9]*( [a-z0-9]+)*$/);
      }),
    );
  });
});

describe('names', () => {
  it('splits họ đệm and tên and tidies spacing and case', () => {
    expect(splitName('  nguyễn   thị hồng ')).toEqual({ familyName: 'Nguyễn Thị', givenName: 'Hồng' });
    expect(splitName('Lê Na')).toEqual({ familyName: 'Lê', givenName: 'Na' });
    expect(tidyName('TRẦN VĂN đức')).toBe('Trần Văn Đức');
  });

  it('sorts by given name first, in Vietnamese alphabet order', () => {
    const names = [
      'Trần Văn Đức',
      'Nguyễn Văn Dũng',
      'Lê Thị Anh',
      'Hoàng Thị Ăn',
      'Phạm Văn Bình',
      'Lê Văn Ân',
      'Bùi Văn Anh',
    ];
    expect([...names].sort(compareVietnameseNames)).toEqual([
      'Bùi Văn Anh',
      'Lê Thị Anh',
      'Hoàng Thị Ăn',
      'Lê Văn Ân',
      'Phạm Văn Bình',
      'Nguyễn Văn Dũng',
      'Trần Văn Đức',
    ]);
  });

  it('orders tones after letters: Anh < Ánh < Ạnh < Ba', () => {
    const keys = ['Anh', 'Ánh', 'Ạnh', 'Ba'].map(vietnameseKey);
    expect([...keys].sort()).toEqual(keys);
  });

  it('sort keys are a total order consistent with comparing the keys', () => {
    const name = fc.constantFrom(
      'Anh',
      'Ánh',
      'Ân',
      'Bình',
      'Đức',
      'Dũng',
      'Hồng',
      'Hương',
      'Ý',
      'Yến',
      'Ước',
    );
    fc.assert(
      fc.property(name, name, name, name, (f1, g1, f2, g2) => {
        const a = personSortKey(f1, g1);
        const b = personSortKey(f2, g2);
        if (g1 !== g2) expect(a < b).toBe(vietnameseKey(g1) < vietnameseKey(g2));
        expect(a === b).toBe(f1 === f2 && g1 === g2);
      }),
    );
  });
});
