import { Button, Flex, Table, type TableProps, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBirth, formatNumber } from '../../../lib/format';
import { useIsMobile } from '../../../lib/useIsMobile';
import type { PersonSummary } from '../types';
import { OrgTags } from './OrgTags';

interface Props {
  items: PersonSummary[];
  loading: boolean;
  total: number;
  page: number;
  pageSize: number;
  onPage: (page: number, pageSize: number) => void;
  onOpen: (id: number) => void;
  empty: ReactNode;
}

const positions = (p: PersonSummary) => [...new Set(p.memberships.map((m) => m.position).filter(Boolean))];
const units = (p: PersonSummary) => [...new Set(p.memberships.map((m) => m.unitName))].join('; ');

/** The member table: columns on wide screens, one card-like cell per person on phones. */
export function MembersTable({ items, loading, total, page, pageSize, onPage, onOpen, empty }: Props) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const gender = (p: PersonSummary) => (p.gender === 'F' ? t('people.female') : t('people.male'));
  const nameButton = (p: PersonSummary) => (
    <Button
      type="link"
      style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left', fontWeight: 500 }}
      onClick={(e) => {
        e.stopPropagation();
        onOpen(p.id);
      }}
    >
      {p.fullName}
    </Button>
  );
  const cadre = (p: PersonSummary) =>
    positions(p).map((pos) => (
      <Tag key={pos} color="gold">
        {pos}
      </Tag>
    ));

  const desktop: TableProps<PersonSummary>['columns'] = [
    { key: 'name', title: t('people.fullName'), render: (_, p) => nameButton(p) },
    {
      key: 'birth',
      title: t('people.birth'),
      onHeaderCell: () => ({ style: { whiteSpace: 'nowrap' } }),
      render: (_, p) => formatBirth(p.birthDate, p.birthYear),
    },
    { key: 'gender', title: t('people.gender'), responsive: ['lg'], render: (_, p) => gender(p) },
    { key: 'phone', title: t('people.phone'), dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
    {
      key: 'orgs',
      title: t('people.organizations'),
      render: (_, p) => <OrgTags memberships={p.memberships} />,
    },
    { key: 'unit', title: t('people.unit'), responsive: ['lg'], render: (_, p) => units(p) },
    {
      key: 'position',
      title: t('people.position'),
      responsive: ['xl'],
      render: (_, p) => (
        <>
          {cadre(p)}
          {p.awayFromHome && <Tag>{t('people.awayFromHome')}</Tag>}
        </>
      ),
    },
  ];
  const mobile: TableProps<PersonSummary>['columns'] = [
    {
      key: 'card',
      title: t('people.fullName'),
      render: (_, p) => (
        <Flex vertical gap={2}>
          {nameButton(p)}
          <Typography.Text type="secondary">
            {[formatBirth(p.birthDate, p.birthYear), gender(p), p.phone].filter(Boolean).join(' · ')}
          </Typography.Text>
          <Typography.Text>{units(p)}</Typography.Text>
          <div>
            <OrgTags memberships={p.memberships} />
            {cadre(p)}
            {p.awayFromHome && <Tag>{t('people.awayFromHome')}</Tag>}
          </div>
        </Flex>
      ),
    },
  ];

  return (
    <Table<PersonSummary>
      rowKey="id"
      size="middle"
      columns={isMobile ? mobile : desktop}
      dataSource={items}
      loading={loading}
      locale={{ emptyText: empty }}
      onRow={(p) => ({ onClick: () => onOpen(p.id), style: { cursor: 'pointer' } })}
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100, 200],
        showTotal: (n) => formatNumber(n),
        simple: isMobile,
        onChange: onPage,
      }}
    />
  );
}
