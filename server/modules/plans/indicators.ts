/** What a plan's targets may be: the oversight dashboard's indicators, with their formats and directions. */
import { type Definition, INDICATORS, type Indicator } from '../../../contracts/oversight';
import { invalid } from '../../lib/errors';
import { DEFINITIONS } from '../oversight/definitions';

export const DEFINITION_OF = Object.fromEntries(DEFINITIONS.map((d) => [d.key, d])) as Record<
  Indicator,
  Definition
>;

/**
 * Indicators where less is better: a target is a ceiling, attained when the actual value is at or below it.
 * Everything else (counts, rates) is a floor: attained when the actual value is at or above the target.
 */
export const LOWER_IS_BETTER: Partial<Record<Indicator, true>> = {
  /** members who left the organization */
  left: true,
  /** opinions and recommendations past their deadline */
  voiceOverdue: true,
  /** median days to answer an opinion */
  voiceMedianDays: true,
};

/** Net change may be negative (a planned decrease); every other count, rate or duration is ≥ 0. */
const MAY_BE_NEGATIVE = new Set<Indicator>(['netChange']);
const MAX_COUNT = 10_000_000;

export const isIndicator = (k: string): k is Indicator => (INDICATORS as readonly string[]).includes(k);

/** Checks an indicator and its target; the 400 names the indicator and the range it needs. */
export function checkTarget(indicator: string, target: number, field: string): Indicator {
  if (!isIndicator(indicator))
    throw invalid(`Chỉ tiêu "${indicator}" không có trong danh sách chỉ tiêu giám sát: chọn lại chỉ tiêu.`, [
      { field },
    ]);
  const def = DEFINITION_OF[indicator];
  if (def.format === 'percent') {
    if (target < 0 || target > 1)
      throw invalid(`Chỉ tiêu "${def.label}" là tỷ lệ: nhập từ 0% đến 100% (0 đến 1).`, [{ field }]);
  } else if ((target < 0 && !MAY_BE_NEGATIVE.has(indicator)) || Math.abs(target) > MAX_COUNT) {
    throw invalid(
      `Chỉ tiêu "${def.label}" phải từ 0 đến ${MAX_COUNT.toLocaleString('vi-VN')}: nhập lại chỉ tiêu giao.`,
      [{ field }],
    );
  }
  return indicator;
}

/** Whether an actual value meets the target (null when either is missing). */
export function attained(indicator: Indicator, target: number | null, actual: number | null): boolean | null {
  if (target === null || actual === null) return null;
  const eps = 1e-9; // rates are ratios: 7/10 must meet a target of 0.7
  return LOWER_IS_BETTER[indicator] ? actual <= target + eps : actual >= target - eps;
}
