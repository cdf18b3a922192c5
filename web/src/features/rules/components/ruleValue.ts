import type { TFunction } from 'i18next';
import { lookup } from '../../../app/i18n/lookup';

/** Short human summary of a rule value (form-backed kinds), else compact JSON. */
export function summarizeRule(t: TFunction, kind: string, value: Record<string, unknown>): string {
  if (kind === 'meeting_rhythm' && typeof value.months === 'number') {
    const key = `rules.rhythm.m${value.months}`;
    return lookup(t, key, t('rules.everyMonths', { count: value.months }));
  }
  if (kind === 'eligibility') {
    const parts: string[] = [];
    if (value.minAge !== undefined || value.maxAge !== undefined) {
      parts.push(t('rules.ageRange', { min: value.minAge ?? '…', max: value.maxAge ?? '…' }));
    }
    if (value.gender === 'F') parts.push(t('people.female'));
    if (value.gender === 'M') parts.push(t('people.male'));
    if (value.veteran) parts.push(t('rules.veteran'));
    if (typeof value.occupation === 'string' && value.occupation) parts.push(value.occupation);
    if (parts.length > 0) return parts.join(' · ');
  }
  return flatten(value)
    .map(([k, v]) => `${k}: ${typeof v === 'number' ? v.toLocaleString('vi-VN') : String(v)}`)
    .join(' · ');
}

function flatten(value: unknown, prefix = ''): [string, unknown][] {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k));
  }
  return [[prefix, Array.isArray(value) ? JSON.stringify(value) : value]];
}
