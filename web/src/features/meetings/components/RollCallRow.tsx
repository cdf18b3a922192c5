import { Button, Flex, Input, Tag, Typography } from 'antd';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttendanceStatus } from '../../../api/types';
import { useIsMobile } from '../../../lib/useIsMobile';

export type Marked = Exclude<AttendanceStatus, 'unknown'>;

interface Mark {
  value: Marked;
  key: 'present' | 'online' | 'absentExcused' | 'absentUnexcused';
  color: 'green' | 'blue' | 'orange' | 'red';
  hex: string;
}

export const MARKS: Mark[] = [
  { value: 'present', key: 'present', color: 'green', hex: '#389e0d' },
  { value: 'online', key: 'online', color: 'blue', hex: '#0958d9' },
  { value: 'absent_excused', key: 'absentExcused', color: 'orange', hex: '#d46b08' },
  { value: 'absent_unexcused', key: 'absentUnexcused', color: 'red', hex: '#cf1322' },
];

interface Props {
  personId: number;
  index: number;
  fullName: string;
  status: AttendanceStatus;
  reason: string;
  reasonMissing: boolean;
  disabled: boolean;
  /** locked or no roll-call right: show the recorded status as a tag instead of buttons */
  readOnly: boolean;
  onStatus: (personId: number, status: Marked) => void;
  onReason: (personId: number, reason: string) => void;
}

/** One member: name, four large toggle buttons (a radio group), and the reason box when excused. */
export const RollCallRow = memo(function RollCallRow(p: Props) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const labelId = `rollcall-name-${p.personId}`;
  const mark = MARKS.find((m) => m.value === p.status);
  const name = (
    <Typography.Text id={labelId} strong style={{ flex: 1, minWidth: 0, fontSize: 15 }}>
      {p.index}. {p.fullName}
    </Typography.Text>
  );
  if (p.readOnly) {
    return (
      <Flex gap={8} align="center" wrap style={{ padding: '10px 0', borderTop: '1px solid #f0f0f0' }}>
        {name}
        <Tag color={mark?.color} style={{ marginInlineEnd: 0 }}>
          {t(`meetings.rollcall.${mark?.key ?? 'unknown'}`)}
          {p.status === 'absent_excused' && p.reason ? `: ${p.reason}` : ''}
        </Tag>
      </Flex>
    );
  }
  return (
    <Flex vertical gap={8} style={{ padding: '10px 0', borderTop: '1px solid #f0f0f0' }}>
      <Flex vertical={isMobile} gap={8} align={isMobile ? 'stretch' : 'center'}>
        {name}
        <div
          role="radiogroup"
          aria-labelledby={labelId}
          style={{ display: 'grid', gridTemplateColumns: isMobile ? '1fr 1fr' : 'repeat(4, 128px)', gap: 6 }}
        >
          {MARKS.map((m) => {
            const checked = p.status === m.value;
            return (
              <Button
                key={m.value}
                role="radio"
                aria-checked={checked}
                color={m.color}
                variant={checked ? 'solid' : 'outlined'}
                disabled={p.disabled}
                onClick={() => p.onStatus(p.personId, m.value)}
                style={{ height: 44, paddingInline: 4, whiteSpace: 'normal', lineHeight: 1.15 }}
              >
                {t(`meetings.rollcall.${m.key}`)}
              </Button>
            );
          })}
        </div>
      </Flex>
      {p.status === 'absent_excused' && (
        <Input
          aria-label={`${t('meetings.rollcall.reason')} — ${p.fullName}`}
          placeholder={t('meetings.rollcall.reason')}
          value={p.reason}
          disabled={p.disabled}
          status={p.reasonMissing ? 'error' : undefined}
          maxLength={500}
          onChange={(e) => p.onReason(p.personId, e.target.value)}
          style={{
            height: 44,
            maxWidth: isMobile ? undefined : 530,
            alignSelf: isMobile ? undefined : 'flex-end',
          }}
        />
      )}
    </Flex>
  );
});
