import { describe, expect, it } from 'vitest';
import { type Figures, INDICATORS } from '../../../contracts/oversight';
import { DEFINITIONS } from '../oversight/definitions';
import { defaultNarrative, formatFigure, periodPhrase, vnNumber, vnPercent } from './text';
import { reportPeriod } from './workflow';

const figures = (values: Partial<Record<keyof Figures, number | null>>): Figures =>
  Object.fromEntries(INDICATORS.map((k) => [k, { value: values[k] ?? null, previous: null }])) as Figures;

describe('report text', () => {
  it('formats numbers the Vietnamese way', () => {
    expect(vnNumber(1234)).toBe('1.234');
    expect(vnNumber(1234567)).toBe('1.234.567');
    expect(vnNumber(-1200)).toBe('-1.200');
    expect(vnNumber(12.25, 1)).toBe('12,3');
    expect(vnPercent(0.8)).toBe('80,0%');
    expect(formatFigure(null, { format: 'count' })).toBe('—');
    expect(formatFigure(4.5, { format: 'days' })).toBe('4,5');
  });

  it('names periods and refuses months', () => {
    expect(periodPhrase(reportPeriod('2026-Q4', 'p'))).toBe('quý IV năm 2026');
    expect(periodPhrase(reportPeriod('2026-H1', 'p'))).toBe('6 tháng đầu năm 2026');
    expect(periodPhrase(reportPeriod('2026', 'p'))).toBe('năm 2026');
    expect(() => reportPeriod('2026-11', 'p')).toThrow(/không làm theo tháng/);
    expect(() => reportPeriod('2026-B3', 'p')).toThrow(/không làm theo tháng/);
  });

  it('writes the results section from the figures', () => {
    const f = figures({
      branches: 15,
      complianceRate: 0.8,
      thematic: 4,
      admitted: 1234,
      left: 2,
      voiceReceived: 10,
      voiceResolved: 9,
      voiceOverdue: 1,
    });
    const period = { key: '2026-Q4', label: 'Quý IV/2026', start: '2026-10-01', end: '2026-12-31' };
    const s = defaultNarrative(
      {
        period,
        previous: period,
        unit: null,
        organization: null,
        figures: f,
        children: [],
        definitions: DEFINITIONS,
        recordedFrom: '2026-11-01',
      },
      'DOAN',
      'Đoàn xã Thạch Khê',
    );
    const results = s.find((x) => x.key === 'results')?.text ?? '';
    expect(results).toContain('Trong quý IV năm 2026, 12/15 chi đoàn sinh hoạt đúng định kỳ (80,0%)');
    expect(results).toContain('Kết nạp mới 1.234 đoàn viên');
    expect(results).toContain('đã giải quyết, trả lời 9/10 (90,0%)');
    const limits = s.find((x) => x.key === 'limits')?.text ?? '';
    expect(limits).toContain('Còn 3 chi đoàn chưa sinh hoạt đúng định kỳ.');
    expect(limits).toContain('Còn 1 ý kiến, kiến nghị quá hạn');
  });
});
