import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReportStatus } from '../../../../../contracts/reports';

const COLORS: Record<ReportStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  approved: 'success',
  locked: 'purple',
};

/** Nháp / Đã gửi / Đã duyệt / Đã khóa. */
export function ReportStatusTag({ status }: { status: ReportStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[status]}>{t(`reports.status.${status}`)}</Tag>;
}

/** Trễ hạn / Chưa nộp, in red. */
export function DueTags({ late, missing }: { late: boolean; missing: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {missing && <Tag color="red">{t('reports.missing')}</Tag>}
      {late && <Tag color="red">{t('reports.late')}</Tag>}
    </>
  );
}
