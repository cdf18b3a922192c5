import { CheckCircleOutlined, GlobalOutlined, TeamOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Radio, Result, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { errorMessage } from '../../../api/client';
import { formatDateTime } from '../../../lib/format';
import { useCheckIn } from '../hooks';
import type { CheckinMode, CheckinResult } from '../types';
import { codeInputProps, digitsOnly } from './PhoneSignIn';

interface Values {
  code: string;
  mode: CheckinMode;
}

const BIG = { height: 56, fontSize: 18, width: '50%', textAlign: 'center' as const, lineHeight: '54px' };

/** The code (prefilled from the QR), có mặt / trực tuyến, and the confirmation. */
export function CheckinForm({ initialCode }: { initialCode: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const checkIn = useCheckIn();
  const navigate = useNavigate();
  const [done, setDone] = useState<CheckinResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (done) {
    return (
      <Result
        status="success"
        icon={<CheckCircleOutlined />}
        title={done.message}
        subTitle={t('checkin.page.doneMeeting', {
          unit: done.unitName,
          time: formatDateTime(done.scheduledAt),
        })}
        extra={[
          <Button key="mine" type="primary" size="large" onClick={() => navigate('/cuoc-hop-cua-toi')}>
            {t('checkin.page.myMeetings')}
          </Button>,
          <Button
            key="again"
            size="large"
            onClick={() => {
              form.resetFields();
              form.setFieldValue('code', '');
              setDone(null);
            }}
          >
            {t('checkin.page.another')}
          </Button>,
        ]}
      />
    );
  }

  const submit = (v: Values) => {
    setError(null);
    checkIn.mutate(v, { onSuccess: setDone, onError: (err) => setError(errorMessage(err)) });
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      requiredMark={false}
      name="checkin"
      initialValues={{ code: initialCode, mode: 'present' }}
      onFinish={submit}
    >
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
      <Form.Item
        label={t('checkin.page.code')}
        name="code"
        extra={t('checkin.page.codeHint')}
        getValueFromEvent={digitsOnly}
        rules={[{ required: true, pattern: /^\d{6}$/, message: t('checkin.page.codeRequired') }]}
      >
        <Input {...codeInputProps} autoComplete="off" autoFocus={!initialCode} />
      </Form.Item>
      <Form.Item label={t('checkin.page.mode')} name="mode">
        <Radio.Group buttonStyle="solid" style={{ display: 'flex', width: '100%' }}>
          <Radio.Button value="present" style={BIG}>
            <TeamOutlined /> {t('checkin.page.present')}
          </Radio.Button>
          <Radio.Button value="online" style={BIG}>
            <GlobalOutlined /> {t('checkin.page.online')}
          </Radio.Button>
        </Radio.Group>
      </Form.Item>
      <Button
        type="primary"
        htmlType="submit"
        block
        size="large"
        loading={checkIn.isPending}
        style={{ height: 52 }}
      >
        {t('checkin.page.submit')}
      </Button>
      {/* The confirmation above has its own button to the member's meetings: the link only goes with the form. */}
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
        <Link to="/cuoc-hop-cua-toi">{t('checkin.page.myMeetings')}</Link>
      </Typography.Paragraph>
    </Form>
  );
}
