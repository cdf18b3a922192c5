import { DeleteOutlined, FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { App, Button, Flex, Image, Popconfirm, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/client';
import { SimpleList } from '../../../app/SimpleList';
import { formatDateTime } from '../../../lib/format';
import { useDeleteFile } from '../hooks';
import type { StoredFile } from '../types';

const size = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;

function Thumb({ file }: { file: StoredFile }) {
  if (file.contentType.startsWith('image/')) {
    return (
      <Image
        src={file.url}
        alt={file.fileName}
        width={56}
        height={56}
        style={{ objectFit: 'cover', borderRadius: 4 }}
      />
    );
  }
  const Icon = file.contentType === 'application/pdf' ? FilePdfOutlined : FileWordOutlined;
  return <Icon aria-hidden style={{ fontSize: 32, width: 56, textAlign: 'center' }} />;
}

/** Stored files with a thumbnail (images) or an icon, a download link, and a delete button when allowed. */
export function FileItems({
  files,
  canDelete,
  empty,
  caption,
  label,
}: {
  files: StoredFile[];
  canDelete: boolean;
  empty: ReactNode;
  /** an extra word before size and date, e.g. the photo's purpose */
  caption?: (f: StoredFile) => string;
  label: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const remove = useDeleteFile();

  return (
    <SimpleList
      aria-label={label}
      bordered
      items={files}
      rowKey={(f) => String(f.id)}
      empty={empty}
      renderItem={(f) => (
        <Flex align="center" gap={12}>
          <Thumb file={f} />
          <div style={{ flex: 1, minWidth: 0 }}>
            <Typography.Link
              href={f.url}
              target="_blank"
              rel="noreferrer"
              aria-label={t('themes.files.open', { name: f.fileName })}
              style={{ wordBreak: 'break-word' }}
            >
              {f.fileName}
            </Typography.Link>
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
              {[caption?.(f), size(f.sizeBytes), formatDateTime(f.createdAt)].filter(Boolean).join(' · ')}
            </Typography.Text>
          </div>
          {canDelete && (
            <Popconfirm
              title={t('themes.files.deleteConfirm', { name: f.fileName })}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
              onConfirm={() =>
                remove
                  .mutateAsync(f.id)
                  .then(() => message.success(t('themes.files.deleted')))
                  .catch((err: unknown) => message.error(errorMessage(err)))
              }
            >
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('themes.files.delete')}
                loading={remove.isPending && remove.variables === f.id}
              />
            </Popconfirm>
          )}
        </Flex>
      )}
    />
  );
}
