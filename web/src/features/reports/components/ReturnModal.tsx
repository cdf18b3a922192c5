import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';

/** Asks the reason a report is returned (required); the unit sees it on its draft. */
export function ReturnModal({
  open,
  busy,
  onCancel,
  onReturn,
}: {
  open: boolean;
  busy: boolean;
  onCancel: () => void;
  onReturn: (reason: string) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (v) onReturn(v.reason.trim());
  };
  return (
    <Modal
      open={open}
      title={t('reports.returnTitle')}
      okText={t('reports.returnBack')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onCancel}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" name="report-return">
        <Form.Item
          label={t('reports.reason')}
          name="reason"
          extra={t('reports.reasonHint')}
          rules={[{ required: true, whitespace: true, message: t('reports.reasonRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={2000} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
