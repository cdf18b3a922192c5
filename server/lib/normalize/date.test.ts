import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn, excelSerialToIso, isoDate, isRealDay, normalizeDate } from './date';

const LIMITS = { today: '2026-11-27', minYear: 1906, label: 'Ngày sinh' };
const pad = (n: number) => String(n).padStart(2, '0');

/** A real day between 1906-01-01 and today. */
const realDay = fc
  .integer({ min: Date.UTC(1906, 0, 1) / 86_400_000, max: Date.UTC(2026, 10, 27) / 86_400_000 })
  .map((day) => new Date(day * 86_400_000).toISOString().slice(0, 10));

function serialOf(iso: string): number {
  return Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

describe('normalizeDate (properties)', () => {
  it('reads every spelling of a real day as that day', () => {
    fc.assert(
      fc.property(realDay, fc.constantFrom('/', '-', '.', ' / '), (iso, sep) => {
        const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
        const spellings: Array<string | number | Date> = [
          `${pad(d)}${sep}${pad(m)}${sep}${y}`,
          `${d}${sep}${m}${sep}${y}`,
          `  ${pad(d)}/${pad(m)}/${y} `,
          iso,
          `ngày ${d} tháng ${m} năm ${y}`,
        ];
        // Serials of four digits (1902–1927) read as a year typed into a date cell: nobody living was born then.
        if (serialOf(iso) >= 10_000) {
          spellings.push(serialOf(iso), new Date(`${iso}T00:00:00Z`));
          spellings.push(new Date(Date.parse(`${iso}T00:00:00Z`) + 3)); // floating point dust from Excel
        }
        for (const s of spellings)
          expect(normalizeDate(s, LIMITS)).toEqual({ ok: true, kind: 'date', date: iso, year: y });
      }),
    );
  });

  it('reads two-digit years into the last hundred years', () => {
    fc.assert(
      fc.property(realDay, (iso) => {
        const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
        const r = normalizeDate(`${d}/${m}/${pad(y % 100)}`, LIMITS);
        const expected = y % 100 <= 26 ? 2000 + (y % 100) : 1900 + (y % 100);
        if (r.ok && r.kind === 'date') expect(r.year).toBe(expected);
        else expect(expected === y ? 'unexpected refusal' : 'ok').toBe('ok');
      }),
    );
  });

  it('reads a year alone (number, text, or typed into a date cell) as a year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1906, max: 2026 }), (y) => {
        expect(normalizeDate(y, LIMITS)).toEqual({ ok: true, kind: 'year', year: y });
        expect(normalizeDate(new Date(Date.UTC(1899, 11, 30) + y * 86_400_000), LIMITS)).toEqual({
          ok: true,
          kind: 'year',
          year: y,
        });
        expect(normalizeDate(` ${y} `, LIMITS)).toEqual({ ok: true, kind: 'year', year: y });
      }),
    );
  });

  it('refuses impossible days, the future and more than 120 years ago', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1906, max: 2025 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 29, max: 40 }),
        (y, m, d) => {
          fc.pre(!isRealDay(y, m, d));
          expect(normalizeDate(`${d}/${m}/${y}`, LIMITS).ok).toBe(false);
        },
      ),
    );
    fc.assert(
      fc.property(fc.integer({ min: 2027, max: 2999 }), (y) => {
        expect(normalizeDate(`01/01/${y}`, LIMITS).ok).toBe(false);
        expect(normalizeDate(y, LIMITS).ok).toBe(false);
      }),
    );
    expect(normalizeDate('28/11/2026', LIMITS).ok).toBe(false);
    expect(normalizeDate('31/12/1905', LIMITS).ok).toBe(false);
    expect(normalizeDate('29/02/2023', LIMITS).ok).toBe(false);
    expect(normalizeDate('29/02/2024', LIMITS)).toMatchObject({ ok: true, date: '2024-02-29' });
  });

  it('never throws, and whatever it accepts lies between minYear and today', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.double(), fc.integer(), fc.date({ noInvalidDate: false })),
        (v) => {
          const r = normalizeDate(v, LIMITS);
          if (r.ok && r.kind === 'date') {
            expect(r.date <= LIMITS.today && r.year >= LIMITS.minYear).toBe(true);
          }
          if (r.ok && r.kind === 'year') expect(r.year >= 1906 && r.year <= 2026).toBe(true);
          if (!r.ok) expect(r.reason.length).toBeGreaterThan(10);
        },
      ),
    );
  });

  it('treats empty cells as empty', () => {
    for (const v of [null, undefined, '', '   '])
      expect(normalizeDate(v, LIMITS)).toEqual({ ok: true, kind: 'empty' });
  });
});

describe('excelSerialToIso', () => {
  it('matches the days Excel shows', () => {
    expect(excelSerialToIso(1)).toBe('1900-01-01');
    expect(excelSerialToIso(59)).toBe('1900-02-28');
    expect(excelSerialToIso(60)).toBeNull();
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(excelSerialToIso(35869)).toBe('1998-03-15');
    expect(excelSerialToIso(45658)).toBe('2025-01-01');
  });
  it('round-trips every day after March 1900', () => {
    fc.assert(
      fc.property(realDay, (iso) => {
        expect(excelSerialToIso(serialOf(iso))).toBe(iso);
      }),
    );
  });
});

describe('ageOn', () => {
  it('counts whole years, a year alone from 1 January', () => {
    expect(ageOn({ date: '1996-11-28' }, '2026-11-27')).toBe(29);
    expect(ageOn({ date: '1996-11-27' }, '2026-11-27')).toBe(30);
    expect(ageOn({ year: 1996 }, '2026-11-27')).toBe(30);
    expect(ageOn({}, '2026-11-27')).toBeNull();
    expect(isoDate(5, 1, 2)).toBe('0005-01-02');
  });
});
