import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UnitSummary } from '../../../api/types';
import { formatNumber } from '../../../lib/format';

/** Tree/list label: name, member count badge, difficult-area and inactive tags. */
export function UnitTitle({ unit }: { unit: UnitSummary }) {
  const { t } = useTranslation();
  return (
    <span>
      <span style={{ textDecoration: unit.active ? undefined : 'line-through', marginInlineEnd: 6 }}>
        {unit.name}
      </span>
      <Tooltip title={t('units.memberCount', { n: formatNumber(unit.memberCount) })}>
        <Tag
          color="blue"
          variant="filled"
          style={{ marginInlineEnd: 4, borderRadius: 10 }}
          aria-label={t('units.memberCount', { n: formatNumber(unit.memberCount) })}
        >
          {formatNumber(unit.memberCount)}
        </Tag>
      </Tooltip>
      {unit.difficultArea && (
        <Tag color="orange" style={{ marginInlineEnd: 4 }}>
          {t('units.difficultArea')}
        </Tag>
      )}
      {!unit.active && <Tag style={{ marginInlineEnd: 4 }}>{t('units.inactive')}</Tag>}
    </span>
  );
}
