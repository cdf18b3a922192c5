import {
  CalendarOutlined,
  EditOutlined,
  MergeCellsOutlined,
  PlusOutlined,
  SwapOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import {
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Skeleton,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { UnitHistoryEntry } from '../../../api/types';
import { lookup } from '../../../app/i18n/lookup';
import { formatDate, formatNumber } from '../../../lib/format';
import { useOrganizations, useUnit } from '../hooks';
import { CreateChildModal, RenameModal } from './UnitEditModals';
import { MergeModal, MoveModal } from './UnitMoveMergeModals';

type Dialog = 'create' | 'rename' | 'move' | 'merge' | null;

interface Props {
  unitId: number | null;
  onSelect: (id: number) => void;
  /** Inside the phone drawer: no card chrome, the drawer shows the name. */
  embedded?: boolean;
}

function describeChange(entry: UnitHistoryEntry): string {
  const show = (v: unknown): string => {
    if (v === null || v === undefined) return '';
    if (typeof v === 'string' || typeof v === 'number') return String(v);
    if (typeof v === 'object' && 'name' in v) return String((v as { name: unknown }).name);
    return JSON.stringify(v);
  };
  const before = show(entry.before);
  const after = show(entry.after);
  if (before && after) return `${before} → ${after}`;
  return after || before;
}

/** Details of the selected unit with the actions its abilities allow. */
export function UnitDetailPanel({ unitId, onSelect, embedded = false }: Props) {
  const { t, i18n } = useTranslation();
  const detail = useUnit(unitId);
  const orgs = useOrganizations();
  const [dialog, setDialog] = useState<Dialog>(null);

  if (!unitId) {
    return (
      <Card>
        <Empty description={t('units.selectHint')} />
      </Card>
    );
  }
  if (detail.isPending) {
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  }
  if (detail.isError) {
    return (
      <Card>
        <Empty description={detail.error.message} />
      </Card>
    );
  }

  const { unit, ancestors, history, abilities } = detail.data;
  const org = orgs.data?.find((o) => o.code === unit.organizationCode);
  const orgName = org ? (i18n.language === 'en' ? org.nameEn : org.nameVi) : unit.organizationCode;
  const close = () => setDialog(null);

  return (
    <Card
      variant={embedded ? 'borderless' : 'outlined'}
      title={
        embedded ? undefined : (
          <Typography.Title level={2} style={{ fontSize: 18, margin: 0, whiteSpace: 'normal' }}>
            {unit.name}
          </Typography.Title>
        )
      }
      aria-label={unit.name}
    >
      {ancestors.length > 0 && (
        <Breadcrumb
          aria-label={t('units.ancestors')}
          style={{ marginBottom: 12 }}
          items={ancestors.map((a) => ({
            title: (
              <Typography.Link
                href={`/units?unit=${a.id}`}
                onClick={(e) => {
                  e.preventDefault();
                  onSelect(a.id);
                }}
              >
                {a.name}
              </Typography.Link>
            ),
          }))}
        />
      )}
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        {unit.difficultArea && <Tag color="orange">{t('units.difficultArea')}</Tag>}
        {!unit.active && <Tag>{t('units.inactive')}</Tag>}
      </Flex>
      <Descriptions
        column={{ xs: 1, sm: 2, lg: 1, xl: 2 }}
        size="small"
        items={[
          { key: 'org', label: t('units.organization'), children: orgName },
          { key: 'level', label: t('units.level'), children: t(`units.levels.${unit.level}`) },
          { key: 'kind', label: t('units.kind'), children: kindLabel(t, unit.kind) },
          { key: 'area', label: t('units.area'), children: unit.areaName ?? '—' },
          { key: 'members', label: t('units.members'), children: formatNumber(unit.memberCount) },
          { key: 'children', label: t('units.children'), children: formatNumber(unit.childCount) },
        ]}
      />
      <Flex gap={8} wrap style={{ marginTop: 16 }}>
        <Link to={`/people?unitId=${unit.id}`}>
          <Button icon={<TeamOutlined />}>{t('units.viewPeople')}</Button>
        </Link>
        {unit.level !== 'province' && (
          <Link to={`/units/${unit.id}/meetings`}>
            <Button icon={<CalendarOutlined />}>{t('meetings.openFromUnit')}</Button>
          </Link>
        )}
        {(unit.level === 'branch' || unit.level === 'grassroots') && (
          <Link to={`/units/${unit.id}/transfers`}>
            <Button icon={<SwapOutlined />}>{t('lifecycle.menu')}</Button>
          </Link>
        )}
        {abilities.readParty && (unit.level === 'branch' || unit.level === 'grassroots') && (
          <Link to={`/units/${unit.id}/party`}>
            <Button icon={<TeamOutlined />}>{t('party.menu')}</Button>
          </Link>
        )}
        {abilities.createChild && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('create')}>
            {t('units.addChild')}
          </Button>
        )}
        {abilities.update && (
          <Button icon={<EditOutlined />} onClick={() => setDialog('rename')}>
            {t('units.rename')}
          </Button>
        )}
        {abilities.move && (
          <Button icon={<SwapOutlined />} onClick={() => setDialog('move')}>
            {t('units.move')}
          </Button>
        )}
        {abilities.merge && (
          <Button danger icon={<MergeCellsOutlined />} onClick={() => setDialog('merge')}>
            {t('units.merge')}
          </Button>
        )}
      </Flex>
      <Typography.Title level={3} style={{ fontSize: 16, marginTop: 24 }}>
        {t('units.history')}
      </Typography.Title>
      {history.length === 0 ? (
        <Typography.Text type="secondary">{t('units.noHistory')}</Typography.Text>
      ) : (
        <Timeline
          items={history.map((h, i) => ({
            key: `${h.at}-${i}`,
            title: formatDate(h.at),
            content: (
              <>
                <Typography.Text strong>{historyLabel(t, h.kind)}</Typography.Text>{' '}
                <Typography.Text>{describeChange(h)}</Typography.Text>
                {h.actorName && (
                  <Typography.Text type="secondary">
                    {' '}
                    · {t('units.by', { name: h.actorName })}
                  </Typography.Text>
                )}
              </>
            ),
          }))}
        />
      )}
      <CreateChildModal detail={detail.data} open={dialog === 'create'} onClose={close} />
      <RenameModal detail={detail.data} open={dialog === 'rename'} onClose={close} />
      <MoveModal detail={detail.data} open={dialog === 'move'} onClose={close} />
      <MergeModal detail={detail.data} open={dialog === 'merge'} onClose={close} />
    </Card>
  );
}

type T = ReturnType<typeof useTranslation>['t'];

function kindLabel(t: T, kind: string): string {
  return lookup(t, `units.kinds.${kind}`, kind);
}

function historyLabel(t: T, kind: string): string {
  return lookup(t, `units.historyKinds.${kind}`, kind);
}
