import { SaveOutlined } from '@ant-design/icons';
import { App, Button, Col, DatePicker, Descriptions, Form, Input, Row, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { NarrativeSection, ReportDetail } from '../../../../../contracts/reports';
import { ApiError, errorMessage } from '../../../api/client';
import { formatDate } from '../../../lib/format';
import { usePatchReport } from '../hooks';

interface Values {
  number: string;
  place: string;
  signedOn: Dayjs | null;
  signerName: string;
  signerTitle: string;
  recipients: string;
  narrative: NarrativeSection[];
}

const valuesOf = (r: ReportDetail): Values => ({
  number: r.number ?? '',
  place: r.place ?? '',
  signedOn: r.signedOn ? dayjs(r.signedOn) : null,
  signerName: r.signerName ?? '',
  signerTitle: r.signerTitle ?? '',
  recipients: r.recipients ?? '',
  narrative: r.narrative,
});

/** The metadata and the narrative sections: editable in a form while the report is a draft, read-only after. */
export function ReportEditor({ report, onStale }: { report: ReportDetail; onStale: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const patch = usePatchReport(report.id);
  const editable = report.abilities.canEdit;

  // A new version from the server (after a save, a step, or a reload) replaces what the form shows.
  useEffect(() => {
    form.setFieldsValue(valuesOf(report));
  }, [form, report]);

  if (!editable) {
    return (
      <>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'number', label: t('reports.number'), children: report.number ?? '—' },
            { key: 'place', label: t('reports.place'), children: report.place ?? '—' },
            { key: 'signedOn', label: t('reports.signedOn'), children: formatDate(report.signedOn) || '—' },
            { key: 'signerName', label: t('reports.signerName'), children: report.signerName ?? '—' },
            { key: 'signerTitle', label: t('reports.signerTitle'), children: report.signerTitle ?? '—' },
            {
              key: 'recipients',
              label: t('reports.recipients'),
              children: <span style={{ whiteSpace: 'pre-line' }}>{report.recipients ?? '—'}</span>,
            },
          ]}
        />
        <Typography.Title level={2} style={{ fontSize: 16, marginTop: 16 }}>
          {t('reports.narrative')}
        </Typography.Title>
        {report.narrative.map((s) => (
          <section key={s.key} style={{ marginBottom: 12 }}>
            <Typography.Text strong>{s.title}</Typography.Text>
            <Typography.Paragraph style={{ whiteSpace: 'pre-line', marginBottom: 0 }}>
              {s.text}
            </Typography.Paragraph>
          </section>
        ))}
      </>
    );
  }

  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const trim = (s: string) => (s.trim() === '' ? null : s.trim());
    patch.mutate(
      {
        version: report.version,
        number: trim(v.number),
        place: trim(v.place),
        signedOn: v.signedOn ? v.signedOn.format('YYYY-MM-DD') : null,
        signerName: trim(v.signerName),
        signerTitle: trim(v.signerTitle),
        recipients: trim(v.recipients),
        narrative: v.narrative.map((s, i) => ({ ...report.narrative[i], ...s })),
      },
      {
        onSuccess: () => message.success(t('reports.saved')),
        onError: (err) => {
          message.error(errorMessage(err));
          if (err instanceof ApiError && err.status === 409) onStale();
        },
      },
    );
  };

  return (
    <Form form={form} layout="vertical" name="report-edit" initialValues={valuesOf(report)}>
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item label={t('reports.number')} name="number" extra={t('reports.numberHint')}>
            <Input maxLength={60} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label={t('reports.place')} name="place">
            <Input maxLength={120} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label={t('reports.signedOn')} name="signedOn">
            <DatePicker format="DD/MM/YYYY" inputReadOnly style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label={t('reports.signerName')} name="signerName">
            <Input maxLength={120} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label={t('reports.signerTitle')} name="signerTitle">
            <Input maxLength={120} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label={t('reports.recipients')} name="recipients">
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        {t('reports.narrative')}
      </Typography.Title>
      <Form.List name="narrative">
        {(fields) =>
          fields.map((f) => (
            <div key={f.key} style={{ marginBottom: 8 }}>
              <Form.Item
                name={[f.name, 'title']}
                label={t('reports.sectionTitle')}
                rules={[{ required: true, whitespace: true, message: t('common.required') }]}
                style={{ marginBottom: 4 }}
              >
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item name={[f.name, 'text']}>
                <Input.TextArea
                  aria-label={report.narrative[f.name]?.title ?? t('reports.narrative')}
                  autoSize={{ minRows: 3, maxRows: 16 }}
                  maxLength={20_000}
                />
              </Form.Item>
            </div>
          ))
        }
      </Form.List>
      <Button type="primary" icon={<SaveOutlined />} onClick={() => void save()} loading={patch.isPending}>
        {t('reports.save')}
      </Button>
    </Form>
  );
}
