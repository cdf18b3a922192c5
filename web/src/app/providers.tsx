import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Grid, type ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { queryClient } from './queryClient';

const baseToken: ThemeConfig['token'] = {
  colorPrimary: '#0050b3',
  borderRadius: 6,
  fontFamily:
    "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif",
};

/** Query client, antd locale/theme (follows the i18next language) and antd's App context. */
export function Providers({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const isEn = i18n.language === 'en';
  // Phones: tighter card padding so tables and forms keep their width.
  const compact = Grid.useBreakpoint().md === false;
  const theme = useMemo<ThemeConfig>(
    () => ({
      token: baseToken,
      components: { Card: compact ? { bodyPadding: 12, headerPadding: 12 } : {} },
    }),
    [compact],
  );
  dayjs.locale(isEn ? 'en' : 'vi');
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={isEn ? enUS : viVN} theme={theme}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
