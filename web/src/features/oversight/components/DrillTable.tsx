import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { Dashboard, DashboardChild, Indicator } from '../../../../../contracts/oversight';
import { lookup } from '../../../app/i18n/lookup';
import { show } from '../format';

const COLUMNS: Indicator[] = [
  'memberships',
  'admitted',
  'netChange',
  'complianceRate',
  'attendanceRate',
  'coverageRate',
  'voiceReceived',
  'voiceOverdue',
];

/** The same figures per child unit; a click (or Enter) opens that unit's dashboard. */
export function DrillTable({
  dashboard,
  loading,
  onOpen,
}: {
  dashboard: Dashboard;
  loading: boolean;
  onOpen: (c: DashboardChild) => void;
}) {
  const { t } = useTranslation();
  const fmt = new Map(dashboard.definitions.map((d) => [d.key, d]));
  const columns: ColumnsType<DashboardChild> = [
    {
      title: t('oversight.columns.unit'),
      dataIndex: 'name',
      fixed: 'left',
      width: 170,
      render: (name: string, c) => (
        <a
          href={`?unitId=${c.unitId}`}
          onClick={(e) => {
            e.preventDefault();
            onOpen(c);
          }}
        >
          {name}
        </a>
      ),
    },
    ...COLUMNS.map((k) => ({
      title: (
        <span title={fmt.get(k)?.counts}>{lookup(t, `oversight.columns.${k}`, fmt.get(k)?.label ?? k)}</span>
      ),
      key: k,
      align: 'right' as const,
      width: 110,
      sorter: (a: DashboardChild, b: DashboardChild) =>
        (a.figures[k].value ?? -1) - (b.figures[k].value ?? -1),
      render: (_: unknown, c: DashboardChild) => show(fmt.get(k)?.format ?? 'count', c.figures[k].value),
    })),
  ];
  return (
    <Table<DashboardChild>
      rowKey="unitId"
      size="small"
      columns={columns}
      dataSource={dashboard.children}
      loading={loading}
      pagination={dashboard.children.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      scroll={{ x: 170 + COLUMNS.length * 110 }}
      locale={{ emptyText: t('oversight.emptyChildren') }}
      onRow={(c) => ({ onClick: () => onOpen(c), style: { cursor: 'pointer' } })}
    />
  );
}
