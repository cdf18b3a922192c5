import { Select, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebounced } from '../../../lib/useDebounced';
import { useUnitSearch } from '../hooks';

interface Props {
  id?: string;
  value?: number | null;
  onChange?: (value: number | null, label?: string) => void;
  organization?: string;
  /** Units that may not be chosen (e.g. the unit itself). */
  exclude?: number[];
  /** Label for the current value before any search (e.g. from the URL). */
  initialLabel?: string;
  allowClear?: boolean;
  placeholder?: string;
  'aria-label'?: string;
  style?: React.CSSProperties;
}

/** Select a unit by typing part of its name (server search, no diacritics needed). */
export function UnitSelect(props: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const debounced = useDebounced(q, 300);
  const search = useUnitSearch(debounced, props.organization ?? '');
  const exclude = new Set(props.exclude ?? []);

  const options = (search.data?.items ?? [])
    .filter((u) => !exclude.has(u.id))
    .map((u) => ({
      value: u.id,
      label: u.parentName ? `${u.name} — ${u.parentName}` : u.name,
    }));
  if (props.value && props.initialLabel && !options.some((o) => o.value === props.value)) {
    options.unshift({ value: props.value, label: props.initialLabel });
  }

  return (
    <Select
      id={props.id}
      aria-label={props['aria-label']}
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={props.value ?? undefined}
      onChange={(value: number | undefined, option) => {
        const label = option && !Array.isArray(option) ? String(option.label) : undefined;
        props.onChange?.(value ?? null, label);
      }}
      options={options}
      allowClear={props.allowClear}
      placeholder={props.placeholder ?? t('units.unitPlaceholder')}
      notFoundContent={
        search.isFetching ? <Spin size="small" /> : debounced.length >= 2 ? t('units.noResults') : null
      }
      style={{ width: '100%', ...props.style }}
    />
  );
}
