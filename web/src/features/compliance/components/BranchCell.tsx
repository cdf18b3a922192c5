import { Flex, type TableColumnType, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** What a branch table's row says about the branch itself. */
export interface BranchRow {
  unitId: number;
  unitName: string;
  parentName: string | null;
  difficultArea: boolean;
}

interface Props<R extends BranchRow> {
  row: R;
  /** opens the branch (the row's own action); the link's address is for new tabs and screen readers */
  onOpen: (row: R) => void;
  /** tags and figures shown under the name (on phones, in place of the hidden columns) */
  extra?: ReactNode;
}

/**
 * A branch table's first cell (compliance, cadre coverage): the branch name as a link to its meetings, its
 * parent unit, then the difficult-area tag and `extra`.
 */
export function BranchCell<R extends BranchRow>({ row, onOpen, extra }: Props<R>) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={2}>
      <Typography.Link
        href={`/units/${row.unitId}/meetings`}
        onClick={(e) => {
          e.preventDefault();
          e.stopPropagation();
          onOpen(row);
        }}
      >
        {row.unitName}
      </Typography.Link>
      {row.parentName && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {row.parentName}
        </Typography.Text>
      )}
      {(row.difficultArea || extra) && (
        <Flex gap={6} wrap align="center">
          {row.difficultArea && (
            <Tag color="orange" style={{ marginInlineEnd: 0 }}>
              {t('compliance.difficultArea')}
            </Tag>
          )}
          {extra}
        </Flex>
      )}
    </Flex>
  );
}

/** The branch column of a branch table: BranchCell, with `extra(row)` under it (pass it on phones only). */
export function branchColumn<R extends BranchRow>(
  title: string,
  onOpen: (row: R) => void,
  extra?: (row: R) => ReactNode,
): TableColumnType<R> {
  return { key: 'unit', title, render: (_, r) => <BranchCell row={r} onOpen={onOpen} extra={extra?.(r)} /> };
}
