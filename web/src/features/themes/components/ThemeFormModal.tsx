import { App, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/client';
import { usePublishTheme, useUpdateTheme } from '../hooks';
import type { ThemeDetail } from '../types';

interface Values {
  month: Dayjs;
  title: string;
  body: string;
}

/** Publish a new theme for a unit, or edit one (when `theme` is given). */
export function ThemeFormModal({
  unitId,
  month,
  theme,
  open,
  onClose,
  onSaved,
}: {
  unitId: number;
  /** 'yyyy-mm' preselected for a new theme */
  month: string;
  theme?: ThemeDetail['theme'];
  open: boolean;
  onClose: () => void;
  onSaved?: (id: number) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const publish = usePublishTheme(unitId);
  const update = useUpdateTheme(theme?.id ?? 0);
  const saving = publish.isPending || update.isPending;

  const submit = async (v: Values) => {
    const body = { month: v.month.format('YYYY-MM'), title: v.title.trim(), body: v.body.trim() };
    try {
      const { id } = theme ? await update.mutateAsync(body) : await publish.mutateAsync(body);
      message.success(t(theme ? 'themes.form.saved' : 'themes.form.created'));
      onClose();
      onSaved?.(id);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  return (
    <Modal
      open={open}
      title={t(theme ? 'themes.form.editTitle' : 'themes.form.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        name="theme-form"
        layout="vertical"
        requiredMark
        initialValues={{
          month: dayjs(`${theme?.month ?? month}-01`),
          title: theme?.title,
          body: theme?.body,
        }}
        onFinish={submit}
      >
        <Form.Item
          name="month"
          label={t('themes.form.month')}
          rules={[{ required: true, message: t('themes.form.monthRequired') }]}
        >
          <DatePicker picker="month" format="MM/YYYY" inputReadOnly style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('themes.form.title')}
          rules={[{ required: true, whitespace: true, message: t('themes.form.titleRequired') }]}
        >
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item
          name="body"
          label={t('themes.form.body')}
          rules={[{ required: true, whitespace: true, message: t('themes.form.bodyRequired') }]}
        >
          <Input.TextArea rows={8} maxLength={20000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
