import { App, Button, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { VoiceItemDetail } from '../../../../../contracts/voice';
import { useDecline, useForward } from '../hooks';

type Targets = VoiceItemDetail['targets'];

/** Forward up the organization path or to a recipient body of the area (the server offers only those). */
export function ForwardForm({ itemId, targets }: { itemId: number; targets: Targets }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ target: string; note?: string }>();
  const forward = useForward(itemId);
  const submit = (v: { target: string; note?: string }) => {
    const [kind, id] = v.target.split(':');
    forward.mutate(
      { ...(kind === 'unit' ? { unitId: Number(id) } : { bodyId: Number(id) }), note: v.note || undefined },
      {
        onSuccess: () => message.success(t('voice.act.forwarded')),
        onError: (e) => message.error(e.message),
      },
    );
  };
  return (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
      <Form.Item
        name="target"
        label={t('voice.act.target')}
        rules={[{ required: true, message: t('voice.act.targetRequired') }]}
      >
        <Select
          size="large"
          options={[
            {
              label: t('voice.act.unitsGroup'),
              options: targets.units.map((u) => ({ value: `unit:${u.id}`, label: u.name })),
            },
            {
              label: t('voice.act.bodiesGroup'),
              options: targets.bodies.map((b) => ({ value: `body:${b.id}`, label: b.name })),
            },
          ]}
        />
      </Form.Item>
      <Form.Item name="note" label={t('voice.act.note')}>
        <Input maxLength={1000} />
      </Form.Item>
      <Button type="primary" htmlType="submit" size="large" block loading={forward.isPending}>
        {t('voice.act.forward')}
      </Button>
    </Form>
  );
}

/** A body declines: a reason and the competent body, which receives the item. */
export function DeclineForm({ itemId, targets }: { itemId: number; targets: Targets }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const decline = useDecline(itemId);
  return (
    <Form
      layout="vertical"
      requiredMark={false}
      onFinish={(v: { reason: string; bodyId: number }) =>
        decline.mutate(v, {
          onSuccess: () => message.success(t('voice.act.declined')),
          onError: (e) => message.error(e.message),
        })
      }
    >
      <Form.Item
        name="reason"
        label={t('voice.act.declineReason')}
        rules={[{ required: true, whitespace: true, message: t('voice.act.declineReasonRequired') }]}
      >
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <Form.Item
        name="bodyId"
        label={t('voice.act.declineTo')}
        rules={[{ required: true, message: t('voice.act.targetRequired') }]}
      >
        <Select size="large" options={targets.bodies.map((b) => ({ value: b.id, label: b.name }))} />
      </Form.Item>
      <Button danger htmlType="submit" size="large" block loading={decline.isPending}>
        {t('voice.act.decline')}
      </Button>
    </Form>
  );
}
