import { Alert, Button, Flex, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { useUrlParams } from '../../../lib/useUrlParams';
import { useMeQuery, useSignOut } from '../../auth/hooks';
import { CheckinForm } from '../components/CheckinForm';
import { PhoneSignIn } from '../components/PhoneSignIn';
import { PublicCard } from '../components/PublicCard';

/**
 * "/diem-danh?ma=123456" — what the meeting's QR code opens. Outside the main layout: a member who is not
 * signed in gets the phone sign-in right here, then the check-in form with the code already filled in.
 */
export default function CheckinPage() {
  const { t } = useTranslation();
  const [params] = useUrlParams();
  const code = (params.get('ma') ?? '').replace(/\D/g, '').slice(0, 6);
  const me = useMeQuery();
  const signOut = useSignOut();

  let body: React.ReactNode;
  if (me.isPending) {
    body = (
      <Flex justify="center" style={{ padding: 24 }}>
        <Spin size="large" description={t('app.loading')} />
      </Flex>
    );
  } else if (me.isError && me.error instanceof ApiError && me.error.status === 401) {
    body = (
      <>
        <Typography.Paragraph>{t('checkin.page.signInFirst')}</Typography.Paragraph>
        <PhoneSignIn />
      </>
    );
  } else if (me.isError) {
    body = (
      <Alert
        type="error"
        showIcon
        title={me.error.message}
        action={<Button onClick={() => void me.refetch()}>{t('app.retry')}</Button>}
      />
    );
  } else {
    body = (
      <>
        <Flex justify="space-between" align="center" wrap gap={4} style={{ marginBottom: 12 }}>
          <Typography.Text strong>
            {t('checkin.page.signedInAs', { name: me.data.user.name })}
          </Typography.Text>
          <Button type="link" style={{ paddingInline: 0 }} onClick={() => signOut.mutate()}>
            {t('checkin.page.notYou')}
          </Button>
        </Flex>
        <CheckinForm initialCode={code} />
      </>
    );
  }
  return <PublicCard title={t('checkin.page.title')}>{body}</PublicCard>;
}
