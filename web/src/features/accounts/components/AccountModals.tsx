import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/client';
import type { Account } from '../../../api/types';
import { useCreateAccount, useResetPassword } from '../hooks';

const USERNAME = /^[a-z0-9._]{3,40}$/;

interface CreateValues {
  username: string;
  name: string;
  password: string;
}

/** New account: username, full name, initial password (≥ 8). Roles are added afterwards. */
export function CreateAccountModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateValues>();
  const create = useCreateAccount();

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    create.mutate(
      { ...values, username: values.username.trim(), name: values.name.trim() },
      {
        onSuccess: () => {
          message.success(t('accounts.created'));
          form.resetFields();
          onClose();
        },
        onError: (err) => message.error(errorMessage(err)),
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('accounts.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" name="create-account" onFinish={() => void submit()}>
        <Form.Item
          label={t('accounts.username')}
          name="username"
          extra={t('accounts.usernameRule')}
          rules={[
            { required: true, message: t('common.required') },
            { pattern: USERNAME, message: t('accounts.usernameRule') },
          ]}
        >
          <Input autoComplete="off" autoFocus />
        </Form.Item>
        <Form.Item
          label={t('accounts.name')}
          name="name"
          rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 120 }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          label={t('accounts.password')}
          name="password"
          rules={[
            { required: true, message: t('common.required') },
            { min: 8, message: t('changePassword.minLength') },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}

/** Admin sets a new password for someone (they should change it after signing in). */
export function ResetPasswordModal({ account, onClose }: { account: Account | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ newPassword: string; confirm: string }>();
  const reset = useResetPassword();

  const submit = async () => {
    if (!account) return;
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    reset.mutate(
      { id: account.id, newPassword: values.newPassword },
      {
        onSuccess: () => {
          message.success(t('accounts.passwordReset'));
          onClose();
        },
        onError: (err) => message.error(errorMessage(err)),
      },
    );
  };

  return (
    <Modal
      open={Boolean(account)}
      title={t('accounts.resetPasswordFor', { name: account?.name ?? '' })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={reset.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" name="reset-password" onFinish={() => void submit()}>
        <Form.Item
          label={t('accounts.newPassword')}
          name="newPassword"
          rules={[
            { required: true, message: t('common.required') },
            { min: 8, message: t('changePassword.minLength') },
          ]}
        >
          <Input.Password autoComplete="new-password" autoFocus />
        </Form.Item>
        <Form.Item
          label={t('changePassword.confirm')}
          name="confirm"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('common.required') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || getFieldValue('newPassword') === value
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('changePassword.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
