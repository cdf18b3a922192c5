import { Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useTheme } from '../hooks';
import { FileItems } from './FileItems';

/** A theme's text and attachments, read-only (shown on the meeting page). */
export function ThemeContent({ id }: { id: number }) {
  const { t } = useTranslation();
  const theme = useTheme(id);
  if (theme.isPending) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (theme.isError) return <Typography.Text type="danger">{theme.error.message}</Typography.Text>;
  const { theme: th, attachments } = theme.data;
  return (
    <>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('themes.publishedBy', {
          name: th.unitName,
          month: `${th.month.slice(5, 7)}/${th.month.slice(0, 4)}`,
        })}
      </Typography.Paragraph>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{th.body}</Typography.Paragraph>
      {attachments.length > 0 && (
        <FileItems files={attachments} canDelete={false} empty={null} label={t('themes.files.attachments')} />
      )}
    </>
  );
}
