import { AlertOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Row, Segmented, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { ComplianceRollup, ComplianceRow } from '../../../api/types';
import { PageHeader } from '../../../app/PageHeader';
import { formatDate } from '../../../lib/format';
import { useUrlParams } from '../../../lib/useUrlParams';
import { UnitSelect } from '../../units/components/UnitSelect';
import { useUnit } from '../../units/hooks';
import { ComplianceTable } from '../components/ComplianceTable';
import { PeriodPicker } from '../components/PeriodPicker';
import { RollupChart } from '../components/RollupChart';
import { RollupTable } from '../components/RollupTable';
import { SummaryCards } from '../components/SummaryCards';
import { PAGE_SIZE, useCompliance } from '../hooks';
import { currentPeriod, type Period, parsePeriodKey, periodKey } from '../period';

const VIEWS = ['branches', 'communes', 'organizations'] as const;
type View = (typeof VIEWS)[number];

/** "/compliance" — required vs held meetings per branch for a period (missed first), and roll-ups. */
export default function CompliancePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, update] = useUrlParams();
  const period = parsePeriodKey(params.get('period')) ?? currentPeriod('quarter');
  const key = periodKey(period);
  const unitId = Number(params.get('unitId')) || null;
  const onlyMissed = params.get('missed') === '1';
  const view: View = VIEWS.find((v) => v === params.get('view')) ?? 'branches';
  const unit = useUnit(unitId);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const report = useCompliance({ period: key, unitId, status: onlyMissed ? 'missed' : undefined, page });

  const summary = report.data?.summary;
  const rows = report.data?.rows ?? [];
  const open = (r: ComplianceRow) => navigate(`/units/${r.unitId}/meetings?year=${period.year}`);
  // A commune opens its own branches in the branch view.
  const openCommune = (g: ComplianceRollup) =>
    update({ unitId: g.unitId ? String(g.unitId) : null, view: null, page: null });
  const p = report.data?.period;
  const groups = view === 'branches' ? [] : (report.data?.rollups[view] ?? []);

  return (
    <>
      <PageHeader
        title={t('compliance.title')}
        extra={
          <Link to={`/compliance/attention${unitId ? `?unitId=${unitId}` : ''}`}>
            <Button icon={<AlertOutlined />}>{t('compliance.attention.title')}</Button>
          </Link>
        }
      />
      <Card style={{ marginBottom: 12 }}>
        <Row gutter={[12, 12]} align="middle">
          <Col xs={24} md={12} lg={10}>
            <PeriodPicker
              value={period}
              onChange={(next: Period) => update({ period: periodKey(next), page: null })}
            />
          </Col>
          <Col xs={24} md={12} lg={8}>
            <UnitSelect
              aria-label={t('compliance.unit')}
              placeholder={t('compliance.unitPlaceholder')}
              value={unitId}
              initialLabel={unit.data?.unit.name}
              onChange={(id) => update({ unitId: id ? String(id) : null, page: null })}
              allowClear
            />
          </Col>
          <Col xs={24} lg={6}>
            <Flex align="center" gap={8}>
              <Switch
                id="only-missed"
                checked={onlyMissed}
                disabled={view !== 'branches'}
                onChange={(v) => update({ missed: v ? '1' : null, page: null })}
              />
              <label htmlFor="only-missed">{t('compliance.onlyMissed')}</label>
            </Flex>
          </Col>
        </Row>
        {p && (
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
            {t('compliance.periodRange', {
              label: p.label,
              start: formatDate(p.start),
              end: formatDate(p.end),
            })}
          </Typography.Text>
        )}
      </Card>
      {report.isError && (
        <Alert type="error" showIcon title={report.error.message} style={{ marginBottom: 12 }} />
      )}
      {summary && <SummaryCards summary={summary} />}
      <Segmented<View>
        block
        value={view}
        onChange={(v) => update({ view: v === 'branches' ? null : v })}
        options={VIEWS.map((v) => ({ value: v, label: t(`compliance.views.${v}`) }))}
        style={{ marginBottom: 12 }}
      />
      {view === 'branches' ? (
        <Card styles={{ body: { padding: 0 } }}>
          <ComplianceTable
            rows={rows}
            loading={report.isFetching}
            onOpen={open}
            page={{
              current: report.data?.page ?? page,
              pageSize: report.data?.pageSize ?? PAGE_SIZE,
              total: report.data?.total ?? 0,
              onChange: (next) => update({ page: next > 1 ? String(next) : null }),
            }}
          />
        </Card>
      ) : (
        <>
          {groups.length > 1 && (
            <Card
              size="small"
              title={t(
                view === 'communes'
                  ? 'compliance.rollup.chartCommunes'
                  : 'compliance.rollup.chartOrganizations',
              )}
              style={{ marginBottom: 12 }}
            >
              <RollupChart
                groups={groups}
                ariaLabel={t(
                  view === 'communes'
                    ? 'compliance.rollup.chartCommunes'
                    : 'compliance.rollup.chartOrganizations',
                )}
              />
            </Card>
          )}
          <Card styles={{ body: { padding: 0 } }}>
            <RollupTable
              groups={groups}
              title={t(view === 'communes' ? 'compliance.rollup.commune' : 'compliance.rollup.organization')}
              loading={report.isFetching}
              onOpen={view === 'communes' ? openCommune : undefined}
            />
          </Card>
        </>
      )}
    </>
  );
}
