import { App, Button, Card, Flex, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../hooks';

/** The author judges the answer: satisfied, or not satisfied with a reason (which reopens the item). */
export function FeedbackForm({ itemId }: { itemId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const feedback = useFeedback(itemId);
  const [unhappy, setUnhappy] = useState(false);
  const send = (satisfied: boolean, reason?: string) =>
    feedback.mutate(
      { satisfied, reason },
      { onSuccess: () => message.success(t('voice.act.thanks')), onError: (e) => message.error(e.message) },
    );
  return (
    <Card title={t('voice.act.feedbackTitle')} style={{ marginBottom: 12 }}>
      {!unhappy ? (
        <Flex gap={8} wrap>
          <Button type="primary" size="large" loading={feedback.isPending} onClick={() => send(true)}>
            {t('voice.act.satisfied')}
          </Button>
          <Button size="large" onClick={() => setUnhappy(true)}>
            {t('voice.act.notSatisfied')}
          </Button>
        </Flex>
      ) : (
        <Form
          layout="vertical"
          requiredMark={false}
          onFinish={(v: { reason: string }) => send(false, v.reason)}
        >
          <Form.Item
            name="reason"
            label={t('voice.act.reason')}
            rules={[{ required: true, whitespace: true, message: t('voice.act.reasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={feedback.isPending}>
            {t('voice.act.sendFeedback')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
