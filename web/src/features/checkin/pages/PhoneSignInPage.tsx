import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useUrlParams } from '../../../lib/useUrlParams';
import { PhoneSignIn } from '../components/PhoneSignIn';
import { PublicCard, safeNext } from '../components/PublicCard';

/** "/dang-nhap-so-dien-thoai?next=…": members sign in with phone + code, then go back where they were. */
export default function PhoneSignInPage() {
  const { t } = useTranslation();
  const [params] = useUrlParams();
  const navigate = useNavigate();
  const next = safeNext(params.get('next'));
  return (
    <PublicCard title={t('checkin.phone.title')}>
      <Typography.Paragraph type="secondary">{t('checkin.phone.intro')}</Typography.Paragraph>
      <PhoneSignIn onSignedIn={() => navigate(next, { replace: true })} />
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
        <Link to="/">{t('checkin.phone.officers')}</Link>
      </Typography.Paragraph>
    </PublicCard>
  );
}
