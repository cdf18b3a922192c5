import { SaveOutlined } from '@ant-design/icons';
import { App, Button, Col, Form, Input, Modal, Row, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/client';
import type { MeetingDetail } from '../../../api/types';
import { type MinutesPatch, usePatchMeeting } from '../hooks';
import { DateTimeField } from './DateTimeField';

type TextField = 'chair' | 'secretary' | 'higherCadres' | 'guests' | 'content' | 'decisions' | 'tasks';
type Values = Partial<Record<TextField, string>> & { startedAt?: Dayjs | null; endedAt?: Dayjs | null };

const SHORT: TextField[] = ['chair', 'secretary', 'higherCadres', 'guests'];
const LONG: TextField[] = ['content', 'decisions', 'tasks'];

function toValues(m: MeetingDetail['meeting']): Values {
  const v: Values = {
    startedAt: m.startedAt ? dayjs(m.startedAt) : null,
    endedAt: m.endedAt ? dayjs(m.endedAt) : null,
  };
  for (const f of [...SHORT, ...LONG]) v[f] = m[f] ?? '';
  return v;
}

/** "Biên bản": the minutes fields of DOMAIN.md §4; a save after locking asks for "Lý do sửa". */
export function MinutesForm({ detail }: { detail: MeetingDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { meeting, abilities } = detail;
  const [form] = Form.useForm<Values>();
  const [reasonForm] = Form.useForm<{ reason: string }>();
  const [pending, setPending] = useState<MinutesPatch | null>(null);
  const patch = usePatchMeeting(meeting.id);
  const locked = meeting.status === 'locked';
  const readOnly = !abilities.edit;

  const send = async (body: MinutesPatch) => {
    try {
      await patch.mutateAsync(body);
      message.success(t('meetings.minutes.saved'));
      setPending(null);
      reasonForm.resetFields();
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  const onFinish = (v: Values) => {
    const body: MinutesPatch = {
      startedAt: v.startedAt ? v.startedAt.second(0).millisecond(0).toISOString() : null,
      endedAt: v.endedAt ? v.endedAt.second(0).millisecond(0).toISOString() : null,
    };
    for (const f of [...SHORT, ...LONG]) body[f] = v[f]?.trim() || null;
    if (locked) setPending(body);
    else void send(body);
  };

  const dateField = (name: 'startedAt' | 'endedAt') => (
    <Form.Item name={name} label={t(`meetings.minutes.${name}`)}>
      <DateTimeField minuteStep={1} defaultTime={dayjs(meeting.scheduledAt)} />
    </Form.Item>
  );

  return (
    <>
      <Form<Values>
        form={form}
        name="minutes"
        layout="vertical"
        initialValues={toValues(meeting)}
        onFinish={onFinish}
        disabled={readOnly}
      >
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            {dateField('startedAt')}
          </Col>
          <Col xs={24} sm={12}>
            {dateField('endedAt')}
          </Col>
          {SHORT.map((f) => (
            <Col key={f} xs={24} sm={12}>
              <Form.Item name={f} label={t(`meetings.minutes.${f}`)}>
                <Input maxLength={f === 'chair' || f === 'secretary' ? 200 : 1000} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        {meeting.agenda && (
          <Typography.Paragraph type="secondary">
            {t('meetings.minutes.agenda')}: {meeting.agenda}
          </Typography.Paragraph>
        )}
        {LONG.map((f) => (
          <Form.Item key={f} name={f} label={t(`meetings.minutes.${f}`)}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={20000} />
          </Form.Item>
        ))}
        {!readOnly && (
          <Button
            type="primary"
            htmlType="submit"
            size="large"
            icon={<SaveOutlined />}
            loading={patch.isPending}
          >
            {t('meetings.minutes.save')}
          </Button>
        )}
      </Form>
      <Modal
        open={pending !== null}
        title={t('meetings.minutes.reasonTitle')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={patch.isPending}
        onCancel={() => setPending(null)}
        onOk={async () => {
          const v = await reasonForm.validateFields().catch(() => null);
          if (v && pending) await send({ ...pending, reason: v.reason.trim() });
        }}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('meetings.minutes.reasonHint')}</Typography.Paragraph>
        <Form form={reasonForm} name="edit-reason" layout="vertical">
          <Form.Item
            name="reason"
            label={t('meetings.minutes.reason')}
            rules={[{ required: true, whitespace: true, message: t('meetings.minutes.reasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={500} autoFocus />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
