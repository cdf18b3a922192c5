import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UnitSummary } from '../../../api/types';
import { formatNumber } from '../../../lib/format';

/** Tree/list label: name, member count badge, difficult-area and inactive tags. */
export function UnitTitle({ unit }: { unit: UnitSummary }) {
  const { t } = useTranslation();
  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', alignItems: 'center', gap: 6 }}>
      <span style={{ textDecoration: unit.active ? undefined : 'line-through' }}>{unit.name}</span>
      <Tooltip
        title={t('units.memberCount', { count: unit.memberCount, formatted: formatNumber(unit.memberCount) })}
      >
        <Tag
          color="blue"
          variant="filled"
          style={{ marginInlineEnd: 0, borderRadius: 10 }}
          aria-label={t('units.memberCount', { count: unit.memberCount })}
        >
          {formatNumber(unit.memberCount)}
        </Tag>
      </Tooltip>
      {unit.difficultArea && (
        <Tag color="orange" style={{ marginInlineEnd: 0 }}>
          {t('units.difficultArea')}
        </Tag>
      )}
      {!unit.active && <Tag style={{ marginInlineEnd: 0 }}>{t('units.inactive')}</Tag>}
    </span>
  );
}
