import { Alert, Empty, Flex, Form, Pagination, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../app/PageHeader';
import { formatNumber } from '../../../lib/format';
import { useUrlParams } from '../../../lib/useUrlParams';
import { useMe } from '../../auth/hooks';
import { UnitSelect } from '../../units/components/UnitSelect';
import { useUnit } from '../../units/hooks';
import { PairCard } from '../components/PairCard';
import { useDuplicates } from '../hooks';

const PAGE_SIZE = 10;
const MERGERS = new Set(['admin', 'province_officer', 'grassroots_officer']);

/** /duplicates?unit=… — pairs of records that look like one person, reviewed side by side. */
export default function DuplicatesPage() {
  const { t } = useTranslation();
  const { grants } = useMe();
  const [params, update] = useUrlParams();
  const fallback = grants.find((g) => MERGERS.has(g.role) && g.unitId)?.unitId ?? null;
  const unitId = Number(params.get('unit')) || fallback;
  const page = Number(params.get('page')) || 1;
  const list = useDuplicates(unitId, page, PAGE_SIZE);
  // A unit from the address (?unit=…) that is not one of the actor's grants: its name, not its number.
  const grantLabel = grants.find((g) => g.unitId === unitId)?.scopeLabel;
  const unit = useUnit(unitId && !grantLabel ? unitId : null);
  const data = list.data;

  return (
    <>
      <PageHeader title={t('duplicates.title')} />
      <Form layout="vertical" style={{ maxWidth: 480 }}>
        <Form.Item label={t('duplicates.unit')} htmlFor="duplicates-unit">
          <UnitSelect
            id="duplicates-unit"
            value={unitId}
            initialLabel={grantLabel ?? unit.data?.unit.name}
            onChange={(v) => update({ unit: v ? String(v) : null, page: null })}
            placeholder={t('duplicates.unitPlaceholder')}
          />
        </Form.Item>
      </Form>
      {!unitId && <Alert type="info" showIcon title={t('duplicates.chooseUnit')} />}
      {unitId && list.isPending && <Skeleton active />}
      {list.isError && <Alert type="error" showIcon title={list.error.message} />}
      {data && data.total === 0 && (
        <Empty
          description={
            <>
              <Typography.Paragraph>{t('duplicates.empty')}</Typography.Paragraph>
              <Typography.Text type="secondary">{t('duplicates.emptyHint')}</Typography.Text>
            </>
          }
        />
      )}
      {data && data.total > 0 && (
        <>
          <Typography.Paragraph strong>
            {t('duplicates.total', { n: formatNumber(data.total) })}
          </Typography.Paragraph>
          <Flex vertical gap={12}>
            {data.items.map((p) => (
              <PairCard key={`${p.a.id}-${p.b.id}`} pair={p} />
            ))}
          </Flex>
          <Pagination
            style={{ marginTop: 16 }}
            current={page}
            pageSize={PAGE_SIZE}
            total={data.total}
            showSizeChanger={false}
            onChange={(p) => update({ page: p > 1 ? String(p) : null })}
          />
        </>
      )}
    </>
  );
}
