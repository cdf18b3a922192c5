import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageHeader } from '../../../app/PageHeader';
import { SimpleList } from '../../../app/SimpleList';
import { formatDateTime } from '../../../lib/format';
import { useUrlParams } from '../../../lib/useUrlParams';
import { UnitSelect } from '../../units/components/UnitSelect';
import { PlanDialogueModal } from '../components/PlanDialogueModal';
import { useDialogues } from '../hooks';

const STATUS_COLOR = { planned: 'blue', held: 'orange', published: 'green' } as const;

/** "/voice/dialogues" — the dialogues of the officer's scope, newest first, and planning a new one. */
export default function DialoguesPage() {
  const { t } = useTranslation();
  const [params, update] = useUrlParams();
  const unitId = Number(params.get('unitId')) || null;
  const list = useDialogues(unitId);
  const [planning, setPlanning] = useState(false);
  return (
    <div style={{ maxWidth: 900 }}>
      <PageHeader
        title={t('voice.dialogues.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setPlanning(true)}>
            {t('voice.dialogues.plan')}
          </Button>
        }
      />
      <Card>
        <UnitSelect
          aria-label={t('voice.dialogues.unitFilter')}
          placeholder={t('voice.dialogues.unitFilter')}
          allowClear
          value={unitId}
          onChange={(v) => update({ unitId: v ? String(v) : undefined })}
          style={{ width: '100%', maxWidth: 360, marginBottom: 12 }}
        />
        {list.isError && <Alert type="error" showIcon title={list.error.message} />}
        {list.isPending && <Skeleton active />}
        {list.isSuccess && (
          <SimpleList
            aria-label={t('voice.dialogues.title')}
            items={list.data.items}
            rowKey={(d) => String(d.id)}
            empty={t('voice.dialogues.empty')}
            renderItem={(d) => (
              <div style={{ minWidth: 0 }}>
                <Link to={`/voice/dialogues/${d.id}`} style={{ fontWeight: 600, wordBreak: 'break-word' }}>
                  {d.title}
                </Link>
                <Flex gap={4} wrap style={{ marginTop: 4 }}>
                  <Tag color={STATUS_COLOR[d.status]}>{t(`voice.dialogues.statuses.${d.status}`)}</Tag>
                  <Tag>{t('voice.dialogues.questionsCount', { count: d.questions })}</Tag>
                  {d.openCommitments > 0 && (
                    <Tag color="gold">
                      {t('voice.dialogues.openCommitments', { count: d.openCommitments })}
                    </Tag>
                  )}
                </Flex>
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
                  {formatDateTime(d.scheduledAt)} · {d.unitName} · {d.leader}
                  {d.place ? ` · ${d.place}` : ''}
                </Typography.Text>
              </div>
            )}
          />
        )}
      </Card>
      <PlanDialogueModal open={planning} onClose={() => setPlanning(false)} />
    </div>
  );
}
