import { Select, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebounced } from '../../../lib/useDebounced';
import { useAreaSearch } from '../hooks';

interface Props {
  id?: string;
  value?: number | null;
  onChange?: (value: number | null) => void;
  initialLabel?: string;
  allowClear?: boolean;
}

/** Select an area (commune/ward/village); former areas are shown with their successors. */
export function AreaSelect({ id, value, onChange, initialLabel, allowClear }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const debounced = useDebounced(q, 300);
  const search = useAreaSearch(debounced);

  const options = (search.data?.items ?? []).map((a) => ({
    value: a.id,
    label: a.active
      ? a.name
      : `${a.name} (${t('units.formerArea')}${a.successors.length ? ` → ${a.successors.map((s) => s.name).join(', ')}` : ''})`,
  }));
  if (value && initialLabel && !options.some((o) => o.value === value)) {
    options.unshift({ value, label: initialLabel });
  }

  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value ?? undefined}
      onChange={(v: number | undefined) => onChange?.(v ?? null)}
      options={options}
      allowClear={allowClear}
      placeholder={t('units.areaPlaceholder')}
      notFoundContent={
        search.isFetching ? <Spin size="small" /> : debounced.length >= 2 ? t('units.noResults') : null
      }
      style={{ width: '100%' }}
    />
  );
}
