import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unaccent } from '../text';
import { normalizeName, splitFullName, tidyText, titleCaseName } from './name';

const SYLLABLES = [
  'nguyễn',
  'trần',
  'lê',
  'phạm',
  'thị',
  'văn',
  'hồng',
  'đức',
  'thuỷ',
  'thủy',
  'ánh',
  'ngọc',
  'hoà',
  'quỳnh',
  'an',
  'ưng',
  'ơn',
];
const name = fc.array(fc.constantFrom(...SYLLABLES), { minLength: 2, maxLength: 5 });
/** Random case per letter, random runs of spaces, NFC or NFD. */
const messy = (words: string[]) =>
  fc
    .tuple(
      fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
      fc.array(fc.constantFrom(' ', '  ', '\t', ' \u00a0'), {
        minLength: words.length + 1,
        maxLength: words.length + 1,
      }),
      fc.constantFrom<'NFC' | 'NFD'>('NFC', 'NFD'),
    )
    .map(([upper, spaces, form]) => {
      let i = 0;
      const cased = words.map((w) =>
        [...w].map((c) => (upper[i++ % 40] ? c.toLocaleUpperCase('vi') : c)).join(''),
      );
      return (spaces[0] + cased.map((w, k) => w + spaces[k + 1]).join('')).normalize(form);
    });

describe('name normalisers (properties)', () => {
  it('gives the same tidy name whatever the case, spacing or Unicode form', () => {
    fc.assert(
      fc.property(
        name.chain((w) => fc.tuple(fc.constant(w), messy(w))),
        ([words, typed]) => {
          const expected = words.map((w) => w.charAt(0).toLocaleUpperCase('vi') + w.slice(1)).join(' ');
          expect(titleCaseName(typed)).toBe(expected.normalize('NFC'));
        },
      ),
    );
  });

  it('is idempotent, NFC, single-spaced, and keeps the letters', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const t = titleCaseName(s);
        expect(titleCaseName(t)).toBe(t);
        expect(t).toBe(t.normalize('NFC'));
        expect(t).not.toMatch(/\s{2}|^\s|\s$/);
        expect(unaccent(t)).toBe(unaccent(s.replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')));
      }),
    );
  });

  it('splits into họ đệm and tên, and joins back to the full name', () => {
    fc.assert(
      fc.property(
        name.chain((w) => messy(w)),
        (typed) => {
          const r = normalizeName(typed);
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          expect(`${r.familyName} ${r.givenName}`).toBe(r.fullName);
          expect(r.givenName).not.toContain(' ');
          expect(splitFullName(r.fullName as string)).toEqual({
            familyName: r.familyName,
            givenName: r.givenName,
          });
        },
      ),
    );
  });

  it('reads a name split over "Họ đệm" and "Tên" columns', () => {
    expect(normalizeName(null, { family: 'NGUYỄN  văn', given: 'an ' })).toMatchObject({
      fullName: 'Nguyễn Văn An',
      familyName: 'Nguyễn Văn',
      givenName: 'An',
    });
    expect(normalizeName(null, { family: 'Lê', given: 'thị hoa' })).toMatchObject({
      familyName: 'Lê Thị',
      givenName: 'Hoa',
    });
    expect(normalizeName(null, { family: 'Lê', given: '' })).toMatchObject({ ok: false });
  });

  it('examples from real lists', () => {
    expect(normalizeName('NGUYỄN văn  an')).toMatchObject({ ok: true, fullName: 'Nguyễn Văn An' });
    expect(normalizeName(' trần THỊ   thu hà ')).toMatchObject({
      familyName: 'Trần Thị Thu',
      givenName: 'Hà',
    });
    expect(normalizeName('Hồ-Ngọc Hà')).toMatchObject({ fullName: 'Hồ-Ngọc Hà' });
    expect(normalizeName('Nguyễn Văn 2')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('chữ số'),
    });
    expect(normalizeName('')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('thiếu họ và tên'),
    });
    expect(normalizeName('Hùng')).toMatchObject({ ok: true, warning: expect.stringContaining('một chữ') });
  });
});

describe('tidyText', () => {
  it('capitalises all-caps or all-lowercase values, keeps mixed case', () => {
    expect(tidyText('  KINH ')).toBe('Kinh');
    expect(tidyText('công  giáo')).toBe('Công giáo');
    expect(tidyText('Đại học Vinh')).toBe('Đại học Vinh');
    expect(tidyText('12/12')).toBe('12/12');
    expect(tidyText('')).toBeNull();
  });
});
