import { Grid, Segmented, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useImportRows } from '../hooks';
import { useImportsText } from '../i18n';
import type { ImportRowItem, RowFilter } from '../types';

const COLORS = { valid: 'green', invalid: 'red', duplicate: 'orange' } as const;
const FILTERS: RowFilter[] = ['problems', 'invalid', 'duplicate', 'valid', 'all'];

/** The checked rows, paginated on the server, each problem named with its column and how to fix it. */
export function RowsTable({ jobId }: { jobId: number }) {
  const { s, f } = useImportsText();
  const [filter, setFilter] = useState<RowFilter>('problems');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const rows = useImportRows(jobId, filter, page, pageSize, true);
  // On a phone the problems go under the name (a column to the right would sit outside the screen).
  const narrow = Grid.useBreakpoint().sm === false;
  const nameCell = (r: ImportRowItem) => (
    <>
      {r.fullName ?? '—'}
      <br />
      <Typography.Text type="secondary">{[r.birth, r.phone].filter(Boolean).join(' · ')}</Typography.Text>
    </>
  );
  const statusTag = (st: ImportRowItem['status']) => <Tag color={COLORS[st]}>{s.preview.rowStatus[st]}</Tag>;
  const problemList = (r: ImportRowItem) =>
    r.problems.length === 0 ? (
      <Typography.Text type="secondary">{s.preview.noProblem}</Typography.Text>
    ) : (
      <ul style={{ margin: 0, paddingInlineStart: 18 }}>
        {r.problems.map((p) => (
          <li key={`${p.column}-${p.message}`}>
            <Typography.Text type={p.severity === 'error' ? 'danger' : 'warning'}>
              {p.column ? `${f(s.preview.column, { column: p.column, header: p.header })}: ` : ''}
              {p.message}
            </Typography.Text>
          </li>
        ))}
      </ul>
    );
  const rowColumn = { title: s.preview.row, dataIndex: 'rowNumber', width: narrow ? 56 : 70 };
  const columns: ColumnsType<ImportRowItem> = narrow
    ? [
        rowColumn,
        {
          title: s.preview.problems,
          key: 'row',
          render: (_, r) => (
            <>
              {nameCell(r)}
              <div style={{ margin: '4px 0' }}>{statusTag(r.status)}</div>
              {problemList(r)}
            </>
          ),
        },
      ]
    : [
        rowColumn,
        { title: s.preview.name, key: 'name', width: 200, render: (_, r) => nameCell(r) },
        { title: s.preview.status, dataIndex: 'status', width: 90, render: statusTag },
        { title: s.preview.problems, key: 'problems', render: (_, r) => problemList(r) },
      ];
  return (
    <>
      <Segmented
        aria-label={s.preview.filter}
        value={filter}
        onChange={(v) => {
          setFilter(v as RowFilter);
          setPage(1);
        }}
        options={FILTERS.map((k) => ({ value: k, label: s.preview.filters[k] }))}
        size={narrow ? 'small' : 'middle'}
        style={{ marginBottom: 12, maxWidth: '100%', overflowX: 'auto' }}
      />
      <Table
        size="small"
        rowKey="rowNumber"
        columns={columns}
        dataSource={rows.data?.items ?? []}
        loading={rows.isFetching}
        scroll={narrow ? undefined : { x: 640 }}
        locale={{ emptyText: s.preview.empty }}
        pagination={{
          current: page,
          pageSize,
          total: rows.data?.total ?? 0,
          showSizeChanger: true,
          onChange: (next, size) => {
            setPage(size !== pageSize ? 1 : next);
            setPageSize(size);
          },
        }}
      />
    </>
  );
}
