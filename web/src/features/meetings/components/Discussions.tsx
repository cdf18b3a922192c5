import { MessageOutlined, PlusOutlined } from '@ant-design/icons';
import { App, AutoComplete, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/client';
import type { MeetingDetail } from '../../../api/types';
import { SimpleList } from '../../../app/SimpleList';
import { formatDateTime } from '../../../lib/format';
import { RaiseForm } from '../../voice/components/RaiseForm';
import { useAddDiscussion } from '../hooks';

interface Values {
  speaker: string;
  content: string;
}

/** "Ý kiến thảo luận": the entries so far and a form to add one (speaker from invitees or a free name). */
export function Discussions({ detail }: { detail: MeetingDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [speakerId, setSpeakerId] = useState<number | null>(null);
  const add = useAddDiscussion(detail.meeting.id);
  const [q, setQ] = useState('');
  // the discussion entry being raised as an opinion / recommendation (voice item)
  const [raising, setRaising] = useState<MeetingDetail['discussions'][number] | null>(null);
  const needle = q.trim().toLocaleLowerCase('vi');
  const options = detail.attendance
    .filter((a) => !needle || a.fullName.toLocaleLowerCase('vi').includes(needle))
    .slice(0, 30)
    .map((a) => ({ key: String(a.personId), value: a.fullName, label: a.fullName, personId: a.personId }));

  const submit = async (v: Values) => {
    const name = v.speaker.trim();
    const person = detail.attendance.find((a) => a.personId === speakerId);
    const body =
      person && person.fullName === name
        ? { speakerPersonId: person.personId, content: v.content.trim() }
        : { speakerName: name, content: v.content.trim() };
    try {
      await add.mutateAsync(body);
      message.success(t('meetings.discussion.added'));
      form.resetFields();
      setSpeakerId(null);
      setQ('');
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  return (
    <section aria-labelledby="discussion-title" style={{ marginTop: 24 }}>
      <Typography.Title id="discussion-title" level={3} style={{ fontSize: 16 }}>
        {t('meetings.discussion.title')} ({detail.discussions.length})
      </Typography.Title>
      <SimpleList
        bordered
        items={detail.discussions}
        rowKey={(d) => String(d.id)}
        empty={t('meetings.discussion.empty')}
        renderItem={(d) => (
          <>
            <Typography.Text strong>{d.speakerName}</Typography.Text>{' '}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(d.createdAt)}
            </Typography.Text>
            <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>
              {d.content}
            </Typography.Paragraph>
            {detail.abilities.edit && (
              <Button
                size="small"
                icon={<MessageOutlined />}
                onClick={() => setRaising(d)}
                aria-label={`${t('voice.form.fromMeeting')}: ${d.speakerName}`}
                style={{ marginTop: 4 }}
              >
                {t('voice.form.fromMeeting')}
              </Button>
            )}
          </>
        )}
      />
      <Modal
        open={raising !== null}
        title={t('voice.form.fromMeetingTitle')}
        footer={null}
        onCancel={() => setRaising(null)}
        destroyOnHidden
      >
        {raising && (
          <>
            <Typography.Paragraph type="secondary">
              {t('voice.form.fromMeetingHelp', { name: raising.speakerName })}
            </Typography.Paragraph>
            <RaiseForm
              preset={{
                unitId: detail.meeting.unitId,
                meetingId: detail.meeting.id,
                discussionId: raising.id,
                content: raising.content,
                onBehalf:
                  raising.speakerPersonId !== null
                    ? { personId: raising.speakerPersonId }
                    : { authorName: raising.speakerName },
              }}
              onSent={(id) => {
                setRaising(null);
                message.success(t('voice.form.fromMeetingDone', { id }));
              }}
            />
          </>
        )}
      </Modal>
      {/* Locked minutes take no new entries (the server refuses them). */}
      {detail.abilities.edit && detail.meeting.status !== 'locked' && (
        <Form<Values>
          form={form}
          name="discussion"
          layout="vertical"
          onFinish={submit}
          style={{ marginTop: 12 }}
        >
          <Form.Item
            name="speaker"
            label={t('meetings.discussion.speaker')}
            rules={[{ required: true, whitespace: true, message: t('meetings.discussion.speakerRequired') }]}
          >
            <AutoComplete
              options={options}
              placeholder={t('meetings.discussion.speakerPlaceholder')}
              showSearch={{ filterOption: false, onSearch: setQ }}
              onSelect={(_: string, option: { personId: number }) => setSpeakerId(option.personId)}
            />
          </Form.Item>
          <Form.Item
            name="content"
            label={t('meetings.discussion.content')}
            rules={[{ required: true, whitespace: true, message: t('meetings.discussion.contentRequired') }]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={4000} />
          </Form.Item>
          <Button htmlType="submit" icon={<PlusOutlined />} loading={add.isPending} style={{ height: 44 }}>
            {t('meetings.discussion.add')}
          </Button>
        </Form>
      )}
    </section>
  );
}
