import { SearchOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { UnitSelect } from '../../units/components/UnitSelect';
import { useOrganizations } from '../../units/hooks';
import { AGE_BANDS, type MemberFilters, PARTY_FILTERS, STATUS_FILTERS } from '../types';

interface Props {
  filters: MemberFilters;
  /** the search box's own text (debounced into filters.q by the page) */
  search: string;
  onSearch: (text: string) => void;
  onChange: (patch: Partial<MemberFilters>) => void;
  onClear: () => void;
  unitLabel?: string;
  /** show the Party status filter (the actor may read it) */
  party: boolean;
}

/** Search box, unit and the list filters; every control has a visible label and works from the keyboard. */
export function MemberFiltersBar({ filters, search, onSearch, onChange, onClear, unitLabel, party }: Props) {
  const { t } = useTranslation();
  const orgs = useOrganizations();
  const f = (key: string) => `members-filter-${key}`;
  const any = { value: '', label: t('people.filters.any') };
  const yesNo = [
    any,
    { value: '1', label: t('people.filters.yes') },
    { value: '0', label: t('people.filters.no') },
  ];
  const select = (key: keyof MemberFilters, label: string, options: { value: string; label: string }[]) => (
    <Col xs={12} sm={8} lg={6} xl={4} key={key}>
      <Form.Item label={label} htmlFor={f(key)} style={{ marginBottom: 0 }}>
        <Select
          id={f(key)}
          value={filters[key]}
          options={options}
          onChange={(v: string) => onChange({ [key]: v })}
          popupMatchSelectWidth={false}
        />
      </Form.Item>
    </Col>
  );
  const active = Object.entries(filters).some(
    ([k, v]) => k !== 'unitId' && k !== 'q' && v !== '' && !(k === 'status' && v === 'live'),
  );

  return (
    <Form layout="vertical" component="div" style={{ marginBottom: 12 }}>
      <Row gutter={[12, 12]}>
        <Col xs={24} md={12}>
          <Input
            type="search"
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t('people.searchPlaceholder')}
            aria-label={t('people.searchPlaceholder')}
            value={search}
            onChange={(e) => onSearch(e.target.value)}
          />
        </Col>
        <Col xs={24} md={12}>
          <UnitSelect
            aria-label={t('people.unitFilter')}
            placeholder={t('people.unitFilter')}
            value={filters.unitId ? Number(filters.unitId) : null}
            initialLabel={unitLabel}
            onChange={(id) => onChange({ unitId: id ? String(id) : '' })}
            allowClear
          />
        </Col>
        {select('organization', t('people.filters.organization'), [
          any,
          ...(orgs.data ?? []).map((o) => ({ value: o.code, label: o.shortNameVi })),
        ])}
        {select(
          'status',
          t('people.filters.status'),
          STATUS_FILTERS.map((s) => ({ value: s, label: t(`people.filters.statusValues.${s}`) })),
        )}
        {select('ageBand', t('people.filters.ageBand'), [
          any,
          ...AGE_BANDS.map((b) => ({ value: b, label: t(`people.filters.ageBands.${b}`) })),
        ])}
        {select('gender', t('people.filters.gender'), [
          any,
          { value: 'M', label: t('people.male') },
          { value: 'F', label: t('people.female') },
        ])}
        {party &&
          select('party', t('people.filters.party'), [
            any,
            ...PARTY_FILTERS.map((p) => ({ value: p, label: t(`people.filters.partyValues.${p}`) })),
          ])}
        {select('away', t('people.filters.away'), yesNo)}
        {select('cadre', t('people.filters.cadre'), yesNo)}
        {active && (
          <Col xs={24} style={{ display: 'flex', alignItems: 'flex-end' }}>
            <Button onClick={onClear}>{t('people.filters.clear')}</Button>
          </Col>
        )}
      </Row>
    </Form>
  );
}
