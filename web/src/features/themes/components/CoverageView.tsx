import { Alert, Card, Col, Flex, Progress, Row, Skeleton, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { SimpleList } from '../../../app/SimpleList';
import { formatDate, formatNumber } from '../../../lib/format';
import { useThemeCoverage } from '../hooks';

/** Which branches below the publisher used the theme: counts, a progress bar, and the branches unused first. */
export function CoverageView({ themeId }: { themeId: number }) {
  const { t } = useTranslation();
  const coverage = useThemeCoverage(themeId);
  if (coverage.isPending) return <Skeleton active />;
  if (coverage.isError) return <Alert type="error" showIcon title={coverage.error.message} />;
  const { summary, rows } = coverage.data;

  return (
    <Card title={t('themes.coverage.title')} size="small">
      <Row gutter={[12, 12]}>
        <Col xs={8}>
          <Statistic title={t('themes.coverage.branches')} value={formatNumber(summary.branches)} />
        </Col>
        <Col xs={8}>
          <Statistic
            title={t('themes.coverage.used')}
            value={formatNumber(summary.used)}
            styles={{ content: { color: '#389e0d' } }}
          />
        </Col>
        <Col xs={8}>
          <Statistic
            title={t('themes.coverage.unused')}
            value={formatNumber(summary.unused)}
            styles={{ content: { color: '#cf1322' } }}
          />
        </Col>
      </Row>
      <Progress
        percent={Math.round(summary.rate * 100)}
        status="normal"
        aria-label={t('themes.coverage.progress')}
        style={{ margin: '12px 0' }}
      />
      <SimpleList
        bordered
        aria-label={t('themes.coverage.title')}
        items={rows}
        rowKey={(r) => String(r.unitId)}
        empty={t('themes.coverage.empty')}
        renderItem={(r) => (
          <Flex justify="space-between" align="center" wrap gap={8}>
            <div style={{ minWidth: 0 }}>
              <Typography.Text strong>{r.unitName}</Typography.Text>
              {r.difficultArea && (
                <Tag color="orange" style={{ marginInlineStart: 8 }}>
                  {t('themes.coverage.difficultArea')}
                </Tag>
              )}
              {r.parentName && (
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
                  {r.parentName}
                </Typography.Text>
              )}
            </div>
            {r.meetingId ? (
              <Link to={`/meetings/${r.meetingId}`}>
                <Tag color="green">{t('themes.coverage.usedOn', { date: formatDate(r.meetingAt) })}</Tag>
              </Link>
            ) : (
              <Tag color="red">{t('themes.coverage.notUsed')}</Tag>
            )}
          </Flex>
        )}
      />
    </Card>
  );
}
