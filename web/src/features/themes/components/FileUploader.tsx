import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_FILE_BYTES } from '../types';

interface Props {
  /** the upload address, e.g. /api/meetings/1/files?purpose=photo */
  action: string;
  accept: string;
  label: string;
  hint: string;
  /** called after each successful upload (refresh the list) */
  onDone: () => void;
}

/** The server's Vietnamese refusal, when the upload failed with our error envelope. */
function refusal(file: UploadFile): string | undefined {
  const body = file.response as { error?: { message?: string } } | undefined;
  return body?.error?.message;
}

/** One-file-at-a-time upload with progress; finished files leave the list (the owner's list shows them). */
export function FileUploader({ action, accept, label, hint, onDone }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [list, setList] = useState<UploadFile[]>([]);

  return (
    <div>
      <Upload
        name="file"
        action={action}
        accept={accept}
        withCredentials
        headers={{ 'X-Requested-With': 'DoanHoi' }}
        fileList={list}
        beforeUpload={(file) => {
          if (file.size > MAX_FILE_BYTES) {
            message.error(t('themes.files.tooLarge', { name: file.name }));
            return Upload.LIST_IGNORE;
          }
          return true;
        }}
        onChange={({ file, fileList }) => {
          if (file.status === 'done') {
            message.success(t('themes.files.uploaded', { name: file.name }));
            onDone();
          }
          if (file.status === 'error') {
            message.error(refusal(file) ?? t('themes.files.failed', { name: file.name }));
          }
          setList(
            fileList
              .filter((f) => f.status === 'uploading' || f.status === 'error')
              .map((f) => (f.status === 'error' ? { ...f, response: refusal(f) ?? f.response } : f)),
          );
        }}
      >
        <Button icon={<UploadOutlined />} size="large">
          {label}
        </Button>
      </Upload>
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4, fontSize: 13 }}>
        {hint}
      </Typography.Text>
    </div>
  );
}
