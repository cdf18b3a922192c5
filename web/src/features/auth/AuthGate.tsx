import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { MeContext, useMeQuery } from './hooks';
import { LoginPage } from './pages/LoginPage';

/** Renders the login page until /api/me answers, then provides the actor to the app. */
export function AuthGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMeQuery();
  if (me.isPending) {
    return (
      <div style={{ display: 'grid', placeItems: 'center', minHeight: '100vh' }}>
        <Spin size="large" description={t('app.loading')} />
      </div>
    );
  }
  if (me.isError) {
    if (me.error instanceof ApiError && me.error.status === 401) return <LoginPage />;
    return (
      <Result
        status="error"
        title={t('app.loadError')}
        subTitle={me.error.message}
        extra={
          <Button type="primary" onClick={() => void me.refetch()}>
            {t('app.retry')}
          </Button>
        }
      />
    );
  }
  return <MeContext.Provider value={me.data}>{children}</MeContext.Provider>;
}
