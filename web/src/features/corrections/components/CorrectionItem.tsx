import { Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Correction } from '../../../../../contracts/corrections';
import { formatDateTime } from '../../../lib/format';
import { useValueText } from '../values';

const STATUS_COLOR: Record<Correction['status'], string> = {
  pending: 'gold',
  approved: 'green',
  rejected: 'red',
  withdrawn: 'default',
};

/** One proposal: the field, old → new, its status and the decision; `actions` below it. */
export function CorrectionItem({
  c,
  showPerson,
  actions,
}: {
  c: Correction;
  showPerson?: boolean;
  actions?: ReactNode;
}) {
  const { t } = useTranslation();
  const text = useValueText();
  const value = (v: string | null, label: string | null) =>
    c.hidden ? t('corrections.hidden') : text(c.field, v, label);
  return (
    <div>
      <Flex justify="space-between" align="start" wrap gap={4}>
        <Typography.Text strong>
          {showPerson ? `${c.personName} · ` : ''}
          {t(`corrections.fields.${c.field}`)}
        </Typography.Text>
        <Tag color={STATUS_COLOR[c.status]}>{t(`corrections.statuses.${c.status}`)}</Tag>
      </Flex>
      <div>
        <Typography.Text type="secondary">{t('corrections.from')}:</Typography.Text>{' '}
        <Typography.Text delete={c.status === 'approved'}>{value(c.oldValue, c.oldLabel)}</Typography.Text>
      </div>
      <div>
        <Typography.Text type="secondary">{t('corrections.to')}:</Typography.Text>{' '}
        <Typography.Text strong>{value(c.newValue, c.newLabel)}</Typography.Text>
      </div>
      {c.note && <Typography.Paragraph style={{ margin: 0 }}>“{c.note}”</Typography.Paragraph>}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {showPerson ? `${c.unitName} · ` : ''}
        {formatDateTime(c.proposedAt)}
        {c.decidedAt && c.decidedByName && c.status !== 'withdrawn'
          ? ` · ${t('corrections.list.decidedBy', {
              status: t(`corrections.statuses.${c.status}`),
              name: c.decidedByName,
              time: formatDateTime(c.decidedAt),
            })}`
          : ''}
      </Typography.Text>
      {c.decisionReason && (
        <div>
          <Typography.Text type="danger">
            {t('corrections.reason')}: {c.decisionReason}
          </Typography.Text>
        </div>
      )}
      {actions && <div>{actions}</div>}
    </div>
  );
}
