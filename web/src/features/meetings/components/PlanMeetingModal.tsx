import { App, Form, Input, Modal, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../../../api/client';
import type { MeetingKind, MeetingMode } from '../../../api/types';
import { ThemeSelect } from '../../themes/components/ThemeSelect';
import { type PlanMeetingBody, usePlanMeeting } from '../hooks';
import { DateTimeField } from './DateTimeField';

interface Values {
  kind: MeetingKind;
  scheduledAt: Dayjs;
  place?: string;
  mode: MeetingMode;
  onlineLink?: string;
  agenda?: string;
  themeId?: number | null;
}

const KINDS: MeetingKind[] = ['regular', 'thematic', 'extraordinary'];
const MODES: MeetingMode[] = ['in_person', 'online', 'hybrid'];

/** "Lên kế hoạch sinh hoạt": kind, date-time, place, mode (+ link when online), agenda. */
export function PlanMeetingModal({
  unitId,
  open,
  onClose,
}: {
  unitId: number;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const mode = Form.useWatch('mode', form);
  const scheduledAt = Form.useWatch('scheduledAt', form);
  const plan = usePlanMeeting(unitId);
  const needsLink = mode === 'online' || mode === 'hybrid';

  const submit = async (v: Values) => {
    const body: PlanMeetingBody = {
      kind: v.kind,
      scheduledAt: v.scheduledAt.second(0).millisecond(0).toISOString(),
      mode: v.mode,
      place: v.place?.trim() || undefined,
      agenda: v.agenda?.trim() || undefined,
      onlineLink: needsLink ? v.onlineLink?.trim() : undefined,
      themeId: v.themeId ?? undefined,
    };
    try {
      const { id } = await plan.mutateAsync(body);
      message.success(t('meetings.form.created'));
      form.resetFields();
      onClose();
      navigate(`/meetings/${id}`);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  return (
    <Modal
      open={open}
      title={t('meetings.form.title')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={plan.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        name="plan-meeting"
        layout="vertical"
        requiredMark
        initialValues={{ kind: 'regular', mode: 'in_person' }}
        onFinish={submit}
      >
        <Form.Item
          name="kind"
          label={t('meetings.kind')}
          rules={[{ required: true, message: t('meetings.form.kindRequired') }]}
        >
          <Select options={KINDS.map((k) => ({ value: k, label: t(`meetings.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item
          name="scheduledAt"
          label={t('meetings.date')}
          rules={[{ required: true, message: t('meetings.form.dateRequired') }]}
        >
          <DateTimeField />
        </Form.Item>
        <Form.Item name="place" label={t('meetings.place')}>
          <Input maxLength={300} placeholder={t('meetings.form.placePlaceholder')} />
        </Form.Item>
        <Form.Item name="mode" label={t('meetings.mode')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={MODES.map((m) => ({ value: m, label: t(`meetings.modes.${m}`) }))}
          />
        </Form.Item>
        {needsLink && (
          <Form.Item
            name="onlineLink"
            label={t('meetings.form.onlineLink')}
            rules={[
              { required: true, whitespace: true, message: t('meetings.form.onlineLinkRequired') },
              { pattern: /^https?:\/\/\S+$/i, message: t('meetings.form.onlineLinkInvalid') },
            ]}
          >
            <Input type="url" inputMode="url" maxLength={500} placeholder="https://meet.google.com/…" />
          </Form.Item>
        )}
        {scheduledAt && (
          <Form.Item name="themeId" label={t('themes.meeting.label')}>
            <ThemeSelect unitId={unitId} month={scheduledAt.format('YYYY-MM')} />
          </Form.Item>
        )}
        <Form.Item name="agenda" label={t('meetings.form.agenda')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
