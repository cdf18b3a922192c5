/** Vietnamese words for stored codes, as printed in exports. */

export const GENDER_LABEL: Record<string, string> = { M: 'Nam', F: 'Nữ' };

export const PARTY_LABEL: Record<string, string> = {
  none: '',
  probationary: 'Dự bị',
  full: 'Chính thức',
};

export const STATUS_LABEL: Record<string, string> = {
  active: 'Đang sinh hoạt',
  transferring: 'Đang chuyển sinh hoạt',
  left: 'Đã ra khỏi tổ chức',
  removed: 'Đã xoá tên',
  deceased: 'Đã mất',
  aged_out: 'Đã trưởng thành',
};

/** "2026-11-27" → "27/11/2026"; a year alone stays as it is. */
export function viDate(day: string | null): string {
  if (!day) return '';
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}

/** Birth as printed: dd/mm/yyyy, or the year alone when only the year is known. */
export const viBirth = (p: { birthDate: string | null; birthYear: number | null }) =>
  p.birthDate ? viDate(p.birthDate) : p.birthYear ? String(p.birthYear) : '';
