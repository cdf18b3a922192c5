import { CheckCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons';
import { App, Button, Flex, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { ClassificationList, ClassificationRow } from '../../../../../contracts/classification';
import { errorMessage } from '../../../api/client';
import { formatDateTime } from '../../../lib/format';
import { useIsMobile } from '../../../lib/useIsMobile';
import { useConfirm } from '../hooks';

const COLORS = ['green', 'blue', 'gold', 'red', 'volcano', 'magenta'];

/** The branches with their proposal, reasons (expandable), confirmed level and the confirm / override actions. */
export function BranchTable({
  list,
  loading,
  canManage,
  onOverride,
  onPage,
}: {
  list: ClassificationList;
  loading: boolean;
  canManage: boolean;
  onOverride: (row: ClassificationRow) => void;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const confirm = useConfirm();
  const mobile = useIsMobile();
  const idx = (code: string) => list.levels.findIndex((l) => l.code === code);
  const tag = (code: string | null) =>
    code === null ? null : (
      <Tag color={COLORS[idx(code)] ?? 'default'}>{list.levels[idx(code)]?.name ?? code}</Tag>
    );

  const doConfirm = async (row: ClassificationRow) => {
    try {
      await confirm.mutateAsync({ unitId: row.unitId, year: list.year, level: row.proposedLevel ?? '' });
      message.success(t('classification.confirmed'));
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  const unitCell = (r: ClassificationRow) => (
    <>
      <div>{r.unitName}</div>
      {r.parentName && <Typography.Text type="secondary">{r.parentName}</Typography.Text>}
    </>
  );
  const proposedCell = (r: ClassificationRow) =>
    tag(r.proposedLevel) ?? (
      <Typography.Text type="secondary">{t('classification.noProposal')}</Typography.Text>
    );
  const levelCell = (r: ClassificationRow) =>
    r.level === null ? (
      <Typography.Text type="secondary">{t('classification.notConfirmed')}</Typography.Text>
    ) : (
      <>
        {tag(r.level)}
        {r.overrideReason && (
          <div>
            <Typography.Text type="secondary">
              {t('classification.overrideBy', { reason: r.overrideReason })}
            </Typography.Text>
          </div>
        )}
        {r.confirmedBy && (
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('classification.confirmedBy', { name: r.confirmedBy, at: formatDateTime(r.confirmedAt) })}
            </Typography.Text>
          </div>
        )}
      </>
    );
  const actionsCell = (r: ClassificationRow) =>
    canManage &&
    r.proposedLevel && (
      <Flex gap={4} wrap>
        {r.level !== r.proposedLevel && (
          <Button size="small" type="primary" loading={confirm.isPending} onClick={() => void doConfirm(r)}>
            {t('classification.confirm')}
          </Button>
        )}
        <Button size="small" onClick={() => onOverride(r)}>
          {t('classification.override')}
        </Button>
      </Flex>
    );

  // On a phone one stacked column, so the table and the expanded reasons fit 360 px without side scrolling.
  const columns: ColumnsType<ClassificationRow> = mobile
    ? [
        {
          title: t('classification.columns.unit'),
          key: 'all',
          render: (_, r) => (
            <Flex vertical gap={4}>
              {unitCell(r)}
              <div>
                <Typography.Text type="secondary">{t('classification.columns.proposed')}: </Typography.Text>
                {proposedCell(r)}
              </div>
              <div>
                <Typography.Text type="secondary">{t('classification.columns.level')}: </Typography.Text>
                {levelCell(r)}
              </div>
              {actionsCell(r)}
            </Flex>
          ),
        },
      ]
    : [
        { title: t('classification.columns.unit'), key: 'unit', render: (_, r) => unitCell(r) },
        { title: t('classification.columns.proposed'), key: 'proposed', render: (_, r) => proposedCell(r) },
        { title: t('classification.columns.level'), key: 'level', render: (_, r) => levelCell(r) },
        ...(canManage
          ? [
              {
                title: t('classification.columns.actions'),
                key: 'actions',
                render: (_: unknown, r: ClassificationRow) => actionsCell(r),
              },
            ]
          : []),
      ];

  return (
    <Table<ClassificationRow>
      rowKey="unitId"
      size="small"
      loading={loading}
      columns={columns}
      dataSource={list.rows}
      scroll={mobile ? undefined : { x: 560 }}
      expandable={{
        rowExpandable: (r) => r.reasons.length > 0,
        expandedRowRender: (r) => (
          <ul
            aria-label={t('classification.columns.reasons')}
            style={{ margin: 0, paddingLeft: 4, listStyle: 'none' }}
          >
            {r.reasons.map((x) => (
              <li key={`${x.level}-${x.criterion}`} style={{ marginBottom: 4 }}>
                {x.met ? (
                  <CheckCircleTwoTone twoToneColor="#52c41a" />
                ) : (
                  <CloseCircleTwoTone twoToneColor="#cf1322" />
                )}{' '}
                {x.text}
              </li>
            ))}
          </ul>
        ),
      }}
      pagination={{
        current: list.page,
        pageSize: list.pageSize,
        total: list.total,
        showSizeChanger: false,
        onChange: onPage,
      }}
    />
  );
}
