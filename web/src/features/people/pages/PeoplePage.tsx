import { SwapOutlined, UploadOutlined, UserAddOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { PageHeader } from '../../../app/PageHeader';
import { formatNumber } from '../../../lib/format';
import { useDebounced } from '../../../lib/useDebounced';
import { useUrlParams } from '../../../lib/useUrlParams';
import { useMe } from '../../auth/hooks';
import { useUnit } from '../../units/hooks';
import { ExportBar } from '../components/ExportBar';
import { MemberFiltersBar } from '../components/MemberFiltersBar';
import { MembersTable } from '../components/MembersTable';
import { PersonDrawer } from '../components/PersonDrawer';
import { usePeople } from '../hooks';
import { FILTER_KEYS, type MemberFilters } from '../types';

/** Roles that may import a member list (the server checks the unit's scope). */
const IMPORTERS = ['admin', 'province_officer', 'grassroots_officer', 'branch_head'];

/** Filters live in the URL, so a filtered list can be shared and survives going to a profile and back. */
function readFilters(params: URLSearchParams): MemberFilters {
  const f = Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? ''])) as unknown as MemberFilters;
  if (!/^\d+$/.test(f.unitId)) f.unitId = '';
  if (!f.status) f.status = 'live';
  return f;
}

/** "Hội viên / Đoàn viên": filters, search, server-paginated table with totals, exports, a profile drawer. */
export default function PeoplePage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [params, setUrl] = useUrlParams();
  const filters = readFilters(params);
  const [search, setSearch] = useState(filters.q);
  const debounced = useDebounced(search.trim(), 350);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [openId, setOpenId] = useState<number | null>(null);
  const unit = useUnit(filters.unitId ? Number(filters.unitId) : null);
  const people = usePeople(filters, page, pageSize);

  const update = (patch: Partial<MemberFilters>) => {
    setPage(1);
    // 'live' is the default status: it stays out of the URL.
    setUrl(
      Object.fromEntries(
        Object.entries(patch).map(([k, v]) => [k, k === 'status' && v === 'live' ? null : v]),
      ),
    );
  };
  // The search box types freely; the URL (and the query) follow once typing pauses.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the debounced text drives this
  useEffect(() => {
    if (debounced !== filters.q) update({ q: debounced });
  }, [debounced]);

  const total = people.data?.total ?? 0;
  const filtered = FILTER_KEYS.some(
    (k) => k !== 'unitId' && filters[k] !== '' && !(k === 'status' && filters[k] === 'live'),
  );
  const unitGrants = me.grants.filter((g) => g.unitId !== null);
  const importUnit = filters.unitId || (unitGrants.length === 1 ? String(unitGrants[0]?.unitId) : '');
  const lifeUnit = useUnit(importUnit ? Number(importUnit) : null);
  const empty = filtered ? (
    t('people.empty')
  ) : (
    <Empty
      description={
        <>
          <Typography.Paragraph strong>
            {importUnit ? t('people.emptyUnit') : t('people.emptyNoUnit')}
          </Typography.Paragraph>
          {importUnit && <Typography.Paragraph>{t('people.emptyUnitHint')}</Typography.Paragraph>}
        </>
      }
    >
      {importUnit && (
        <Button
          type="primary"
          href={`/units/${importUnit}/import`}
          onClick={(e) => {
            e.preventDefault();
            navigate(`/units/${importUnit}/import`);
          }}
        >
          {t('people.importExcel')}
        </Button>
      )}
    </Empty>
  );

  return (
    <>
      <PageHeader
        title={t('people.title')}
        extra={
          importUnit && me.grants.some((g) => IMPORTERS.includes(g.role)) ? (
            <Flex wrap gap={8}>
              <Link to={`/units/${importUnit}/import`}>
                <Button icon={<UploadOutlined />}>{t('people.importExcel')}</Button>
              </Link>
              {/* the member life cycle of the branch: admit, transfers in and out (importers may write both) */}
              {lifeUnit.data?.unit.level === 'branch' && (
                <Link to={`/units/${importUnit}/admit`}>
                  <Button icon={<UserAddOutlined />}>{t('lifecycle.transfers.admit')}</Button>
                </Link>
              )}
              {(lifeUnit.data?.unit.level === 'branch' || lifeUnit.data?.unit.level === 'grassroots') && (
                <Link to={`/units/${importUnit}/transfers`}>
                  <Button icon={<SwapOutlined />}>{t('lifecycle.menu')}</Button>
                </Link>
              )}
            </Flex>
          ) : undefined
        }
      />
      <Card>
        <MemberFiltersBar
          filters={filters}
          search={search}
          onSearch={setSearch}
          onChange={update}
          onClear={() => {
            setSearch('');
            setPage(1);
            setUrl(Object.fromEntries(FILTER_KEYS.filter((k) => k !== 'unitId').map((k) => [k, null])));
          }}
          unitLabel={unit.data?.unit.name}
          party={people.data?.abilities.readSensitive ?? false}
        />
        {people.isError && (
          <Alert type="error" showIcon title={people.error.message} style={{ marginBottom: 12 }} />
        )}
        <Typography.Paragraph strong aria-live="polite">
          {people.data?.totalCapped
            ? t('people.totalsCapped', { people: formatNumber(total) })
            : t('people.totals', {
                people: formatNumber(total),
                memberships: formatNumber(people.data?.totalMemberships ?? 0),
              })}
        </Typography.Paragraph>
        <ExportBar
          filters={filters}
          count={total}
          countCapped={people.data?.totalCapped ?? false}
          sensitiveAllowed={people.data?.abilities.readSensitive ?? false}
        />
        <MembersTable
          items={people.data?.items ?? []}
          loading={people.isFetching}
          total={total}
          page={page}
          pageSize={pageSize}
          onPage={(nextPage, nextSize) => {
            setPage(nextSize !== pageSize ? 1 : nextPage);
            setPageSize(nextSize);
          }}
          onOpen={setOpenId}
          empty={empty}
        />
      </Card>
      <PersonDrawer personId={openId} onClose={() => setOpenId(null)} />
    </>
  );
}
