import { Alert, App, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { TransferItem } from '../../../../../contracts/lifecycle';
import { errorMessage } from '../../../api/client';
import { type Decision, useDecide } from '../hooks';
import { DayField, isoDay } from './DayField';

interface Values {
  on: Dayjs;
  reason?: string;
}

const TITLES: Record<Decision, string> = {
  accept: 'lifecycle.decide.acceptTitle',
  refuse: 'lifecycle.decide.refuseTitle',
  recall: 'lifecycle.decide.recallTitle',
  end: 'lifecycle.decide.endStayTitle',
};
const OK: Record<Decision, string> = {
  accept: 'lifecycle.actions.accept',
  refuse: 'lifecycle.actions.refuse',
  recall: 'lifecycle.actions.recall',
  end: 'lifecycle.actions.endStay',
};

/** Accept / refuse (reason required) / recall / end a stay: the day and, except to accept, a reason. */
export function DecisionModal({
  item,
  decision,
  onClose,
}: {
  item: TransferItem | null;
  decision: Decision;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const tk = t as unknown as (key: string, o?: Record<string, string>) => string;
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const decide = useDecide();
  const name = item?.person.fullName ?? '';

  const submit = async (v: Values) => {
    if (!item) return;
    try {
      await decide.mutateAsync({
        id: item.id,
        decision,
        body: { on: isoDay(v.on), reason: v.reason?.trim() || undefined },
      });
      message.success(t('lifecycle.decide.done'));
      form.resetFields();
      onClose();
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  return (
    <Modal
      open={Boolean(item)}
      title={tk(TITLES[decision], { name })}
      okText={tk(OK[decision])}
      okButtonProps={{ danger: decision !== 'accept' }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={decide.isPending}
      destroyOnHidden
    >
      {decision === 'accept' && item && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={tk(
            item.kind === 'stay' ? 'lifecycle.decide.stayAcceptHint' : 'lifecycle.decide.acceptHint',
            {
              name,
              unit: item.toUnit.name,
            },
          )}
        />
      )}
      <Form<Values>
        form={form}
        name={`decide-${decision}`}
        layout="vertical"
        requiredMark
        initialValues={{ on: dayjs() }}
        onFinish={submit}
      >
        <Form.Item
          name="on"
          label={t('lifecycle.date')}
          rules={[{ required: true, message: t('lifecycle.dateRequired') }]}
        >
          <DayField />
        </Form.Item>
        {decision !== 'accept' && (
          <Form.Item
            name="reason"
            label={t('lifecycle.reason')}
            rules={[
              {
                required: decision === 'refuse',
                whitespace: true,
                message: t('lifecycle.decide.refuseReasonRequired'),
              },
            ]}
          >
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
