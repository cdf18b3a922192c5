import { HomeOutlined, LogoutOutlined, SwapOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Skeleton, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonLifecycle, TransferItem } from '../../../../../contracts/lifecycle';
import { lookup } from '../../../app/i18n/lookup';
import { SimpleList } from '../../../app/SimpleList';
import { formatDate } from '../../../lib/format';
import { statusLabel } from '../../people/components/PersonProfile';
import { type Decision, usePersonLifecycle } from '../hooks';
import { DecisionModal } from './DecisionModal';
import { EndMembershipModal } from './EndMembershipModal';
import { TransferCard } from './TransferCard';
import { type MembershipRef, TransferModal } from './TransferModal';

type Membership = PersonLifecycle['memberships'][number];

/**
 * The life cycle on a profile: each membership (those the actor may see) with its actions — transfer, temporary
 * stay, end — and its dated events, then the transfer and stay requests with the answers the actor may give.
 */
export function LifecyclePanel({ personId, personName }: { personId: number; personName: string }) {
  const { t } = useTranslation();
  const life = usePersonLifecycle(personId);
  const [issue, setIssue] = useState<{ m: MembershipRef; kind: 'transfer' | 'stay' } | null>(null);
  const [ending, setEnding] = useState<MembershipRef | null>(null);
  const [deciding, setDeciding] = useState<{ item: TransferItem; decision: Decision } | null>(null);
  const ref = (m: Membership): MembershipRef => ({
    id: m.id,
    unitId: m.unitId,
    unitName: m.unitName,
    personName,
  });

  if (life.isPending) return <Skeleton active />;
  if (life.isError) return <Alert type="error" showIcon title={life.error.message} />;
  const data = life.data;

  const heading = (text: string) => (
    <Typography.Title level={2} style={{ fontSize: 16, margin: 0, whiteSpace: 'normal' }}>
      {text}
    </Typography.Title>
  );

  return (
    <>
      <Card title={heading(t('lifecycle.history.title'))} size="small" style={{ marginBottom: 16 }}>
        <SimpleList
          items={data.memberships}
          rowKey={(m) => String(m.id)}
          renderItem={(m) => (
            <Flex vertical gap={8}>
              <Flex wrap gap={8} align="center" justify="space-between">
                <span>
                  <Tag>{m.organizationName}</Tag>
                  <Typography.Text strong>{m.unitName}</Typography.Text>{' '}
                  <Tag
                    color={m.status === 'active' ? 'green' : m.status === 'transferring' ? 'blue' : 'default'}
                  >
                    {statusLabel(t, m.status)}
                  </Tag>
                </span>
                <Flex wrap gap={8}>
                  {m.abilities.transfer && (
                    <Button icon={<SwapOutlined />} onClick={() => setIssue({ m: ref(m), kind: 'transfer' })}>
                      {t('lifecycle.actions.transfer')}
                    </Button>
                  )}
                  {m.abilities.stay && (
                    <Button icon={<HomeOutlined />} onClick={() => setIssue({ m: ref(m), kind: 'stay' })}>
                      {t('lifecycle.actions.stay')}
                    </Button>
                  )}
                  {m.abilities.end && (
                    <Button danger icon={<LogoutOutlined />} onClick={() => setEnding(ref(m))}>
                      {t('lifecycle.actions.end')}
                    </Button>
                  )}
                </Flex>
              </Flex>
              {m.events.length === 0 ? (
                <Typography.Text type="secondary">
                  {m.joinedOn ? `${t('lifecycle.history.joined')}: ${formatDate(m.joinedOn)}. ` : ''}
                  {t('lifecycle.history.empty')}
                </Typography.Text>
              ) : (
                <Timeline
                  items={m.events.map((e) => ({
                    key: String(e.id),
                    content: (
                      <>
                        <Typography.Text type="secondary">{formatDate(e.onDate)}</Typography.Text>{' '}
                        <Typography.Text strong>
                          {lookup(t, `lifecycle.history.kinds.${e.kind}`, e.kind)}
                        </Typography.Text>{' '}
                        — {e.unitName}
                        {e.otherUnitName
                          ? ` (${t('lifecycle.history.other', { name: e.otherUnitName })})`
                          : ''}
                        {e.decisionNo ? ` · ${t('lifecycle.history.decision', { no: e.decisionNo })}` : ''}
                        {e.reason ? (
                          <div>
                            <Typography.Text type="secondary">
                              {t('lifecycle.reason')}: {e.reason}
                            </Typography.Text>
                          </div>
                        ) : null}
                      </>
                    ),
                  }))}
                />
              )}
            </Flex>
          )}
        />
      </Card>
      {data.transfers.length > 0 && (
        <Card
          title={heading(t('lifecycle.history.transfersTitle'))}
          size="small"
          style={{ marginBottom: 16 }}
        >
          <SimpleList
            items={data.transfers}
            rowKey={(i) => String(i.id)}
            renderItem={(i) => (
              <TransferCard
                item={i}
                showPerson={false}
                onDecide={(item, decision) => setDeciding({ item, decision })}
              />
            )}
          />
        </Card>
      )}
      <TransferModal
        membership={issue?.m ?? null}
        kind={issue?.kind ?? 'transfer'}
        onClose={() => setIssue(null)}
      />
      <EndMembershipModal
        membership={ending}
        personId={personId}
        canDeath={data.abilities.death}
        onClose={() => setEnding(null)}
      />
      <DecisionModal
        item={deciding?.item ?? null}
        decision={deciding?.decision ?? 'accept'}
        onClose={() => setDeciding(null)}
      />
    </>
  );
}
