import { Flex, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { currentPeriod, type Period, type PeriodType, periodCount } from '../period';

const TYPES: PeriodType[] = ['month', 'quarter', 'half', 'year'];
const ROMAN = ['I', 'II', 'III', 'IV'];

/** Period type + number + year; the caller builds the key with periodKey(). */
export function PeriodPicker({ value, onChange }: { value: Period; onChange: (p: Period) => void }) {
  const { t } = useTranslation();
  const thisYear = dayjs().year();
  const years = Array.from({ length: 6 }, (_, i) => thisYear + 1 - i);
  const nLabel = (n: number) => {
    if (value.type === 'month') return t('compliance.monthN', { n });
    if (value.type === 'quarter') return t('compliance.quarterN', { n: ROMAN[n - 1] });
    return t('compliance.halfN', { n });
  };

  return (
    <Flex gap={8} wrap>
      <Select<PeriodType>
        aria-label={t('compliance.periodType')}
        value={value.type}
        onChange={(type) => onChange({ ...currentPeriod(type), year: value.year })}
        options={TYPES.map((ty) => ({ value: ty, label: t(`compliance.types.${ty}`) }))}
        style={{ width: 110 }}
      />
      {value.type !== 'year' && (
        <Select<number>
          aria-label={t('compliance.period')}
          value={value.n}
          onChange={(n) => onChange({ ...value, n })}
          options={Array.from({ length: periodCount(value.type) }, (_, i) => ({
            value: i + 1,
            label: nLabel(i + 1),
          }))}
          style={{ width: 120 }}
        />
      )}
      <Select<number>
        aria-label={t('meetings.year')}
        value={value.year}
        onChange={(year) => onChange({ ...value, year })}
        options={years.map((y) => ({ value: y, label: String(y) }))}
        style={{ width: 90 }}
      />
    </Flex>
  );
}
