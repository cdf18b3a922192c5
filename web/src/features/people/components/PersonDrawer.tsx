import { EyeOutlined, LockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Drawer, Empty, Skeleton, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SimpleList } from '../../../app/SimpleList';
import { formatBirth, formatDate } from '../../../lib/format';
import { useIsMobile } from '../../../lib/useIsMobile';
import { usePerson } from '../hooks';
import { OrgTags } from './OrgTags';

/** Person profile; sensitive fields are masked unless the actor reveals them (audited). */
export function PersonDrawer({ personId, onClose }: { personId: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const isMobile = useIsMobile();
  const [reveal, setReveal] = useState(false);
  const person = usePerson(personId, reveal);

  // Each newly opened profile starts masked.
  useEffect(() => {
    if (personId) setReveal(false);
  }, [personId]);

  const hidden = (
    <Typography.Text type="secondary">
      <LockOutlined /> {t('people.hidden')}
    </Typography.Text>
  );
  const sensitive = (value: string | null | undefined) =>
    value ? value : person.data?.sensitiveHidden && !reveal ? hidden : '—';

  const askReveal = () =>
    modal.confirm({
      title: t('people.revealTitle'),
      content: t('people.revealExplain'),
      okText: t('people.reveal'),
      cancelText: t('common.cancel'),
      onOk: () => setReveal(true),
    });

  const p = person.data;
  return (
    <Drawer
      open={Boolean(personId)}
      onClose={onClose}
      size={isMobile ? '100%' : 560}
      title={p?.fullName ?? t('people.profile')}
      destroyOnHidden
      extra={
        p?.abilities?.revealSensitive && p.sensitiveHidden && !reveal ? (
          <Button icon={<EyeOutlined />} onClick={askReveal}>
            {t('people.reveal')}
          </Button>
        ) : null
      }
    >
      {person.isPending && <Skeleton active />}
      {person.isError && <Empty description={person.error.message} />}
      {p && (
        <>
          {reveal && (
            <Alert type="warning" showIcon title={t('people.revealed')} style={{ marginBottom: 16 }} />
          )}
          <Descriptions
            column={1}
            size="small"
            bordered
            items={[
              { key: 'name', label: t('people.fullName'), children: p.fullName },
              { key: 'birth', label: t('people.birth'), children: formatBirth(p.birthDate, p.birthYear) },
              {
                key: 'gender',
                label: t('people.gender'),
                children: p.gender === 'F' ? t('people.female') : t('people.male'),
              },
              { key: 'phone', label: t('people.phone'), children: p.phone ?? '—' },
              { key: 'occupation', label: t('people.occupation'), children: p.occupation ?? '—' },
              { key: 'education', label: t('people.education'), children: p.education ?? '—' },
              { key: 'home', label: t('people.address'), children: p.homeAreaName ?? '—' },
              {
                key: 'away',
                label: t('people.awayFromHome'),
                children: p.awayFromHome
                  ? [
                      t('common.yes'),
                      p.awayPlace,
                      p.awaySince ? formatDate(p.awaySince) : null,
                      p.awayContact,
                    ]
                      .filter(Boolean)
                      .join(' · ')
                  : t('common.no'),
              },
              { key: 'nationalId', label: t('people.nationalId'), children: sensitive(p.nationalId) },
              { key: 'ethnicity', label: t('people.ethnicity'), children: sensitive(p.ethnicity) },
              { key: 'religion', label: t('people.religion'), children: sensitive(p.religion) },
              {
                key: 'party',
                label: t('people.partyStatus'),
                children: sensitive(p.partyStatus ? partyLabel(t, p.partyStatus) : null),
              },
            ]}
          />
          <Typography.Title level={3} style={{ fontSize: 16, marginTop: 24 }}>
            {t('people.memberships')}
          </Typography.Title>
          <SimpleList
            bordered
            items={p.memberships}
            rowKey={(m) => `${m.organizationCode}-${m.unitId}`}
            renderItem={(m) => (
              <div>
                <OrgTags memberships={[m]} />
                <Typography.Text strong>{m.unitName}</Typography.Text>
                <div>
                  <Tag color={m.status === 'active' ? 'green' : 'default'}>{statusLabel(t, m.status)}</Tag>
                  {m.position && <Typography.Text type="secondary">{m.position}</Typography.Text>}
                </div>
              </div>
            )}
          />
        </>
      )}
    </Drawer>
  );
}

type T = ReturnType<typeof useTranslation>['t'];

function partyLabel(t: T, status: string): string {
  return t(`people.partyStatuses.${status}` as 'people.partyStatuses.none', { defaultValue: status });
}

export function statusLabel(t: T, status: string): string {
  return t(`people.statuses.${status}` as 'people.statuses.active', { defaultValue: status });
}
