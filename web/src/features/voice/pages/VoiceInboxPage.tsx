import { Alert, Card, Checkbox, Col, Input, Pagination, Row, Select, Skeleton, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { VOICE_STATUSES } from '../../../../../contracts/voice';
import { PageHeader } from '../../../app/PageHeader';
import { useDebounced } from '../../../lib/useDebounced';
import { useUrlParams } from '../../../lib/useUrlParams';
import { ItemList } from '../components/ItemList';
import { useCategories, useItems } from '../hooks';

/** "/voice" — a branch's or officer's inbox (items now at their units) and everything raised in their scope. */
export default function VoiceInboxPage() {
  const { t } = useTranslation();
  const [params, update] = useUrlParams();
  const box = params.get('box') === 'all' ? 'all' : 'inbox';
  const page = Number(params.get('page')) || 1;
  const q = useDebounced(params.get('q') ?? '', 300);
  const categories = useCategories();
  const query = {
    box,
    page,
    status: params.get('status') ?? undefined,
    categoryCode: params.get('categoryCode') ?? undefined,
    unitId: params.get('unitId') ?? undefined,
    areaId: params.get('areaId') ?? undefined,
    overdue: params.get('overdue') ?? undefined,
    q: q || undefined,
  };
  const items = useItems(query);
  const set = (changes: Record<string, string | null>) => update({ ...changes, page: null });

  return (
    <>
      <PageHeader title={t('voice.inbox.title')} />
      <Tabs
        activeKey={box}
        onChange={(k) => set({ box: k === 'all' ? 'all' : null })}
        items={[
          { key: 'inbox', label: t('voice.inbox.tabInbox') },
          { key: 'all', label: t('voice.inbox.tabAll') },
        ]}
      />
      <Card style={{ marginBottom: 12 }}>
        <Row gutter={[12, 12]}>
          <Col xs={24} md={8}>
            <Input.Search
              aria-label={t('voice.inbox.search')}
              placeholder={t('voice.inbox.search')}
              allowClear
              defaultValue={params.get('q') ?? ''}
              onChange={(e) => set({ q: e.target.value || null })}
            />
          </Col>
          {box === 'all' && (
            <Col xs={12} md={5}>
              <Select
                aria-label={t('voice.inbox.status')}
                placeholder={t('voice.inbox.status')}
                allowClear
                style={{ width: '100%' }}
                value={params.get('status') ?? undefined}
                onChange={(v) => set({ status: v ?? null })}
                options={VOICE_STATUSES.map((s) => ({ value: s, label: t(`voice.statuses.${s}`) }))}
              />
            </Col>
          )}
          <Col xs={12} md={6}>
            <Select
              aria-label={t('voice.inbox.category')}
              placeholder={t('voice.inbox.category')}
              allowClear
              style={{ width: '100%' }}
              value={params.get('categoryCode') ?? undefined}
              onChange={(v) => set({ categoryCode: v ?? null })}
              options={(categories.data?.items ?? []).map((c) => ({ value: c.code, label: c.name }))}
            />
          </Col>
          <Col xs={24} md={5}>
            <Checkbox
              checked={params.get('overdue') === 'true'}
              onChange={(e) => set({ overdue: e.target.checked ? 'true' : null })}
            >
              {t('voice.inbox.overdueOnly')}
            </Checkbox>
          </Col>
        </Row>
      </Card>
      <Card>
        {items.isError && <Alert type="error" showIcon title={items.error.message} />}
        {items.isPending && <Skeleton active />}
        {items.isSuccess && (
          <>
            <ItemList
              showOrigin
              items={items.data.items}
              label={t('voice.inbox.title')}
              empty={t(box === 'inbox' ? 'voice.inbox.emptyInbox' : 'voice.inbox.emptyAll')}
            />
            {items.data.total > items.data.pageSize && (
              <Pagination
                style={{ marginTop: 12 }}
                size="small"
                current={page}
                pageSize={items.data.pageSize}
                total={items.data.total}
                onChange={(p) => update({ page: String(p) })}
              />
            )}
          </>
        )}
      </Card>
    </>
  );
}
