import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../app/PageHeader';
import { useUrlParams } from '../../../lib/useUrlParams';
import { UnitSelect } from '../../units/components/UnitSelect';
import { DialogueList } from '../components/DialogueList';
import { PlanDialogueModal } from '../components/PlanDialogueModal';
import { useDialogues } from '../hooks';

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
          <DialogueList
            items={list.data.items}
            empty={t('voice.dialogues.empty')}
            label={t('voice.dialogues.title')}
          />
        )}
      </Card>
      <PlanDialogueModal open={planning} onClose={() => setPlanning(false)} />
    </div>
  );
}
