import { Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { SimpleList } from '../../../app/SimpleList';
import { formatDateTime } from '../../../lib/format';
import { useMyCadreVisits } from '../hooks';

const STATUS_COLOR = { assigned: 'blue', attended: 'green', absent: 'default' } as const;

/** The signed-in cadre's own meeting visits, upcoming first; hidden when there are none. */
export function MyVisits() {
  const { t } = useTranslation();
  const visits = useMyCadreVisits();
  const items = visits.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Card size="small" title={t('cadres.visits.title')} style={{ marginBottom: 12 }}>
      <SimpleList
        aria-label={t('cadres.visits.title')}
        items={items.slice(0, 10)}
        rowKey={(v) => String(v.id)}
        empty={t('cadres.visits.empty')}
        renderItem={(v) => (
          <Flex justify="space-between" align="center" wrap gap={8}>
            <div style={{ minWidth: 0 }}>
              <Link to={`/meetings/${v.meetingId}`}>{v.unitName}</Link>
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
                {formatDateTime(v.scheduledAt)}
                {v.place ? ` · ${v.place}` : ''}
              </Typography.Text>
            </div>
            <Flex gap={6}>
              {v.upcoming && <Tag color="gold">{t('cadres.visits.upcoming')}</Tag>}
              <Tag color={STATUS_COLOR[v.status]} style={{ marginInlineEnd: 0 }}>
                {t(`cadres.statuses.${v.status}`)}
              </Tag>
            </Flex>
          </Flex>
        )}
      />
    </Card>
  );
}
