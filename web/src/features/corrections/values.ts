import { useTranslation } from 'react-i18next';
import type { CorrectionField } from '../../../../contracts/corrections';
import { formatDate } from '../../lib/format';

/** The fields a member may correct, in form order (contracts/corrections.ts CORRECTION_FIELDS, without zod). */
export const FIELDS: readonly CorrectionField[] = [
  'fullName',
  'birthDate',
  'phone',
  'nationalId',
  'ethnicity',
  'religion',
  'homeAreaId',
  'occupation',
  'education',
  'awayFromHome',
  'awayPlace',
  'awaySince',
  'awayContact',
];

/** How a stored value of a correction field reads: dd/mm/yyyy dates, Có/Không, area names. */
export function useValueText() {
  const { t } = useTranslation();
  return (field: CorrectionField, value: string | null, label?: string | null): string => {
    if (value === null || value === '') return t('corrections.empty');
    if (field === 'birthDate' && value.length === 4) return value;
    if (field === 'birthDate' || field === 'awaySince') return formatDate(value);
    if (field === 'awayFromHome') return value === 'true' ? t('corrections.yes') : t('corrections.no');
    return label ?? value;
  };
}
