import type { ProgressRow } from '../../../../contracts/plans';

/**
 * How far an indicator is towards its target, 0..100, for the progress bar: actual over target when higher is
 * better; when lower is better, full while at or under the target, shrinking as the actual value exceeds it.
 */
export function progressPercent(r: Pick<ProgressRow, 'target' | 'actual' | 'lowerIsBetter'>): number | null {
  if (r.target === null || r.actual === null) return null;
  if (r.lowerIsBetter) {
    if (r.actual <= r.target) return 100;
    return r.actual === 0 ? 100 : Math.max(0, Math.round((r.target / r.actual) * 100));
  }
  if (r.target <= 0) return r.actual >= r.target ? 100 : 0;
  return Math.max(0, Math.min(100, Math.round((r.actual / r.target) * 100)));
}
