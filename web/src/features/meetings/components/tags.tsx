import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MeetingKind, MeetingStatus, MeetingSummary } from '../../../api/types';

const STATUS_COLOR: Record<MeetingStatus, string> = { planned: 'blue', held: 'green', locked: 'default' };
const KIND_COLOR: Record<MeetingKind, string> = {
  regular: 'geekblue',
  thematic: 'purple',
  extraordinary: 'orange',
};

export function MeetingStatusTag({ status }: { status: MeetingStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOR[status]} style={{ marginInlineEnd: 0 }}>
      {t(`meetings.statuses.${status}`)}
    </Tag>
  );
}

export function MeetingKindTag({ kind }: { kind: MeetingKind }) {
  const { t } = useTranslation();
  return (
    <Tag color={KIND_COLOR[kind]} style={{ marginInlineEnd: 0 }}>
      {t(`meetings.kinds.${kind}`)}
    </Tag>
  );
}

/** "18/25 có mặt (72%)" — online attendees count as present. */
export function useAttendanceLine() {
  const { t } = useTranslation();
  return (m: Pick<MeetingSummary, 'present' | 'online' | 'invited' | 'attendanceRate' | 'status'>) =>
    m.status === 'planned' && m.present + m.online === 0
      ? '—'
      : t('meetings.attendanceLine', {
          present: m.present + m.online,
          invited: m.invited,
          rate: `${Math.round(m.attendanceRate * 100)}%`,
        });
}
