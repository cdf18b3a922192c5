import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Layout, Spin, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router-dom';
import { NotificationBell } from '../../features/notifications/components/NotificationBell';
import { useIsMobile } from '../../lib/useIsMobile';
import { LanguageSwitch } from './LanguageSwitch';
import { SideMenu } from './SideMenu';
import { UserMenu } from './UserMenu';

const HEADER_BG = '#003a8c';

/** Header + side menu (a drawer below 768 px) + page outlet. */
export function MainLayout() {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(false);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 8,
          paddingInline: isMobile ? 8 : 24,
          background: HEADER_BG,
          color: '#fff',
          position: 'sticky',
          top: 0,
          zIndex: 10,
        }}
      >
        {isMobile && (
          <Button
            type="text"
            aria-label={t('nav.openMenu')}
            icon={<MenuOutlined />}
            onClick={() => setDrawerOpen(true)}
            style={{ color: '#fff' }}
          />
        )}
        <Link to="/" style={{ color: '#fff', flex: 1, minWidth: 0 }}>
          <Typography.Text strong style={{ color: '#fff', fontSize: 18 }}>
            {t('app.name')}
          </Typography.Text>
          {!isMobile && (
            <Typography.Text style={{ color: 'rgba(255,255,255,0.75)', marginInlineStart: 12 }}>
              {t('app.tagline')}
            </Typography.Text>
          )}
        </Link>
        <Flex align="center" gap={isMobile ? 4 : 12} style={{ color: '#fff' }}>
          <NotificationBell />
          <LanguageSwitch />
          <UserMenu />
        </Flex>
      </Layout.Header>
      <Layout>
        {!isMobile && (
          <Layout.Sider
            theme="light"
            width={230}
            collapsible
            collapsed={collapsed}
            onCollapse={setCollapsed}
            breakpoint="lg"
            style={{ borderInlineEnd: '1px solid #f0f0f0' }}
          >
            <SideMenu />
          </Layout.Sider>
        )}
        {isMobile && (
          <Drawer
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            placement="left"
            size={260}
            title={t('app.name')}
            styles={{ body: { padding: 0 } }}
          >
            <SideMenu onNavigate={() => setDrawerOpen(false)} />
          </Drawer>
        )}
        <Layout.Content style={{ padding: isMobile ? 12 : 24, minWidth: 0 }}>
          <Suspense fallback={<Spin description={t('app.loading')} />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
