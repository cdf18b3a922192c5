import { App, Form, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/client';
import { useAccounts } from '../../accounts/hooks';
import { useLinkBodyAccount } from '../hooks';

interface Props {
  body: { id: number; name: string } | null;
  onClose: () => void;
}

/** "Gắn tài khoản": picks an account that will answer for a recipient body (the respondent's inbox). */
export function LinkAccountModal({ body, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const [userId, setUserId] = useState<string | null>(null);
  const accounts = useAccounts(q);
  const link = useLinkBodyAccount();
  const close = () => {
    setUserId(null);
    setQ('');
    onClose();
  };
  const submit = () => {
    if (!body || !userId) return;
    link.mutate(
      { bodyId: body.id, userId },
      {
        onSuccess: () => {
          message.success(t('voice.config.accountLinked'));
          close();
        },
        onError: (err) => message.error(errorMessage(err)),
      },
    );
  };
  return (
    <Modal
      open={body !== null}
      title={t('voice.config.linkAccountTitle', { name: body?.name ?? '' })}
      okText={t('voice.config.linkAccount')}
      okButtonProps={{ disabled: !userId, loading: link.isPending }}
      onOk={submit}
      onCancel={close}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('voice.config.linkAccountHelp')}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('voice.config.account')} htmlFor="voice-link-account">
          <Select
            id="voice-link-account"
            showSearch
            filterOption={false}
            onSearch={setQ}
            value={userId}
            onChange={setUserId}
            loading={accounts.isFetching}
            placeholder={t('voice.config.accountPlaceholder')}
            options={(accounts.data?.items ?? []).map((a) => ({
              value: a.id,
              label: `${a.name} (${a.username})`,
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
