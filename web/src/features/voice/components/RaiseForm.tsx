import { App, Button, Card, Checkbox, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  type CreateVoiceItemBody,
  VOICE_KINDS,
  VOICE_TEXT_MAX,
  type VoiceKind,
} from '../../../../../contracts/voice';
import { useCategories, useRaise } from '../hooks';

interface Values {
  kind: VoiceKind;
  categoryCode: string;
  content: string;
  urgent: boolean;
  hideName: boolean;
}

/** What an officer raising from a meeting's discussion entry sends besides the form (branch, meeting, author). */
export type RaisePreset = Pick<CreateVoiceItemBody, 'unitId' | 'meetingId' | 'discussionId' | 'onBehalf'> & {
  content: string;
};

/**
 * A member's form: kind, category, plain-text content, urgency and "hide my name above the branch". With a
 * `preset` (a meeting's discussion entry) the content is prefilled and the item is raised on the speaker's behalf.
 */
export function RaiseForm({ preset, onSent }: { preset?: RaisePreset; onSent?: (id: number) => void } = {}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const categories = useCategories();
  const raise = useRaise();

  const submit = (v: Values) =>
    raise.mutate(
      {
        kind: v.kind,
        categoryCode: v.categoryCode,
        content: v.content,
        urgency: v.urgent ? 'urgent' : 'normal',
        hideName: v.hideName,
        ...(preset && {
          unitId: preset.unitId,
          meetingId: preset.meetingId,
          discussionId: preset.discussionId,
          onBehalf: preset.onBehalf,
        }),
      },
      {
        onSuccess: ({ id }) => {
          message.success(t(preset ? 'voice.form.sentFromMeeting' : 'voice.form.sent'));
          form.resetFields();
          onSent?.(id);
        },
        onError: (e) => message.error(e.message),
      },
    );

  return (
    <Card title={preset ? undefined : t('voice.form.title')} style={{ marginBottom: 12 }}>
      <Form
        form={form}
        name={preset ? 'raise-from-meeting' : 'raise'}
        layout="vertical"
        onFinish={submit}
        initialValues={{ kind: 'kien_nghi', urgent: false, hideName: false, content: preset?.content }}
        requiredMark={false}
      >
        <Form.Item name="kind" label={t('voice.form.kind')}>
          <Select
            size="large"
            options={VOICE_KINDS.map((k) => ({ value: k, label: t(`voice.kinds.${k}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="categoryCode"
          label={t('voice.form.category')}
          rules={[{ required: true, message: t('voice.form.categoryRequired') }]}
        >
          <Select
            size="large"
            loading={categories.isPending}
            options={(categories.data?.items ?? [])
              .filter((c) => c.active)
              .map((c) => ({ value: c.code, label: c.name }))}
          />
        </Form.Item>
        <Form.Item
          name="content"
          label={t('voice.form.content')}
          extra={t('voice.form.contentHelp')}
          rules={[{ required: true, whitespace: true, message: t('voice.form.contentRequired') }]}
        >
          <Input.TextArea rows={5} maxLength={VOICE_TEXT_MAX} />
        </Form.Item>
        <Form.Item name="urgent" valuePropName="checked" style={{ marginBottom: 4 }}>
          <Checkbox>{t('voice.form.urgent')}</Checkbox>
        </Form.Item>
        <Form.Item name="hideName" valuePropName="checked" extra={t('voice.form.hideNameHelp')}>
          <Checkbox>{t('voice.form.hideName')}</Checkbox>
        </Form.Item>
        <Button type="primary" htmlType="submit" size="large" block loading={raise.isPending}>
          {t('voice.form.submit')}
        </Button>
      </Form>
    </Card>
  );
}
