import { FileAddOutlined, FolderOpenOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Empty, Flex, Row, Skeleton, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { OverviewRow } from '../../../../../contracts/reports';
import { errorMessage } from '../../../api/client';
import { PageHeader } from '../../../app/PageHeader';
import { formatDate } from '../../../lib/format';
import { useUrlParams } from '../../../lib/useUrlParams';
import { currentPeriod, type Period, parsePeriodKey, periodKey } from '../../compliance/period';
import { UnitSelect } from '../../units/components/UnitSelect';
import { useUnitRoots } from '../../units/hooks';
import { ReportPeriodPicker } from '../components/ReportPeriodPicker';
import { DueTags, ReportStatusTag } from '../components/StatusTags';
import { useCreateReport, useOverview } from '../hooks';

/** The last quarter that has ended (the one most likely to be reported on). */
function defaultPeriod(): Period {
  const p = currentPeriod('quarter');
  return p.n === 1 ? { type: 'quarter', year: p.year - 1, n: 4 } : { ...p, n: p.n - 1 };
}

/**
 * "/reports" — for a unit of the actor's scope and a quarter, half-year or year: the unit's own report and its
 * direct children's, with their status and who is late or missing; create the unit's own report from here.
 */
export default function ReportsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params, update] = useUrlParams();
  const parsed = parsePeriodKey(params.get('period'));
  const period = parsed && parsed.type !== 'month' ? parsed : defaultPeriod();
  const key = periodKey(period);
  const roots = useUnitRoots('');
  const unitId = Number(params.get('unitId')) || roots.data?.[0]?.id || null;
  const overview = useOverview(unitId, key);
  const create = useCreateReport();
  const o = overview.data;
  const own = o?.rows.find((r) => r.self);

  const createOwn = () => {
    if (!unitId) return;
    create.mutate(
      { unitId, periodKey: key },
      {
        onSuccess: ({ id }) => {
          message.success(t('reports.created'));
          navigate(`/reports/${id}`);
        },
        onError: (err) => message.error(errorMessage(err)),
      },
    );
  };

  return (
    <>
      <PageHeader
        title={t('reports.title')}
        extra={
          own?.report ? (
            <Link to={`/reports/${own.report.id}`}>
              <Button icon={<FolderOpenOutlined />}>{t('reports.openOwn')}</Button>
            </Link>
          ) : (
            o?.canCreate && (
              <Button
                type="primary"
                icon={<FileAddOutlined />}
                onClick={createOwn}
                loading={create.isPending}
              >
                {t('reports.create')}
              </Button>
            )
          )
        }
      />
      <Card style={{ marginBottom: 12 }}>
        <Row gutter={[12, 12]} align="middle">
          <Col xs={24} md={12}>
            <ReportPeriodPicker value={period} onChange={(next) => update({ period: periodKey(next) })} />
          </Col>
          <Col xs={24} md={12}>
            <UnitSelect
              aria-label={t('reports.unit')}
              placeholder={t('reports.unitPlaceholder')}
              value={unitId}
              initialLabel={o?.unit.name ?? roots.data?.find((u) => u.id === unitId)?.name}
              onChange={(id) => update({ unitId: id ? String(id) : null })}
              style={{ width: '100%' }}
            />
          </Col>
        </Row>
        {o && (
          <Flex gap={8} wrap style={{ marginTop: 8 }}>
            <Typography.Text type="secondary">
              {o.period.label} · {t('reports.due', { date: formatDate(o.dueOn) })}
            </Typography.Text>
          </Flex>
        )}
      </Card>
      {overview.isError && (
        <Alert type="error" showIcon title={overview.error.message} style={{ marginBottom: 12 }} />
      )}
      {!unitId && !roots.isPending && <Empty description={t('reports.chooseUnit')} />}
      {unitId && overview.isPending && <Skeleton active />}
      {o && (
        <Card size="small" styles={{ body: { padding: 0 } }}>
          <Table<OverviewRow>
            rowKey="unitId"
            size="small"
            pagination={false}
            loading={overview.isFetching}
            scroll={{ x: 'max-content' }}
            dataSource={o.rows}
            locale={{ emptyText: t('reports.emptyRows') }}
            columns={[
              {
                title: t('reports.columns.unit'),
                render: (_, r) =>
                  r.self ? (
                    <span>
                      <Typography.Text strong>{r.name}</Typography.Text>
                      <br />
                      <Typography.Text type="secondary">{t('reports.own')}</Typography.Text>
                    </span>
                  ) : (
                    <Button
                      type="link"
                      style={{ padding: 0 }}
                      onClick={() => update({ unitId: String(r.unitId) })}
                    >
                      {r.name}
                    </Button>
                  ),
              },
              {
                title: t('reports.columns.status'),
                render: (_, r) => (
                  <Flex gap={4} wrap>
                    {r.report ? (
                      <ReportStatusTag status={r.report.status} />
                    ) : (
                      <Typography.Text type="secondary">{t('reports.notYet')}</Typography.Text>
                    )}
                    <DueTags late={r.late} missing={r.missing} />
                  </Flex>
                ),
              },
              {
                title: t('reports.columns.submittedAt'),
                render: (_, r) =>
                  formatDate(r.report?.status !== 'draft' ? r.report?.submittedAt : null) || '—',
              },
              {
                title: t('reports.columns.action'),
                render: (_, r) =>
                  r.report && (
                    <Link to={`/reports/${r.report.id}`} aria-label={`${t('reports.open')} ${r.name}`}>
                      {t('reports.open')}
                    </Link>
                  ),
              },
            ]}
          />
        </Card>
      )}
    </>
  );
}
