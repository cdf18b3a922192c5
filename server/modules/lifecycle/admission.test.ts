import { describe, expect, it } from 'vitest';
import { assertEligible, readNewPerson } from './admission';

const doan = { organizationCode: 'DOAN', organizationName: 'Đoàn TNCS Hồ Chí Minh', memberWord: 'đoàn viên' };
const rule = { minAge: 16, maxAge: 30 };
const person = (birthDate: string | null, birthYear: number | null = null, gender = 'M') => ({
  fullName: 'Nguyễn Văn An',
  birthDate,
  birthYear,
  gender,
});
const ok = (p: ReturnType<typeof person>, on: string, o = doan, el: object | null = rule) => {
  try {
    assertEligible(el, p, { on, ...o });
    return true;
  } catch {
    return false;
  }
};

describe('Đoàn admission age (16 = 15 years and a day, 30 ends on the 30th birthday)', () => {
  it('starts the day after the 15th birthday', () => {
    expect(ok(person('2010-10-10'), '2025-10-10')).toBe(false);
    expect(ok(person('2010-10-10'), '2025-10-11')).toBe(true);
  });
  it('ends on the 30th birthday', () => {
    expect(ok(person('1996-05-20'), '2026-05-20')).toBe(true);
    expect(ok(person('1996-05-20'), '2026-05-21')).toBe(false);
  });
  it('counts a year alone from 1 January, and refuses an unknown birth', () => {
    expect(ok(person(null, 2010), '2025-01-01')).toBe(false);
    expect(ok(person(null, 2010), '2025-01-02')).toBe(true);
    expect(ok(person(null, null), '2025-01-02')).toBe(false);
  });
  it('says why in Vietnamese', () => {
    expect(() => assertEligible(rule, person('2012-01-01'), { on: '2026-11-01', ...doan })).toThrow(
      /chưa đủ 16 tuổi.*từ 16 đến 30 tuổi/,
    );
  });
  it('other organizations count full years and check the gender', () => {
    const phunu = { organizationCode: 'PHUNU', organizationName: 'Hội LHPN', memberWord: 'hội viên' };
    expect(ok(person('2008-06-01', null, 'F'), '2026-06-01', phunu, { gender: 'F', minAge: 18 })).toBe(true);
    expect(ok(person('2008-06-01', null, 'F'), '2026-05-31', phunu, { gender: 'F', minAge: 18 })).toBe(false);
    expect(ok(person('1990-06-01', null, 'M'), '2026-05-31', phunu, { gender: 'F', minAge: 18 })).toBe(false);
    expect(ok(person(null, null), '2026-05-31', phunu, null)).toBe(true);
  });
});

describe('a new person from the admission form', () => {
  it('is normalised with the shared normalisers', () => {
    const p = readNewPerson(
      { fullName: ' trần  thị HOA ', birth: '5/3/2004', gender: 'F', phone: '+84 912.345.678' },
      '2026-11-27',
    );
    expect(p).toMatchObject({
      familyName: 'Trần Thị',
      givenName: 'Hoa',
      birthDate: '2004-03-05',
      birthYear: null,
      phone: '0912345678',
    });
    expect(
      readNewPerson({ fullName: 'Lê Văn Bình', birth: '2004', gender: 'M' }, '2026-11-27'),
    ).toMatchObject({
      birthDate: null,
      birthYear: 2004,
    });
  });
  it('refuses a CCCD that contradicts the birth year, naming the field', () => {
    expect(() =>
      readNewPerson(
        { fullName: 'Lê Văn Bình', birth: '2004', gender: 'M', nationalId: '042095001234' },
        '2026-11-27',
      ),
    ).toThrow(/năm sinh 1995/);
    expect(() => readNewPerson({ fullName: 'Bình', birth: '2004', gender: 'M' }, '2026-11-27')).toThrow(
      /một chữ/,
    );
  });
});
