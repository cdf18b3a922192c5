import { TeamOutlined, UserAddOutlined, UserDeleteOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Card, Checkbox, Flex, Skeleton, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { TransferItem, UnitTransfersQuery } from '../../../../../contracts/lifecycle';
import { lookup } from '../../../app/i18n/lookup';
import { PageHeader } from '../../../app/PageHeader';
import { SimpleList } from '../../../app/SimpleList';
import { useUrlParams } from '../../../lib/useUrlParams';
import { useMe } from '../../auth/hooks';
import { useUnit } from '../../units/hooks';
import { DecisionModal } from '../components/DecisionModal';
import { TransferCard } from '../components/TransferCard';
import { type Decision, useUnitTransfers } from '../hooks';

type Box = UnitTransfersQuery['box'];
const BOXES: Box[] = ['incoming', 'outgoing', 'stays'];
/** roles with 'member.write' (the server checks the unit's scope) */
const WRITERS = ['admin', 'province_officer', 'grassroots_officer', 'branch_head'];

/** /units/:id/transfers — incoming, outgoing and temporary-stay requests of a unit, answered in place. */
export default function TransfersPage() {
  const { t } = useTranslation();
  const unitId = Number(useParams().id);
  const valid = Number.isInteger(unitId) && unitId > 0;
  const [params, setParams] = useUrlParams();
  const box = (BOXES.find((b) => b === params.get('box')) ?? 'incoming') as Box;
  const all = params.get('closed') === '1';
  const unit = useUnit(valid ? unitId : null);
  const list = useUnitTransfers(valid ? unitId : null, box, all);
  const [deciding, setDeciding] = useState<{ item: TransferItem; decision: Decision } | null>(null);
  const u = unit.data?.unit;
  const writer = useMe().grants.some((g) => WRITERS.includes(g.role));
  const counts = list.data?.counts;
  const empty = {
    incoming: t('lifecycle.transfers.emptyIncoming'),
    outgoing: t('lifecycle.transfers.emptyOutgoing'),
    stays: t('lifecycle.transfers.emptyStays'),
  }[box];

  return (
    <>
      <PageHeader
        title={t('lifecycle.transfers.title', { unit: u?.name ?? '' })}
        extra={
          u && (
            <Flex wrap gap={8}>
              <Link to={`/people?unitId=${u.id}`}>
                <Button icon={<TeamOutlined />}>{t('lifecycle.transfers.openPeople')}</Button>
              </Link>
              {writer && u.level === 'branch' && (
                <Link to={`/units/${u.id}/admit`}>
                  <Button icon={<UserAddOutlined />}>{t('lifecycle.transfers.admit')}</Button>
                </Link>
              )}
              {writer && u.level === 'grassroots' && u.organizationCode === 'DOAN' && (
                <Link to={`/units/${u.id}/age-out`}>
                  <Button icon={<UserDeleteOutlined />}>{t('lifecycle.transfers.ageOut')}</Button>
                </Link>
              )}
            </Flex>
          )
        }
      />
      {(unit.isError || !valid) && (
        <Alert type="error" showIcon title={unit.error?.message ?? t('app.notFound')} />
      )}
      {valid && !unit.isError && (
        <Card>
          <Tabs
            activeKey={box}
            onChange={(key) => setParams({ box: key })}
            items={BOXES.map((b) => ({
              key: b,
              label: (
                <Badge count={counts?.[b] ?? 0} size="small" offset={[8, -2]}>
                  {lookup(t, `lifecycle.transfers.${b}`, b)}
                </Badge>
              ),
            }))}
          />
          <Checkbox checked={all} onChange={(e) => setParams({ closed: e.target.checked ? '1' : '' })}>
            {t('lifecycle.transfers.showClosed')}
          </Checkbox>
          <div style={{ marginTop: 12 }} aria-live="polite">
            {list.isPending ? (
              <Skeleton active />
            ) : list.isError ? (
              <Alert type="error" showIcon title={list.error.message} />
            ) : (
              <SimpleList
                bordered
                items={list.data.items}
                rowKey={(i) => String(i.id)}
                empty={empty}
                renderItem={(i) => (
                  <TransferCard item={i} onDecide={(item, decision) => setDeciding({ item, decision })} />
                )}
              />
            )}
          </div>
        </Card>
      )}
      <DecisionModal
        item={deciding?.item ?? null}
        decision={deciding?.decision ?? 'accept'}
        onClose={() => setDeciding(null)}
      />
    </>
  );
}
