import { Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUnitThemes } from '../hooks';

/** The month's themes published above a branch, as a select (null = no theme). */
export function ThemeSelect({
  id,
  unitId,
  month,
  value,
  onChange,
  disabled,
}: {
  id?: string;
  unitId: number;
  /** 'yyyy-mm' */
  month: string;
  value?: number | null;
  onChange?: (value: number | null) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const themes = useUnitThemes(unitId, month);
  const items = (themes.data?.items ?? []).filter((i) => !i.own);
  const monthLabel = `${month.slice(5, 7)}/${month.slice(0, 4)}`;

  if (themes.isSuccess && items.length === 0 && !value) {
    return (
      <Typography.Text type="secondary" id={id}>
        {t('themes.meeting.noneForMonth', { month: monthLabel })}
      </Typography.Text>
    );
  }
  return (
    <Select<number | null>
      id={id}
      value={value ?? null}
      onChange={(v) => onChange?.(v ?? null)}
      loading={themes.isPending}
      disabled={disabled}
      placeholder={t('themes.meeting.pick')}
      style={{ width: '100%' }}
      // Theme titles are long: options wrap instead of being cut off on a phone.
      optionRender={(o) => <span style={{ whiteSpace: 'normal' }}>{o.label}</span>}
      options={[
        { value: null, label: t('themes.meeting.none') },
        ...items.map((i) => ({ value: i.id, label: `${i.title} (${i.unitName})` })),
      ]}
    />
  );
}
