import { SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Input, Row, Table, type TableProps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { PersonSummary } from '../../../api/types';
import { PageHeader } from '../../../app/PageHeader';
import { formatBirth, formatNumber } from '../../../lib/format';
import { useDebounced } from '../../../lib/useDebounced';
import { UnitSelect } from '../../units/components/UnitSelect';
import { useUnit } from '../../units/hooks';
import { OrgTags } from '../components/OrgTags';
import { PersonDrawer } from '../components/PersonDrawer';
import { usePeople } from '../hooks';

/** Positive integer id from a query-string value, else null. */
function toId(value: string | null): number | null {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : null;
}

/** "Hội viên / Đoàn viên": server-paginated list with search, unit filter and a profile drawer. */
export default function PeoplePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const unitId = toId(params.get('unitId'));
  const [q, setQ] = useState('');
  const debouncedQ = useDebounced(q.trim(), 350);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [openId, setOpenId] = useState<number | null>(null);
  const unit = useUnit(unitId);
  const people = usePeople({ unitId, q: debouncedQ, page, pageSize });

  const setUnit = (id: number | null) => {
    setPage(1);
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (id) next.set('unitId', String(id));
      else next.delete('unitId');
      return next;
    });
  };

  const columns: TableProps<PersonSummary>['columns'] = [
    {
      key: 'name',
      title: t('people.fullName'),
      render: (_, p) => (
        <Button
          type="link"
          style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
          onClick={(e) => {
            e.stopPropagation();
            setOpenId(p.id);
          }}
        >
          {p.fullName}
        </Button>
      ),
    },
    {
      key: 'birth',
      title: t('people.birth'),
      responsive: ['sm'],
      onHeaderCell: () => ({ style: { whiteSpace: 'nowrap' } }),
      render: (_, p) => formatBirth(p.birthDate, p.birthYear),
    },
    {
      key: 'gender',
      title: t('people.gender'),
      responsive: ['md'],
      onHeaderCell: () => ({ style: { whiteSpace: 'nowrap' } }),
      render: (_, p) => (p.gender === 'F' ? t('people.female') : t('people.male')),
    },
    { key: 'phone', title: t('people.phone'), dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
    {
      key: 'orgs',
      title: t('people.organizations'),
      responsive: ['md'],
      render: (_, p) => <OrgTags memberships={p.memberships} />,
    },
    {
      key: 'unit',
      title: t('people.unit'),
      responsive: ['lg'],
      render: (_, p) => [...new Set(p.memberships.map((m) => m.unitName))].join('; '),
    },
  ];

  const total = people.data?.total ?? 0;
  return (
    <>
      <PageHeader title={t('people.title')} />
      <Card>
        <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
          <Col xs={24} md={12}>
            <Input
              type="search"
              allowClear
              prefix={<SearchOutlined />}
              placeholder={t('people.searchPlaceholder')}
              aria-label={t('people.searchPlaceholder')}
              value={q}
              onChange={(e) => {
                setQ(e.target.value);
                setPage(1);
              }}
            />
          </Col>
          <Col xs={24} md={12}>
            <UnitSelect
              aria-label={t('people.unitFilter')}
              placeholder={t('people.unitFilter')}
              value={unitId}
              initialLabel={unit.data?.unit.name}
              onChange={(id) => setUnit(id)}
              allowClear
            />
          </Col>
        </Row>
        {people.isError && (
          <Alert type="error" showIcon title={people.error.message} style={{ marginBottom: 12 }} />
        )}
        <Typography.Paragraph strong aria-live="polite">
          {t('people.totals', {
            people: formatNumber(total),
            memberships: formatNumber(people.data?.totalMemberships ?? 0),
          })}
        </Typography.Paragraph>
        <Table<PersonSummary>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={people.data?.items ?? []}
          loading={people.isFetching}
          locale={{ emptyText: t('people.empty') }}
          onRow={(p) => ({ onClick: () => setOpenId(p.id), style: { cursor: 'pointer' } })}
          pagination={{
            current: page,
            pageSize,
            total,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (n) => formatNumber(n),
            onChange: (nextPage, nextSize) => {
              setPage(nextSize !== pageSize ? 1 : nextPage);
              setPageSize(nextSize);
            },
          }}
        />
      </Card>
      <PersonDrawer personId={openId} onClose={() => setOpenId(null)} />
    </>
  );
}
