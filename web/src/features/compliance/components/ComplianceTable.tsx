import { Table, type TableProps, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ComplianceRow, ComplianceStatus } from '../../../api/types';
import { formatDate } from '../../../lib/format';
import { useIsMobile } from '../../../lib/useIsMobile';
import { branchColumn } from './BranchCell';

export const STATUS_COLOR: Record<ComplianceStatus, string> = {
  met: 'green',
  missed: 'red',
  pending: 'blue',
};
export const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)}%`);

interface Props {
  rows: ComplianceRow[];
  loading: boolean;
  onOpen: (row: ComplianceRow) => void;
  /** the server's paging (the rows are one page of `total`) */
  page: { current: number; pageSize: number; total: number; onChange: (page: number) => void };
}

/** One row per branch; a tap opens that branch's meetings. */
export function ComplianceTable({ rows, loading, onOpen, page }: Props) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const statusTag = (r: ComplianceRow) => (
    <>
      <Tag color={STATUS_COLOR[r.status]} style={{ marginInlineEnd: 0 }}>
        {t(`compliance.statuses.${r.status}`)}
      </Tag>
      {r.late > 0 && (
        <Tag color="gold" style={{ marginInlineStart: 4, marginInlineEnd: 0 }}>
          {t('compliance.late', { count: r.late })}
        </Tag>
      )}
      {r.unreported > 0 && (
        <Tag color="orange" style={{ marginInlineStart: 4, marginInlineEnd: 0 }}>
          {t('compliance.unreported', { count: r.unreported })}
        </Tag>
      )}
    </>
  );
  const columns: TableProps<ComplianceRow>['columns'] = [
    branchColumn(
      t('compliance.branch'),
      onOpen,
      isMobile
        ? (r) => (
            <>
              {statusTag(r)}
              <Typography.Text>
                {t('compliance.heldRequired')}: {r.held}/{r.required}
              </Typography.Text>
            </>
          )
        : undefined,
    ),
    {
      key: 'status',
      title: t('meetings.status'),
      responsive: ['sm'],
      render: (_, r) => statusTag(r),
    },
    {
      key: 'held',
      title: t('compliance.heldRequired'),
      align: 'center',
      responsive: ['sm'],
      render: (_, r) => `${r.held}/${r.required}`,
    },
    {
      key: 'last',
      title: t('compliance.lastMeeting'),
      responsive: ['md'],
      render: (_, r) => formatDate(r.lastMeetingAt),
    },
    {
      key: 'attendance',
      title: t('compliance.attendance'),
      responsive: ['md'],
      align: 'right',
      render: (_, r) => pct(r.attendanceRate),
    },
    {
      key: 'away',
      title: t('compliance.awayAttendance'),
      responsive: ['lg'],
      align: 'right',
      render: (_, r) =>
        r.awayInvited > 0 ? (
          <span title={t('compliance.awayOf', { attended: r.awayAttended, invited: r.awayInvited })}>
            {pct(r.awayAttendanceRate)}{' '}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              ({t('compliance.awayOf', { attended: r.awayAttended, invited: r.awayInvited })})
            </Typography.Text>
          </span>
        ) : (
          '—'
        ),
    },
    {
      key: 'thematic',
      title: t('compliance.thematic'),
      responsive: ['xl'],
      align: 'center',
      render: (_, r) => r.thematic,
    },
    {
      key: 'cadre',
      title: t('compliance.cadreVisited'),
      responsive: ['xl'],
      align: 'center',
      render: (_, r) => r.cadreVisited,
    },
  ];

  return (
    <Table<ComplianceRow>
      rowKey="unitId"
      size="middle"
      columns={columns}
      dataSource={rows}
      loading={loading}
      locale={{ emptyText: t('compliance.empty') }}
      onRow={(r) => ({ onClick: () => onOpen(r), style: { cursor: 'pointer' } })}
      pagination={{
        current: page.current,
        pageSize: page.pageSize,
        total: page.total,
        onChange: page.onChange,
        hideOnSinglePage: true,
        showSizeChanger: false,
        showTotal: (total) => t('compliance.branchCount', { count: total }),
      }}
    />
  );
}
