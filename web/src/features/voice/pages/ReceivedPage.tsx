import { Alert, Card, Pagination, Segmented, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../app/PageHeader';
import { useUrlParams } from '../../../lib/useUrlParams';
import { ItemList } from '../components/ItemList';
import { useRespondentInbox } from '../hooks';

/** "/voice/received" — a recipient body's inbox: what is addressed to it, open items first by deadline. */
export default function ReceivedPage() {
  const { t } = useTranslation();
  const [params, update] = useUrlParams();
  const page = Number(params.get('page')) || 1;
  const status = params.get('status') ?? 'open';
  const inbox = useRespondentInbox(status === 'all' ? undefined : status, page);
  return (
    <div style={{ maxWidth: 900 }}>
      <PageHeader title={t('voice.received.title')} />
      <Segmented
        style={{ marginBottom: 12 }}
        value={status}
        onChange={(v) => update({ status: String(v), page: null })}
        options={[
          { value: 'open', label: t('voice.statuses.open') },
          { value: 'answered', label: t('voice.statuses.answered') },
          { value: 'all', label: t('voice.inbox.tabAll') },
        ]}
      />
      <Card>
        {inbox.isError && <Alert type="error" showIcon title={inbox.error.message} />}
        {inbox.isPending && <Skeleton active />}
        {inbox.isSuccess && (
          <>
            <ItemList
              showOrigin
              items={inbox.data.items}
              label={t('voice.received.title')}
              empty={t('voice.received.empty')}
            />
            {inbox.data.total > inbox.data.pageSize && (
              <Pagination
                style={{ marginTop: 12 }}
                size="small"
                current={page}
                pageSize={inbox.data.pageSize}
                total={inbox.data.total}
                onChange={(p) => update({ page: String(p) })}
              />
            )}
          </>
        )}
      </Card>
    </div>
  );
}
