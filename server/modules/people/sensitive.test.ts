import { describe, expect, it } from 'vitest';
import { maskNationalId, parsePeopleQuery } from './sensitive';

describe('maskNationalId', () => {
  it('keeps the first 3 and last 2 characters', () => {
    expect(maskNationalId('042095001234')).toBe('042*******34');
    expect(maskNationalId('123456789')).toBe('123*******89');
  });
  it('hides short ids entirely and keeps null', () => {
    expect(maskNationalId('12345')).toBe('*******');
    expect(maskNationalId(null)).toBeNull();
  });
});

describe('parsePeopleQuery', () => {
  it('reads digits as a phone number, +84 as a leading 0', () => {
    expect(parsePeopleQuery('0912 345 678')).toEqual({ phone: '0912345678' });
    expect(parsePeopleQuery('+84 912.345')).toEqual({ phone: '0912345' });
    expect(parsePeopleQuery('345')).toEqual({ phone: '345' });
  });
  it('reads anything else as a name', () => {
    expect(parsePeopleQuery('Nguyễn Văn')).toEqual({ text: 'Nguyễn Văn' });
    expect(parsePeopleQuery('12')).toEqual({ text: '12' });
    expect(parsePeopleQuery('  ')).toBeNull();
  });
});
