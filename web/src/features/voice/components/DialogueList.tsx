import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { DialogueList as Dialogues } from '../../../../../contracts/voice';
import { SimpleList } from '../../../app/SimpleList';
import { formatDateTime } from '../../../lib/format';

export const DIALOGUE_STATUS_COLOR = { planned: 'blue', held: 'orange', published: 'green' } as const;

/** Dialogues as a phone-friendly list: title (link to the dialogue), status, time, unit, leader and place. */
export function DialogueList({
  items,
  empty,
  label,
}: {
  items: Dialogues['items'];
  empty: string;
  label: string;
}) {
  const { t } = useTranslation();
  return (
    <SimpleList
      aria-label={label}
      items={items}
      rowKey={(d) => String(d.id)}
      empty={empty}
      renderItem={(d) => (
        <div style={{ minWidth: 0 }}>
          <Link to={`/voice/dialogues/${d.id}`} style={{ fontWeight: 600, wordBreak: 'break-word' }}>
            {d.title}
          </Link>
          <Flex gap={4} wrap style={{ marginTop: 4 }}>
            <Tag color={DIALOGUE_STATUS_COLOR[d.status]}>{t(`voice.dialogues.statuses.${d.status}`)}</Tag>
            <Tag>{t('voice.dialogues.questionsCount', { count: d.questions })}</Tag>
            {d.openCommitments > 0 && (
              <Tag color="gold">{t('voice.dialogues.openCommitments', { count: d.openCommitments })}</Tag>
            )}
          </Flex>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
            {formatDateTime(d.scheduledAt)} · {d.unitName} · {d.leader}
            {d.place ? ` · ${d.place}` : ''}
          </Typography.Text>
        </div>
      )}
    />
  );
}
