import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Row, Skeleton, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { PlanSummary } from '../../../../../contracts/plans';
import { PageHeader } from '../../../app/PageHeader';
import { formatDate } from '../../../lib/format';
import { useUrlParams } from '../../../lib/useUrlParams';
import { UnitSelect } from '../../units/components/UnitSelect';
import { useUnit } from '../../units/hooks';
import { PlanForm } from '../components/PlanForm';
import { usePlans } from '../hooks';

/**
 * "/plans" — the implementation plans of a chosen unit: its own (a commune or the province) and those of the
 * levels above that gave it targets; a commune or province officer records a new plan here.
 */
export default function PlansPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, update] = useUrlParams();
  const unitId = Number(params.get('unitId')) || null;
  const unit = useUnit(unitId);
  const plans = usePlans(unitId);
  const [creating, setCreating] = useState(false);
  const d = plans.data;
  const unitName = unit.data?.unit.name ?? '';
  const open = (p: PlanSummary) => navigate(`/plans/${p.id}?unitId=${unitId}`);

  return (
    <>
      <PageHeader
        title={t('plans.title')}
        extra={
          d?.canCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('plans.create')}
            </Button>
          )
        }
      />
      <Card style={{ marginBottom: 12 }}>
        <Row gutter={[12, 12]}>
          <Col xs={24} md={12}>
            <UnitSelect
              aria-label={t('plans.unit')}
              placeholder={t('plans.unitPlaceholder')}
              value={unitId}
              initialLabel={unitName || undefined}
              onChange={(id) => update({ unitId: id ? String(id) : null })}
              style={{ width: '100%' }}
            />
          </Col>
        </Row>
      </Card>
      {unitId === null && <Empty description={t('plans.chooseUnit')} />}
      {plans.isError && <Alert type="error" showIcon title={plans.error.message} />}
      {unitId !== null && plans.isPending && <Skeleton active />}
      {d &&
        (d.items.length === 0 ? (
          <Empty description={d.canCreate ? t('plans.emptyCreate') : t('plans.empty')} />
        ) : (
          <Card styles={{ body: { padding: 0 } }}>
            <Table<PlanSummary>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={d.items}
              scroll={{ x: 640 }}
              onRow={(p) => ({ onClick: () => open(p), style: { cursor: 'pointer' } })}
              columns={[
                {
                  title: t('plans.columns.title'),
                  dataIndex: 'title',
                  render: (title: string, p) => (
                    <Link to={`/plans/${p.id}?unitId=${unitId}`} onClick={(e) => e.stopPropagation()}>
                      {title}
                    </Link>
                  ),
                },
                { title: t('plans.columns.number'), dataIndex: 'number', render: (v) => v ?? '—' },
                {
                  title: t('plans.columns.issuedOn'),
                  dataIndex: 'issuedOn',
                  render: (v: string | null) => (v ? formatDate(v) : '—'),
                },
                { title: t('plans.columns.period'), dataIndex: 'periodLabel' },
                {
                  title: t('plans.columns.unit'),
                  dataIndex: 'unitName',
                  render: (name: string, p) => (
                    <>
                      {name} {p.unitId !== unitId && <Tag>{t('plans.fromAbove')}</Tag>}
                    </>
                  ),
                },
                {
                  title: t('plans.columns.targets'),
                  key: 'targets',
                  align: 'right',
                  render: (_: unknown, p) => p.targets.length,
                },
              ]}
            />
          </Card>
        ))}
      {d && unitId !== null && (
        <PlanForm
          unitId={unitId}
          unitName={unitName}
          indicators={d.indicators}
          lowerIsBetter={d.lowerIsBetter}
          open={creating}
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            navigate(`/plans/${id}?unitId=${unitId}`);
          }}
        />
      )}
    </>
  );
}
