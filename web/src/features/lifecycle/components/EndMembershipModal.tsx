import { Alert, App, Form, Input, Modal, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/client';
import { lookup } from '../../../app/i18n/lookup';
import { useDeath, useEndMembership } from '../hooks';
import { DayField, isoDay } from './DayField';
import type { MembershipRef } from './TransferModal';

type Kind = 'left' | 'removed' | 'deceased';
interface Values {
  kind: Kind;
  on: Dayjs;
  decisionNo?: string;
  reason?: string;
}
const KINDS: Kind[] = ['left', 'removed', 'deceased'];

/** "Kết thúc sinh hoạt": leaving, removal (reason required) or death (ends every live membership). */
export function EndMembershipModal({
  membership,
  personId,
  canDeath,
  onClose,
}: {
  membership: MembershipRef | null;
  personId: number;
  canDeath: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const end = useEndMembership();
  const death = useDeath();

  const submit = async (v: Values) => {
    if (!membership) return;
    const common = {
      on: isoDay(v.on),
      decisionNo: v.decisionNo?.trim() || undefined,
      reason: v.reason?.trim() || undefined,
    };
    try {
      if (v.kind === 'deceased') await death.mutateAsync({ personId, body: common });
      else await end.mutateAsync({ membershipId: membership.id, body: { kind: v.kind, ...common } });
      message.success(t('lifecycle.endForm.done'));
      form.resetFields();
      onClose();
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  return (
    <Modal
      open={Boolean(membership)}
      title={t('lifecycle.endForm.title', { name: membership?.personName ?? '' })}
      okText={t('lifecycle.endForm.confirm')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={end.isPending || death.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        name="end-membership"
        layout="vertical"
        requiredMark
        initialValues={{ kind: 'left', on: dayjs() }}
        onFinish={submit}
      >
        <Form.Item name="kind" label={t('lifecycle.endForm.kind')} rules={[{ required: true }]}>
          <Radio.Group
            options={KINDS.filter((k) => k !== 'deceased' || canDeath).map((k) => ({
              value: k,
              label: lookup(t, `lifecycle.endForm.kinds.${k}`, k),
            }))}
          />
        </Form.Item>
        {kind === 'deceased' && (
          <Alert
            type="warning"
            showIcon
            title={t('lifecycle.endForm.deceasedHint')}
            style={{ marginBottom: 16 }}
          />
        )}
        <Form.Item
          name="on"
          label={t('lifecycle.date')}
          rules={[{ required: true, message: t('lifecycle.dateRequired') }]}
        >
          <DayField />
        </Form.Item>
        <Form.Item name="decisionNo" label={t('lifecycle.decisionNo')} extra={t('lifecycle.decisionNoHint')}>
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('lifecycle.reason')}
          rules={[
            {
              required: kind === 'removed',
              whitespace: true,
              message: t('lifecycle.endForm.reasonRequired'),
            },
          ]}
        >
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
