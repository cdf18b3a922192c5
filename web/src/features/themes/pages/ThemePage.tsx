import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { CoverageView } from '../components/CoverageView';
import { FileItems } from '../components/FileItems';
import { FileUploader } from '../components/FileUploader';
import { ThemeFormModal } from '../components/ThemeFormModal';
import { themeKeys, useTheme } from '../hooks';

/** "/themes/:id" — a theme's text, attachments (upload for the publisher) and which branches used it. */
export default function ThemePage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const qc = useQueryClient();
  const [editOpen, setEditOpen] = useState(false);
  const theme = useTheme(id);

  if (theme.isPending) return <Skeleton active />;
  if (theme.isError) return <Alert type="error" showIcon title={theme.error.message} />;
  const { theme: th, attachments, abilities } = theme.data;
  const monthLabel = `${th.month.slice(5, 7)}/${th.month.slice(0, 4)}`;

  return (
    <>
      <Link to={`/themes?unitId=${th.unitId}&month=${th.month}`}>
        <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }}>
          {t('themes.back')}
        </Button>
      </Link>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={1} style={{ fontSize: 22, margin: 0, wordBreak: 'break-word' }}>
            {th.title}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t('themes.publishedBy', { name: th.unitName, month: monthLabel })}
          </Typography.Text>
        </div>
        {abilities.edit && (
          <Button size="large" icon={<EditOutlined />} onClick={() => setEditOpen(true)}>
            {t('themes.edit')}
          </Button>
        )}
      </Flex>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
          {th.body}
        </Typography.Paragraph>
      </Card>
      <Card size="small" title={t('themes.files.attachments')} style={{ marginBottom: 12 }}>
        <FileItems
          files={attachments}
          canDelete={abilities.edit}
          empty={t('themes.files.noAttachments')}
          label={t('themes.files.attachments')}
        />
        {abilities.edit && (
          <div style={{ marginTop: 12 }}>
            <FileUploader
              action={`/api/themes/${id}/files`}
              accept=".pdf,.docx,image/jpeg,image/png,application/pdf"
              label={t('themes.files.upload')}
              hint={t('themes.files.uploadHint')}
              onDone={() => void qc.invalidateQueries({ queryKey: themeKeys.all })}
            />
          </div>
        )}
      </Card>
      <CoverageView themeId={id} />
      {abilities.edit && (
        <ThemeFormModal
          unitId={th.unitId}
          month={th.month}
          theme={th}
          open={editOpen}
          onClose={() => setEditOpen(false)}
        />
      )}
    </>
  );
}
