import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Col, Flex, Radio, Row, Space, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { formatNumber } from '../../../lib/format';
import { useImportsText } from '../i18n';
import type { ImportDetail, ImportMode } from '../types';
import { RowsTable } from './RowsTable';

interface Props {
  job: ImportDetail;
  busy: boolean;
  downloading: boolean;
  onCommit(mode: ImportMode, linkDuplicates: boolean): void;
  onRemap(): void;
  onRejected(): void;
}

/** Counts, every row's problems, the choice of mode, and the commit. */
export function PreviewStep({ job, busy, downloading, onCommit, onRemap, onRejected }: Props) {
  const { s, f } = useImportsText();
  const { counts } = job;
  const [mode, setMode] = useState<ImportMode>(counts.invalid > 0 ? 'valid_only' : 'all_or_nothing');
  const [link, setLink] = useState(true);
  const blocked = mode === 'all_or_nothing' && counts.invalid > 0;
  const stats: Array<[string, number, string | undefined]> = [
    [s.preview.total, counts.total, undefined],
    [s.preview.valid, counts.valid, '#389e0d'],
    [s.preview.invalid, counts.invalid, '#cf1322'],
    [s.preview.duplicate, counts.duplicate, '#d46b08'],
  ];
  return (
    <Card title={s.preview.title}>
      <Row gutter={[16, 16]} style={{ marginBottom: 12 }}>
        {stats.map(([label, value, color]) => (
          <Col xs={12} sm={6} key={label}>
            <Statistic
              title={label}
              value={formatNumber(value)}
              styles={{ content: color ? { color } : undefined }}
            />
          </Col>
        ))}
      </Row>
      {job.notes.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {job.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          }
        />
      )}
      {job.error && <Alert type="warning" showIcon title={job.error} style={{ marginBottom: 12 }} />}
      <RowsTable jobId={job.id} />
      <Typography.Title level={2} style={{ fontSize: 16, marginTop: 16 }}>
        {s.preview.mode}
      </Typography.Title>
      <Radio.Group value={mode} onChange={(e) => setMode(e.target.value)} aria-label={s.preview.mode}>
        <Space orientation="vertical">
          <Radio value="valid_only">{f(s.preview.modeValid, { n: formatNumber(counts.valid) })}</Radio>
          <Radio value="all_or_nothing">{s.preview.modeAll}</Radio>
        </Space>
      </Radio.Group>
      {counts.duplicate > 0 && (
        <div style={{ marginTop: 8 }}>
          <Checkbox checked={link} onChange={(e) => setLink(e.target.checked)}>
            {s.preview.link}
          </Checkbox>
        </div>
      )}
      {blocked && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          title={f(s.preview.allBlocked, { n: formatNumber(counts.invalid) })}
        />
      )}
      <Flex wrap gap={8} style={{ marginTop: 16 }}>
        <Button
          type="primary"
          loading={busy}
          disabled={blocked || !job.abilities.commit}
          onClick={() => onCommit(mode, link)}
        >
          {s.preview.commit}
        </Button>
        <Button onClick={onRemap}>{s.preview.remap}</Button>
        {counts.total > counts.valid && (
          <Button icon={<DownloadOutlined />} loading={downloading} onClick={onRejected}>
            {s.preview.rejected}
          </Button>
        )}
      </Flex>
    </Card>
  );
}
