import {
  ArrowLeftOutlined,
  CheckOutlined,
  FileExcelOutlined,
  FileWordOutlined,
  LockOutlined,
  RollbackOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Popconfirm, Result, Skeleton, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { errorMessage } from '../../../api/client';
import { PageHeader } from '../../../app/PageHeader';
import { formatDate, formatDateTime } from '../../../lib/format';
import { useDownload } from '../../people/hooks';
import { ChildrenTable, FiguresTable } from '../components/FiguresTables';
import { ReportEditor } from '../components/ReportEditor';
import { ReturnModal } from '../components/ReturnModal';
import { ReportStatusTag } from '../components/StatusTags';
import { type ReportStep, useReport, useReportStep } from '../hooks';

/**
 * "/reports/:id" — one periodic report: its document details and narrative (editable while a draft), the
 * figures (live while a draft, frozen from submission), the workflow buttons the actor may use, the history and
 * the downloads.
 */
export default function ReportPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const id = Number(useParams().id);
  const q = useReport(id);
  const stepper = useReportStep(id);
  const download = useDownload();
  const [returning, setReturning] = useState(false);
  const r = q.data;

  if (q.isPending) return <Skeleton active />;
  if (q.isError || !r) {
    return (
      <Result
        status="404"
        title={q.error?.message}
        extra={
          <Link to="/reports">
            <Button icon={<ArrowLeftOutlined />}>{t('reports.back')}</Button>
          </Link>
        }
      />
    );
  }

  const run = (step: ReportStep, reason?: string) =>
    stepper.mutate(
      { step, reason },
      {
        onSuccess: () => {
          message.success(t('reports.done'));
          setReturning(false);
        },
        onError: (err) => {
          message.error(errorMessage(err));
          void q.refetch();
        },
      },
    );
  const get = async (ext: 'docx' | 'xlsx') => {
    try {
      const name = await download.start(ext, `/reports/${id}.${ext}`, {}, `bao-cao-${id}.${ext}`);
      message.success(t('reports.downloaded', { file: name }));
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  const a = r.abilities;
  const busy = stepper.isPending;

  return (
    <>
      <Link to={`/reports?unitId=${r.unit.parentId ?? r.unit.id}&period=${r.period.key}`}>
        <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingLeft: 0 }}>
          {t('reports.back')}
        </Button>
      </Link>
      <PageHeader
        title={`${r.unit.name} — ${r.period.label}`}
        extra={
          <Flex gap={8} wrap>
            <Button
              icon={<FileWordOutlined />}
              onClick={() => void get('docx')}
              loading={download.running === 'docx'}
            >
              {t('reports.docx')}
            </Button>
            <Button
              icon={<FileExcelOutlined />}
              onClick={() => void get('xlsx')}
              loading={download.running === 'xlsx'}
            >
              {t('reports.xlsx')}
            </Button>
          </Flex>
        }
      />
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <ReportStatusTag status={r.status} />
        <Typography.Text type="secondary">{t('reports.due', { date: formatDate(r.dueOn) })}</Typography.Text>
        <span style={{ flex: 1 }} />
        {a.canSubmit && (
          <Popconfirm
            title={t('reports.submitConfirm')}
            onConfirm={() => run('submit')}
            okText={t('reports.submit')}
          >
            <Button type="primary" icon={<SendOutlined />} loading={busy}>
              {t('reports.submit')}
            </Button>
          </Popconfirm>
        )}
        {a.canApprove && (
          <Button type="primary" icon={<CheckOutlined />} onClick={() => run('approve')} loading={busy}>
            {t('reports.approve')}
          </Button>
        )}
        {a.canReturn && (
          <Button danger icon={<RollbackOutlined />} onClick={() => setReturning(true)} disabled={busy}>
            {t('reports.returnBack')}
          </Button>
        )}
        {a.canLock && (
          <Popconfirm
            title={t('reports.lockConfirm')}
            onConfirm={() => run('lock')}
            okText={t('reports.lock')}
          >
            <Button icon={<LockOutlined />} loading={busy}>
              {t('reports.lock')}
            </Button>
          </Popconfirm>
        )}
      </Flex>
      {r.status === 'draft' && r.returnReason && (
        <Alert
          type="warning"
          showIcon
          title={t('reports.returnedBecause', { reason: r.returnReason })}
          style={{ marginBottom: 12 }}
        />
      )}
      <Card size="small" title={t('reports.meta')} style={{ marginBottom: 12 }}>
        <ReportEditor
          report={r}
          onStale={() => {
            message.info(t('reports.stale'));
            void q.refetch();
          }}
        />
      </Card>
      <Card size="small" title={t('reports.figures')} style={{ marginBottom: 12 }}>
        <Typography.Paragraph type="secondary">
          {r.live ? t('reports.liveNote') : t('reports.frozenNote', { at: formatDateTime(r.figuresAt) })}
        </Typography.Paragraph>
        <FiguresTable report={r} />
      </Card>
      {r.children.length > 0 && (
        <Card size="small" title={t('reports.children')} style={{ marginBottom: 12 }}>
          <ChildrenTable report={r} />
        </Card>
      )}
      <Card size="small" title={t('reports.history')}>
        <Timeline
          items={r.events.map((e) => ({
            key: String(e.id),
            color: e.action === 'returned' ? 'red' : e.action === 'locked' ? 'gray' : 'blue',
            content: (
              <div>
                <Typography.Text strong>{t(`reports.events.${e.action}`, e.action)}</Typography.Text>
                <Typography.Text type="secondary">
                  {' '}
                  · {e.actorName ?? '—'} · {formatDateTime(e.at)}
                </Typography.Text>
                {e.reason && <div style={{ whiteSpace: 'pre-line' }}>{e.reason}</div>}
              </div>
            ),
          }))}
        />
      </Card>
      <ReturnModal
        open={returning}
        busy={busy}
        onCancel={() => setReturning(false)}
        onReturn={(reason) => run('return', reason)}
      />
    </>
  );
}
