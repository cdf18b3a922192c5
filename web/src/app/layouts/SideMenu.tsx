import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BookOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  DashboardOutlined,
  FileTextOutlined,
  FormOutlined,
  FundOutlined,
  IdcardOutlined,
  InboxOutlined,
  MailOutlined,
  MessageOutlined,
  ScheduleOutlined,
  SettingOutlined,
  SolutionOutlined,
  SwapOutlined,
  TeamOutlined,
  TrophyOutlined,
  UsergroupDeleteOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import { Badge, Menu, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import type { Role } from '../../api/types';
import { useMe } from '../../features/auth/hooks';
import { useCorrectionsCount } from '../../features/corrections/hooks';

type Item = Required<MenuProps>['items'][number];

const COMPLIANCE_ROLES = new Set<Role>(['admin', 'province_officer', 'grassroots_officer', 'supervisor']);
/** who publishes the month's themes (branch heads see them on their meetings) */
const THEME_ROLES = new Set<Role>(['admin', 'province_officer', 'grassroots_officer']);
/** who merge duplicate records (member.merge) and who decide members' corrections (member.write) */
const MERGE_ROLES = THEME_ROLES;
const CORRECTION_ROLES = new Set<Role>(['admin', 'province_officer', 'grassroots_officer', 'branch_head']);
/** who read the voice items of their scope (voice.read) */
const VOICE_ROLES = new Set<Role>([...CORRECTION_ROLES, 'supervisor']);

/** Side navigation; admin entries only when the actor's abilities allow them. */
export function SideMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const { abilities, grants } = useMe();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const decides = grants.some((g) => CORRECTION_ROLES.has(g.role));
  const corrections = useCorrectionsCount(decides);

  const admin: Item[] = [];
  if (abilities.manageAccounts)
    admin.push({ key: '/admin/accounts', icon: <UserSwitchOutlined />, label: t('nav.accounts') });
  if (abilities.manageRules)
    admin.push({ key: '/admin/rules', icon: <SettingOutlined />, label: t('nav.rules') });
  // The voice configuration (categories, deadlines, recipient bodies) needs rules.manage, like the rules.
  if (abilities.manageRules)
    admin.push({ key: '/admin/voice', icon: <MessageOutlined />, label: t('voice.config.menu') });
  // Classification criteria (classification.configure: administrators and province officers).
  if (grants.some((g) => g.role === 'admin' || g.role === 'province_officer'))
    admin.push({
      key: '/admin/classification',
      icon: <TrophyOutlined />,
      label: t('classification.scheme.menu'),
    });
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
  // Transfers in and out of the actor's own branch (or commune-level unit).
  const own = grants.find((g) => (g.role === 'branch_head' || g.role === 'grassroots_officer') && g.unitId);
  const transfersKey = own ? `/units/${own.unitId}/transfers` : null;
  if (transfersKey) items.push({ key: transfersKey, icon: <SwapOutlined />, label: t('lifecycle.menu') });
  if (grants.some((g) => g.role === 'member'))
    items.push({ key: '/cuoc-hop-cua-toi', icon: <ScheduleOutlined />, label: t('checkin.myMeetingsMenu') });
  if (grants.some((g) => g.role === 'member'))
    items.push({ key: '/ho-so-cua-toi', icon: <IdcardOutlined />, label: t('corrections.myProfileMenu') });
  if (decides)
    items.push({
      key: '/de-nghi-sua-thong-tin',
      icon: <FormOutlined />,
      label: (
        <Badge count={corrections.data?.pending ?? 0} size="small" offset={[10, 0]}>
          {t('corrections.listMenu')}
        </Badge>
      ),
    });
  if (grants.some((g) => MERGE_ROLES.has(g.role)))
    items.push({ key: '/duplicates', icon: <UsergroupDeleteOutlined />, label: t('duplicates.menu') });
  if (grants.some((g) => COMPLIANCE_ROLES.has(g.role)))
    items.push(
      { key: '/compliance', icon: <CheckSquareOutlined />, label: t('compliance.menu') },
      { key: '/compliance/attention', icon: <AlertOutlined />, label: t('compliance.attention.menu') },
      { key: '/oversight', icon: <FundOutlined />, label: t('oversight.menu') },
      { key: '/plans', icon: <FundOutlined />, label: t('plans.menu') },
      { key: '/classification', icon: <TrophyOutlined />, label: t('classification.menu') },
      { key: '/reports', icon: <FileTextOutlined />, label: t('reports.menu') },
    );
  if (grants.some((g) => THEME_ROLES.has(g.role)))
    items.push({ key: '/themes', icon: <BookOutlined />, label: t('themes.menu') });
  if (grants.some((g) => g.role === 'member'))
    items.push({ key: '/y-kien-cua-toi', icon: <MessageOutlined />, label: t('voice.menuMine') });
  if (grants.some((g) => VOICE_ROLES.has(g.role)))
    items.push(
      { key: '/voice', icon: <MessageOutlined />, label: t('voice.menuInbox') },
      { key: '/voice/stats', icon: <BarChartOutlined />, label: t('voice.menuStats') },
      { key: '/voice/dialogues', icon: <TeamOutlined />, label: t('voice.dialogues.menu') },
    );
  if (grants.some((g) => g.role === 'respondent'))
    items.push({ key: '/voice/received', icon: <InboxOutlined />, label: t('voice.menuReceived') });
  if (grants.some((g) => COMPLIANCE_ROLES.has(g.role)))
    items.push({ key: '/cadre-coverage', icon: <SolutionOutlined />, label: t('cadres.coverage.menu') });
  if (admin.length > 0) items.push({ type: 'group', key: 'admin', label: t('nav.admin'), children: admin });

  const segments = pathname.split('/').filter(Boolean);
  const selectedKey =
    meetingsKey && pathname.startsWith(meetingsKey)
      ? meetingsKey
      : transfersKey && pathname.startsWith(transfersKey)
        ? transfersKey
        : `/${segments.slice(0, segments[0] === 'admin' || pathname === '/compliance/attention' || /^\/voice\/(stats|received|dialogues)/.test(pathname) ? 2 : 1).join('/')}`;

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
