import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPhone, normalizePhone } from './phone';

/** The 9 digits after the leading 0 of a Vietnamese number (first one not 0). */
const national = fc
  .tuple(
    fc.integer({ min: 1, max: 9 }),
    fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 }),
  )
  .map(([first, rest]) => `${first}${rest.join('')}`);
const separator = fc.constantFrom('', ' ', '.', '-', '  ', '\u00a0');

/** Writes digits with random separators between them. */
const spaced = (digits: string, seps: string[]) =>
  [...digits].map((d, i) => (i === 0 ? d : (seps[i % seps.length] ?? '') + d)).join('');

describe('normalizePhone', () => {
  it('reads the usual ways of writing a number', () => {
    expect(normalizePhone('0912345678')).toBe('0912345678');
    expect(normalizePhone('0912 345 678')).toBe('0912345678');
    expect(normalizePhone('0912.345.678')).toBe('0912345678');
    expect(normalizePhone('+84 912 345 678')).toBe('0912345678');
    expect(normalizePhone('+84912345678')).toBe('0912345678');
    expect(normalizePhone('84912345678')).toBe('0912345678');
    expect(normalizePhone('+84 0912 345 678')).toBe('0912345678');
    expect(normalizePhone('(091) 234-5678')).toBe('0912345678');
    expect(normalizePhone('  0388 123 456 ')).toBe('0388123456');
  });

  it('refuses what is not a Vietnamese mobile number', () => {
    for (const bad of [
      '',
      '091234567',
      '09123456789',
      '912345678',
      '0012345678',
      '+1 912 345 6789',
      '0912345abc',
      '0912_345_678',
      '+84 12 345',
      '8412345678',
      '++84912345678',
    ]) {
      expect(normalizePhone(bad), bad).toBeNull();
    }
  });

  it('gives the same 10 digits however the number is written', () => {
    fc.assert(
      fc.property(
        national,
        fc.constantFrom('0', '+84', '84', '+84 ', '+840', '84 0'),
        fc.array(separator, { minLength: 1, maxLength: 9 }),
        (n, prefix, seps) => {
          expect(normalizePhone(prefix + spaced(n, seps))).toBe(`0${n}`);
        },
      ),
    );
  });

  it('answers null or 10 digits starting with 0, and is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789 +.-()8a'.split('')) }), (s) => {
        const p = normalizePhone(s);
        if (p === null) return;
        expect(p).toMatch(/^0[1-9]\d{8}$/);
        expect(normalizePhone(p)).toBe(p);
        expect(normalizePhone(formatPhone(p))).toBe(p);
      }),
    );
  });
});
