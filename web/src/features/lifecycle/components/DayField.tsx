import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';

/** A calendar day typed or picked as dd/mm/yyyy; days after today are greyed out unless `future`. */
export function DayField({
  id,
  value,
  onChange,
  future = false,
  'aria-describedby': describedBy,
}: {
  id?: string;
  value?: Dayjs | null;
  onChange?: (value: Dayjs | null) => void;
  future?: boolean;
  'aria-describedby'?: string;
}) {
  return (
    <DatePicker
      id={id}
      value={value ?? null}
      onChange={(d) => onChange?.(d)}
      format={['DD/MM/YYYY', 'D/M/YYYY', 'DDMMYYYY']}
      placeholder="dd/mm/yyyy"
      disabledDate={future ? undefined : (d) => d.isAfter(dayjs(), 'day')}
      aria-describedby={describedBy}
      style={{ width: '100%' }}
    />
  );
}

/** 'yyyy-mm-dd' of a picked day. */
export const isoDay = (d: Dayjs) => d.format('YYYY-MM-DD');
