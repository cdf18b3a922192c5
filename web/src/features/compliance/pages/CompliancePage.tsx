import { Alert, Card, Col, Flex, Row, Statistic, Switch, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { ComplianceRow } from '../../../api/types';
import { PageHeader } from '../../../app/PageHeader';
import { formatDate, formatNumber } from '../../../lib/format';
import { UnitSelect } from '../../units/components/UnitSelect';
import { useUnit } from '../../units/hooks';
import { ComplianceChart } from '../components/ComplianceChart';
import { ComplianceTable, sortRows } from '../components/ComplianceTable';
import { PeriodPicker } from '../components/PeriodPicker';
import { useCompliance } from '../hooks';
import { currentPeriod, type Period, parsePeriodKey, periodKey } from '../period';

const COLORS = { met: '#389e0d', missed: '#cf1322', pending: '#1677ff' };

/** "/compliance" — required vs held meetings per branch for a period, missed first. */
export default function CompliancePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const period = parsePeriodKey(params.get('period')) ?? currentPeriod('quarter');
  const key = periodKey(period);
  const unitId = Number(params.get('unitId')) || null;
  const onlyMissed = params.get('missed') === '1';
  const unit = useUnit(unitId);
  const report = useCompliance(key, unitId);

  const update = (changes: Record<string, string | null>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      },
      { replace: true },
    );

  const summary = report.data?.summary;
  const slices = useMemo(
    () =>
      summary
        ? (['met', 'missed', 'pending'] as const).map((s) => ({
            name: t(`compliance.${s}`),
            value: summary[s],
            color: COLORS[s],
          }))
        : [],
    [summary, t],
  );
  const rows = sortRows(report.data?.rows ?? []).filter((r) => !onlyMissed || r.status === 'missed');
  const open = (r: ComplianceRow) => navigate(`/units/${r.unitId}/meetings?year=${period.year}`);
  const p = report.data?.period;

  return (
    <>
      <PageHeader title={t('compliance.title')} />
      <Card style={{ marginBottom: 12 }}>
        <Row gutter={[12, 12]} align="middle">
          <Col xs={24} md={12} lg={10}>
            <PeriodPicker value={period} onChange={(next: Period) => update({ period: periodKey(next) })} />
          </Col>
          <Col xs={24} md={12} lg={8}>
            <UnitSelect
              aria-label={t('compliance.unit')}
              placeholder={t('compliance.unitPlaceholder')}
              value={unitId}
              initialLabel={unit.data?.unit.name}
              onChange={(id) => update({ unitId: id ? String(id) : null })}
              allowClear
            />
          </Col>
          <Col xs={24} lg={6}>
            <Flex align="center" gap={8}>
              <Switch
                id="only-missed"
                checked={onlyMissed}
                onChange={(v) => update({ missed: v ? '1' : null })}
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
      {summary && (
        <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
          <Col xs={24} lg={14}>
            <Row gutter={[12, 12]}>
              {(['met', 'missed', 'pending'] as const).map((s) => (
                <Col key={s} xs={8}>
                  <Card
                    size="small"
                    style={{ borderTop: `3px solid ${COLORS[s]}`, height: '100%' }}
                    styles={{ body: { padding: 10 } }}
                  >
                    <Statistic
                      title={t(`compliance.${s}`)}
                      value={formatNumber(summary[s])}
                      styles={{ content: { color: COLORS[s] } }}
                    />
                  </Card>
                </Col>
              ))}
              <Col xs={12} sm={8}>
                <Card size="small" styles={{ body: { padding: 10 } }}>
                  <Statistic title={t('compliance.branches')} value={formatNumber(summary.branches)} />
                </Card>
              </Col>
              <Col xs={12} sm={8}>
                <Card size="small" styles={{ body: { padding: 10 } }}>
                  <Statistic title={t('compliance.rate')} value={`${Math.round(summary.rate * 100)}%`} />
                </Card>
              </Col>
            </Row>
          </Col>
          <Col xs={24} lg={10}>
            <Card size="small" title={t('compliance.chart')}>
              <ComplianceChart slices={slices} ariaLabel={t('compliance.chart')} />
            </Card>
          </Col>
        </Row>
      )}
      <Card styles={{ body: { padding: 0 } }}>
        <ComplianceTable rows={rows} loading={report.isFetching} onOpen={open} />
      </Card>
    </>
  );
}
