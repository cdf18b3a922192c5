import { DeleteOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Empty, Popconfirm, Row, Select, Skeleton, Table } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { type Introduction, PARTY_STAGES, type PartyStage } from '../../../../../contracts/party';
import { ApiError, errorMessage } from '../../../api/client';
import { PageHeader } from '../../../app/PageHeader';
import { formatBirth, formatDate } from '../../../lib/format';
import { useUrlParams } from '../../../lib/useUrlParams';
import { useUnit } from '../../units/hooks';
import { AddIntroductionForm } from '../components/AddIntroductionForm';
import { useDeleteIntroduction, useIntroductions } from '../hooks';

/** "/units/:id/party" — Phát triển Đảng: the unit's members identified, trained, introduced, admitted. */
export default function PartyPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const unitId = Number(useParams().id);
  const valid = Number.isInteger(unitId) && unitId > 0;
  const [params, update] = useUrlParams();
  const stage = (params.get('stage') as PartyStage | null) || undefined;
  const year = Number(params.get('year')) || undefined;
  const unit = useUnit(valid ? unitId : null);
  const list = useIntroductions(unitId, { stage, year });
  const del = useDeleteIntroduction();
  const u = unit.data?.unit;
  const d = list.data;
  const thisYear = dayjs().year();

  // 403: the unit is visible but its Party stages are sensitive data this account may not read.
  if (valid && list.error instanceof ApiError && list.error.status === 403)
    return (
      <Alert
        type="warning"
        showIcon
        title={t('party.forbidden.title')}
        description={
          <>
            <p>{t('party.forbidden.body')}</p>
            <Link to={`/oversight?unitId=${unitId}`}>{t('party.forbidden.toOversight')}</Link>
          </>
        }
      />
    );
  if (!valid || unit.isError || list.isError)
    return (
      <Alert type="error" showIcon title={unit.error?.message ?? list.error?.message ?? t('app.notFound')} />
    );
  if (!u) return <Skeleton active />;

  const remove = async (id: number) => {
    try {
      await del.mutateAsync(id);
      message.success(t('party.deleted'));
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  return (
    <>
      <PageHeader title={t('party.title', { unit: u.name })} />
      {d?.canWrite && <AddIntroductionForm unitId={u.id} organizationCode={u.organizationCode} />}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Row gutter={[12, 12]}>
          <Col xs={24} sm={12} md={8}>
            <Select<string>
              aria-label={t('party.filters.stage')}
              value={stage ?? ''}
              onChange={(v) => update({ stage: v || null })}
              options={[
                { value: '', label: t('party.filters.allStages') },
                ...PARTY_STAGES.map((s) => ({ value: s, label: t(`party.stages.${s}`) })),
              ]}
              style={{ width: '100%' }}
            />
          </Col>
          <Col xs={24} sm={12} md={6}>
            <Select<number>
              aria-label={t('party.filters.year')}
              value={year ?? 0}
              onChange={(v) => update({ year: v ? String(v) : null })}
              options={[
                { value: 0, label: t('party.filters.allYears') },
                ...Array.from({ length: 6 }, (_, i) => thisYear - i).map((y) => ({
                  value: y,
                  label: String(y),
                })),
              ]}
              style={{ width: '100%' }}
            />
          </Col>
        </Row>
      </Card>
      {!d ? (
        <Skeleton active />
      ) : d.items.length === 0 ? (
        <Empty description={d.canWrite ? t('party.empty') : t('party.emptyReadOnly')} />
      ) : (
        <Card styles={{ body: { padding: 0 } }}>
          <Table<Introduction>
            rowKey="id"
            size="small"
            loading={list.isFetching}
            dataSource={d.items}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            scroll={{ x: 720 }}
            columns={[
              {
                title: t('party.columns.name'),
                dataIndex: 'fullName',
                render: (name: string, r) => <Link to={`/people/${r.personId}`}>{name}</Link>,
              },
              {
                title: t('party.columns.birth'),
                key: 'birth',
                render: (_: unknown, r) => formatBirth(r.birthDate, r.birthYear),
              },
              { title: t('party.columns.unit'), dataIndex: 'unitName' },
              {
                title: t('party.columns.stage'),
                dataIndex: 'stage',
                render: (s: PartyStage) => t(`party.stages.${s}`),
              },
              {
                title: t('party.columns.stageOn'),
                dataIndex: 'stageOn',
                render: (v: string) => formatDate(v),
              },
              { title: t('party.columns.decisionNo'), dataIndex: 'decisionNo', render: (v) => v ?? '—' },
              { title: t('party.columns.note'), dataIndex: 'note', render: (v) => v ?? '' },
              ...(d.canWrite
                ? [
                    {
                      title: '',
                      key: 'actions',
                      render: (_: unknown, r: Introduction) => (
                        <Popconfirm title={t('party.deleteConfirm')} onConfirm={() => remove(r.id)}>
                          <Button
                            size="small"
                            danger
                            icon={<DeleteOutlined />}
                            aria-label={`${t('party.delete')} ${r.fullName}`}
                          >
                            {t('party.delete')}
                          </Button>
                        </Popconfirm>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </Card>
      )}
    </>
  );
}
