import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/client';
import type { Account } from '../../../api/types';
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
        <List
          size="small"
          bordered
          dataSource={account.grants}
          rowKey="id"
          renderItem={(g) => {
            const role = g.roleLabel || t(`accounts.roles.${g.role}`);
            return (
              <List.Item
                actions={[
                  <Button
                    key="remove"
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
                  </Button>,
                ]}
              >
                <span>
                  <Tag color="blue">{role}</Tag>
                  {g.scopeLabel}
                </span>
              </List.Item>
            );
          }}
        />
      )}
    </div>
  );
}
