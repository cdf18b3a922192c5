import { ArrowUpOutlined, FileExcelOutlined, FileTextOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Empty, Flex, Row, Select, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../../api/client';
import { PageHeader } from '../../../app/PageHeader';
import { formatDate } from '../../../lib/format';
import { useUrlParams } from '../../../lib/useUrlParams';
import { PeriodPicker } from '../../compliance/components/PeriodPicker';
import { currentPeriod, type Period, parsePeriodKey, periodKey } from '../../compliance/period';
import { useDownload } from '../../people/hooks';
import { UnitSelect } from '../../units/components/UnitSelect';
import { useOrganizations } from '../../units/hooks';
import { ChildChart } from '../components/ChildChart';
import { DrillTable } from '../components/DrillTable';
import { KpiCards } from '../components/KpiCards';
import { useDashboard } from '../hooks';

/**
 * "/oversight" — the directive's indicators for the actor's scope (or one unit, one organization) and a month,
 * quarter, half-year or year, each with the previous period; compliance per child unit; click a child to drill down.
 */
export default function OversightPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [params, update] = useUrlParams();
  const period = parsePeriodKey(params.get('period')) ?? currentPeriod('quarter');
  const key = periodKey(period);
  const unitId = Number(params.get('unitId')) || null;
  const organization = params.get('organization') || null;
  const orgs = useOrganizations();
  const dash = useDashboard({ period: key, unitId, organization });
  const download = useDownload();
  const d = dash.data;

  const exportXlsx = async () => {
    const query: Record<string, string | number> = { period: key };
    if (unitId) query.unitId = unitId;
    if (organization) query.organization = organization;
    try {
      const name = await download.start('xlsx', '/oversight/dashboard.xlsx', query, `giam-sat-${key}.xlsx`);
      message.success(t('oversight.exported', { file: name }));
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  return (
    <>
      <PageHeader
        title={t('oversight.title')}
        extra={
          <Flex gap={8} wrap>
            <Link to={`/reports${unitId ? `?unitId=${unitId}` : ''}`}>
              <Button icon={<FileTextOutlined />}>{t('reports.fromOversight')}</Button>
            </Link>
            <Button
              icon={<FileExcelOutlined />}
              onClick={exportXlsx}
              loading={download.running === 'xlsx'}
              disabled={!d}
            >
              {t('oversight.export')}
            </Button>
          </Flex>
        }
      />
      <Card style={{ marginBottom: 12 }}>
        <Row gutter={[12, 12]} align="middle">
          <Col xs={24} md={12} lg={9}>
            <PeriodPicker value={period} onChange={(next: Period) => update({ period: periodKey(next) })} />
          </Col>
          <Col xs={24} md={12} lg={9}>
            <UnitSelect
              aria-label={t('oversight.unit')}
              placeholder={t('oversight.unitPlaceholder')}
              value={unitId}
              initialLabel={d?.unit?.name}
              onChange={(id) => update({ unitId: id ? String(id) : null })}
              allowClear
            />
          </Col>
          <Col xs={24} lg={6}>
            <Select<string>
              aria-label={t('oversight.organization')}
              value={organization ?? ''}
              onChange={(v) => update({ organization: v || null })}
              options={[
                { value: '', label: t('oversight.allOrganizations') },
                ...(orgs.data ?? []).map((o) => ({ value: o.code, label: o.shortNameVi })),
              ]}
              style={{ width: '100%' }}
            />
          </Col>
        </Row>
        {d && (
          <Flex gap={8} wrap align="center" style={{ marginTop: 8 }}>
            <Typography.Text type="secondary">
              {t('oversight.periodRange', {
                label: d.period.label,
                start: formatDate(d.period.start),
                end: formatDate(d.period.end),
              })}
              {' · '}
              {t('oversight.compared', { label: d.previous.label })}
            </Typography.Text>
            {d.unit?.parentId && (
              <Button
                size="small"
                icon={<ArrowUpOutlined />}
                onClick={() => update({ unitId: String(d.unit?.parentId) })}
              >
                {t('oversight.up_level')}
              </Button>
            )}
          </Flex>
        )}
      </Card>
      {dash.isError && (
        <Alert type="error" showIcon title={dash.error.message} style={{ marginBottom: 12 }} />
      )}
      {dash.isPending && <Skeleton active />}
      {d && d.unit === null && d.children.length === 0 ? (
        <Empty description={t('oversight.emptyScope')} />
      ) : (
        d && (
          <>
            <KpiCards dashboard={d} />
            {d.children.length > 1 && (
              <Card size="small" title={t('oversight.chart')} style={{ marginBottom: 12 }}>
                <ChildChart items={d.children} ariaLabel={t('oversight.chart')} />
              </Card>
            )}
            <Card
              size="small"
              title={t('oversight.drill')}
              extra={<Typography.Text type="secondary">{t('oversight.drillHint')}</Typography.Text>}
              styles={{ body: { padding: 0 } }}
            >
              <DrillTable
                dashboard={d}
                loading={dash.isFetching}
                onOpen={(c) => update({ unitId: String(c.unitId) })}
              />
            </Card>
          </>
        )
      )}
    </>
  );
}
