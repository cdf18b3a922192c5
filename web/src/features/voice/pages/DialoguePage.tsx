import { ArrowLeftOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  Select,
  Skeleton,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { type DialogueDetail, VOICE_TEXT_MAX } from '../../../../../contracts/voice';
import { PageHeader } from '../../../app/PageHeader';
import { SimpleList } from '../../../app/SimpleList';
import { formatDate, formatDateTime } from '../../../lib/format';
import { useMe } from '../../auth/hooks';
import { AnswerForm } from '../components/AnswerForm';
import { useAsk, useCompleteCommitment, useDialogue, useItems, usePublishDialogue } from '../hooks';

const text = { whiteSpace: 'pre-wrap', wordBreak: 'break-word' } as const;
const STATUS_COLOR = { planned: 'blue', held: 'orange', published: 'green' } as const;
type Question = DialogueDetail['questions'][number];

/** A question with its answer and commitments; officers record the answer and mark commitments done. */
function QuestionRow({ q, manage, open }: { q: Question; manage: boolean; open: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [answering, setAnswering] = useState(false);
  const complete = useCompleteCommitment();
  return (
    <div style={{ minWidth: 0, width: '100%' }}>
      <div style={{ ...text, fontWeight: 600 }}>{q.content}</div>
      {q.itemId !== null && (
        <Link to={`/voice/items/${q.itemId}`} style={{ fontSize: 13 }}>
          {t('voice.dialogues.fromItem', { id: q.itemId })}
        </Link>
      )}
      <div style={{ marginTop: 6 }}>
        {q.answer ? (
          <>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {t('voice.dialogues.answer')} · {formatDateTime(q.answeredAt)}
            </Typography.Text>
            <div style={text}>{q.answer}</div>
          </>
        ) : (
          <Typography.Text type="secondary">{t('voice.dialogues.noAnswer')}</Typography.Text>
        )}
      </div>
      {q.commitments.length > 0 && (
        <ul aria-label={t('voice.item.commitments')} style={{ paddingLeft: 18, margin: '6px 0' }}>
          {q.commitments.map((c) => (
            <li key={c.id} style={{ marginBottom: 4 }}>
              <Flex justify="space-between" align="center" wrap gap={8}>
                <div>
                  <div style={text}>{c.text}</div>
                  <Typography.Text type={c.late ? 'danger' : 'secondary'} style={{ fontSize: 13 }}>
                    {c.doneAt
                      ? t('voice.item.commitmentDone', { date: formatDate(c.doneAt) })
                      : t('voice.item.commitmentDue', { date: formatDate(c.dueOn) })}
                    {c.late && ` · ${t('voice.item.commitmentLate')}`}
                  </Typography.Text>
                </div>
                {manage && !c.doneAt && (
                  <Button
                    size="small"
                    loading={complete.isPending}
                    onClick={() =>
                      complete.mutate({ id: c.id }, { onError: (e) => message.error(e.message) })
                    }
                  >
                    {t('voice.item.markDone')}
                  </Button>
                )}
              </Flex>
            </li>
          ))}
        </ul>
      )}
      {manage && open && !answering && (
        <Button size="small" onClick={() => setAnswering(true)} style={{ marginTop: 6 }}>
          {q.answer ? t('voice.dialogues.editAnswer') : t('voice.dialogues.recordAnswer')}
        </Button>
      )}
      {answering && (
        <div style={{ marginTop: 8 }}>
          <AnswerForm itemId={q.id} as="dialogue" onDone={() => setAnswering(false)} />
          <Button type="link" onClick={() => setAnswering(false)}>
            {t('common.cancel')}
          </Button>
        </div>
      )}
    </div>
  );
}

/** Members (and officers) send a question beforehand. */
function AskForm({ dialogueId }: { dialogueId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ content: string }>();
  const ask = useAsk(dialogueId);
  return (
    <Form
      form={form}
      name="ask"
      layout="vertical"
      requiredMark={false}
      onFinish={(v) =>
        ask.mutate(
          { content: v.content },
          {
            onSuccess: () => {
              message.success(t('voice.dialogues.asked'));
              form.resetFields();
            },
            onError: (e) => message.error(e.message),
          },
        )
      }
    >
      <Form.Item
        name="content"
        label={t('voice.dialogues.askLabel')}
        rules={[{ required: true, whitespace: true, message: t('voice.dialogues.askRequired') }]}
      >
        <Input.TextArea rows={3} maxLength={VOICE_TEXT_MAX} showCount />
      </Form.Item>
      <Button type="primary" htmlType="submit" size="large" block loading={ask.isPending}>
        {t('voice.dialogues.askSubmit')}
      </Button>
    </Form>
  );
}

/** Officers put an open item of the unit on the agenda. */
function AddItemForm({ detail }: { detail: DialogueDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ itemId: number }>();
  const ask = useAsk(detail.dialogue.id);
  const items = useItems({ unitId: detail.dialogue.unitId, status: 'open', pageSize: 100 });
  const taken = new Set(detail.questions.map((q) => q.itemId));
  const options = (items.data?.items ?? [])
    .filter((i) => !taken.has(i.id))
    .map((i) => ({ value: i.id, label: `#${i.id} ${i.content.slice(0, 90)}` }));
  if (items.isSuccess && options.length === 0)
    return <Typography.Text type="secondary">{t('voice.dialogues.addItemEmpty')}</Typography.Text>;
  return (
    <Form
      form={form}
      name="add-item"
      layout="vertical"
      requiredMark={false}
      onFinish={(v) =>
        ask.mutate(
          { itemId: v.itemId },
          {
            onSuccess: () => {
              message.success(t('voice.dialogues.asked'));
              form.resetFields();
            },
            onError: (e) => message.error(e.message),
          },
        )
      }
    >
      <Form.Item
        name="itemId"
        label={t('voice.dialogues.addItemLabel')}
        rules={[{ required: true, message: t('voice.dialogues.addItemLabel') }]}
      >
        <Select showSearch optionFilterProp="label" loading={items.isFetching} options={options} />
      </Form.Item>
      <Button htmlType="submit" loading={ask.isPending}>
        {t('voice.dialogues.addItemSubmit')}
      </Button>
    </Form>
  );
}

/** Officers publish the summary; the members concerned are notified. */
function PublishForm({ dialogueId }: { dialogueId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const publish = usePublishDialogue(dialogueId);
  return (
    <Form<{ summary: string }>
      name="publish"
      layout="vertical"
      requiredMark={false}
      onFinish={(v) =>
        publish.mutate(
          { summary: v.summary },
          {
            onSuccess: () => message.success(t('voice.dialogues.published')),
            onError: (e) => message.error(e.message),
          },
        )
      }
    >
      <Form.Item
        name="summary"
        label={t('voice.dialogues.publishLabel')}
        extra={t('voice.dialogues.publishHelp')}
        rules={[{ required: true, whitespace: true, message: t('voice.dialogues.publishRequired') }]}
      >
        <Input.TextArea rows={4} maxLength={VOICE_TEXT_MAX} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={publish.isPending}>
        {t('voice.dialogues.publish')}
      </Button>
    </Form>
  );
}

/** "/voice/dialogues/:id" — plan, questions, answers and commitments, and the published result. */
export default function DialoguePage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const q = useDialogue(id);
  const { grants } = useMe();
  const isMember = grants.some((g) => g.role === 'member');
  if (q.isError) return <Alert type="error" showIcon title={q.error.message} />;
  if (q.isPending) return <Skeleton active />;
  const { dialogue: d, questions, abilities } = q.data;
  const open = d.status !== 'published';
  return (
    <div style={{ maxWidth: 900 }}>
      <PageHeader
        title={d.title}
        extra={
          abilities.manage ? (
            <Link to="/voice/dialogues">
              <ArrowLeftOutlined /> {t('voice.dialogues.back')}
            </Link>
          ) : isMember ? (
            <Link to="/y-kien-cua-toi?tab=doi-thoai">
              <ArrowLeftOutlined /> {t('voice.myDialogues.back')}
            </Link>
          ) : undefined
        }
      />
      <Card style={{ marginBottom: 12 }}>
        <Tag color={STATUS_COLOR[d.status]} style={{ marginBottom: 8 }}>
          {t(`voice.dialogues.statuses.${d.status}`)}
        </Tag>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('voice.dialogues.leader')}>{d.leader}</Descriptions.Item>
          <Descriptions.Item label={t('voice.dialogues.at')}>
            {formatDateTime(d.scheduledAt)}
          </Descriptions.Item>
          {d.place && <Descriptions.Item label={t('voice.dialogues.place')}>{d.place}</Descriptions.Item>}
          <Descriptions.Item label={t('voice.dialogues.members')}>
            {t('voice.dialogues.membersText', { unit: d.unitName })}
          </Descriptions.Item>
        </Descriptions>
        {abilities.manage && open && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t('voice.dialogues.shareHint')}
          </Typography.Paragraph>
        )}
      </Card>
      {d.summary && (
        <Card title={t('voice.dialogues.summary')} style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {t('voice.dialogues.publishedAt', { date: formatDate(d.publishedAt) })}
          </Typography.Text>
          <div style={text}>{d.summary}</div>
        </Card>
      )}
      <Card title={`${t('voice.dialogues.questions')} (${questions.length})`} style={{ marginBottom: 12 }}>
        <SimpleList
          aria-label={t('voice.dialogues.questions')}
          items={questions}
          rowKey={(x) => String(x.id)}
          empty={t('voice.dialogues.noQuestions')}
          renderItem={(x) => <QuestionRow q={x} manage={abilities.manage} open={open} />}
        />
      </Card>
      {abilities.ask && (
        <Card title={t('voice.dialogues.ask')} style={{ marginBottom: 12 }}>
          <AskForm dialogueId={d.id} />
        </Card>
      )}
      {abilities.manage && open && (
        <Card title={t('voice.dialogues.addItem')} style={{ marginBottom: 12 }}>
          <AddItemForm detail={q.data} />
        </Card>
      )}
      {abilities.manage && open && (
        <Card title={t('voice.dialogues.publish')} style={{ marginBottom: 12 }}>
          <PublishForm dialogueId={d.id} />
        </Card>
      )}
    </div>
  );
}
