import { Button, Flex, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { TransferItem } from '../../../../../contracts/lifecycle';
import { lookup } from '../../../app/i18n/lookup';
import { formatBirth, formatDate } from '../../../lib/format';
import type { Decision } from '../hooks';

const STATUS_COLOR: Record<string, string> = {
  pending: 'processing',
  accepted: 'success',
  refused: 'error',
  recalled: 'default',
  ended: 'default',
};

export const transferStatus = (t: TFunction, status: string) =>
  lookup(t, `lifecycle.transfers.statuses.${status}`, status);
export const transferKind = (t: TFunction, kind: string) =>
  lookup(t, `lifecycle.transfers.kinds.${kind}`, kind);
const where = (u: { name: string; communeName: string | null }) =>
  u.communeName ? `${u.name} (${u.communeName})` : u.name;

/** One transfer or stay: who, from → to, dates, decision, reason, and the buttons the actor may use. */
export function TransferCard({
  item,
  onDecide,
  showPerson = true,
}: {
  item: TransferItem;
  onDecide: (item: TransferItem, decision: Decision) => void;
  showPerson?: boolean;
}) {
  const { t } = useTranslation();
  const a = item.abilities;
  return (
    <Flex vertical gap={4}>
      <Flex wrap gap={8} align="center">
        {showPerson && (
          <Link to={`/people/${item.person.id}`}>
            <Typography.Text strong>{item.person.fullName}</Typography.Text>
          </Link>
        )}
        {showPerson && (
          <Typography.Text type="secondary">
            {formatBirth(item.person.birthDate, item.person.birthYear)}
          </Typography.Text>
        )}
        <Tag color={item.kind === 'stay' ? 'purple' : 'blue'}>{transferKind(t, item.kind)}</Tag>
        <Tag color={STATUS_COLOR[item.status]}>{transferStatus(t, item.status)}</Tag>
      </Flex>
      <Typography.Text>
        {t('lifecycle.transfers.from')}: {where(item.fromUnit)} → {t('lifecycle.transfers.to')}:{' '}
        {where(item.toUnit)}
      </Typography.Text>
      <Typography.Text type="secondary">
        {t('lifecycle.transfers.issuedOn')}: {formatDate(item.issuedOn)}
        {item.until ? ` · ${t('lifecycle.transfers.until')}: ${formatDate(item.until)}` : ''}
        {item.decisionNo ? ` · ${t('lifecycle.history.decision', { no: item.decisionNo })}` : ''}
        {item.decidedOn ? ` · ${t('lifecycle.transfers.decidedOn')}: ${formatDate(item.decidedOn)}` : ''}
      </Typography.Text>
      {item.reason && (
        <Typography.Text type="secondary">
          {t('lifecycle.reason')}: {item.reason}
        </Typography.Text>
      )}
      {item.decisionReason && (
        <Typography.Text type={item.status === 'refused' ? 'danger' : 'secondary'}>
          {transferStatus(t, item.status)}: {item.decisionReason}
        </Typography.Text>
      )}
      {(a.accept || a.refuse || a.recall || a.end) && (
        <Flex wrap gap={8} style={{ marginTop: 4 }}>
          {a.accept && (
            <Button type="primary" onClick={() => onDecide(item, 'accept')}>
              {t('lifecycle.actions.accept')}
            </Button>
          )}
          {a.refuse && (
            <Button danger onClick={() => onDecide(item, 'refuse')}>
              {t('lifecycle.actions.refuse')}
            </Button>
          )}
          {a.recall && (
            <Button onClick={() => onDecide(item, 'recall')}>{t('lifecycle.actions.recall')}</Button>
          )}
          {a.end && <Button onClick={() => onDecide(item, 'end')}>{t('lifecycle.actions.endStay')}</Button>}
        </Flex>
      )}
    </Flex>
  );
}
