import { ArrowUpOutlined, CalculatorOutlined, CheckOutlined, SettingOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Popconfirm,
  Row,
  Select,
  Skeleton,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ClassificationList, ClassificationRow } from '../../../../../contracts/classification';
import { errorMessage } from '../../../api/client';
import type { Role } from '../../../api/types';
import { PageHeader } from '../../../app/PageHeader';
import { useUrlParams } from '../../../lib/useUrlParams';
import { useMe } from '../../auth/hooks';
import { UnitSelect } from '../../units/components/UnitSelect';
import { BranchTable } from '../components/BranchTable';
import { DistributionChart } from '../components/DistributionChart';
import { OverrideModal } from '../components/OverrideModal';
import { useClassification, useConfirmBatch, usePropose } from '../hooks';

/** who may propose and confirm (oversight.manage) and who may edit the criteria (classification.configure) */
const MANAGERS = new Set<Role>(['admin', 'province_officer', 'grassroots_officer']);
export const CONFIGURERS = new Set<Role>(['admin', 'province_officer']);

const thisYear = () =>
  Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date()).slice(0, 4));

/** Per child unit: branches and, per level, confirmed (+ proposed) counts. */
function ChildTable({ list, onOpen }: { list: ClassificationList; onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const rows = list.children.filter((c) => c.branches > 0);
  return (
    <Table
      rowKey="unitId"
      size="small"
      dataSource={rows}
      pagination={rows.length > 10 ? { pageSize: 10, showSizeChanger: false, size: 'small' } : false}
      scroll={{ x: 480 }}
      columns={[
        {
          title: t('classification.unit'),
          key: 'name',
          render: (_, c) => (
            <Button
              type="link"
              style={{ padding: 0, whiteSpace: 'normal', textAlign: 'left' }}
              onClick={() => onOpen(c.unitId)}
            >
              {c.name}
            </Button>
          ),
        },
        { title: t('classification.columns.branches'), dataIndex: 'branches', align: 'right' },
        ...list.levels.map((l, i) => ({
          title: l.name,
          key: l.code,
          align: 'right' as const,
          render: (_: unknown, c: (typeof rows)[number]) => {
            const x = c.levels[i];
            return x ? `${x.confirmed}${x.proposed ? ` (+${x.proposed})` : ''}` : '0';
          },
        })),
      ]}
    />
  );
}

/**
 * "/classification" — the yearly classification of the branches below a unit: the distribution per level, the
 * branches with their proposal and reasons, confirm / override, and the batch confirmation.
 */
export default function ClassificationPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { grants } = useMe();
  const [params, update] = useUrlParams();
  const own = grants.find((g) => g.unitId && g.role !== 'member' && g.role !== 'respondent');
  const unitId = Number(params.get('unitId')) || own?.unitId || null;
  const year = Number(params.get('year')) || thisYear();
  const level = params.get('level') || null;
  const page = Number(params.get('page')) || 1;
  const q = useClassification({ unitId, year, level, page });
  const propose = usePropose();
  const batch = useConfirmBatch();
  const [editing, setEditing] = useState<ClassificationRow | null>(null);
  const canManage = grants.some((g) => MANAGERS.has(g.role));
  const canConfigure = grants.some((g) => CONFIGURERS.has(g.role));
  const d = q.data;
  const none = d && d.distribution.unproposed === d.distribution.branches;
  const open = d ? d.distribution.levels.reduce((n, l) => n + l.proposed, 0) : 0;

  const run = async () => {
    if (!unitId) return;
    try {
      const r = await propose.mutateAsync({ unitId, year });
      message.success(t('classification.proposed', { n: r.branches, kept: r.keptConfirmed }));
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  const confirmAll = async () => {
    if (!unitId) return;
    try {
      const r = await batch.mutateAsync({ unitId, year });
      message.success(t('classification.confirmedAll', { n: r.confirmed }));
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  return (
    <>
      <PageHeader
        title={t('classification.title')}
        extra={
          canConfigure && (
            <Link to="/admin/classification">
              <Button icon={<SettingOutlined />}>{t('classification.settings')}</Button>
            </Link>
          )
        }
      />
      <Card style={{ marginBottom: 12 }}>
        <Row gutter={[12, 12]} align="middle">
          <Col xs={24} md={12} lg={10}>
            <UnitSelect
              aria-label={t('classification.unit')}
              placeholder={t('classification.unitPlaceholder')}
              value={unitId}
              initialLabel={d?.unit.name}
              onChange={(id) => update({ unitId: id ? String(id) : null, page: null })}
            />
          </Col>
          <Col xs={12} md={6} lg={4}>
            <Select<number>
              aria-label={t('classification.year')}
              value={year}
              onChange={(v) => update({ year: String(v), page: null })}
              options={Array.from({ length: 6 }, (_, i) => thisYear() - i).map((y) => ({
                value: y,
                label: String(y),
              }))}
              style={{ width: '100%' }}
            />
          </Col>
          <Col xs={12} md={6} lg={5}>
            <Select<string>
              aria-label={t('classification.levelFilter')}
              value={level ?? ''}
              onChange={(v) => update({ level: v || null, page: null })}
              options={[
                { value: '', label: t('classification.allLevels') },
                ...(d?.levels ?? []).map((l) => ({ value: l.code, label: l.name })),
              ]}
              style={{ width: '100%' }}
            />
          </Col>
        </Row>
        {unitId && (
          <Flex gap={8} wrap style={{ marginTop: 12 }}>
            {canManage && (
              <>
                <Button
                  type="primary"
                  icon={<CalculatorOutlined />}
                  loading={propose.isPending}
                  onClick={() => void run()}
                >
                  {t('classification.propose')}
                </Button>
                <Popconfirm
                  title={t('classification.confirmAllAsk', { year })}
                  onConfirm={() => void confirmAll()}
                  okText={t('classification.confirm')}
                  cancelText={t('classification.cancel')}
                >
                  <Button icon={<CheckOutlined />} loading={batch.isPending} disabled={open === 0}>
                    {t('classification.confirmAll')}
                  </Button>
                </Popconfirm>
              </>
            )}
            {d?.unit.parentId && (
              <Button
                icon={<ArrowUpOutlined />}
                onClick={() => update({ unitId: String(d.unit.parentId), page: null })}
              >
                {t('classification.upLevel')}
              </Button>
            )}
          </Flex>
        )}
      </Card>
      {!unitId && <Empty description={t('classification.chooseUnit')} />}
      {q.isError && <Alert type="error" showIcon title={q.error.message} style={{ marginBottom: 12 }} />}
      {unitId && q.isPending && <Skeleton active />}
      {d && none && <Empty description={t('classification.empty', { year })} />}
      {d && !none && (
        <>
          <Card size="small" title={t('classification.chart')} style={{ marginBottom: 12 }}>
            <DistributionChart distribution={d.distribution} ariaLabel={t('classification.chart')} />
            {d.distribution.unproposed > 0 && (
              <Typography.Text type="secondary">
                {t('classification.unproposed', { n: d.distribution.unproposed })}
              </Typography.Text>
            )}
          </Card>
          {d.children.some((c) => c.branches > 1) && (
            <Card
              size="small"
              title={t('classification.byChild')}
              style={{ marginBottom: 12 }}
              styles={{ body: { padding: 0 } }}
            >
              <ChildTable list={d} onOpen={(id) => update({ unitId: String(id), page: null })} />
            </Card>
          )}
          <Card size="small" styles={{ body: { padding: 0 } }}>
            <BranchTable
              list={d}
              loading={q.isFetching}
              canManage={canManage}
              onOverride={setEditing}
              onPage={(p) => update({ page: String(p) })}
            />
          </Card>
        </>
      )}
      {d && <OverrideModal row={editing} year={d.year} levels={d.levels} onClose={() => setEditing(null)} />}
    </>
  );
}
