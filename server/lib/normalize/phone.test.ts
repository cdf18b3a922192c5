import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidPhone, normalizePhone, OLD_MOBILE_PREFIXES } from './phone';

const PREFIXES = [
  '032',
  '038',
  '039',
  '056',
  '070',
  '077',
  '081',
  '086',
  '088',
  '090',
  '091',
  '096',
  '098',
  '099',
];
const mobile = fc
  .tuple(fc.constantFrom(...PREFIXES), fc.stringMatching(/^\d{7}$/))
  .map(([p, rest]) => `${p}${rest}`);
const landline = fc.stringMatching(/^\d{7}$/).map((rest) => `0239${rest}`);

/** The ways a branch head types the same number. */
function spellings(phone: string): Array<string | number> {
  const local = phone.slice(1);
  return [
    phone,
    ` ${phone} `,
    `${phone.slice(0, 4)} ${phone.slice(4, 7)} ${phone.slice(7)}`,
    `${phone.slice(0, 4)}.${phone.slice(4, 7)}.${phone.slice(7)}`,
    `${phone.slice(0, 4)}-${phone.slice(4, 7)}-${phone.slice(7)}`,
    `+84${local}`,
    `+84 ${local.slice(0, 2)} ${local.slice(2)}`,
    `84${local}`,
    `0084${local}`,
    `(+84) ${local}`,
    local,
    Number(local),
  ];
}

describe('normalizePhone (properties)', () => {
  it('reads every spelling of a mobile or landline number as the stored form', () => {
    fc.assert(
      fc.property(fc.oneof(mobile, landline), (phone) => {
        for (const s of spellings(phone)) expect(normalizePhone(s)).toEqual({ ok: true, phone });
      }),
    );
  });

  it('renumbers old 11-digit mobiles, with a warning', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(OLD_MOBILE_PREFIXES)),
        fc.stringMatching(/^\d{7}$/),
        (old, rest) => {
          const r = normalizePhone(`${old}${rest}`);
          expect(r).toMatchObject({ ok: true, phone: `${OLD_MOBILE_PREFIXES[old]}${rest}` });
          expect(r.ok && r.warning).toContain('số mới');
        },
      ),
    );
  });

  it('only ever stores a valid number, and is idempotent', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.stringMatching(/^[+\d .()-]{0,16}$/), fc.integer({ min: 0 })),
        (v) => {
          const r = normalizePhone(v);
          if (r.ok && r.phone) {
            expect(isValidPhone(r.phone)).toBe(true);
            expect(normalizePhone(r.phone)).toEqual({ ok: true, phone: r.phone });
          }
          if (!r.ok) expect(r.reason).toMatch(/số điện thoại|không phải/);
        },
      ),
    );
  });

  it('keeps the first of several numbers, with a warning', () => {
    expect(normalizePhone('0912 345 678 / 0987.654.321')).toMatchObject({ ok: true, phone: '0912345678' });
    expect(normalizePhone('0912345678 - 0987654321')).toMatchObject({ ok: true, phone: '0912345678' });
    const r = normalizePhone('0912345678; 0987654321');
    expect(r.ok && r.warning).toContain('2 số điện thoại');
  });

  it('refuses numbers that are not Vietnamese phones, naming what is wrong', () => {
    expect(normalizePhone('091234567')).toMatchObject({ ok: false });
    expect(normalizePhone('0112345678')).toMatchObject({ ok: false });
    expect(normalizePhone('0912345678999')).toMatchObject({ ok: false });
    expect(normalizePhone('9,12346E+08')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('số mũ'),
    });
    expect(normalizePhone('không có')).toMatchObject({ ok: false });
    expect(normalizePhone('')).toEqual({ ok: true, phone: null });
    expect(normalizePhone(null)).toEqual({ ok: true, phone: null });
  });
});
