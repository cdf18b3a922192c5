import { App, Form, Input, Modal, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../../../api/client';
import { DateTimeField } from '../../meetings/components/DateTimeField';
import { UnitSelect } from '../../units/components/UnitSelect';
import { useUnit } from '../../units/hooks';
import { useBodies, useItems, usePlanDialogue } from '../hooks';

interface Values {
  unitId: number;
  title: string;
  leader: string;
  bodyId?: number;
  scheduledAt: Dayjs;
  place?: string;
  itemIds?: number[];
}

/** Plans a dialogue: unit (its area and members follow), leader, body, date and time, place, open items. */
export function PlanDialogueModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [unitId, setUnitId] = useState<number | null>(null);
  const unit = useUnit(unitId);
  const bodies = useBodies(unit.data?.unit.areaId ?? null);
  const items = useItems({ unitId: unitId ?? undefined, status: 'open', pageSize: 100 });
  const plan = usePlanDialogue();

  const submit = async (v: Values) => {
    try {
      const { id } = await plan.mutateAsync({
        unitId: v.unitId,
        title: v.title.trim(),
        leader: v.leader.trim(),
        bodyId: v.bodyId,
        scheduledAt: v.scheduledAt.second(0).millisecond(0).toISOString(),
        place: v.place?.trim() || undefined,
        itemIds: v.itemIds ?? [],
      });
      message.success(t('voice.dialogues.created'));
      form.resetFields();
      onClose();
      navigate(`/voice/dialogues/${id}`);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  return (
    <Modal
      open={open}
      title={t('voice.dialogues.plan')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={plan.isPending}
      destroyOnHidden
    >
      <Form<Values> form={form} name="plan-dialogue" layout="vertical" onFinish={submit}>
        <Form.Item
          name="unitId"
          label={t('voice.dialogues.unit')}
          rules={[{ required: true, message: t('voice.dialogues.unitRequired') }]}
        >
          <UnitSelect
            onChange={(v) => {
              setUnitId(v);
              form.setFieldsValue({ bodyId: undefined, itemIds: [] });
            }}
          />
        </Form.Item>
        {unit.data && (
          <div style={{ marginBottom: 16 }}>
            <Typography.Text type="secondary">
              {t('voice.dialogues.area')}: {unit.data.unit.areaName}
            </Typography.Text>
            <br />
            <Typography.Text type="secondary">
              {t('voice.dialogues.members')}:{' '}
              {t('voice.dialogues.membersText', { unit: unit.data.unit.name })}
            </Typography.Text>
          </div>
        )}
        <Form.Item
          name="title"
          label={t('voice.dialogues.titleField')}
          rules={[{ required: true, whitespace: true, message: t('voice.dialogues.titleRequired') }]}
        >
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item
          name="leader"
          label={t('voice.dialogues.leader')}
          extra={t('voice.dialogues.leaderHelp')}
          rules={[{ required: true, whitespace: true, message: t('voice.dialogues.leaderRequired') }]}
        >
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="bodyId" label={t('voice.dialogues.body')}>
          <Select
            allowClear
            disabled={!unitId}
            loading={bodies.isFetching}
            options={(bodies.data?.items ?? []).map((b) => ({ value: b.id, label: b.name }))}
          />
        </Form.Item>
        <Form.Item
          name="scheduledAt"
          label={t('voice.dialogues.at')}
          rules={[{ required: true, message: t('voice.dialogues.atRequired') }]}
        >
          <DateTimeField />
        </Form.Item>
        <Form.Item name="place" label={t('voice.dialogues.place')}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="itemIds" label={t('voice.dialogues.items')} extra={t('voice.dialogues.itemsHelp')}>
          <Select
            mode="multiple"
            disabled={!unitId}
            loading={items.isFetching}
            optionFilterProp="label"
            options={(items.data?.items ?? []).map((i) => ({
              value: i.id,
              label: `#${i.id} ${i.content.slice(0, 80)}`,
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
