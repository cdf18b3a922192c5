import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  centuryGenderDigit,
  decodeCenturyGender,
  decodeNationalId,
  normalizeNationalId,
  PROVINCE_CODES,
} from './national-id';

const YEAR = 2026;
const person = fc.record({
  province: fc.constantFrom(...PROVINCE_CODES),
  year: fc.integer({ min: 1906, max: YEAR }),
  gender: fc.constantFrom<'M' | 'F'>('M', 'F'),
  serial: fc.stringMatching(/^\d{6}$/),
});
const idOf = (p: { province: string; year: number; gender: 'M' | 'F'; serial: string }) =>
  `${p.province}${centuryGenderDigit(p.year, p.gender)}${String(p.year % 100).padStart(2, '0')}${p.serial}`;

describe('normalizeNationalId (properties)', () => {
  it('accepts a valid 12-digit number and decodes birth year and gender', () => {
    fc.assert(
      fc.property(person, (p) => {
        const id = idOf(p);
        expect(normalizeNationalId(id, YEAR)).toEqual({
          ok: true,
          nationalId: id,
          birthYear: p.year,
          gender: p.gender,
        });
        expect(normalizeNationalId(` ${id.slice(0, 6)} ${id.slice(6)} `, YEAR)).toMatchObject({
          nationalId: id,
        });
        expect(decodeNationalId(id)).toEqual({ province: p.province, birthYear: p.year, gender: p.gender });
      }),
    );
  });

  it('restores the leading zeros Excel dropped from a number, and says so', () => {
    fc.assert(
      fc.property(person, (p) => {
        const id = idOf(p);
        const r = normalizeNationalId(Number(id), YEAR);
        expect(r).toMatchObject({ ok: true, nationalId: id });
        if (id.startsWith('0')) expect(r.ok && r.warning).toContain('số 0');
      }),
    );
  });

  it('refuses unknown province codes and birth years in the future', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{12}$/), (id) => {
        const r = normalizeNationalId(id, YEAR);
        const known = PROVINCE_CODES.has(id.slice(0, 3));
        const year = decodeNationalId(id).birthYear;
        expect(r.ok).toBe(known && year <= YEAR);
      }),
    );
  });

  it('maps the century/gender digit both ways', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9 }), (d) => {
        const { century, gender } = decodeCenturyGender(d);
        expect(centuryGenderDigit(century + 50, gender)).toBe(d);
      }),
    );
    expect(decodeCenturyGender(0)).toEqual({ century: 1900, gender: 'M' });
    expect(decodeCenturyGender(3)).toEqual({ century: 2000, gender: 'F' });
  });

  it('never throws on any input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.double(), fc.integer()), (v) => {
        const r = normalizeNationalId(v, YEAR);
        if (r.ok && r.nationalId) expect(r.nationalId).toMatch(/^\d{12}$/);
      }),
    );
  });

  it('names what is wrong', () => {
    expect(normalizeNationalId('04209500123', YEAR)).toMatchObject({ ok: true, nationalId: '004209500123' });
    expect(normalizeNationalId('99345678901', YEAR)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('12 chữ số'),
    });
    expect(normalizeNationalId('183095001234', YEAR)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('mã tỉnh'),
    });
    expect(normalizeNationalId('042495001234', YEAR)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('tương lai'),
    });
    expect(normalizeNationalId('4,20951E+11', YEAR)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('số mũ'),
    });
    expect(normalizeNationalId('042A95001234', YEAR)).toMatchObject({ ok: false });
    expect(normalizeNationalId('183456789', YEAR)).toMatchObject({
      ok: true,
      nationalId: null,
      warning: expect.stringContaining('CMND'),
    });
    expect(normalizeNationalId('', YEAR)).toEqual({ ok: true, nationalId: null });
  });
});
