import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Lang, setLang } from '../i18n';

/** VI / EN toggle. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const value: Lang = i18n.language === 'en' ? 'en' : 'vi';
  return (
    <Segmented<Lang>
      aria-label={t('app.language')}
      size="small"
      value={value}
      onChange={(lang) => setLang(lang)}
      options={[
        { label: 'VI', value: 'vi' },
        { label: 'EN', value: 'en' },
      ]}
    />
  );
}
