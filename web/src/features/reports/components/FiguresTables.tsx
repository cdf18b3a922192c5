import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Definition, Indicator } from '../../../../../contracts/oversight';
import type { ReportDetail } from '../../../../../contracts/reports';
import { show } from '../../oversight/format';

/** The indicators table (this period and the previous one). */
export function FiguresTable({ report }: { report: ReportDetail }) {
  const { t } = useTranslation();
  return (
    <Table<Definition>
      rowKey="key"
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={report.definitions}
      columns={[
        { title: t('reports.indicator'), dataIndex: 'label' },
        {
          title: t('reports.current', { label: report.period.label }),
          align: 'right',
          render: (_, d) => show(d.format, report.figures[d.key].value),
        },
        {
          title: t('reports.previous', { label: report.previous.label }),
          align: 'right',
          render: (_, d) => show(d.format, report.figures[d.key].previous),
        },
      ]}
    />
  );
}

const PER_UNIT: Indicator[] = [
  'people',
  'admitted',
  'complianceRate',
  'attendanceRate',
  'voiceReceived',
  'voiceResolved',
];

/** The same figures per child unit (a readable subset; the .xlsx has all of them). */
export function ChildrenTable({ report }: { report: ReportDetail }) {
  const { t } = useTranslation();
  const defs = PER_UNIT.map((k) => report.definitions.find((d) => d.key === k)).filter(
    (d): d is Definition => d !== undefined,
  );
  return (
    <Table
      rowKey="unitId"
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={report.children}
      columns={[
        { title: t('reports.columns.unit'), dataIndex: 'name', fixed: 'left' },
        ...defs.map((d) => ({
          key: d.key,
          title: d.label,
          align: 'right' as const,
          render: (_: unknown, c: ReportDetail['children'][number]) => show(d.format, c.figures[d.key].value),
        })),
      ]}
    />
  );
}
