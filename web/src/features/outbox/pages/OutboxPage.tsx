import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Card, Select, Table, type TableProps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import type { Page } from '../../../api/types';
import { PageHeader } from '../../../app/PageHeader';
import { formatDateTime, formatNumber } from '../../../lib/format';

interface OutboxItem {
  id: number;
  channel: string;
  recipient: string;
  subject: string | null;
  body: string;
  kind: string;
  createdAt: string;
  sentAt: string | null;
}

const PAGE_SIZE = 50;

/** "Hộp thư đi (SMS/email)": what the default sender recorded, newest first (administrators only). */
export default function OutboxPage() {
  const { t } = useTranslation();
  const [channel, setChannel] = useState<string>('');
  const [page, setPage] = useState(1);
  const params = { channel, page, pageSize: PAGE_SIZE };
  const list = useQuery({
    queryKey: ['outbox', params],
    queryFn: ({ signal }) => api<Page<OutboxItem>>('/outbox', { query: params, signal }),
    placeholderData: keepPreviousData,
  });
  const kindLabel = (k: string) =>
    k in { otp: 1, meeting_reminder: 1, period_reminder: 1 }
      ? t(`outbox.kinds.${k as 'otp' | 'meeting_reminder' | 'period_reminder'}`)
      : k;

  const columns: TableProps<OutboxItem>['columns'] = [
    { key: 'at', title: t('outbox.at'), width: 140, render: (_, m) => formatDateTime(m.createdAt) },
    {
      key: 'to',
      title: t('outbox.recipient'),
      render: (_, m) => (
        <span>
          <Tag>{m.channel.toUpperCase()}</Tag>
          <Typography.Text copyable>{m.recipient}</Typography.Text>
        </span>
      ),
    },
    { key: 'kind', title: t('outbox.kind'), responsive: ['md'], render: (_, m) => kindLabel(m.kind) },
    {
      key: 'body',
      title: t('outbox.body'),
      render: (_, m) => (
        <Typography.Text style={{ wordBreak: 'break-word' }}>
          {m.subject && <strong>{m.subject}: </strong>}
          {m.body}
        </Typography.Text>
      ),
    },
    {
      key: 'sent',
      title: t('outbox.sent'),
      responsive: ['lg'],
      render: (_, m) =>
        m.sentAt ? (
          formatDateTime(m.sentAt)
        ) : (
          <Typography.Text type="secondary">{t('outbox.pending')}</Typography.Text>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('outbox.title')}
        extra={
          <Select
            aria-label={t('outbox.channel')}
            value={channel}
            onChange={(v) => {
              setChannel(v);
              setPage(1);
            }}
            style={{ width: 160 }}
            options={[
              { value: '', label: t('outbox.all') },
              { value: 'sms', label: 'SMS' },
              { value: 'email', label: 'Email' },
            ]}
          />
        }
      />
      <Typography.Paragraph type="secondary">{t('outbox.intro')}</Typography.Paragraph>
      {list.isError && (
        <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 12 }} />
      )}
      <Card size="small">
        <Table<OutboxItem>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          locale={{ emptyText: t('outbox.empty') }}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            onChange: setPage,
            showTotal: (n) => formatNumber(n),
          }}
        />
      </Card>
    </>
  );
}
