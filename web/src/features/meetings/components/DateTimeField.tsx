import { DatePicker, Flex, TimePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The time a date gets when it is picked before the time (most branch meetings are in the evening). */
const EVENING = { hour: 19, minute: 30 };

/**
 * A date and a time side by side, one Dayjs value (a form control: value / onChange). Two small pickers fit a
 * 360 px phone, where antd's combined date-time popup (calendar + time columns, ≈ 390 px) is cut off.
 */
export function DateTimeField({
  id,
  value,
  onChange,
  minuteStep = 5,
  defaultTime,
}: {
  id?: string;
  value?: Dayjs | null;
  onChange?: (value: Dayjs | null) => void;
  minuteStep?: 1 | 5 | 10 | 15 | 30;
  /** the time a date picked first gets (default 19:30) */
  defaultTime?: Dayjs;
}) {
  const { t } = useTranslation();
  // A time picked before the date waits here until the date comes.
  const [time, setTime] = useState<Dayjs | null>(null);
  const at = (day: Dayjs, hm: Dayjs | null) =>
    day
      .hour(hm?.hour() ?? defaultTime?.hour() ?? EVENING.hour)
      .minute(hm?.minute() ?? defaultTime?.minute() ?? EVENING.minute)
      .second(0)
      .millisecond(0);

  return (
    <Flex gap={8}>
      <DatePicker
        id={id}
        value={value ?? null}
        format="DD/MM/YYYY"
        inputReadOnly
        placeholder={t('meetings.form.day')}
        onChange={(day) => onChange?.(day ? at(day, value ?? time) : null)}
        style={{ flex: 3, minWidth: 0 }}
      />
      <TimePicker
        aria-label={t('meetings.form.time')}
        value={value ?? time}
        format="HH:mm"
        minuteStep={minuteStep}
        inputReadOnly
        allowClear={false}
        needConfirm={false}
        placeholder={t('meetings.form.time')}
        onChange={(hm) => {
          setTime(hm);
          if (value && hm) onChange?.(at(value, hm));
        }}
        style={{ flex: 2, minWidth: 0 }}
      />
    </Flex>
  );
}
