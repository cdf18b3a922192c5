import { ArrowDownOutlined, ArrowUpOutlined, InfoCircleOutlined, MinusOutlined } from '@ant-design/icons';
import { Card, Col, Row, Statistic, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Dashboard, Definition } from '../../../../../contracts/oversight';
import { changeOf, show } from '../format';
import { rowsLink } from '../rows-link';

const GROUPS: Definition['group'][] = ['people', 'meetings', 'cadres', 'voice'];
/** Indicators where a rise is bad (shown red when up). */
const LOWER_IS_BETTER = new Set(['left', 'voiceOverdue', 'voiceMedianDays']);
/** Figures recorded month by month from a start (Dashboard.recordedFrom); earlier month ends are unknown. */
const RECORDED = new Set(['awayMembers', 'branchCadres', 'cadrePartyShare']);
/** '2026-11-01' → '11/2026' */
const monthOf = (day: string) => `${day.slice(5, 7)}/${day.slice(0, 4)}`;

/** KPI cards by group: the period's figure, the previous period's, and the change (arrow + % or points). */
export function KpiCards({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  return (
    <>
      {GROUPS.map((g) => (
        <section key={g} aria-label={t(`oversight.groups.${g}`)} style={{ marginBottom: 12 }}>
          <Typography.Title level={5} style={{ margin: '4px 0 8px' }}>
            {t(`oversight.groups.${g}`)}
          </Typography.Title>
          <Row gutter={[8, 8]}>
            {dashboard.definitions
              .filter((d) => d.group === g)
              .map((d) => {
                const f = dashboard.figures[d.key];
                const rows = rowsLink(dashboard, d.key);
                const ch = changeOf(d.format, f);
                const good = ch && ch.dir !== 'same' && (ch.dir === 'up') !== LOWER_IS_BETTER.has(d.key);
                const color = !ch || ch.dir === 'same' ? undefined : good ? '#389e0d' : '#cf1322';
                const Icon = !ch
                  ? null
                  : ch.dir === 'up'
                    ? ArrowUpOutlined
                    : ch.dir === 'down'
                      ? ArrowDownOutlined
                      : MinusOutlined;
                return (
                  <Col key={d.key} xs={12} sm={8} lg={6} xl={4}>
                    <Card size="small" style={{ height: '100%' }}>
                      <Statistic
                        title={
                          <span>
                            {d.label}{' '}
                            <Tooltip title={`${t('oversight.howCounted')}: ${d.counts}`}>
                              <InfoCircleOutlined
                                aria-label={`${t('oversight.howCounted')}: ${d.counts}`}
                                tabIndex={0}
                              />
                            </Tooltip>
                          </span>
                        }
                        value={show(d.format, f.value)}
                      />
                      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                        {f.previous === null
                          ? t('oversight.noPrevious')
                          : t('oversight.previous', { value: show(d.format, f.previous) })}
                      </Typography.Text>
                      {dashboard.recordedFrom &&
                        RECORDED.has(d.key) &&
                        (f.value === null || f.previous === null) && (
                          <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                            {t('oversight.recordedFrom', { month: monthOf(dashboard.recordedFrom) })}
                          </Typography.Text>
                        )}
                      {ch && Icon && (
                        <Typography.Text style={{ color, fontSize: 12 }}>
                          <Icon aria-label={t(`oversight.${ch.dir}`)} />{' '}
                          {ch.points !== null ? t('oversight.points', { n: ch.points }) : (ch.pct ?? '')}
                        </Typography.Text>
                      )}
                      {rows && (
                        <Link
                          to={rows}
                          style={{ fontSize: 12, display: 'block' }}
                          aria-label={`${t('oversight.rows')}: ${d.label}`}
                        >
                          {t('oversight.rows')}
                        </Link>
                      )}
                    </Card>
                  </Col>
                );
              })}
          </Row>
        </section>
      ))}
    </>
  );
}
