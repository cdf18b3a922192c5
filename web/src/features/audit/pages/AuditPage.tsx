import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  Row,
  Table,
  type TableProps,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { qk } from '../../../api/keys';
import type { AuditEntry, Page } from '../../../api/types';
import { PageHeader } from '../../../app/PageHeader';
import { formatDateTime, formatNumber, prettyJson } from '../../../lib/format';

interface Filters {
  action: string;
  entityType: string;
  actor: string;
  from: string;
  to: string;
}

interface FormValues {
  action?: string;
  entityType?: string;
  actor?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

const EMPTY: Filters = { action: '', entityType: '', actor: '', from: '', to: '' };

function JsonBlock({ label, value }: { label: string; value: unknown }) {
  return (
    <div>
      <Typography.Text strong>{label}</Typography.Text>
      <pre
        style={{
          background: '#fafafa',
          padding: 8,
          borderRadius: 4,
          overflowX: 'auto',
          fontSize: 12,
          margin: '4px 0 0',
        }}
      >
        {prettyJson(value)}
      </pre>
    </div>
  );
}

/** "Nhật ký": filter by action, entity type, actor and dates; expand a row to see before/after. */
export default function AuditPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [page, setPage] = useState(1);
  const pageSize = 50;
  const params = { ...filters, page, pageSize };
  const audit = useQuery({
    queryKey: qk.audit(params),
    queryFn: ({ signal }) => api<Page<AuditEntry>>('/audit', { query: params, signal }),
    placeholderData: keepPreviousData,
  });

  const apply = (v: FormValues) => {
    setPage(1);
    setFilters({
      action: v.action?.trim() ?? '',
      entityType: v.entityType?.trim() ?? '',
      actor: v.actor?.trim() ?? '',
      from: v.range?.[0]?.format('YYYY-MM-DD') ?? '',
      to: v.range?.[1]?.format('YYYY-MM-DD') ?? '',
    });
  };

  const columns: TableProps<AuditEntry>['columns'] = [
    { key: 'at', title: t('audit.at'), render: (_, e) => formatDateTime(e.at), width: 150 },
    { key: 'actor', title: t('audit.actor'), render: (_, e) => e.actorName ?? '—' },
    { key: 'action', title: t('audit.action'), render: (_, e) => <Tag color="blue">{e.action}</Tag> },
    {
      key: 'entity',
      title: t('audit.entity'),
      responsive: ['md'],
      render: (_, e) => (
        <span>
          {e.entityType}
          {e.entityId && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {' '}
              #{e.entityId}
            </Typography.Text>
          )}
        </span>
      ),
    },
    {
      key: 'requestId',
      title: t('audit.requestId'),
      responsive: ['xl'],
      render: (_, e) => <Typography.Text code>{e.requestId ?? '—'}</Typography.Text>,
    },
  ];

  return (
    <>
      <PageHeader title={t('audit.title')} />
      <Card style={{ marginBottom: 16 }}>
        <Form form={form} layout="vertical" name="audit-filters" onFinish={apply}>
          <Row gutter={12}>
            <Col xs={24} sm={12} lg={5}>
              <Form.Item label={t('audit.action')} name="action">
                <Input allowClear />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={5}>
              <Form.Item label={t('audit.entityType')} name="entityType">
                <Input allowClear />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={5}>
              <Form.Item label={t('audit.actor')} name="actor">
                <Input allowClear />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item label={t('audit.range')} name="range">
                <DatePicker.RangePicker
                  format="DD/MM/YYYY"
                  allowEmpty={[true, true]}
                  placeholder={[t('audit.from'), t('audit.to')]}
                  style={{ width: '100%' }}
                />
              </Form.Item>
            </Col>
            <Col xs={24} lg={3}>
              <Form.Item label=" " colon={false}>
                <Button type="primary" htmlType="submit" block>
                  {t('audit.filter')}
                </Button>
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      <Card>
        {audit.isError && (
          <Alert type="error" showIcon title={audit.error.message} style={{ marginBottom: 12 }} />
        )}
        <Table<AuditEntry>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={audit.data?.items ?? []}
          loading={audit.isFetching}
          locale={{ emptyText: t('audit.empty') }}
          scroll={{ x: 'max-content' }}
          expandable={{
            expandedRowRender: (e) => (
              <Row gutter={[12, 12]}>
                <Col xs={24} md={12}>
                  <JsonBlock label={t('audit.before')} value={e.before} />
                </Col>
                <Col xs={24} md={12}>
                  <JsonBlock label={t('audit.after')} value={e.after} />
                </Col>
              </Row>
            ),
          }}
          pagination={{
            current: page,
            pageSize,
            total: audit.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (n) => formatNumber(n),
            onChange: setPage,
          }}
        />
      </Card>
    </>
  );
}
