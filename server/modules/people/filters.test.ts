import { describe, expect, it } from 'vitest';
import { neutralise } from './export-xlsx';
import { statusesOf, yearsBefore } from './filters';

describe('yearsBefore', () => {
  it('moves the year and keeps the day', () => {
    expect(yearsBefore('2026-11-27', 16)).toBe('2010-11-27');
    expect(yearsBefore('2026-01-01', 61)).toBe('1965-01-01');
  });
  it('falls back to 28 February from a leap day', () => {
    expect(yearsBefore('2028-02-29', 1)).toBe('2027-02-28');
    expect(yearsBefore('2028-02-29', 4)).toBe('2024-02-29');
  });
});

describe('statusesOf', () => {
  it('expands the grouped statuses', () => {
    expect(statusesOf('live')).toEqual(['active', 'transferring']);
    expect(statusesOf('ended')).toEqual(['left', 'removed', 'deceased', 'aged_out']);
    expect(statusesOf('all')).toBeNull();
    expect(statusesOf('left')).toEqual(['left']);
  });
});

describe('neutralise', () => {
  it('prefixes what a spreadsheet could read as a formula', () => {
    for (const v of ['=1+1', '+84912', '-2', '@SUM(A1)', '\t=1', '\r=1']) expect(neutralise(v)).toBe(`'${v}`);
  });
  it('leaves other text alone', () => {
    expect(neutralise('Nguyễn Thị Hồng')).toBe('Nguyễn Thị Hồng');
    expect(neutralise('0912345678')).toBe('0912345678');
    expect(neutralise(null)).toBe('');
  });
});
