import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Flex, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { VOICE_TEXT_MAX } from '../../../../../contracts/voice';
import { useAnswer, useAnswerQuestion, useResolve } from '../hooks';

interface Values {
  answer: string;
  commitments?: Array<{ text: string; dueOn: Dayjs }>;
}

/**
 * The answer with its commitments (each with a due date): a body's answer, a unit resolving it itself, or the
 * answer given to a dialogue question (`as: 'dialogue'`, `itemId` is then the question's id).
 */
export function AnswerForm({
  itemId,
  as,
  onDone,
}: {
  itemId: number;
  as: 'body' | 'unit' | 'dialogue';
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const answer = useAnswer(itemId);
  const resolve = useResolve(itemId);
  const question = useAnswerQuestion();
  const m = as === 'body' ? answer : as === 'unit' ? resolve : question;
  const submit = (v: Values) => {
    const body = {
      answer: v.answer,
      commitments: (v.commitments ?? []).map((c) => ({
        text: c.text,
        dueOn: c.dueOn.format('YYYY-MM-DD'),
      })),
    };
    const options = {
      onSuccess: () => {
        message.success(t(as === 'dialogue' ? 'voice.dialogues.answered' : 'voice.act.answered'));
        form.resetFields();
        onDone?.();
      },
      onError: (e: Error) => message.error(e.message),
    };
    if (as === 'dialogue') question.mutate({ questionId: itemId, ...body }, options);
    else (as === 'body' ? answer : resolve).mutate(body, options);
  };
  return (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
      <Form.Item
        name="answer"
        label={t('voice.act.answerText')}
        rules={[{ required: true, whitespace: true, message: t('voice.act.answerRequired') }]}
      >
        <Input.TextArea rows={4} maxLength={VOICE_TEXT_MAX} />
      </Form.Item>
      <Form.List name="commitments">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <Flex key={f.key} gap={8} wrap align="start">
                <Form.Item
                  name={[f.name, 'text']}
                  label={`${t('voice.act.commitmentText')} ${i + 1}`}
                  rules={[{ required: true, whitespace: true, message: t('voice.act.answerRequired') }]}
                  style={{ flex: '1 1 220px', marginBottom: 8 }}
                >
                  <Input />
                </Form.Item>
                <Form.Item
                  name={[f.name, 'dueOn']}
                  label={t('voice.act.commitmentDue')}
                  rules={[{ required: true, message: t('voice.act.commitmentDue') }]}
                  style={{ marginBottom: 8 }}
                >
                  <DatePicker
                    format="DD/MM/YYYY"
                    inputReadOnly
                    disabledDate={(d) => d.isBefore(dayjs(), 'day')}
                  />
                </Form.Item>
                <Button
                  aria-label={t('voice.act.remove')}
                  icon={<MinusCircleOutlined />}
                  onClick={() => remove(f.name)}
                  style={{ marginTop: 30 }}
                />
              </Flex>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add()} style={{ marginBottom: 12 }}>
              {t('voice.act.addCommitment')}
            </Button>
          </>
        )}
      </Form.List>
      <Button type="primary" htmlType="submit" size="large" block loading={m.isPending}>
        {t('voice.act.send')}
      </Button>
    </Form>
  );
}
