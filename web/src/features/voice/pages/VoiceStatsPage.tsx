import { Alert, Card, Col, DatePicker, Empty, Row, Skeleton, Statistic, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageHeader } from '../../../app/PageHeader';
import { formatNumber } from '../../../lib/format';
import { useUrlParams } from '../../../lib/useUrlParams';
import { UnitSelect } from '../../units/components/UnitSelect';
import { useStats } from '../hooks';

/** "/voice/stats" — oversight per scope and period; every figure links to the items it counts. */
export default function VoiceStatsPage() {
  const { t } = useTranslation();
  const [params, update] = useUrlParams();
  const unitId = params.get('unitId') ?? undefined;
  const from = params.get('from') ?? dayjs().startOf('year').format('YYYY-MM-DD');
  const to = params.get('to') ?? dayjs().format('YYYY-MM-DD');
  const stats = useStats({ unitId, from, to });
  const drill = (extra: Record<string, string>) =>
    `/voice?${new URLSearchParams({ box: 'all', ...(unitId ? { unitId } : {}), ...extra }).toString()}`;

  return (
    <>
      <PageHeader title={t('voice.stats.title')} />
      <Card style={{ marginBottom: 12 }}>
        <Row gutter={[12, 12]}>
          <Col xs={24} md={12}>
            <label htmlFor="voice-stats-unit">{t('voice.stats.unit')}</label>
            <UnitSelect
              id="voice-stats-unit"
              value={unitId ? Number(unitId) : null}
              onChange={(id) => update({ unitId: id ? String(id) : null })}
            />
          </Col>
          <Col xs={12} md={6}>
            <label htmlFor="voice-stats-from">{t('voice.stats.from')}</label>
            <DatePicker
              id="voice-stats-from"
              format="DD/MM/YYYY"
              inputReadOnly
              allowClear={false}
              value={dayjs(from)}
              onChange={(d) => d && update({ from: d.format('YYYY-MM-DD') })}
              style={{ width: '100%' }}
            />
          </Col>
          <Col xs={12} md={6}>
            <label htmlFor="voice-stats-to">{t('voice.stats.to')}</label>
            <DatePicker
              id="voice-stats-to"
              format="DD/MM/YYYY"
              inputReadOnly
              allowClear={false}
              value={dayjs(to)}
              onChange={(d) => d && update({ to: d.format('YYYY-MM-DD') })}
              style={{ width: '100%' }}
            />
          </Col>
        </Row>
      </Card>
      {stats.isError && <Alert type="error" showIcon title={stats.error.message} />}
      {stats.isPending && <Skeleton active />}
      {stats.isSuccess && stats.data.totals.received === 0 && (
        <Card>
          <Empty description={t('voice.stats.empty')} />
        </Card>
      )}
      {stats.isSuccess && stats.data.totals.received > 0 && (
        <>
          <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
            {(
              [
                ['received', stats.data.totals.received, {}],
                ['resolved', stats.data.totals.resolved, { status: 'answered' }],
                ['open', stats.data.totals.open, { status: 'open' }],
                ['overdue', stats.data.totals.overdue, { overdue: 'true' }],
              ] as const
            ).map(([key, value, extra]) => (
              <Col xs={12} md={5} key={key}>
                <Card>
                  <Link to={drill({ from, to, ...extra })}>
                    <Statistic
                      title={t(`voice.stats.${key}`)}
                      value={value}
                      formatter={(v) => formatNumber(Number(v))}
                    />
                  </Link>
                </Card>
              </Col>
            ))}
            <Col xs={24} md={4}>
              <Card>
                <Statistic
                  title={t('voice.stats.median')}
                  value={stats.data.totals.medianDaysToAnswer ?? '—'}
                />
              </Card>
            </Col>
          </Row>
          <Row gutter={[12, 12]}>
            <Col xs={24} md={12}>
              <Card title={t('voice.stats.byCategory')}>
                <Table
                  size="small"
                  pagination={false}
                  rowKey="code"
                  dataSource={stats.data.byCategory}
                  columns={[
                    {
                      title: t('voice.inbox.category'),
                      dataIndex: 'name',
                      render: (name: string, r) => (
                        <Link to={drill({ from, to, categoryCode: r.code })}>{name}</Link>
                      ),
                    },
                    { title: t('voice.stats.received'), dataIndex: 'received', align: 'right' },
                    { title: t('voice.stats.resolved'), dataIndex: 'resolved', align: 'right' },
                    { title: t('voice.stats.overdue'), dataIndex: 'overdue', align: 'right' },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} md={12}>
              <Card title={t('voice.stats.overdueByLevel')} style={{ marginBottom: 12 }}>
                {stats.data.overdueByLevel.map((l) => (
                  <div key={l.level}>
                    {t(`voice.levels.${l.level}`)}:{' '}
                    <Typography.Text strong>{formatNumber(l.overdue)}</Typography.Text>
                  </div>
                ))}
              </Card>
              <Card title={t('voice.stats.byArea')}>
                <Table
                  size="small"
                  pagination={false}
                  rowKey="areaId"
                  dataSource={stats.data.byArea}
                  columns={[
                    {
                      title: t('voice.item.area'),
                      dataIndex: 'name',
                      render: (name: string, r) => (
                        <Link to={drill({ from, to, areaId: String(r.areaId) })}>{name}</Link>
                      ),
                    },
                    { title: t('voice.stats.received'), dataIndex: 'received', align: 'right' },
                    { title: t('voice.stats.resolved'), dataIndex: 'resolved', align: 'right' },
                  ]}
                />
              </Card>
            </Col>
          </Row>
          {stats.data.recurring.length > 0 && (
            <Card title={t('voice.stats.recurring')} style={{ marginTop: 12 }}>
              {stats.data.recurring.map((r) => (
                <div key={r.id} style={{ marginBottom: 8 }}>
                  <Link to={`/voice/items/${r.id}`} style={{ whiteSpace: 'pre-wrap' }}>
                    {r.content}
                  </Link>
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
                    {t('voice.item.sources', { count: r.sourceCount })} · {r.categoryName} · {r.areaName}
                  </Typography.Text>
                </div>
              ))}
            </Card>
          )}
        </>
      )}
    </>
  );
}
