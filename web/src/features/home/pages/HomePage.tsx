import { TeamOutlined, UserOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Empty, Row, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { qk } from '../../../api/keys';
import { PageHeader } from '../../../app/PageHeader';
import { SimpleList } from '../../../app/SimpleList';
import { formatNumber } from '../../../lib/format';
import { useMe } from '../../auth/hooks';
import { AttentionCard } from '../../compliance/components/AttentionCard';
import { useOrganizations } from '../../units/hooks';
import { OrgBarChart } from '../components/OrgBarChart';

/** Overview: people and memberships in the actor's scope, and the actor's grants. */
export default function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const counts = useQuery({
    queryKey: qk.stats(null),
    queryFn: ({ signal }) =>
      api<{
        people: number;
        memberships: number;
        byOrganization: Array<{ organizationCode: string; memberships: number }>;
      }>('/stats/counts', { signal }),
  });
  const orgs = useOrganizations();
  const orgName = (code: string) => orgs.data?.find((o) => o.code === code)?.shortNameVi ?? code;
  const bars = (counts.data?.byOrganization ?? []).map((b) => ({
    label: orgName(b.organizationCode),
    value: b.memberships,
  }));

  return (
    <>
      <PageHeader title={t('home.title')} />
      <Typography.Paragraph>{t('home.greeting', { name: me.user.name })}</Typography.Paragraph>
      {counts.isError && (
        <Alert type="error" showIcon title={counts.error.message} style={{ marginBottom: 16 }} />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={12}>
          <Card>
            <Statistic
              title={t('home.people')}
              value={counts.data?.people ?? 0}
              loading={counts.isPending}
              prefix={<UserOutlined />}
              formatter={(v) => formatNumber(Number(v))}
            />
          </Card>
        </Col>
        <Col xs={24} sm={12}>
          <Card>
            <Statistic
              title={t('home.memberships')}
              value={counts.data?.memberships ?? 0}
              loading={counts.isPending}
              prefix={<TeamOutlined />}
              formatter={(v) => formatNumber(Number(v))}
            />
          </Card>
        </Col>
      </Row>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('home.scopeNote')}
      </Typography.Paragraph>
      {bars.length > 0 && (
        <Card title={t('home.byOrganization')} style={{ marginTop: 16 }}>
          <OrgBarChart bars={bars} ariaLabel={t('home.byOrganization')} />
        </Card>
      )}
      <AttentionCard />
      <Card title={t('home.grants')} style={{ marginTop: 16 }}>
        {me.grants.length === 0 ? (
          <Empty description={t('home.noGrants')} />
        ) : (
          <SimpleList
            items={me.grants}
            rowKey={(g) => String(g.id)}
            renderItem={(g) => (
              <>
                <Tag color="blue">{g.roleLabel || t(`accounts.roles.${g.role}`)}</Tag>
                <Typography.Text>{g.scopeLabel}</Typography.Text>
              </>
            )}
          />
        )}
      </Card>
    </>
  );
}
