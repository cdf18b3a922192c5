import { Table, type TableProps, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format';
import { useIsMobile } from '../../../lib/useIsMobile';
import { branchColumn } from '../../compliance/components/BranchCell';
import type { CoverageRow } from '../types';

interface Props {
  rows: CoverageRow[];
  loading: boolean;
  onOpen: (row: CoverageRow) => void;
}

/** One row per branch in the server's order (difficult areas first, then not visited); a tap opens its meetings. */
export function CoverageTable({ rows, loading, onOpen }: Props) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const tag = (r: CoverageRow) => (
    <Tag color={r.covered ? 'green' : 'red'} style={{ marginInlineEnd: 0 }}>
      {r.covered ? t('cadres.coverage.covered') : t('cadres.coverage.notCovered')}
    </Tag>
  );
  const columns: TableProps<CoverageRow>['columns'] = [
    branchColumn(
      t('cadres.coverage.branch'),
      onOpen,
      isMobile
        ? (r) => (
            <>
              {tag(r)}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('cadres.coverage.lastVisit')}:{' '}
                {r.lastVisitAt ? formatDate(r.lastVisitAt) : t('cadres.coverage.never')}
              </Typography.Text>
            </>
          )
        : undefined,
    ),
    { key: 'status', title: t('meetings.status'), responsive: ['sm'], render: (_, r) => tag(r) },
    {
      key: 'visits',
      title: t('cadres.coverage.visits'),
      align: 'center',
      responsive: ['sm'],
      render: (_, r) => r.visits,
    },
    {
      key: 'last',
      title: t('cadres.coverage.lastVisit'),
      responsive: ['md'],
      render: (_, r) => (r.lastVisitAt ? formatDate(r.lastVisitAt) : t('cadres.coverage.never')),
    },
  ];
  return (
    <Table<CoverageRow>
      rowKey="unitId"
      size="middle"
      columns={columns}
      dataSource={rows}
      loading={loading}
      locale={{ emptyText: t('cadres.coverage.empty') }}
      onRow={(r) => ({ onClick: () => onOpen(r), style: { cursor: 'pointer' } })}
      pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
    />
  );
}
