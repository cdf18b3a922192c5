import { ArrowLeftOutlined, PaperClipOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Collapse,
  Descriptions,
  Flex,
  Skeleton,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { PageHeader } from '../../../app/PageHeader';
import { SimpleList } from '../../../app/SimpleList';
import { formatDate, formatDateTime } from '../../../lib/format';
import { FileUploader } from '../../themes/components/FileUploader';
import { AnswerForm } from '../components/AnswerForm';
import { FeedbackForm } from '../components/FeedbackForm';
import { DeclineForm, ForwardForm } from '../components/RouteForms';
import { StatusTag } from '../components/StatusTag';
import { useCompleteCommitment, useItem, useMerge } from '../hooks';

/** Plain text kept as typed (line breaks shown, never interpreted as markup). */
const textStyle = { whiteSpace: 'pre-wrap', wordBreak: 'break-word' } as const;

/** "/voice/items/:id" — the item, its route and answers, and what the viewer may do with it. */
export default function VoiceItemPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const q = useItem(id);
  const merge = useMerge(id);
  const complete = useCompleteCommitment();

  if (q.isError) return <Alert type="error" showIcon title={q.error.message} />;
  if (q.isPending) return <Skeleton active />;
  const { item, abilities } = q.data;
  const act = abilities.forward || abilities.resolve || abilities.answer || abilities.decline;

  return (
    <div style={{ maxWidth: 900 }}>
      <PageHeader
        title={`${t(`voice.kinds.${item.kind}`)} #${item.id}`}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
            {t('voice.item.back')}
          </Button>
        }
      />
      <Card style={{ marginBottom: 12 }}>
        <Flex wrap gap={6} style={{ marginBottom: 8 }}>
          <StatusTag status={item.effectiveStatus} />
          <Tag>{item.categoryName}</Tag>
          {item.urgency === 'urgent' && <Tag color="red">{t('voice.item.urgent')}</Tag>}
          {item.sourceCount > 1 && (
            <Tag color="purple">{t('voice.item.sources', { count: item.sourceCount })}</Tag>
          )}
          {item.overdue && <Tag color="error">{t('voice.item.overdue')}</Tag>}
        </Flex>
        <Typography.Paragraph style={{ ...textStyle, fontSize: 16 }}>{item.content}</Typography.Paragraph>
        {item.mergedIntoId && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 8 }}
            title={t('voice.item.mergedInto', { id: item.mergedIntoId })}
          />
        )}
        <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
          <Descriptions.Item label={t('voice.item.author')}>
            {item.authorName ?? (
              <Typography.Text type="secondary">{t('voice.item.authorHidden')}</Typography.Text>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('voice.item.branch')}>{item.unitName}</Descriptions.Item>
          <Descriptions.Item label={t('voice.item.area')}>{item.areaName}</Descriptions.Item>
          {item.ownerLabel && (
            <Descriptions.Item label={t('voice.item.owner')}>{item.ownerLabel}</Descriptions.Item>
          )}
          {item.dueAt && (
            <Descriptions.Item label={t('voice.item.due')}>{formatDate(item.dueAt)}</Descriptions.Item>
          )}
        </Descriptions>
      </Card>

      {abilities.feedback && <FeedbackForm itemId={id} />}

      <Card title={t('voice.item.answers')} style={{ marginBottom: 12 }}>
        {q.data.answers.length === 0 && (
          <Typography.Text type="secondary">{t('voice.item.noAnswer')}</Typography.Text>
        )}
        {q.data.answers.map((a) => (
          <div key={a.id} style={{ marginBottom: 12 }}>
            <Typography.Text strong>{a.byLabel}</Typography.Text>{' '}
            <Typography.Text type="secondary">{formatDateTime(a.at)}</Typography.Text>
            <Typography.Paragraph style={textStyle}>{a.body}</Typography.Paragraph>
          </div>
        ))}
        {q.data.commitments.length > 0 && (
          <>
            <Typography.Title level={5}>{t('voice.item.commitments')}</Typography.Title>
            <SimpleList
              aria-label={t('voice.item.commitments')}
              items={q.data.commitments}
              rowKey={(c) => String(c.id)}
              renderItem={(c) => (
                <Flex justify="space-between" align="center" wrap gap={8}>
                  <div>
                    <div style={textStyle}>{c.text}</div>
                    <Typography.Text type={c.late ? 'danger' : 'secondary'} style={{ fontSize: 13 }}>
                      {c.doneAt
                        ? t('voice.item.commitmentDone', { date: formatDate(c.doneAt) })
                        : t('voice.item.commitmentDue', { date: formatDate(c.dueOn) })}
                      {c.late && ` · ${t('voice.item.commitmentLate')}`}
                    </Typography.Text>
                  </div>
                  {abilities.completeCommitments && !c.doneAt && (
                    <Button
                      loading={complete.isPending}
                      onClick={() =>
                        complete.mutate({ id: c.id }, { onError: (e) => message.error(e.message) })
                      }
                    >
                      {t('voice.item.markDone')}
                    </Button>
                  )}
                </Flex>
              )}
            />
          </>
        )}
      </Card>

      {act && (
        <Card style={{ marginBottom: 12 }}>
          <Collapse
            accordion
            items={[
              ...(abilities.forward
                ? [
                    {
                      key: 'forward',
                      label: t('voice.act.forwardTitle'),
                      children: <ForwardForm itemId={id} targets={q.data.targets} />,
                    },
                  ]
                : []),
              ...(abilities.resolve
                ? [
                    {
                      key: 'resolve',
                      label: t('voice.act.resolve'),
                      children: <AnswerForm itemId={id} as="unit" />,
                    },
                  ]
                : []),
              ...(abilities.answer
                ? [
                    {
                      key: 'answer',
                      label: t('voice.act.answer'),
                      children: <AnswerForm itemId={id} as="body" />,
                    },
                  ]
                : []),
              ...(abilities.decline
                ? [
                    {
                      key: 'decline',
                      label: t('voice.act.decline'),
                      children: <DeclineForm itemId={id} targets={q.data.targets} />,
                    },
                  ]
                : []),
            ]}
          />
        </Card>
      )}

      {abilities.merge && q.data.duplicates.length > 0 && (
        <Card title={t('voice.act.duplicates')} style={{ marginBottom: 12 }}>
          <SimpleList
            aria-label={t('voice.act.duplicates')}
            items={q.data.duplicates}
            rowKey={(d) => String(d.id)}
            renderItem={(d) => (
              <Flex justify="space-between" align="center" wrap gap={8}>
                <div style={{ minWidth: 0, flex: '1 1 240px' }}>
                  <Link to={`/voice/items/${d.id}`} style={textStyle}>
                    {d.content}
                  </Link>
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
                    {d.unitName} · {formatDate(d.raisedAt)} ·{' '}
                    {t('voice.act.similarity', { pct: Math.round(d.score * 100) })}
                  </Typography.Text>
                </div>
                <Button
                  loading={merge.isPending}
                  onClick={() =>
                    merge.mutate(
                      { sourceIds: [d.id] },
                      {
                        onSuccess: () => message.success(t('voice.act.merged')),
                        onError: (e) => message.error(e.message),
                      },
                    )
                  }
                >
                  {t('voice.act.merge')}
                </Button>
              </Flex>
            )}
          />
        </Card>
      )}

      {q.data.sources.length > 0 && (
        <Card title={t('voice.item.sourceList')} style={{ marginBottom: 12 }}>
          <SimpleList
            aria-label={t('voice.item.sourceList')}
            items={q.data.sources}
            rowKey={(s) => String(s.id)}
            renderItem={(s) => (
              <div>
                <div style={textStyle}>{s.content}</div>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {s.unitName}
                  {s.authorName && ` · ${s.authorName}`} · {formatDate(s.raisedAt)}
                </Typography.Text>
              </div>
            )}
          />
        </Card>
      )}

      <Card title={t('voice.item.files')} style={{ marginBottom: 12 }}>
        {q.data.files.map((f) => (
          <div key={f.id}>
            <PaperClipOutlined aria-hidden /> <a href={f.url}>{f.fileName}</a>
          </div>
        ))}
        {abilities.attach && (
          <div style={{ marginTop: 8 }}>
            <FileUploader
              action={`/api/voice/items/${id}/files`}
              accept="image/jpeg,image/png,application/pdf"
              label={t('voice.item.attach')}
              hint={t('voice.item.attachHint')}
              onDone={() => q.refetch()}
            />
          </div>
        )}
      </Card>

      <Card title={t('voice.item.timeline')}>
        <Timeline
          items={q.data.timeline.map((e) => ({
            key: String(e.id),
            color:
              e.kind === 'escalated' || e.kind === 'overdue' || e.kind === 'not_satisfied' ? 'red' : 'blue',
            content: (
              <div>
                <Typography.Text strong>{t(`voice.events.${e.kind}`)}</Typography.Text>
                <Typography.Text type="secondary">
                  {' '}
                  · {e.actorLabel} · {formatDateTime(e.at)}
                </Typography.Text>
                {e.note && <div style={textStyle}>{e.note}</div>}
              </div>
            ),
          }))}
        />
      </Card>
    </div>
  );
}
