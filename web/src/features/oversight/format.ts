import type { Definition, Figure } from '../../../../contracts/oversight';
import { formatNumber } from '../../lib/format';

/** A figure's value as shown: percentages with one decimal, days with one decimal, counts grouped. */
export function show(format: Definition['format'], v: number | null): string {
  if (v === null) return '—';
  if (format === 'percent') return `${(v * 100).toFixed(1).replace('.', ',')}%`;
  if (format === 'days') return v.toFixed(1).replace('.', ',');
  return formatNumber(v);
}

/**
 * The change from the previous period: the direction and, for counts and days, the relative change in %; for
 * percentages, the difference in points. Null when either side has no figure.
 */
export function changeOf(format: Definition['format'], f: Figure) {
  if (f.value === null || f.previous === null) return null;
  const diff = f.value - f.previous;
  const dir: 'up' | 'down' | 'same' = diff > 0 ? 'up' : diff < 0 ? 'down' : 'same';
  if (format === 'percent') return { dir, points: (diff * 100).toFixed(1).replace('.', ','), pct: null };
  const pct = f.previous === 0 ? null : `${((diff / Math.abs(f.previous)) * 100).toFixed(0)}%`;
  return { dir, points: null, pct };
}
