import { SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, InputNumber, Row, Select, Skeleton, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Criterion, RATE_METRICS } from '../../../../../contracts/classification';
import { errorMessage } from '../../../api/client';
import { PageHeader } from '../../../app/PageHeader';
import { formatDateTime } from '../../../lib/format';
import { useUrlParams } from '../../../lib/useUrlParams';
import { useMe } from '../../auth/hooks';
import { useOrganizations } from '../../units/hooks';
import { useSaveScheme, useScheme } from '../hooks';
import { CONFIGURERS } from './ClassificationPage';

/** Shares are edited as percentages, counts as numbers. */
const isRate = (c: Criterion) => RATE_METRICS.includes(c.metric);
const shown = (c: Criterion, v: number) => (isRate(c) ? Math.round(v * 1000) / 10 : v);
const stored = (c: Criterion, v: number) => (isRate(c) ? v / 100 : v);

/**
 * "/admin/classification" — an organization's classification criteria: one row per criterion, one number input per
 * level (all but the last, which is what is left). For classification.configure holders; the server checks too.
 */
export default function SchemePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { grants } = useMe();
  const [params, update] = useUrlParams();
  const orgs = useOrganizations();
  const mine = grants.find((g) => CONFIGURERS.has(g.role) && g.organizationCode)?.organizationCode;
  const org = params.get('organization') || mine || 'DOAN';
  const scheme = useScheme(org);
  const save = useSaveScheme(org);
  const [criteria, setCriteria] = useState<Criterion[]>([]);
  useEffect(() => setCriteria(scheme.data?.criteria ?? []), [scheme.data]);
  const allowed = grants.some((g) => CONFIGURERS.has(g.role));
  // An administrator (or an area-wide grant) configures every organization; others their own.
  const everyOrg = grants.some((g) => CONFIGURERS.has(g.role) && g.organizationCode === null);
  const s = scheme.data;
  const graded = s ? s.levels.slice(0, -1) : [];
  const last = s?.levels[s.levels.length - 1];

  const set = (key: string, level: string, v: number | null) =>
    setCriteria((cs) =>
      cs.map((c) =>
        c.key === key ? { ...c, thresholds: { ...c.thresholds, [level]: stored(c, v ?? 0) } } : c,
      ),
    );
  const submit = async () => {
    if (!s) return;
    try {
      await save.mutateAsync({ levels: s.levels, criteria });
      message.success(t('classification.scheme.saved'));
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  if (!allowed) return <Alert type="info" showIcon title={t('classification.scheme.noRight')} />;
  return (
    <>
      <PageHeader
        title={t('classification.scheme.title')}
        extra={
          <Button
            type="primary"
            icon={<SaveOutlined />}
            loading={save.isPending}
            disabled={!s}
            onClick={() => void submit()}
          >
            {t('classification.save')}
          </Button>
        }
      />
      <Card style={{ marginBottom: 12 }}>
        <Row gutter={[12, 12]}>
          <Col xs={24} md={10}>
            <Select<string>
              aria-label={t('classification.scheme.organization')}
              value={org}
              onChange={(v) => update({ organization: v })}
              options={(orgs.data ?? [])
                .filter(
                  (o) =>
                    everyOrg || grants.some((g) => CONFIGURERS.has(g.role) && g.organizationCode === o.code),
                )
                .map((o) => ({ value: o.code, label: o.shortNameVi }))}
              style={{ width: '100%' }}
            />
          </Col>
        </Row>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('classification.scheme.help')}
        </Typography.Paragraph>
        {s?.isDefault && (
          <Alert
            type="warning"
            showIcon
            title={t('classification.scheme.isDefault')}
            style={{ marginTop: 8 }}
          />
        )}
        {s && !s.isDefault && (
          <Typography.Text type="secondary">
            {t('classification.scheme.updated', { name: s.updatedBy ?? '', at: formatDateTime(s.updatedAt) })}
          </Typography.Text>
        )}
      </Card>
      {scheme.isError && <Alert type="error" showIcon title={scheme.error.message} />}
      {scheme.isPending && <Skeleton active />}
      {s && (
        <Card size="small" styles={{ body: { padding: 0 } }}>
          <Table<Criterion>
            rowKey="key"
            size="small"
            pagination={false}
            dataSource={criteria}
            scroll={{ x: 200 + graded.length * 130 }}
            columns={[
              {
                title: t('classification.scheme.criterion'),
                key: 'label',
                fixed: 'left',
                width: 180,
                render: (_, c) => (
                  <>
                    <div>{c.label}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {isRate(c) ? t('classification.scheme.percent') : t('classification.scheme.count')}
                    </Typography.Text>
                  </>
                ),
              },
              ...graded.map((l) => ({
                title: l.name,
                key: l.code,
                width: 130,
                render: (_: unknown, c: Criterion) => (
                  <InputNumber
                    aria-label={`${c.label} — ${l.name}`}
                    min={0}
                    max={isRate(c) ? 100 : 100_000}
                    step={isRate(c) ? 5 : 1}
                    value={shown(c, c.thresholds[l.code] ?? 0)}
                    onChange={(v) => set(c.key, l.code, v)}
                    suffix={isRate(c) ? '%' : undefined}
                    style={{ width: '100%' }}
                  />
                ),
              })),
              {
                title: last?.name ?? '',
                key: 'last',
                width: 110,
                render: () => (
                  <Typography.Text type="secondary">{t('classification.scheme.rest')}</Typography.Text>
                ),
              },
            ]}
          />
        </Card>
      )}
    </>
  );
}
