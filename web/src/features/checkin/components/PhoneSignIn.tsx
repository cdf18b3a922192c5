import { MobileOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/client';
import { useSendOtp, useVerifyOtp } from '../hooks';

/** Seconds before "send again" (the server allows one code a minute per phone). */
const RESEND_SECONDS = 60;

/** The 6-digit code input: big, numeric keyboard, filled by the phone's SMS autofill. */
export const codeInputProps = {
  inputMode: 'numeric' as const,
  autoComplete: 'one-time-code',
  maxLength: 6,
  size: 'large' as const,
  style: { fontSize: 28, letterSpacing: '0.4em', textAlign: 'center' as const, fontFamily: 'monospace' },
};

/** Keeps the digits of what was typed or pasted ("123 456" → "123456"). */
export const digitsOnly = (e: { target: { value: string } }) => e.target.value.replace(/\D/g, '').slice(0, 6);

/** Phone → code → signed in. Calls onSignedIn once the session cookie is set. */
export function PhoneSignIn({ onSignedIn }: { onSignedIn?: () => void }) {
  const { t } = useTranslation();
  const send = useSendOtp();
  const verify = useVerifyOtp();
  const [phone, setPhone] = useState<string | null>(null);
  const [info, setInfo] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [wait, setWait] = useState(0);

  useEffect(() => {
    if (wait <= 0) return;
    const id = setTimeout(() => setWait((w) => w - 1), 1000);
    return () => clearTimeout(id);
  }, [wait]);

  const requestCode = (phoneNumber: string) => {
    setError(null);
    send.mutate(phoneNumber, {
      onSuccess: (res) => {
        setPhone(phoneNumber);
        setInfo(res.message);
        setWait(RESEND_SECONDS);
      },
      onError: (err) => setError(errorMessage(err)),
    });
  };

  const submitCode = ({ code }: { code: string }) => {
    if (!phone) return;
    setError(null);
    verify.mutate(
      { phoneNumber: phone, code },
      { onSuccess: () => onSignedIn?.(), onError: (err) => setError(errorMessage(err)) },
    );
  };

  return (
    <div>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
      {phone === null ? (
        <Form<{ phone: string }>
          layout="vertical"
          requiredMark={false}
          name="phone-sign-in"
          onFinish={(v) => requestCode(v.phone.trim())}
        >
          <Form.Item
            label={t('checkin.phone.phone')}
            name="phone"
            rules={[{ required: true, whitespace: true, message: t('checkin.phone.phoneRequired') }]}
          >
            <Input
              prefix={<MobileOutlined />}
              type="tel"
              inputMode="tel"
              autoComplete="tel"
              placeholder={t('checkin.phone.phonePlaceholder')}
              size="large"
              autoFocus
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={send.isPending}>
            {t('checkin.phone.send')}
          </Button>
        </Form>
      ) : (
        <Form<{ code: string }>
          layout="vertical"
          requiredMark={false}
          name="phone-code"
          onFinish={submitCode}
        >
          {info && <Alert type="info" showIcon title={info} style={{ marginBottom: 16 }} />}
          <Typography.Paragraph type="secondary">
            {t('checkin.phone.codeSentTo', { phone })}
          </Typography.Paragraph>
          <Form.Item
            label={t('checkin.phone.code')}
            name="code"
            getValueFromEvent={digitsOnly}
            rules={[{ required: true, pattern: /^\d{6}$/, message: t('checkin.phone.codeRequired') }]}
          >
            <Input {...codeInputProps} autoFocus />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={verify.isPending}>
            {t('checkin.phone.submit')}
          </Button>
          <Flex justify="space-between" wrap gap={8} style={{ marginTop: 12 }}>
            <Button type="link" style={{ paddingInline: 0 }} onClick={() => setPhone(null)}>
              {t('checkin.phone.changePhone')}
            </Button>
            <Button
              type="link"
              style={{ paddingInline: 0 }}
              disabled={wait > 0 || send.isPending}
              onClick={() => requestCode(phone)}
            >
              {wait > 0 ? t('checkin.phone.resendIn', { seconds: wait }) : t('checkin.phone.resend')}
            </Button>
          </Flex>
        </Form>
      )}
    </div>
  );
}
