import { describe, expect, it } from 'vitest';
import { periodOf } from '../meetings/periods';
import { complianceStatus } from './compliance.service';

const months = ['2026-10-01', '2026-11-01', '2026-12-01'].map((d) => periodOf(d, 1));

describe('compliance status', () => {
  it('is met when every due period held a meeting, or nothing is due', () => {
    expect(complianceStatus(months, new Set(['2026-10', '2026-11', '2026-12']), '2027-01-05')).toEqual({
      held: 3,
      status: 'met',
    });
    expect(complianceStatus([], new Set(), '2026-12-05').status).toBe('met');
  });

  it('is missed once a due period ended without a meeting', () => {
    expect(complianceStatus(months, new Set(['2026-11']), '2026-12-05')).toEqual({
      held: 1,
      status: 'missed',
    });
  });

  it('is pending while the periods without a meeting are still running', () => {
    expect(complianceStatus(months, new Set(['2026-10', '2026-11']), '2026-12-05')).toEqual({
      held: 2,
      status: 'pending',
    });
    expect(complianceStatus(months, new Set(['2026-10', '2026-11']), '2026-12-31').status).toBe('pending');
  });
});
