import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Dropdown } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe, useSignOut } from '../../features/auth/hooks';
import { useIsMobile } from '../../lib/useIsMobile';
import { ChangePasswordModal } from './ChangePasswordModal';

/** Header user menu: change password, sign out. */
export function UserMenu() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const isMobile = useIsMobile();
  const signOut = useSignOut();
  const [changing, setChanging] = useState(false);

  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'password', icon: <KeyOutlined />, label: t('user.changePassword') },
            { type: 'divider' },
            { key: 'signout', icon: <LogoutOutlined />, label: t('user.signOut'), danger: true },
          ],
          onClick: ({ key }) => {
            if (key === 'password') setChanging(true);
            if (key === 'signout')
              signOut.mutate(undefined, { onSuccess: () => message.success(t('user.signedOut')) });
          },
        }}
      >
        <Button type="text" aria-label={t('user.menu')} icon={<UserOutlined />} style={{ color: 'inherit' }}>
          {!isMobile && (
            <span style={{ maxWidth: 180, overflow: 'hidden', textOverflow: 'ellipsis' }}>
              {me.user.name}
            </span>
          )}
          <DownOutlined style={{ fontSize: 10 }} />
        </Button>
      </Dropdown>
      <ChangePasswordModal open={changing} onClose={() => setChanging(false)} />
    </>
  );
}
