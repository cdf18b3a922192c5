import { Alert, Card, Col, Flex, Row, Segmented, Statistic, Switch, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { PageHeader } from '../../../app/PageHeader';
import { formatDate, formatNumber } from '../../../lib/format';
import { useUrlParams } from '../../../lib/useUrlParams';
import { ComplianceChart } from '../../compliance/components/ComplianceChart';
import { UnitSelect } from '../../units/components/UnitSelect';
import { useUnit } from '../../units/hooks';
import { CoverageTable } from '../components/CoverageTable';
import { MyVisits } from '../components/MyVisits';
import { useCadreCoverage } from '../hooks';
import type { CoverageRow } from '../types';

const MONTHS = [3, 6, 12] as const;
const COLORS = { covered: '#389e0d', notCovered: '#cf1322', total: '#1677ff' };

/** "/cadre-coverage" — which branches had a higher-level cadre at a meeting in the last N months. */
export default function CadreCoveragePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, update] = useUrlParams();
  const months = MONTHS.find((m) => String(m) === params.get('months')) ?? 6;
  const unitId = Number(params.get('unitId')) || null;
  const onlyUncovered = params.get('uncovered') === '1';
  const unit = useUnit(unitId);
  const report = useCadreCoverage(months, unitId);

  const summary = report.data?.summary;
  const slices = useMemo(
    () =>
      summary
        ? (['covered', 'notCovered'] as const).map((k) => ({
            name: t(`cadres.coverage.${k}`),
            value: summary[k],
            color: COLORS[k],
          }))
        : [],
    [summary, t],
  );
  const rows = (report.data?.rows ?? []).filter((r) => !onlyUncovered || !r.covered);
  const open = (r: CoverageRow) => navigate(`/units/${r.unitId}/meetings`);
  const w = report.data?.window;

  return (
    <>
      <PageHeader title={t('cadres.coverage.title')} />
      <MyVisits />
      <Card style={{ marginBottom: 12 }}>
        <Row gutter={[12, 12]} align="middle">
          <Col xs={24} md={8}>
            <Flex vertical gap={4}>
              <Typography.Text id="coverage-months">{t('cadres.coverage.months')}</Typography.Text>
              <Segmented
                aria-labelledby="coverage-months"
                block
                value={months}
                options={MONTHS.map((m) => ({ value: m, label: t('cadres.coverage.monthsN', { n: m }) }))}
                onChange={(v) => update({ months: String(v) })}
              />
            </Flex>
          </Col>
          <Col xs={24} md={9}>
            <UnitSelect
              aria-label={t('cadres.coverage.unit')}
              placeholder={t('cadres.coverage.unitPlaceholder')}
              value={unitId}
              initialLabel={unit.data?.unit.name}
              onChange={(id) => update({ unitId: id ? String(id) : null })}
              allowClear
            />
          </Col>
          <Col xs={24} md={7}>
            <Flex align="center" gap={8}>
              <Switch
                id="only-uncovered"
                checked={onlyUncovered}
                onChange={(v) => update({ uncovered: v ? '1' : null })}
              />
              <label htmlFor="only-uncovered">{t('cadres.coverage.onlyUncovered')}</label>
            </Flex>
          </Col>
        </Row>
        {w && (
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
            {t('cadres.coverage.window', { from: formatDate(w.from), to: formatDate(w.to) })}
          </Typography.Text>
        )}
      </Card>
      {report.isError && (
        <Alert type="error" showIcon title={report.error.message} style={{ marginBottom: 12 }} />
      )}
      {summary && (
        <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
          <Col xs={24} lg={14}>
            <Row gutter={[12, 12]}>
              {(['total', 'covered', 'notCovered'] as const).map((k) => (
                <Col key={k} xs={8}>
                  <Card
                    size="small"
                    style={{ borderTop: `3px solid ${COLORS[k]}`, height: '100%' }}
                    styles={{ body: { padding: 10 } }}
                  >
                    <Statistic
                      title={t(`cadres.coverage.${k}`)}
                      value={formatNumber(summary[k])}
                      styles={{ content: { color: COLORS[k] } }}
                    />
                  </Card>
                </Col>
              ))}
              {summary.difficult.total > 0 && (
                <Col xs={24}>
                  <Alert
                    type={summary.difficult.notCovered > 0 ? 'warning' : 'success'}
                    showIcon
                    title={t('cadres.coverage.difficultLine', { ...summary.difficult })}
                  />
                </Col>
              )}
            </Row>
          </Col>
          <Col xs={24} lg={10}>
            <Card size="small" title={t('cadres.coverage.chart')}>
              <ComplianceChart slices={slices} ariaLabel={t('cadres.coverage.chart')} />
            </Card>
          </Col>
        </Row>
      )}
      <Card styles={{ body: { padding: 0 } }}>
        <CoverageTable rows={rows} loading={report.isFetching} onOpen={open} />
      </Card>
    </>
  );
}
