import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { LanguageSwitch } from '../../../app/layouts/LanguageSwitch';
import { PhoneSignInLink } from '../../checkin/components/PhoneSignInLink';
import { useSignIn } from '../hooks';

interface LoginValues {
  username: string;
  password: string;
}

/** "Đăng nhập DoanHoi": username + password, Enter submits, errors in the user's language. */
export function LoginPage() {
  const { t } = useTranslation();
  const signIn = useSignIn();
  const [error, setError] = useState<string | null>(null);

  const explainError = (err: unknown): string => {
    if (!(err instanceof ApiError)) return t('login.wrongCredentials');
    // Locked accounts: the server says until when, in Vietnamese.
    if (err.status === 423 || err.code === 'ACCOUNT_LOCKED') return err.message || t('login.locked');
    if (err.status === 429) return t('login.rateLimited');
    if (err.status === 401 || err.status === 400) return t('login.wrongCredentials');
    return err.message;
  };

  const onFinish = (values: LoginValues) => {
    setError(null);
    signIn.mutate(
      { username: values.username.trim(), password: values.password },
      { onError: (err) => setError(explainError(err)) },
    );
  };

  return (
    <main
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        padding: 16,
        background: 'linear-gradient(160deg, #e6f0ff 0%, #f5f5f5 60%)',
      }}
    >
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <LanguageSwitch />
        </div>
        <Typography.Title level={1} style={{ fontSize: 24, marginTop: 8, textAlign: 'center' }}>
          {t('login.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {t('app.tagline')}
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
        <Form<LoginValues> layout="vertical" onFinish={onFinish} requiredMark={false} name="login">
          <Form.Item
            label={t('login.username')}
            name="username"
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item
            label={t('login.password')}
            name="password"
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={signIn.isPending}>
            {t('login.submit')}
          </Button>
        </Form>
        <PhoneSignInLink />
      </Card>
    </main>
  );
}
