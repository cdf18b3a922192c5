import { Card, Col, Row, Statistic } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplianceReport } from '../../../api/types';
import { formatNumber } from '../../../lib/format';
import { ComplianceChart } from './ComplianceChart';
import { pct } from './ComplianceTable';

export const COLORS = { met: '#389e0d', missed: '#cf1322', pending: '#1677ff' };
const SMALL = { body: { padding: 10 } };

/** Met / missed / in progress, branch count, compliance and attendance rates, and the doughnut. */
export function SummaryCards({ summary }: { summary: ComplianceReport['summary'] }) {
  const { t } = useTranslation();
  const slices = useMemo(
    () =>
      (['met', 'missed', 'pending'] as const).map((s) => ({
        name: t(`compliance.${s}`),
        value: summary[s],
        color: COLORS[s],
      })),
    [summary, t],
  );
  const figures = [
    { key: 'branches', title: t('compliance.branches'), value: formatNumber(summary.branches) },
    { key: 'rate', title: t('compliance.rate'), value: pct(summary.rate) },
    { key: 'attendance', title: t('compliance.attendanceRate'), value: pct(summary.attendanceRate) },
    { key: 'away', title: t('compliance.awayRate'), value: pct(summary.awayAttendanceRate) },
  ];
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
      <Col xs={24} lg={14}>
        <Row gutter={[12, 12]}>
          {(['met', 'missed', 'pending'] as const).map((s) => (
            <Col key={s} xs={8}>
              <Card
                size="small"
                style={{ borderTop: `3px solid ${COLORS[s]}`, height: '100%' }}
                styles={SMALL}
              >
                <Statistic
                  title={t(`compliance.${s}`)}
                  value={formatNumber(summary[s])}
                  styles={{ content: { color: COLORS[s] } }}
                />
              </Card>
            </Col>
          ))}
          {figures.map((f) => (
            <Col key={f.key} xs={12} sm={6}>
              <Card size="small" style={{ height: '100%' }} styles={SMALL}>
                <Statistic title={f.title} value={f.value} />
              </Card>
            </Col>
          ))}
        </Row>
      </Col>
      <Col xs={24} lg={10}>
        <Card size="small" title={t('compliance.chart')}>
          <ComplianceChart slices={slices} ariaLabel={t('compliance.chart')} />
        </Card>
      </Col>
    </Row>
  );
}
