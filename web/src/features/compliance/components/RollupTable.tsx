import { Flex, Progress, Table, type TableProps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ComplianceRollup } from '../../../api/types';
import { pct } from './ComplianceTable';

interface Props {
  groups: ComplianceRollup[];
  /** 'communes' | 'organizations': the first column's title */
  title: string;
  loading: boolean;
  onOpen?: (group: ComplianceRollup) => void;
}

/** One row per commune or organization: met / missed / in progress, compliance and attendance rates. */
export function RollupTable({ groups, title, loading, onOpen }: Props) {
  const { t } = useTranslation();
  const columns: TableProps<ComplianceRollup>['columns'] = [
    {
      key: 'name',
      title,
      render: (_, g) => (
        <Flex vertical gap={2}>
          {onOpen && g.unitId ? (
            <Typography.Link
              onClick={(e) => {
                e.stopPropagation();
                onOpen(g);
              }}
            >
              {g.name}
            </Typography.Link>
          ) : (
            <Typography.Text strong>{g.name}</Typography.Text>
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('compliance.met')}: {g.met} · {t('compliance.missed')}: {g.missed} · {t('compliance.pending')}:{' '}
            {g.pending}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'rate',
      title: t('compliance.rate'),
      width: 140,
      render: (_, g) => (
        <Flex vertical gap={0}>
          <Typography.Text>
            {g.met}/{g.branches}
          </Typography.Text>
          <Progress
            percent={Math.round(g.rate * 100)}
            size="small"
            status={g.rate < 0.5 ? 'exception' : 'normal'}
            aria-label={`${t('compliance.rate')} ${Math.round(g.rate * 100)}%`}
          />
        </Flex>
      ),
    },
    {
      key: 'attendance',
      title: t('compliance.attendanceRate'),
      align: 'right',
      responsive: ['sm'],
      render: (_, g) => pct(g.attendanceRate),
    },
    {
      key: 'away',
      title: t('compliance.awayAttendance'),
      align: 'right',
      responsive: ['md'],
      render: (_, g) => pct(g.awayAttendanceRate),
    },
  ];
  return (
    <Table<ComplianceRollup>
      rowKey="key"
      size="middle"
      columns={columns}
      dataSource={groups}
      loading={loading}
      locale={{ emptyText: t('compliance.rollup.empty') }}
      onRow={(g) => (onOpen && g.unitId ? { onClick: () => onOpen(g), style: { cursor: 'pointer' } } : {})}
      pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
    />
  );
}
