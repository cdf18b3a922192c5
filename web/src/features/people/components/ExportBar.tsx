import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Flex, Spin, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/client';
import { formatNumber } from '../../../lib/format';
import { useDownload } from '../hooks';
import type { MemberFilters } from '../types';

const size = (bytes: number) =>
  bytes < 1024 * 1024
    ? `${formatNumber(Math.ceil(bytes / 1024))} KB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** "Xuất Excel" of the filtered list and the printed roll of the chosen unit, with progress while they download. */
export function ExportBar({
  filters,
  count,
  countCapped = false,
  sensitiveAllowed,
}: {
  filters: MemberFilters;
  count: number;
  /** the count is a lower bound (a broad name search stops counting at 1,000) */
  countCapped?: boolean;
  sensitiveAllowed: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [sensitive, setSensitive] = useState(false);
  const download = useDownload();
  const { unitId, ...rest } = filters;
  const query = Object.fromEntries(
    Object.entries({ ...filters, sensitive: sensitive && sensitiveAllowed ? '1' : '' }).filter(
      ([, v]) => v !== '',
    ),
  );
  const run = async (kind: 'xlsx' | 'docx') => {
    try {
      const name =
        kind === 'xlsx'
          ? await download.start(kind, '/people.xlsx', query, 'danh-sach.xlsx')
          : await download.start(
              kind,
              `/units/${unitId}/members.docx`,
              Object.fromEntries(
                Object.entries({ ...rest, sensitive: query.sensitive ?? '' }).filter(([, v]) => v !== ''),
              ),
              'trich-ngang.docx',
            );
      message.success(t('people.export.done', { file: name }));
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  const busy = download.running !== null;
  return (
    <Flex vertical gap={8} style={{ marginBottom: 12 }}>
      <Flex wrap gap={8} align="center">
        <Button
          icon={<FileExcelOutlined />}
          onClick={() => run('xlsx')}
          disabled={busy || count === 0}
          loading={download.running === 'xlsx'}
        >
          {t('people.export.xlsx')}
        </Button>
        <Tooltip title={unitId ? undefined : t('people.export.docxNeedsUnit')}>
          <Button
            icon={<FileWordOutlined />}
            onClick={() => run('docx')}
            disabled={busy || count === 0 || !unitId}
            loading={download.running === 'docx'}
          >
            {t('people.export.docx')}
          </Button>
        </Tooltip>
        {sensitiveAllowed && (
          <Checkbox checked={sensitive} onChange={(e) => setSensitive(e.target.checked)} disabled={busy}>
            {t('people.export.sensitive')}
          </Checkbox>
        )}
      </Flex>
      {busy && (
        <Alert
          type="info"
          showIcon
          icon={<Spin size="small" />}
          role="status"
          title={
            countCapped
              ? t('people.export.runningMany')
              : t('people.export.running', { n: formatNumber(count) })
          }
          description={
            download.received > 0 ? t('people.export.received', { size: size(download.received) }) : undefined
          }
        />
      )}
    </Flex>
  );
}
