import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UnitProgress } from '../../../../../contracts/plans';
import { show } from '../../oversight/format';
import { ResultTag } from './ProgressTable';

/** Each child unit's actual value against its target, per indicator; a click opens the child's progress. */
export function ChildTable({
  items,
  loading,
  onOpen,
}: {
  items: UnitProgress[];
  loading?: boolean;
  onOpen: (c: UnitProgress) => void;
}) {
  const { t } = useTranslation();
  const indicators = items[0]?.rows ?? [];
  return (
    <Table<UnitProgress>
      rowKey="unitId"
      size="small"
      loading={loading}
      pagination={false}
      dataSource={items}
      scroll={{ x: 200 + indicators.length * 160 }}
      columns={[
        {
          title: t('plans.table.unit'),
          dataIndex: 'name',
          fixed: 'left',
          render: (name: string, c) => <Typography.Link onClick={() => onOpen(c)}>{name}</Typography.Link>,
        },
        ...indicators.map((ind, i) => ({
          title: ind.label,
          key: ind.indicator,
          render: (_: unknown, c: UnitProgress) => {
            const r = c.rows[i];
            if (!r) return null;
            return (
              <>
                <div>
                  {show(r.format, r.actual)} / {show(r.format, r.target)}
                </div>
                <ResultTag attained={r.attained} />
              </>
            );
          },
        })),
      ]}
    />
  );
}
