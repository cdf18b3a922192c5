import { Segmented, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useIsMobile } from '../../../lib/useIsMobile';
import { useOrganizations } from '../hooks';

interface Props {
  value: string;
  onChange: (code: string) => void;
  /** Offer "Tất cả" (empty code). */
  allowAll?: boolean;
}

/** Organization picker: a Segmented on wide screens, a Select on phones. */
export function OrgSelector({ value, onChange, allowAll = true }: Props) {
  const { t, i18n } = useTranslation();
  const isMobile = useIsMobile();
  const orgs = useOrganizations();
  const isEn = i18n.language === 'en';
  const options = [
    ...(allowAll ? [{ label: t('common.all'), value: '' }] : []),
    ...(orgs.data ?? []).map((o) => ({
      label: isEn ? o.nameEn || o.shortNameVi : o.shortNameVi || o.nameVi,
      value: o.code,
      title: isEn ? o.nameEn : o.nameVi,
    })),
  ];
  if (isMobile || options.length > 6) {
    return (
      <Select
        aria-label={t('units.organization')}
        value={value}
        onChange={onChange}
        options={options}
        loading={orgs.isPending}
        style={{ minWidth: 200, width: isMobile ? '100%' : undefined }}
      />
    );
  }
  return (
    <div style={{ overflowX: 'auto', maxWidth: '100%' }}>
      <Segmented aria-label={t('units.organization')} value={value} onChange={onChange} options={options} />
    </div>
  );
}
