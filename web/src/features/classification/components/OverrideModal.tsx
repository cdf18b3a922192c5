import { App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ClassificationRow, Level } from '../../../../../contracts/classification';
import { errorMessage } from '../../../api/client';
import { useConfirm } from '../hooks';

const MIN_REASON = 5;

/** Sets a branch's level: the proposed one without a reason, any other with a reason (≥ 5 characters). */
export function OverrideModal({
  row,
  year,
  levels,
  onClose,
}: {
  row: ClassificationRow | null;
  year: number;
  levels: Level[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ level: string; reason?: string }>();
  const confirm = useConfirm();
  const level = Form.useWatch('level', form);
  const needsReason = !!row && level !== row.proposedLevel;

  const submit = async () => {
    if (!row) return;
    const v = await form.validateFields();
    try {
      await confirm.mutateAsync({
        unitId: row.unitId,
        year,
        level: v.level,
        reason: v.reason?.trim() || undefined,
      });
      message.success(t('classification.confirmed'));
      onClose();
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  return (
    <Modal
      open={row !== null}
      title={row ? t('classification.overrideTitle', { unit: row.unitName }) : ''}
      okText={t('classification.save')}
      cancelText={t('classification.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={confirm.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        name="classification-override"
        layout="vertical"
        initialValues={{ level: row?.level ?? row?.proposedLevel, reason: row?.overrideReason ?? '' }}
      >
        <Form.Item name="level" label={t('classification.overrideLevel')} rules={[{ required: true }]}>
          <Select options={levels.map((l) => ({ value: l.code, label: l.name }))} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('classification.overrideReason')}
          extra={t('classification.overrideReasonHelp')}
          rules={[
            {
              validator: (_, v: string | undefined) =>
                !needsReason || (v ?? '').trim().length >= MIN_REASON
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('classification.overrideReasonShort'))),
            },
          ]}
          dependencies={['level']}
        >
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
