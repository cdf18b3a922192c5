import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { VoiceItemSummary } from '../../../../../contracts/voice';
import { SimpleList } from '../../../app/SimpleList';
import { formatDate } from '../../../lib/format';
import { StatusTag } from './StatusTag';

interface Props {
  items: VoiceItemSummary[];
  empty: string;
  label: string;
  /** show the branch and (where allowed) the author: officers' and respondents' lists */
  showOrigin?: boolean;
}

/** Items as a phone-friendly list: content first, then status, owner and deadline. */
export function ItemList({ items, empty, label, showOrigin }: Props) {
  const { t } = useTranslation();
  return (
    <SimpleList
      aria-label={label}
      items={items}
      rowKey={(i) => String(i.id)}
      empty={empty}
      renderItem={(i) => (
        <div style={{ minWidth: 0 }}>
          <Link
            to={`/voice/items/${i.id}`}
            style={{ fontWeight: 600, display: 'block', whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
          >
            {i.content.length > 160 ? `${i.content.slice(0, 159)}…` : i.content}
          </Link>
          <Flex wrap gap={6} align="center" style={{ marginTop: 4 }}>
            <StatusTag status={i.effectiveStatus} />
            <Tag>{t(`voice.kinds.${i.kind}`)}</Tag>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {i.categoryName} · {formatDate(i.raisedAt)}
            </Typography.Text>
            {i.urgency === 'urgent' && <Tag color="red">{t('voice.item.urgent')}</Tag>}
            {i.sourceCount > 1 && (
              <Tag color="purple">{t('voice.item.sources', { count: i.sourceCount })}</Tag>
            )}
            {i.overdue && <Tag color="error">{t('voice.item.overdue')}</Tag>}
          </Flex>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
            {showOrigin && `${i.unitName}${i.authorName ? ` · ${i.authorName}` : ''}`}
            {i.ownerLabel && `${showOrigin ? ' · ' : ''}${t('voice.item.owner')}: ${i.ownerLabel}`}
            {i.dueAt && ` · ${t('voice.item.stepDue', { date: formatDate(i.dueAt) })}`}
          </Typography.Text>
        </div>
      )}
    />
  );
}
