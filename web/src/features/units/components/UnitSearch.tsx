import { SearchOutlined } from '@ant-design/icons';
import { Input, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SimpleList } from '../../../app/SimpleList';
import { useDebounced } from '../../../lib/useDebounced';
import { useUnitSearch } from '../hooks';
import { UnitTitle } from './UnitTitle';

const resultButton: React.CSSProperties = {
  background: 'none',
  border: 'none',
  padding: 0,
  margin: 0,
  font: 'inherit',
  color: 'inherit',
  textAlign: 'left',
  cursor: 'pointer',
  display: 'block',
  width: '100%',
};

/** Debounced server search; a click on a result selects that unit in the tree. */
export function UnitSearch({ organization, onPick }: { organization: string; onPick: (id: number) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const debounced = useDebounced(q, 350);
  const search = useUnitSearch(debounced, organization);
  const active = debounced.trim().length >= 2;

  return (
    <div style={{ marginBottom: 12 }}>
      <Input
        type="search"
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('units.searchPlaceholder')}
        aria-label={t('units.searchPlaceholder')}
        value={q}
        onChange={(e) => setQ(e.target.value)}
      />
      {active && (
        <section aria-label={t('units.searchResults')} style={{ marginTop: 8 }}>
          {search.isFetching && !search.data ? (
            <Spin size="small" />
          ) : (
            <SimpleList
              bordered
              style={{ maxHeight: 280, overflowY: 'auto' }}
              items={search.data?.items ?? []}
              rowKey={(u) => String(u.id)}
              empty={t('units.noResults')}
              renderItem={(u) => (
                <button
                  type="button"
                  onClick={() => {
                    onPick(u.id);
                    setQ('');
                  }}
                  style={resultButton}
                >
                  <UnitTitle unit={u} />
                  {u.parentName && (
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                      {u.parentName}
                      {u.areaName ? ` · ${u.areaName}` : ''}
                    </Typography.Text>
                  )}
                </button>
              )}
            />
          )}
        </section>
      )}
    </div>
  );
}
