import {
  DeleteOutlined,
  EditOutlined,
  PlusOutlined,
  StopOutlined,
  UndoOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Table, type TableProps, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VoiceBodyList, VoiceCategoryList } from '../../../../../contracts/voice';
import { errorMessage } from '../../../api/client';
import { PageHeader } from '../../../app/PageHeader';
import { useUrlParams } from '../../../lib/useUrlParams';
import { AreaSelect } from '../../units/components/AreaSelect';
import { BodyModal, CategoryModal, DeadlineModal, type Editing } from '../components/ConfigModals';
import { LinkAccountModal } from '../components/LinkAccountModal';
import {
  type DeadlineRule,
  useCategories,
  useDeadlines,
  useDeleteDeadline,
  useDirectory,
  usePutCategory,
  useUpdateBody,
} from '../hooks';

type Category = VoiceCategoryList['items'][number];
type Body = VoiceBodyList['items'][number];

function ActiveTag({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return active ? (
    <Tag color="green">{t('voice.config.active')}</Tag>
  ) : (
    <Tag>{t('voice.config.inactive')}</Tag>
  );
}

function CategoriesTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useCategories();
  const put = usePutCategory();
  const [editing, setEditing] = useState<Editing<Category>>(null);
  const toggle = (c: Category) =>
    put.mutate(
      { code: c.code, name: c.name, sortOrder: c.sortOrder ?? 0, active: !c.active },
      {
        onSuccess: () => message.success(t('voice.config.saved')),
        onError: (err) => message.error(errorMessage(err)),
      },
    );
  const columns: TableProps<Category>['columns'] = [
    { key: 'name', title: t('voice.config.categoryName'), dataIndex: 'name' },
    { key: 'code', title: t('voice.config.code'), dataIndex: 'code', responsive: ['sm'] },
    { key: 'order', title: t('voice.config.sortOrder'), dataIndex: 'sortOrder', responsive: ['md'] },
    { key: 'active', title: t('voice.config.status'), render: (_, c) => <ActiveTag active={c.active} /> },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, c) => (
        <Flex gap={4} wrap>
          <Button
            size="small"
            icon={<EditOutlined />}
            onClick={() => setEditing(c)}
            aria-label={`${t('voice.config.edit')} ${c.name}`}
          >
            {t('voice.config.edit')}
          </Button>
          <Button
            size="small"
            danger={c.active}
            icon={c.active ? <StopOutlined /> : <UndoOutlined />}
            onClick={() => toggle(c)}
            aria-label={`${c.active ? t('voice.config.deactivate') : t('voice.config.reactivate')} ${c.name}`}
          >
            {c.active ? t('voice.config.deactivate') : t('voice.config.reactivate')}
          </Button>
        </Flex>
      ),
    },
  ];
  return (
    <Card>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('voice.config.categoriesIntro')}</Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('voice.config.addCategory')}
        </Button>
      </Flex>
      {list.isError && <Alert type="error" showIcon title={list.error.message} />}
      <Table<Category>
        rowKey="code"
        size="small"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        locale={{ emptyText: t('voice.config.categoriesEmpty') }}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
      <CategoryModal editing={editing} onClose={() => setEditing(null)} />
    </Card>
  );
}

function DeadlinesTab() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const list = useDeadlines();
  const categories = useCategories();
  const remove = useDeleteDeadline();
  const [editing, setEditing] = useState<Editing<DeadlineRule>>(null);
  const nameOf = (code: string) =>
    code === '*'
      ? t('voice.config.everyCategory')
      : (categories.data?.items.find((c) => c.code === code)?.name ?? code);
  const confirmRemove = (r: DeadlineRule) =>
    modal.confirm({
      title: t('voice.config.removeDeadlineTitle'),
      content: t('voice.config.removeDeadlineText', {
        category: nameOf(r.categoryCode),
        level: t(`voice.levels.${r.level}`),
      }),
      okText: t('voice.config.removeDeadline'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        remove.mutateAsync(r).then(
          () => message.success(t('voice.config.saved')),
          (err) => message.error(errorMessage(err)),
        ),
    });
  const columns: TableProps<DeadlineRule>['columns'] = [
    {
      key: 'category',
      title: t('voice.form.category'),
      render: (_, r) =>
        r.categoryCode === '*' ? <strong>{nameOf(r.categoryCode)}</strong> : nameOf(r.categoryCode),
    },
    { key: 'level', title: t('voice.config.level'), render: (_, r) => t(`voice.levels.${r.level}`) },
    {
      key: 'days',
      title: t('voice.config.days'),
      render: (_, r) => t('voice.config.daysValue', { count: r.days }),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, r) => {
        const label = `${nameOf(r.categoryCode)} – ${t(`voice.levels.${r.level}`)}`;
        return (
          <Flex gap={4} wrap>
            <Button
              size="small"
              icon={<EditOutlined />}
              onClick={() => setEditing(r)}
              aria-label={`${t('voice.config.edit')} ${label}`}
            >
              {t('voice.config.edit')}
            </Button>
            {r.categoryCode !== '*' && (
              <Button
                size="small"
                danger
                icon={<DeleteOutlined />}
                onClick={() => confirmRemove(r)}
                aria-label={`${t('voice.config.removeDeadline')} ${label}`}
              >
                {t('voice.config.removeDeadline')}
              </Button>
            )}
          </Flex>
        );
      },
    },
  ];
  return (
    <Card>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('voice.config.deadlinesIntro')}</Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('voice.config.addDeadline')}
        </Button>
      </Flex>
      {list.isError && <Alert type="error" showIcon title={list.error.message} />}
      <Table<DeadlineRule>
        rowKey={(r) => `${r.categoryCode}:${r.level}`}
        size="small"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        locale={{ emptyText: t('voice.config.deadlinesEmpty') }}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
      <DeadlineModal
        editing={editing}
        categories={categories.data?.items ?? []}
        onClose={() => setEditing(null)}
      />
    </Card>
  );
}

function BodiesTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [params, update] = useUrlParams();
  const areaId = Number(params.get('areaId')) || null;
  const list = useDirectory(areaId);
  const every = useDirectory(null);
  const save = useUpdateBody();
  const [editing, setEditing] = useState<Editing<Body>>(null);
  const [linking, setLinking] = useState<Body | null>(null);
  const all = every.data?.items ?? [];
  const nameOf = (id: number | null) =>
    id === null ? null : (all.find((b) => b.id === id)?.name ?? `#${id}`);
  const toggle = (b: Body) =>
    save.mutate(
      { id: b.id, name: b.name, kind: b.kind, escalatesToId: b.escalatesToId, active: !b.active },
      {
        onSuccess: () => message.success(t('voice.config.saved')),
        onError: (err) => message.error(errorMessage(err)),
      },
    );
  const columns: TableProps<Body>['columns'] = [
    { key: 'name', title: t('voice.config.bodyName'), dataIndex: 'name' },
    {
      key: 'kind',
      title: t('voice.config.kind'),
      render: (_, b) => t(`voice.config.kinds.${b.kind}`),
      responsive: ['sm'],
    },
    { key: 'area', title: t('voice.config.area'), dataIndex: 'areaName', responsive: ['md'] },
    {
      key: 'up',
      title: t('voice.config.escalatesTo'),
      responsive: ['md'],
      render: (_, b) =>
        nameOf(b.escalatesToId) ?? (
          <Typography.Text type="secondary">{t('voice.config.noEscalation')}</Typography.Text>
        ),
    },
    { key: 'active', title: t('voice.config.status'), render: (_, b) => <ActiveTag active={b.active} /> },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, b) => (
        <Flex gap={4} wrap>
          <Button
            size="small"
            icon={<EditOutlined />}
            onClick={() => setEditing(b)}
            aria-label={`${t('voice.config.edit')} ${b.name}`}
          >
            {t('voice.config.edit')}
          </Button>
          {b.active && (
            <Button
              size="small"
              icon={<UserAddOutlined />}
              onClick={() => setLinking(b)}
              aria-label={`${t('voice.config.linkAccount')} ${b.name}`}
            >
              {t('voice.config.linkAccount')}
            </Button>
          )}
          <Button
            size="small"
            danger={b.active}
            icon={b.active ? <StopOutlined /> : <UndoOutlined />}
            onClick={() => toggle(b)}
            aria-label={`${b.active ? t('voice.config.deactivate') : t('voice.config.reactivate')} ${b.name}`}
          >
            {b.active ? t('voice.config.deactivate') : t('voice.config.reactivate')}
          </Button>
        </Flex>
      ),
    },
  ];
  return (
    <Card>
      <Typography.Paragraph type="secondary">{t('voice.config.bodiesIntro')}</Typography.Paragraph>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <div style={{ width: '100%', maxWidth: 360 }}>
          <label htmlFor="voice-config-area" style={{ display: 'block', marginBottom: 4 }}>
            {t('voice.config.areaFilter')}
          </label>
          <AreaSelect
            id="voice-config-area"
            allowClear
            value={areaId}
            onChange={(v) => update({ areaId: v ? String(v) : undefined })}
          />
        </div>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('voice.config.addBody')}
        </Button>
      </Flex>
      {list.isError && <Alert type="error" showIcon title={list.error.message} />}
      <Table<Body>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        locale={{ emptyText: t('voice.config.bodiesEmpty') }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        expandable={{
          expandedRowRender: (b) => (
            <Typography.Text type="secondary">
              {t('voice.config.area')}: {b.areaName} · {t('voice.config.escalatesTo')}:{' '}
              {nameOf(b.escalatesToId) ?? t('voice.config.noEscalation')}
            </Typography.Text>
          ),
          rowExpandable: () => true,
        }}
      />
      <BodyModal editing={editing} bodies={all} onClose={() => setEditing(null)} />
      <LinkAccountModal body={linking} onClose={() => setLinking(null)} />
    </Card>
  );
}

const TABS = ['linh-vuc', 'thoi-han', 'co-quan'] as const;

/** "/admin/voice" — what the voice area lets administrators configure: categories, deadlines, recipient bodies. */
export default function VoiceConfigPage() {
  const { t } = useTranslation();
  const [params, update] = useUrlParams();
  const tab = TABS.find((k) => k === params.get('tab')) ?? 'linh-vuc';
  return (
    <div style={{ maxWidth: 1100 }}>
      <PageHeader title={t('voice.config.title')} />
      <Tabs
        activeKey={tab}
        onChange={(k) => update({ tab: k === 'linh-vuc' ? undefined : k, areaId: undefined })}
        items={[
          { key: 'linh-vuc', label: t('voice.config.categories'), children: <CategoriesTab /> },
          { key: 'thoi-han', label: t('voice.config.deadlines'), children: <DeadlinesTab /> },
          { key: 'co-quan', label: t('voice.config.bodies'), children: <BodiesTab /> },
        ]}
      />
    </div>
  );
}
