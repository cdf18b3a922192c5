import { Alert, App, Button, Card, Descriptions, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MyProfile } from '../../../../../contracts/corrections';
import { errorMessage } from '../../../api/client';
import { lookup } from '../../../app/i18n/lookup';
import { PageHeader } from '../../../app/PageHeader';
import { formatBirth, formatDate } from '../../../lib/format';
import { CorrectionItem } from '../components/CorrectionItem';
import { ProposeForm } from '../components/ProposeForm';
import { useMyProfile, useWithdraw } from '../hooks';

function Details({ p }: { p: NonNullable<MyProfile['person']> }) {
  const { t } = useTranslation();
  const f = (k: string) => t(`corrections.fields.${k}` as 'corrections.fields.phone');
  const v = (x: string | null) => x ?? '—';
  return (
    <Descriptions
      column={1}
      size="small"
      bordered
      items={[
        { key: 'name', label: f('fullName'), children: p.fullName },
        { key: 'birth', label: f('birthDate'), children: formatBirth(p.birthDate, p.birthYear) },
        { key: 'phone', label: f('phone'), children: v(p.phone) },
        { key: 'cccd', label: f('nationalId'), children: v(p.nationalId) },
        { key: 'eth', label: f('ethnicity'), children: v(p.ethnicity) },
        { key: 'rel', label: f('religion'), children: v(p.religion) },
        { key: 'area', label: f('homeAreaId'), children: v(p.homeAreaName) },
        { key: 'job', label: f('occupation'), children: v(p.occupation) },
        { key: 'edu', label: f('education'), children: v(p.education) },
        {
          key: 'away',
          label: f('awayFromHome'),
          children: p.awayFromHome
            ? [p.awayPlace, p.awaySince ? formatDate(p.awaySince) : null, p.awayContact]
                .filter(Boolean)
                .join(' · ') || t('corrections.yes')
            : t('corrections.no'),
        },
      ]}
    />
  );
}

/** /ho-so-cua-toi — a member's own record on the phone: details, memberships, corrections and their outcome. */
export default function MyProfilePage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const profile = useMyProfile();
  const withdraw = useWithdraw();
  const data = profile.data;

  return (
    <div style={{ maxWidth: 640 }}>
      <PageHeader title={t('corrections.myProfile')} />
      {profile.isPending && <Skeleton active />}
      {profile.isError && <Alert type="error" showIcon title={profile.error.message} />}
      {data && !data.linked && <Alert type="info" showIcon title={t('corrections.notLinked')} />}
      {data?.person && (
        <Flex vertical gap={16}>
          <section aria-labelledby="my-details">
            <Typography.Title level={2} id="my-details" style={{ fontSize: 18 }}>
              {t('corrections.details')}
            </Typography.Title>
            <Details p={data.person} />
          </section>
          <section aria-labelledby="my-memberships">
            <Typography.Title level={2} id="my-memberships" style={{ fontSize: 18 }}>
              {t('corrections.memberships')}
            </Typography.Title>
            {data.memberships.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('corrections.noMemberships')} />
            ) : (
              <Flex vertical gap={8}>
                {data.memberships.map((m) => (
                  <Card size="small" key={m.id}>
                    <Tag color="blue">{m.organizationName}</Tag>{' '}
                    <Typography.Text strong>{m.unitName}</Typography.Text>
                    <div>
                      <Typography.Text type="secondary">
                        {lookup(t, `duplicates.statuses.${m.status}`, m.status)}
                        {m.joinedOn
                          ? ` · ${t('corrections.joinedOn', { date: formatDate(m.joinedOn) })}`
                          : ''}
                      </Typography.Text>
                    </div>
                  </Card>
                ))}
              </Flex>
            )}
          </section>
          <section aria-labelledby="my-proposals">
            <Typography.Title level={2} id="my-proposals" style={{ fontSize: 18 }}>
              {t('corrections.myProposals')}
            </Typography.Title>
            {data.corrections.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('corrections.noProposals')} />
            ) : (
              <Flex vertical gap={8}>
                {data.corrections.map((c) => (
                  <Card size="small" key={c.id}>
                    <CorrectionItem
                      c={c}
                      actions={
                        c.status === 'pending' && (
                          <Button
                            size="small"
                            style={{ marginTop: 8 }}
                            onClick={() =>
                              modal.confirm({
                                title: t('corrections.withdrawConfirm', {
                                  field: t(`corrections.fields.${c.field}`),
                                }),
                                okText: t('corrections.withdraw'),
                                cancelText: t('common.cancel'),
                                onOk: () =>
                                  withdraw
                                    .mutateAsync(c.id)
                                    .then(() => message.success(t('corrections.withdrawn')))
                                    .catch((err) => message.error(errorMessage(err))),
                              })
                            }
                          >
                            {t('corrections.withdraw')}
                          </Button>
                        )
                      }
                    />
                  </Card>
                ))}
              </Flex>
            )}
          </section>
          <section aria-labelledby="my-propose">
            <Typography.Title level={2} id="my-propose" style={{ fontSize: 18 }}>
              {t('corrections.propose')}
            </Typography.Title>
            {data.canPropose ? (
              <Card size="small">
                <ProposeForm profile={data} />
              </Card>
            ) : (
              <Alert type="warning" showIcon title={t('corrections.cannotPropose')} />
            )}
          </section>
        </Flex>
      )}
    </div>
  );
}
