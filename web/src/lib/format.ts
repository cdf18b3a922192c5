import dayjs from 'dayjs';

/** dd/mm/yyyy for a calendar date ('yyyy-mm-dd') or an ISO timestamp; '—' when empty. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const d = dayjs(value);
  return d.isValid() ? d.format('DD/MM/YYYY') : value;
}

/** dd/mm/yyyy HH:mm for timestamps. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const d = dayjs(value);
  return d.isValid() ? d.format('DD/MM/YYYY HH:mm') : value;
}

/** Birth date as dd/mm/yyyy, or the year alone when only the year is known. */
export function formatBirth(birthDate: string | null, birthYear: number | null): string {
  if (birthDate) return formatDate(birthDate);
  if (birthYear) return String(birthYear);
  return '—';
}

/** Numbers with Vietnamese grouping (1.234.567). */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return value.toLocaleString('vi-VN');
}

/** Pretty JSON for audit/rule values. */
export function prettyJson(value: unknown): string {
  if (value === null || value === undefined) return '—';
  return JSON.stringify(value, null, 2);
}
