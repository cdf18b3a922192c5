import { Flex, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { currentPeriod, type Period, periodCount } from '../../compliance/period';

export type ReportPeriodType = 'quarter' | 'half' | 'year';
const TYPES: ReportPeriodType[] = ['quarter', 'half', 'year'];
const ROMAN = ['I', 'II', 'III', 'IV'];

/** A report period: quarter, half-year or year (reports are not monthly). */
export function ReportPeriodPicker({ value, onChange }: { value: Period; onChange: (p: Period) => void }) {
  const { t } = useTranslation();
  const thisYear = dayjs().year();
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i);
  const nLabel = (n: number) =>
    value.type === 'quarter'
      ? t('reports.quarterN', { n: ROMAN[n - 1] })
      : n === 1
        ? t('reports.halfFirst')
        : t('reports.halfSecond');
  return (
    <Flex gap={8} wrap>
      <Select<ReportPeriodType>
        aria-label={t('reports.periodType')}
        value={value.type as ReportPeriodType}
        onChange={(type) => onChange({ ...currentPeriod(type), year: value.year })}
        options={TYPES.map((ty) => ({ value: ty, label: t(`reports.types.${ty}`) }))}
        style={{ width: 110 }}
      />
      {value.type !== 'year' && (
        <Select<number>
          aria-label={t('reports.period')}
          value={value.n}
          onChange={(n) => onChange({ ...value, n })}
          options={Array.from({ length: periodCount(value.type) }, (_, i) => ({
            value: i + 1,
            label: nLabel(i + 1),
          }))}
          style={{ width: 130 }}
        />
      )}
      <Select<number>
        aria-label={t('reports.year')}
        value={value.year}
        onChange={(year) => onChange({ ...value, year })}
        options={years.map((y) => ({ value: y, label: String(y) }))}
        style={{ width: 90 }}
      />
    </Flex>
  );
}
