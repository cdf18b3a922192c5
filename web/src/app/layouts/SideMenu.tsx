import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BookOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  DashboardOutlined,
  MailOutlined,
  ScheduleOutlined,
  SettingOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import { Menu, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import type { Role } from '../../api/types';
import { useMe } from '../../features/auth/hooks';

type Item = Required<MenuProps>['items'][number];

const COMPLIANCE_ROLES = new Set<Role>(['admin', 'province_officer', 'grassroots_officer', 'supervisor']);
/** who publishes the month's themes (branch heads see them on their meetings) */
const THEME_ROLES = new Set<Role>(['admin', 'province_officer', 'grassroots_officer']);

/** Side navigation; admin entries only when the actor's abilities allow them. */
export function SideMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const { abilities, grants } = useMe();
  const navigate = useNavigate();
  const { pathname } = useLocation();

  const admin: Item[] = [];
  if (abilities.manageAccounts)
    admin.push({ key: '/admin/accounts', icon: <UserSwitchOutlined />, label: t('nav.accounts') });
  if (abilities.manageRules)
    admin.push({ key: '/admin/rules', icon: <SettingOutlined />, label: t('nav.rules') });
  if (abilities.readAudit)
    admin.push({ key: '/admin/audit', icon: <AuditOutlined />, label: t('nav.audit') });
  // outbox.read belongs to the administrator role only.
  if (grants.some((g) => g.role === 'admin'))
    admin.push({ key: '/admin/outbox', icon: <MailOutlined />, label: t('outbox.menu') });

  const items: Item[] = [
    { key: '/', icon: <DashboardOutlined />, label: t('nav.home') },
    { key: '/units', icon: <ApartmentOutlined />, label: t('nav.units') },
    { key: '/people', icon: <TeamOutlined />, label: t('nav.people') },
  ];
  // Branch heads get a shortcut to their branch's meetings; officers and supervisors the compliance view.
  const branch = grants.find((g) => g.role === 'branch_head' && g.unitId);
  const meetingsKey = branch ? `/units/${branch.unitId}/meetings` : null;
  if (meetingsKey) items.push({ key: meetingsKey, icon: <CalendarOutlined />, label: t('meetings.menu') });
  if (grants.some((g) => g.role === 'member'))
    items.push({ key: '/cuoc-hop-cua-toi', icon: <ScheduleOutlined />, label: t('checkin.myMeetingsMenu') });
  if (grants.some((g) => COMPLIANCE_ROLES.has(g.role)))
    items.push(
      { key: '/compliance', icon: <CheckSquareOutlined />, label: t('compliance.menu') },
      { key: '/compliance/attention', icon: <AlertOutlined />, label: t('compliance.attention.menu') },
    );
  if (grants.some((g) => THEME_ROLES.has(g.role)))
    items.push({ key: '/themes', icon: <BookOutlined />, label: t('themes.menu') });
  if (grants.some((g) => COMPLIANCE_ROLES.has(g.role)))
    items.push({ key: '/cadre-coverage', icon: <SolutionOutlined />, label: t('cadres.coverage.menu') });
  if (admin.length > 0) items.push({ type: 'group', key: 'admin', label: t('nav.admin'), children: admin });

  const segments = pathname.split('/').filter(Boolean);
  const selectedKey =
    meetingsKey && pathname.startsWith(meetingsKey)
      ? meetingsKey
      : `/${segments.slice(0, segments[0] === 'admin' || pathname === '/compliance/attention' ? 2 : 1).join('/')}`;

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
