import { Alert, Button, Card, Flex, List, Popconfirm, Select, Typography } from 'antd';
import { useState } from 'react';
import { useImportsText } from '../i18n';
import type { ImportDetail, ImportField } from '../types';

interface Props {
  job: ImportDetail;
  busy: boolean;
  onCheck(mapping: Record<string, ImportField | null>): void;
  onCancel(): void;
}

/** Each detected column with its sample values and a select of what it holds. */
export function MappingStep({ job, busy, onCheck, onCancel }: Props) {
  const { s, f } = useImportsText();
  const [mapping, setMapping] = useState<Record<string, ImportField | null>>(() =>
    Object.fromEntries(job.columns.map((c) => [String(c.index), c.field])),
  );
  const chosen = Object.values(mapping).filter(Boolean) as ImportField[];
  const twice = new Set(chosen.filter((x, i) => chosen.indexOf(x) !== i));
  const hasName = chosen.includes('fullName') || chosen.includes('givenName');
  const options = [
    { value: '', label: s.mapping.none },
    // Every field the contract knows, in its order: the labels are typed Record<ImportField, string>.
    ...(Object.keys(s.fields) as ImportField[]).map((k) => ({ value: k, label: s.fields[k] })),
  ];
  return (
    <Card title={s.mapping.title}>
      <Typography.Paragraph>
        {f(s.mapping.intro, { row: job.headerRow ?? '?', sheet: job.sheetName ?? '' })}
      </Typography.Paragraph>
      {job.notes.length > 0 && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={job.notes.join(' ')} />
      )}
      <List
        dataSource={job.columns}
        rowKey="index"
        renderItem={(c) => {
          const value = mapping[String(c.index)] ?? null;
          const dup = value !== null && twice.has(value);
          return (
            <List.Item>
              <Flex wrap gap={8} align="center" justify="space-between" style={{ width: '100%' }}>
                <div style={{ minWidth: 0, flex: '1 1 200px' }}>
                  <Typography.Text strong>
                    {f(s.mapping.column, { letter: c.letter })} · {c.header}
                  </Typography.Text>
                  <br />
                  <Typography.Text type="secondary" ellipsis style={{ maxWidth: '100%' }}>
                    {c.samples.length
                      ? f(s.mapping.samples, { values: c.samples.join(' · ') })
                      : s.mapping.noSamples}
                  </Typography.Text>
                </div>
                <div style={{ flex: '1 1 220px', maxWidth: 320 }}>
                  <Select
                    style={{ width: '100%' }}
                    aria-label={f(s.mapping.field, { letter: c.letter, header: c.header })}
                    value={value ?? ''}
                    options={options}
                    status={dup ? 'error' : undefined}
                    onChange={(v: string) =>
                      setMapping((m) => ({ ...m, [String(c.index)]: (v || null) as ImportField | null }))
                    }
                  />
                  {dup && <Typography.Text type="danger">{s.mapping.twice}</Typography.Text>}
                </div>
              </Flex>
            </List.Item>
          );
        }}
      />
      {!hasName && <Alert type="warning" showIcon title={s.mapping.needName} style={{ margin: '12px 0' }} />}
      <Flex wrap gap={8} style={{ marginTop: 12 }}>
        <Button
          type="primary"
          loading={busy}
          disabled={!hasName || twice.size > 0}
          onClick={() => onCheck(mapping)}
        >
          {s.mapping.check}
        </Button>
        {job.abilities.cancel && (
          <Popconfirm title={s.mapping.cancelConfirm} onConfirm={onCancel}>
            <Button danger>{s.mapping.cancel}</Button>
          </Popconfirm>
        )}
      </Flex>
    </Card>
  );
}
