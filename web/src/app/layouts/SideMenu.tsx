import {
  ApartmentOutlined,
  AuditOutlined,
  DashboardOutlined,
  SettingOutlined,
  TeamOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import { Menu, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { useMe } from '../../features/auth/hooks';

type Item = Required<MenuProps>['items'][number];

/** Side navigation; admin entries only when the actor's abilities allow them. */
export function SideMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const { abilities } = useMe();
  const navigate = useNavigate();
  const { pathname } = useLocation();

  const admin: Item[] = [];
  if (abilities.manageAccounts)
    admin.push({ key: '/admin/accounts', icon: <UserSwitchOutlined />, label: t('nav.accounts') });
  if (abilities.manageRules)
    admin.push({ key: '/admin/rules', icon: <SettingOutlined />, label: t('nav.rules') });
  if (abilities.readAudit)
    admin.push({ key: '/admin/audit', icon: <AuditOutlined />, label: t('nav.audit') });

  const items: Item[] = [
    { key: '/', icon: <DashboardOutlined />, label: t('nav.home') },
    { key: '/units', icon: <ApartmentOutlined />, label: t('nav.units') },
    { key: '/people', icon: <TeamOutlined />, label: t('nav.people') },
  ];
  if (admin.length > 0) items.push({ type: 'group', key: 'admin', label: t('nav.admin'), children: admin });

  const segments = pathname.split('/').filter(Boolean);
  const selectedKey = `/${segments.slice(0, segments[0] === 'admin' ? 2 : 1).join('/')}`;

  return (
    <nav aria-label={t('nav.mainMenu')}>
      <Menu
        mode="inline"
        selectedKeys={[selectedKey]}
        items={items}
        onClick={({ key }) => {
          navigate(key);
          onNavigate?.();
        }}
        style={{ borderInlineEnd: 'none' }}
      />
    </nav>
  );
}
