import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Progress, Typography, Upload } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../api/client';
import { useDownload } from '../../people/hooks';
import { useUpload } from '../hooks';
import { useImportsText } from '../i18n';
import type { ImportDetail } from '../types';

/** Choosing the file (click, keyboard or drag and drop), with upload progress, and the template. */
export function UploadStep({ unitId, onUploaded }: { unitId: number; onUploaded(job: ImportDetail): void }) {
  const { s, f } = useImportsText();
  const { message, modal } = App.useApp();
  const { upload, progress } = useUpload(unitId);
  const [reading, setReading] = useState(false);
  const download = useDownload();
  const send = async (file: File) => {
    setReading(true);
    try {
      onUploaded(await upload(file));
    } catch (err) {
      modal.error({ title: s.failed, content: errorMessage(err) });
    } finally {
      setReading(false);
    }
  };
  const busy = reading || progress !== null;
  return (
    <Card>
      <Upload.Dragger
        accept=".xlsx,.csv,.xls,.txt"
        multiple={false}
        showUploadList={false}
        disabled={busy}
        beforeUpload={(file) => {
          void send(file);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{s.upload.drop}</p>
        <p className="ant-upload-hint">{s.upload.hint}</p>
      </Upload.Dragger>
      {busy && (
        <div aria-live="polite" style={{ marginTop: 12 }}>
          <Typography.Text>
            {progress !== null && progress < 100
              ? f(s.upload.sending, { percent: progress })
              : s.upload.reading}
          </Typography.Text>
          <Progress percent={progress ?? 100} status="active" showInfo={false} />
        </div>
      )}
      <Flex wrap gap={8} align="center" style={{ marginTop: 16 }}>
        <Typography.Text type="secondary">{s.upload.templateHint}</Typography.Text>
        <Button
          icon={<DownloadOutlined />}
          loading={download.running !== null}
          onClick={() =>
            download
              .start('template', '/imports/template', {}, 'mau-danh-sach.xlsx')
              .catch((err) => message.error(errorMessage(err)))
          }
        >
          {s.upload.template}
        </Button>
      </Flex>
    </Card>
  );
}
