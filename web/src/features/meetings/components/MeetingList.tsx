import { Card, Flex, Table, type TableProps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { MeetingSummary } from '../../../api/types';
import { formatDateTime } from '../../../lib/format';
import { useIsMobile } from '../../../lib/useIsMobile';
import { MeetingKindTag, MeetingStatusTag, useAttendanceLine } from './tags';

/** Meetings of one unit: tappable cards on a phone, a table on wider screens. */
export function MeetingList({ items, loading }: { items: MeetingSummary[]; loading: boolean }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const attendance = useAttendanceLine();
  const open = (m: MeetingSummary) => navigate(`/meetings/${m.id}`);

  if (isMobile) {
    return (
      <Flex vertical gap={8} role="list" aria-label={t('meetings.title')}>
        {items.map((m) => (
          <Card
            key={m.id}
            size="small"
            hoverable
            role="listitem"
            tabIndex={0}
            onClick={() => open(m)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') open(m);
            }}
            styles={{ body: { padding: 12 } }}
          >
            <Flex justify="space-between" align="start" gap={8}>
              <Typography.Text strong style={{ fontSize: 16 }}>
                {m.periodLabel}
              </Typography.Text>
              <MeetingStatusTag status={m.status} />
            </Flex>
            <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
              {formatDateTime(m.scheduledAt)}
              {m.place ? ` · ${m.place}` : ''}
            </Typography.Text>
            <Flex justify="space-between" align="center" gap={8} style={{ marginTop: 8 }}>
              <MeetingKindTag kind={m.kind} />
              <Typography.Text>{attendance(m)}</Typography.Text>
            </Flex>
          </Card>
        ))}
      </Flex>
    );
  }

  const columns: TableProps<MeetingSummary>['columns'] = [
    {
      key: 'period',
      title: t('meetings.period'),
      render: (_, m) => (
        <Typography.Link
          href={`/meetings/${m.id}`}
          onClick={(e) => {
            e.preventDefault();
            open(m);
          }}
        >
          {m.periodLabel}
        </Typography.Link>
      ),
    },
    { key: 'date', title: t('meetings.date'), render: (_, m) => formatDateTime(m.scheduledAt) },
    { key: 'kind', title: t('meetings.kind'), render: (_, m) => <MeetingKindTag kind={m.kind} /> },
    {
      key: 'mode',
      title: t('meetings.mode'),
      responsive: ['lg'],
      render: (_, m) => t(`meetings.modes.${m.mode}`),
    },
    { key: 'place', title: t('meetings.place'), responsive: ['xl'], render: (_, m) => m.place ?? '—' },
    { key: 'status', title: t('meetings.status'), render: (_, m) => <MeetingStatusTag status={m.status} /> },
    { key: 'attendance', title: t('meetings.attendance'), render: (_, m) => attendance(m) },
  ];

  return (
    <Table<MeetingSummary>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={false}
      onRow={(m) => ({ onClick: () => open(m), style: { cursor: 'pointer' } })}
    />
  );
}
