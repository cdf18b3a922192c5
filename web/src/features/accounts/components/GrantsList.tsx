import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/client';
import type { Account } from '../../../api/types';
import { SimpleList } from '../../../app/SimpleList';
import { useRemoveGrant } from '../hooks';

/** An account's grants with "Thu hồi" per grant and "Thêm quyền". */
export function GrantsList({ account, onAdd }: { account: Account; onAdd: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const remove = useRemoveGrant();

  return (
    <div>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Text strong>{t('accounts.grants')}</Typography.Text>
        <Button size="small" icon={<PlusOutlined />} onClick={onAdd}>
          {t('accounts.addGrant')}
        </Button>
      </Flex>
      {account.grants.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('accounts.noGrants')} />
      ) : (
        <SimpleList
          bordered
          items={account.grants}
          rowKey={(g) => String(g.id)}
          renderItem={(g) => {
            const role = g.roleLabel || t(`accounts.roles.${g.role}`);
            return (
              <Flex justify="space-between" align="center" gap={8} wrap>
                <span>
                  <Tag color="blue">{role}</Tag>
                  {g.scopeLabel}
                </span>
                <Button
                  size="small"
                  danger
                  type="text"
                  icon={<DeleteOutlined />}
                  aria-label={`${t('accounts.removeGrant')}: ${role} — ${g.scopeLabel}`}
                  onClick={() =>
                    modal.confirm({
                      title: t('accounts.removeGrantConfirm', { role, scope: g.scopeLabel }),
                      okText: t('accounts.removeGrant'),
                      okButtonProps: { danger: true },
                      cancelText: t('common.cancel'),
                      onOk: () =>
                        remove
                          .mutateAsync(g.id)
                          .then(() => {
                            message.success(t('accounts.grantRemoved'));
                          })
                          .catch((err: unknown) => {
                            message.error(errorMessage(err));
                          }),
                    })
                  }
                >
                  {t('accounts.removeGrant')}
                </Button>
              </Flex>
            );
          }}
        />
      )}
    </div>
  );
}
