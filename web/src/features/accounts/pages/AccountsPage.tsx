import { KeyOutlined, PlusOutlined, SearchOutlined, StopOutlined, UnlockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Input, Table, type TableProps, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/client';
import type { Account } from '../../../api/types';
import { PageHeader } from '../../../app/PageHeader';
import { useDebounced } from '../../../lib/useDebounced';
import { CreateAccountModal, ResetPasswordModal } from '../components/AccountModals';
import { AccountStatus } from '../components/AccountStatus';
import { AddGrantModal } from '../components/AddGrantModal';
import { GrantsList } from '../components/GrantsList';
import { useAccounts, useUpdateAccount } from '../hooks';

/** "Tài khoản": accounts, their status and their grants (expand a row). */
export default function AccountsPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [q, setQ] = useState('');
  const debounced = useDebounced(q.trim(), 300);
  const accounts = useAccounts(debounced);
  const update = useUpdateAccount();
  const [creating, setCreating] = useState(false);
  const [resetFor, setResetFor] = useState<Account | null>(null);
  const [grantFor, setGrantFor] = useState<Account | null>(null);

  const setDisabled = (a: Account, disabled: boolean) => {
    const run = () =>
      update
        .mutateAsync({ id: a.id, disabled })
        .then(() => {
          message.success(t('accounts.updated'));
        })
        .catch((err: unknown) => {
          message.error(errorMessage(err));
        });
    if (!disabled) return void run();
    modal.confirm({
      title: t('accounts.disableConfirm', { name: a.name }),
      okText: t('accounts.disable'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: run,
    });
  };

  const columns: TableProps<Account>['columns'] = [
    { key: 'username', title: t('accounts.username'), dataIndex: 'username' },
    { key: 'name', title: t('accounts.name'), dataIndex: 'name', responsive: ['sm'] },
    { key: 'status', title: t('accounts.status'), render: (_, a) => <AccountStatus account={a} /> },
    {
      key: 'grants',
      title: t('accounts.grants'),
      responsive: ['lg'],
      render: (_, a) =>
        a.grants.map((g) => (
          <Tag key={g.id} title={g.scopeLabel}>
            {g.roleLabel || t(`accounts.roles.${g.role}`)}
          </Tag>
        )),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, a) => (
        <Flex gap={4} wrap>
          {a.disabled ? (
            <Button size="small" icon={<UnlockOutlined />} onClick={() => setDisabled(a, false)}>
              {t('accounts.enable')}
            </Button>
          ) : (
            <Button size="small" danger icon={<StopOutlined />} onClick={() => setDisabled(a, true)}>
              {t('accounts.disable')}
            </Button>
          )}
          <Button size="small" icon={<KeyOutlined />} onClick={() => setResetFor(a)}>
            {t('accounts.resetPassword')}
          </Button>
        </Flex>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('accounts.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('accounts.create')}
          </Button>
        }
      />
      <Card>
        <Input
          type="search"
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('accounts.searchPlaceholder')}
          aria-label={t('accounts.searchPlaceholder')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          style={{ maxWidth: 420, marginBottom: 12 }}
        />
        {accounts.isError && (
          <Alert type="error" showIcon title={accounts.error.message} style={{ marginBottom: 12 }} />
        )}
        <Table<Account>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={accounts.data?.items ?? []}
          loading={accounts.isFetching}
          locale={{ emptyText: t('accounts.empty') }}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          expandable={{
            expandedRowRender: (a) => <GrantsList account={a} onAdd={() => setGrantFor(a)} />,
          }}
        />
      </Card>
      <CreateAccountModal open={creating} onClose={() => setCreating(false)} />
      <ResetPasswordModal account={resetFor} onClose={() => setResetFor(null)} />
      <AddGrantModal account={grantFor} onClose={() => setGrantFor(null)} />
    </>
  );
}
