import { FileWordOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Radio, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingDetail } from '../../../api/types';
import { FileItems } from '../../themes/components/FileItems';
import { FileUploader } from '../../themes/components/FileUploader';
import { themeKeys, useMeetingFiles } from '../../themes/hooks';

type Purpose = 'signed_sheet' | 'photo';

/** The printable attendance sheet (.docx) and the photos of the signed sheet / of the meeting. */
export function SheetAndPhotos({ detail }: { detail: MeetingDetail }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const id = detail.meeting.id;
  const files = useMeetingFiles(id);
  const [purpose, setPurpose] = useState<Purpose>('signed_sheet');
  const locked = detail.meeting.status === 'locked';

  return (
    <Card size="small" title={t('themes.sheet.title')} style={{ marginTop: 12 }}>
      <Flex vertical gap={12}>
        <div>
          <Button
            href={`/api/meetings/${id}/attendance-sheet.docx`}
            download
            icon={<FileWordOutlined />}
            size="large"
            style={{ whiteSpace: 'normal', height: 'auto', minHeight: 40 }}
          >
            {t('themes.sheet.download')}
          </Button>
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4, fontSize: 13 }}>
            {t('themes.sheet.downloadHint')}
          </Typography.Text>
        </div>
        {files.isPending && <Skeleton active paragraph={{ rows: 2 }} />}
        {files.isError && <Alert type="error" showIcon title={files.error.message} />}
        {files.isSuccess && (
          <>
            <FileItems
              files={files.data.items}
              canDelete={files.data.abilities.delete}
              empty={t('themes.sheet.empty')}
              label={t('themes.sheet.title')}
              caption={(f) => t(`themes.sheet.purposes.${f.purpose}`)}
            />
            {locked && files.data.abilities.upload && (
              <Typography.Text type="secondary">{t('themes.sheet.lockedNoDelete')}</Typography.Text>
            )}
            {files.data.abilities.upload && (
              <Flex vertical gap={8}>
                <Radio.Group
                  aria-label={t('themes.sheet.purpose')}
                  optionType="button"
                  buttonStyle="solid"
                  value={purpose}
                  onChange={(e) => setPurpose(e.target.value as Purpose)}
                  options={(['signed_sheet', 'photo'] as const).map((p) => ({
                    value: p,
                    label: t(`themes.sheet.purposes.${p}`),
                  }))}
                />
                <FileUploader
                  action={`/api/meetings/${id}/files?purpose=${purpose}`}
                  accept="image/jpeg,image/png,application/pdf"
                  label={t('themes.sheet.upload')}
                  hint={t('themes.sheet.uploadHint')}
                  onDone={() => void qc.invalidateQueries({ queryKey: themeKeys.meetingFiles(id) })}
                />
              </Flex>
            )}
          </>
        )}
      </Flex>
    </Card>
  );
}
