import { Progress, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProgressRow } from '../../../../../contracts/plans';
import { show } from '../../oversight/format';
import { progressPercent } from '../format';

/** The result of one indicator as a tag: attained, not yet, or no figure. */
export function ResultTag({ attained }: { attained: boolean | null }) {
  const { t } = useTranslation();
  if (attained === null) return <Typography.Text type="secondary">{t('plans.table.noData')}</Typography.Text>;
  return attained ? (
    <Tag color="green">{t('plans.table.attained')}</Tag>
  ) : (
    <Tag color="orange">{t('plans.table.notAttained')}</Tag>
  );
}

/** A unit's progress: Chỉ tiêu | Chỉ tiêu giao | Đạt được | Đạt/Chưa đạt, with a bar per indicator. */
export function ProgressTable({ rows, loading }: { rows: ProgressRow[]; loading?: boolean }) {
  const { t } = useTranslation();
  return (
    <Table<ProgressRow>
      rowKey="indicator"
      size="small"
      loading={loading}
      pagination={false}
      dataSource={rows}
      scroll={{ x: 560 }}
      columns={[
        {
          title: t('plans.table.indicator'),
          dataIndex: 'label',
          render: (label: string, r) => (
            <>
              {label}
              {r.lowerIsBetter && (
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {t('plans.form.lowerIsBetter')}
                </Typography.Text>
              )}
            </>
          ),
        },
        {
          title: t('plans.table.target'),
          dataIndex: 'target',
          align: 'right',
          render: (_: unknown, r) => show(r.format, r.target),
        },
        {
          title: t('plans.table.actual'),
          dataIndex: 'actual',
          align: 'right',
          render: (_: unknown, r) => show(r.format, r.actual),
        },
        {
          title: t('plans.table.result'),
          dataIndex: 'attained',
          render: (a: boolean | null) => <ResultTag attained={a} />,
        },
        {
          title: t('plans.table.progress'),
          key: 'bar',
          width: 180,
          render: (_: unknown, r) => {
            const p = progressPercent(r);
            return p === null ? null : (
              <Progress
                percent={p}
                size="small"
                status={r.attained ? 'success' : 'normal'}
                aria-label={`${r.label}: ${p}%`}
              />
            );
          },
        },
      ]}
    />
  );
}
