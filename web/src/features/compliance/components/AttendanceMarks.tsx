import { Flex, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AttendanceStatus } from '../../../api/types';
import { MARKS } from '../../meetings/components/RollCallRow';

const HEX: Record<AttendanceStatus, string> = {
  ...(Object.fromEntries(MARKS.map((m) => [m.value, m.hex])) as Record<AttendanceStatus, string>),
  unknown: '#8c8c8c',
};

/** One status as a small coloured letter (C / T / P / V); an empty box when not invited. */
export function AttendanceMark({ status, label }: { status: AttendanceStatus | null; label?: string }) {
  const { t } = useTranslation();
  const mark = MARKS.find((m) => m.value === status);
  const name = status ? t(`meetings.rollcall.${mark?.key ?? 'unknown'}`) : t('compliance.members.notInvited');
  const title = label ? `${label}: ${name}` : name;
  return (
    <Tooltip title={title}>
      <span
        role="img"
        aria-label={title}
        style={{
          display: 'inline-flex',
          alignItems: 'center',
          justifyContent: 'center',
          width: 22,
          height: 22,
          borderRadius: 4,
          fontSize: 12,
          fontWeight: 600,
          color: status ? '#fff' : '#bfbfbf',
          background: status ? HEX[status] : 'transparent',
          border: status ? 'none' : '1px dashed #d9d9d9',
        }}
      >
        {status ? t(`compliance.members.short.${status}`) : ''}
      </span>
    </Tooltip>
  );
}

/** The legend of the marks. */
export function MarksLegend() {
  const { t } = useTranslation();
  return (
    <Flex gap={12} wrap align="center">
      {MARKS.map((m) => (
        <Flex key={m.value} gap={4} align="center">
          <AttendanceMark status={m.value} />
          <span>{t(`meetings.rollcall.${m.key}`)}</span>
        </Flex>
      ))}
    </Flex>
  );
}
