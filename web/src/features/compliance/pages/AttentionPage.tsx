import { Alert, Card, Empty, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../app/PageHeader';
import { formatDate } from '../../../lib/format';
import { useUrlParams } from '../../../lib/useUrlParams';
import { UnitSelect } from '../../units/components/UnitSelect';
import { useUnit } from '../../units/hooks';
import { AttentionList } from '../components/AttentionList';
import { useAttention } from '../hooks';

/** "/compliance/attention" — "Cần quan tâm": branches in the actor's scope that need attention. */
export default function AttentionPage() {
  const { t } = useTranslation();
  const [params, update] = useUrlParams();
  const unitId = Number(params.get('unitId')) || null;
  const unit = useUnit(unitId);
  const list = useAttention(unitId);
  const data = list.data;

  return (
    <>
      <PageHeader title={t('compliance.attention.title')} />
      <Card style={{ marginBottom: 12 }}>
        <UnitSelect
          aria-label={t('compliance.unit')}
          placeholder={t('compliance.unitPlaceholder')}
          value={unitId}
          initialLabel={unit.data?.unit.name}
          onChange={(id) => update({ unitId: id ? String(id) : null })}
          allowClear
          style={{ maxWidth: 480 }}
        />
        {data && (
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
            {t('compliance.attention.intro', { date: formatDate(data.asOf) })}{' '}
            {t('compliance.attention.checked', { count: data.branches, flagged: data.items.length })}
          </Typography.Paragraph>
        )}
      </Card>
      {list.isError && (
        <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 12 }} />
      )}
      <Card styles={{ body: { paddingTop: 4 } }}>
        {list.isPending && <Skeleton active />}
        {data && data.items.length === 0 && <Empty description={t('compliance.attention.empty')} />}
        {data && data.items.length > 0 && <AttentionList items={data.items} />}
      </Card>
    </>
  );
}
