import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { genderFromName, normalizeGender, readMark } from './gender';

const recase = (s: string) =>
  fc
    .array(fc.boolean(), { minLength: s.length, maxLength: s.length })
    .map((up) => [...s].map((c, i) => (up[i] ? c.toLocaleUpperCase('vi') : c)).join(''));

describe('gender normalisers (properties)', () => {
  it('reads Nam / Nữ whatever the case, spacing, accents or Unicode form', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          ['Nam', 'M'] as const,
          ['Nữ', 'F'] as const,
          ['nu', 'F'] as const,
          ['NỮ', 'F'] as const,
        ),
        fc.constantFrom('', ' ', '  '),
        fc.constantFrom<'NFC' | 'NFD'>('NFC', 'NFD'),
        ([word, gender], pad, form) => {
          fc.assert(
            fc.property(recase(word), (w) => {
              expect(normalizeGender(`${pad}${w}${pad}`.normalize(form))).toEqual({ ok: true, gender });
            }),
            { numRuns: 5 },
          );
        },
      ),
    );
  });

  it('never throws, and refuses what it cannot read', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = normalizeGender(s);
        if (!r.ok) expect(r.reason).toContain('Nam hoặc Nữ');
      }),
    );
    expect(normalizeGender('không rõ')).toMatchObject({ ok: false });
    expect(normalizeGender('')).toEqual({ ok: true, gender: null });
  });
});

describe('readMark', () => {
  it('reads ticks, crosses and words', () => {
    for (const v of ['x', 'X', ' x ', '✓', 'có', 'Có', 1, true]) expect(readMark(v).mark).toBe(true);
    for (const v of ['0', 'không', false]) expect(readMark(v).mark).toBe(false);
    expect(readMark('')).toEqual({ mark: null });
    expect(readMark('Bình Dương')).toEqual({ mark: null, other: 'Bình Dương' });
  });
});

describe('genderFromName', () => {
  it('reads Thị as a woman, Văn as a man, otherwise nothing', () => {
    expect(genderFromName('Nguyễn Thị')).toBe('F');
    expect(genderFromName('Trần Văn')).toBe('M');
    expect(genderFromName('Lê Ngọc')).toBeNull();
    expect(genderFromName('Thị')).toBeNull();
  });
});
