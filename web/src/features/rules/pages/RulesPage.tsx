import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Switch, Table, type TableProps, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganizationRule } from '../../../api/types';
import { lookup } from '../../../app/i18n/lookup';
import { PageHeader } from '../../../app/PageHeader';
import { formatDate } from '../../../lib/format';
import { OrgSelector } from '../../units/components/OrgSelector';
import { useOrganizations } from '../../units/hooks';
import { AddRuleModal } from '../components/AddRuleModal';
import { summarizeRule } from '../components/ruleValue';
import { useRules } from '../hooks';

/** "Quy định tổ chức": rule versions per organization, with effective dates. */
export default function RulesPage() {
  const { t } = useTranslation();
  const orgs = useOrganizations();
  const [picked, setPicked] = useState('');
  const code = picked || orgs.data?.[0]?.code || '';
  const rules = useRules(code);
  const [adding, setAdding] = useState(false);
  const today = dayjs().format('YYYY-MM-DD');
  const [onlyOverrides, setOnlyOverrides] = useState(false);
  const targetLabel = (r: OrganizationRule) =>
    r.unitId !== null
      ? (r.unitName ?? `#${r.unitId}`)
      : r.unitKind
        ? lookup(t, `units.kinds.${r.unitKind}`, r.unitKind)
        : t('rules.allUnitKinds');

  const columns: TableProps<OrganizationRule>['columns'] = [
    {
      key: 'kind',
      title: t('rules.kind'),
      width: 200,
      render: (_, r) => (
        <Flex vertical gap={2} align="start">
          <span>{lookup(t, `rules.kinds.${r.kind}`, r.kind)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('rules.target')}: {targetLabel(r)}
          </Typography.Text>
          {r.unitId !== null && (
            <Tag color="purple" style={{ marginInlineEnd: 0 }}>
              {t('rules.specialUnit')}
            </Tag>
          )}
        </Flex>
      ),
    },
    {
      key: 'value',
      title: t('rules.value'),
      render: (_, r) => (
        <Tooltip title={<pre style={{ margin: 0, fontSize: 12 }}>{JSON.stringify(r.value, null, 2)}</pre>}>
          <span style={{ wordBreak: 'break-word' }}>{summarizeRule(t, r.kind, r.value)}</span>
        </Tooltip>
      ),
    },
    {
      key: 'from',
      title: t('rules.effectiveFrom'),
      render: (_, r) => formatDate(r.effectiveFrom),
      width: 120,
    },
    {
      key: 'to',
      title: t('rules.effectiveTo'),
      render: (_, r) =>
        r.effectiveFrom <= today && (!r.effectiveTo || r.effectiveTo > today) ? (
          <Tag color="green">{t('rules.current')}</Tag>
        ) : (
          formatDate(r.effectiveTo)
        ),
    },
    { key: 'source', title: t('rules.source'), responsive: ['lg'], render: (_, r) => r.source ?? '—' },
  ];

  const sorted = [...(rules.data ?? [])]
    .filter((r) => !onlyOverrides || r.unitId !== null || r.unitKind !== null)
    .sort((a, b) => a.kind.localeCompare(b.kind) || b.effectiveFrom.localeCompare(a.effectiveFrom));

  return (
    <>
      <PageHeader
        title={t('rules.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} disabled={!code}>
            {t('rules.addVersion')}
          </Button>
        }
      />
      <Card>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
          <OrgSelector value={code} onChange={setPicked} allowAll={false} />
          <Flex gap={8} align="center">
            <Switch id="only-overrides" checked={onlyOverrides} onChange={setOnlyOverrides} />
            <label htmlFor="only-overrides">{t('rules.showOverrides')}</label>
          </Flex>
        </Flex>
        {rules.isError && (
          <Alert type="error" showIcon title={rules.error.message} style={{ marginBottom: 12 }} />
        )}
        <Table<OrganizationRule>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={sorted}
          loading={rules.isFetching || orgs.isPending}
          locale={{ emptyText: t('rules.empty') }}
          pagination={false}
        />
      </Card>
      {code && (
        <AddRuleModal code={code} open={adding} onClose={() => setAdding(false)} rules={rules.data ?? []} />
      )}
    </>
  );
}
