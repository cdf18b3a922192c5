import { Button, Card, List, Tag, Typography } from 'antd';
import { formatNumber } from '../../../lib/format';
import { useImportList } from '../hooks';
import { useImportsText } from '../i18n';
import type { ImportStatus } from '../types';

export const STATUS_COLORS: Record<ImportStatus, string> = {
  uploaded: 'blue',
  checking: 'processing',
  checked: 'cyan',
  committing: 'processing',
  committed: 'green',
  failed: 'red',
  cancelled: 'default',
};

/** The unit's recent imports: one can leave an import and come back to it here. */
export function RecentImports({ unitId, onOpen }: { unitId: number; onOpen(id: number): void }) {
  const { s, f } = useImportsText();
  const list = useImportList(unitId);
  return (
    <Card title={s.recent.title} style={{ marginTop: 16 }}>
      <List
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: s.recent.empty }}
        rowKey="id"
        renderItem={(j) => (
          <List.Item
            actions={[
              <Button key="open" onClick={() => onOpen(j.id)} aria-label={`${s.recent.open} ${j.fileName}`}>
                {s.recent.open}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={
                <>
                  {j.fileName} <Tag color={STATUS_COLORS[j.status]}>{s.statuses[j.status]}</Tag>
                </>
              }
              description={
                <Typography.Text type="secondary">
                  {new Date(j.createdAt).toLocaleString('vi-VN')}
                  {j.createdByName ? ` · ${f(s.recent.by, { name: j.createdByName })}` : ''}
                  {j.counts.total > 0
                    ? ` · ${f(s.recent.counts, {
                        total: formatNumber(j.counts.total),
                        valid: formatNumber(j.counts.valid),
                        invalid: formatNumber(j.counts.invalid),
                        duplicate: formatNumber(j.counts.duplicate),
                      })}`
                    : ''}
                </Typography.Text>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
