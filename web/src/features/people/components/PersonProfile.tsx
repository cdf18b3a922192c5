import { EyeOutlined, LockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { lookup } from '../../../app/i18n/lookup';
import { SimpleList } from '../../../app/SimpleList';
import { formatBirth, formatDate, formatDateTime } from '../../../lib/format';
import type { PersonDetail } from '../types';
import { OrgTags } from './OrgTags';

type T = ReturnType<typeof useTranslation>['t'];

export function statusLabel(t: T, status: string): string {
  return lookup(t, `people.statuses.${status}`, status);
}
function partyLabel(t: T, status: string): string {
  return lookup(t, `people.partyStatuses.${status}`, status);
}

/** Asks before revealing (the read is audited), then calls `onReveal`. */
export function RevealButton({ onReveal }: { onReveal: () => void }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const ask = () =>
    modal.confirm({
      title: t('people.revealTitle'),
      content: t('people.revealExplain'),
      okText: t('people.reveal'),
      cancelText: t('common.cancel'),
      onOk: onReveal,
    });
  return (
    <Button icon={<EyeOutlined />} onClick={ask}>
      {t('people.reveal')}
    </Button>
  );
}

function Section({
  title,
  extra,
  children,
  plain,
}: {
  title: string;
  extra?: ReactNode;
  children: ReactNode;
  plain: boolean;
}) {
  const heading = (
    <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
      {title}
    </Typography.Title>
  );
  if (!plain) {
    return (
      <Card title={heading} extra={extra} size="small" style={{ marginBottom: 16 }}>
        {children}
      </Card>
    );
  }
  return (
    <section style={{ marginBottom: 20 }}>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        {heading}
        {extra}
      </Flex>
      {children}
    </section>
  );
}

/**
 * A person's profile in sections: identity, working away, sensitive fields (hidden until revealed, the reveal is
 * audited), memberships with positions, history. `plain` lays it out for the drawer, otherwise in cards.
 */
export function PersonProfile({
  p,
  revealed,
  onReveal,
  plain = false,
}: {
  p: PersonDetail;
  revealed: boolean;
  onReveal: () => void;
  plain?: boolean;
}) {
  const { t } = useTranslation();
  const hidden = (
    <Typography.Text type="secondary">
      <LockOutlined /> {t('people.hidden')}
    </Typography.Text>
  );
  const sensitive = (value: string | null) => (value ? value : p.sensitiveHidden ? hidden : '—');
  const dash = (v: string | null | undefined) => v || '—';
  const positions = p.memberships.filter(
    (m) => m.position && (m.status === 'active' || m.status === 'transferring'),
  );
  const events = [
    ...p.memberships.flatMap((m) => [
      ...(m.joinedOn ? [{ at: m.joinedOn, text: `${t('people.joinedOn')} ${m.unitName}` }] : []),
      ...(m.leftOn ? [{ at: m.leftOn, text: `${statusLabel(t, m.status)} — ${m.unitName}` }] : []),
    ]),
    ...p.history.map((h) => ({ at: h.at, text: `${h.action}${h.actorName ? ` (${h.actorName})` : ''}` })),
  ].sort((a, b) => (a.at < b.at ? 1 : -1));
  const descriptions = (items: { key: string; label: string; children: ReactNode }[]) => (
    <Descriptions column={plain ? 1 : { xs: 1, md: 2 }} size="small" bordered items={items} />
  );

  return (
    <>
      <Section title={t('people.sections.identity')} plain={plain}>
        {descriptions([
          { key: 'family', label: t('people.familyName'), children: p.familyName },
          { key: 'given', label: t('people.givenName'), children: p.givenName },
          {
            key: 'birth',
            label: t('people.birth'),
            children: `${formatBirth(p.birthDate, p.birthYear)}${!p.birthDate && p.birthYear ? ` ${t('people.yearOnly')}` : ''}`,
          },
          {
            key: 'gender',
            label: t('people.gender'),
            children: p.gender === 'F' ? t('people.female') : t('people.male'),
          },
          { key: 'phone', label: t('people.phone'), children: dash(p.phone) },
          {
            key: 'home',
            label: t('people.address'),
            children: [p.homeAreaName, p.homeCommuneName].filter(Boolean).join(', ') || '—',
          },
          { key: 'occupation', label: t('people.occupation'), children: dash(p.occupation) },
          { key: 'education', label: t('people.education'), children: dash(p.education) },
        ])}
      </Section>
      <Section title={t('people.sections.away')} plain={plain}>
        {p.awayFromHome
          ? descriptions([
              { key: 'place', label: t('people.awayPlace'), children: dash(p.awayPlace) },
              { key: 'since', label: t('people.awaySince'), children: formatDate(p.awaySince) },
              { key: 'contact', label: t('people.awayContact'), children: dash(p.awayContact) },
            ])
          : t('common.no')}
      </Section>
      <Section
        title={t('people.sections.sensitive')}
        plain={plain}
        extra={p.abilities.revealSensitive && p.sensitiveHidden ? <RevealButton onReveal={onReveal} /> : null}
      >
        {revealed && (
          <Alert type="warning" showIcon title={t('people.revealed')} style={{ marginBottom: 12 }} />
        )}
        {descriptions([
          { key: 'nationalId', label: t('people.nationalId'), children: sensitive(p.nationalId) },
          { key: 'ethnicity', label: t('people.ethnicity'), children: sensitive(p.ethnicity) },
          { key: 'religion', label: t('people.religion'), children: sensitive(p.religion) },
          {
            key: 'party',
            label: t('people.partyStatus'),
            children: sensitive(p.partyStatus ? partyLabel(t, p.partyStatus) : null),
          },
        ])}
      </Section>
      <Section title={t('people.sections.memberships')} plain={plain}>
        <Typography.Paragraph>
          <Typography.Text strong>{t('people.cadrePositions')}: </Typography.Text>
          {positions.length
            ? positions.map((m) => `${m.position} — ${m.unitName}`).join('; ')
            : t('people.noPosition')}
        </Typography.Paragraph>
        <SimpleList
          bordered
          items={p.memberships}
          rowKey={(m) => String(m.id)}
          renderItem={(m) => (
            <Flex vertical gap={2}>
              <div>
                <OrgTags memberships={[m]} />
                <Typography.Text strong>{m.unitName}</Typography.Text>
              </div>
              <div>
                <Tag
                  color={m.status === 'active' ? 'green' : m.status === 'transferring' ? 'blue' : 'default'}
                >
                  {statusLabel(t, m.status)}
                </Tag>
                {m.position && <Tag color="gold">{m.position}</Tag>}
              </div>
              <Typography.Text type="secondary">
                {t('people.joinedOn')}: {formatDate(m.joinedOn)}
                {m.leftOn ? ` · ${t('people.leftOn')}: ${formatDate(m.leftOn)}` : ''}
              </Typography.Text>
            </Flex>
          )}
        />
      </Section>
      <Section title={t('people.sections.history')} plain={plain}>
        {events.length ? (
          <Timeline
            items={events.map((e, i) => ({
              key: `${e.at}-${i}`,
              content: (
                <>
                  <Typography.Text type="secondary">
                    {e.at.length > 10 ? formatDateTime(e.at) : formatDate(e.at)}
                  </Typography.Text>{' '}
                  {e.text}
                </>
              ),
            }))}
          />
        ) : (
          t('people.noHistory')
        )}
      </Section>
    </>
  );
}
