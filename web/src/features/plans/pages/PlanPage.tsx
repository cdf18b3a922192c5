import { ArrowLeftOutlined, ArrowUpOutlined, DeleteOutlined, FileExcelOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Flex, Popconfirm, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { errorMessage } from '../../../api/client';
import { PageHeader } from '../../../app/PageHeader';
import { formatDate } from '../../../lib/format';
import { useUrlParams } from '../../../lib/useUrlParams';
import { useDownload } from '../../people/hooks';
import { AdjustTarget } from '../components/AdjustTarget';
import { ChildTable } from '../components/ChildTable';
import { ProgressTable } from '../components/ProgressTable';
import { useDeletePlan, usePlan } from '../hooks';

/**
 * "/plans/:id" — a plan's progress: each target beside the actual figure of the oversight dashboard for the
 * plan's period, at the unit shown (?unitId, the plan's own by default) and per child unit, with drill-down.
 */
export default function PlanPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const [params, update] = useUrlParams();
  const unitId = Number(params.get('unitId')) || null;
  const plan = usePlan(id, unitId);
  const del = useDeletePlan();
  const download = useDownload();
  const d = plan.data;

  if (plan.isError) return <Alert type="error" showIcon title={plan.error.message} />;
  if (!d) return <Skeleton active />;
  const p = d.plan;

  const remove = async () => {
    try {
      await del.mutateAsync(p.id);
      message.success(t('plans.detail.deleted'));
      navigate(`/plans?unitId=${p.unitId}`);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  const exportXlsx = async () => {
    try {
      const query: Record<string, number> = unitId ? { unitId } : {};
      const name = await download.start(
        'xlsx',
        `/plans/${p.id}.xlsx`,
        query,
        `tien-do-ke-hoach-${p.id}.xlsx`,
      );
      message.success(t('plans.detail.exported', { file: name }));
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  return (
    <>
      <PageHeader
        title={p.title}
        extra={
          <Flex gap={8} wrap>
            <Link to={`/plans?unitId=${unitId ?? p.unitId}`}>
              <Button icon={<ArrowLeftOutlined />}>{t('plans.detail.back')}</Button>
            </Link>
            <Button icon={<FileExcelOutlined />} onClick={exportXlsx} loading={download.running === 'xlsx'}>
              {t('plans.detail.export')}
            </Button>
            {p.canManage && (
              <Popconfirm title={t('plans.detail.deleteConfirm')} onConfirm={remove}>
                <Button danger icon={<DeleteOutlined />} loading={del.isPending}>
                  {t('plans.detail.delete')}
                </Button>
              </Popconfirm>
            )}
          </Flex>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Typography.Paragraph style={{ marginBottom: 4 }}>
          <Typography.Text strong>{p.unitName}</Typography.Text>
          {p.number &&
            ` · ${p.issuedOn ? t('plans.detail.issued', { number: p.number, date: formatDate(p.issuedOn) }) : t('plans.detail.numbered', { number: p.number })}`}
          {!p.number && p.issuedOn && ` · ${t('plans.detail.issuedOnly', { date: formatDate(p.issuedOn) })}`}
        </Typography.Paragraph>
        <Typography.Text type="secondary">
          {t('plans.detail.period', {
            label: d.period.label,
            start: formatDate(d.period.start),
            end: formatDate(d.period.end),
          })}
        </Typography.Text>
        {p.body && (
          <Typography.Paragraph style={{ marginTop: 8, whiteSpace: 'pre-line' }}>
            {p.body}
          </Typography.Paragraph>
        )}
      </Card>
      <Card
        size="small"
        title={
          <span style={{ whiteSpace: 'normal' }}>
            {t('plans.detail.unitProgress', { name: d.unit.name })}
          </span>
        }
        style={{ marginBottom: 12 }}
        styles={{ body: { padding: 0 } }}
      >
        {(d.unit.parentId !== null || p.canManage) && (
          <Flex gap={8} wrap style={{ padding: '8px 12px' }}>
            {d.unit.parentId !== null && (
              <Button
                size="small"
                icon={<ArrowUpOutlined />}
                onClick={() => update({ unitId: String(d.unit.parentId) })}
              >
                {t('plans.detail.up')}
              </Button>
            )}
            {p.canManage && (
              <AdjustTarget planId={p.id} unitId={d.unit.unitId} unitName={d.unit.name} rows={d.unit.rows} />
            )}
          </Flex>
        )}
        <ProgressTable rows={d.unit.rows} loading={plan.isFetching} />
      </Card>
      <Card size="small" title={t('plans.detail.childProgress')} styles={{ body: { padding: 0 } }}>
        {d.children.length === 0 ? (
          <Empty description={t('plans.detail.noChildren')} style={{ padding: 16 }} />
        ) : (
          <>
            <Typography.Paragraph type="secondary" style={{ margin: 0, padding: '8px 12px' }}>
              {t('plans.detail.childHint')}
            </Typography.Paragraph>
            <ChildTable
              items={d.children}
              loading={plan.isFetching}
              onOpen={(c) => update({ unitId: String(c.unitId) }, { replace: false })}
            />
          </>
        )}
      </Card>
    </>
  );
}
