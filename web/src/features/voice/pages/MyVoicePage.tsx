import { Alert, Card, Pagination, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../app/PageHeader';
import { useUrlParams } from '../../../lib/useUrlParams';
import { ItemList } from '../components/ItemList';
import { RaiseForm } from '../components/RaiseForm';
import { useMyItems } from '../hooks';

/** "/y-kien-cua-toi" — a member on a phone: send an opinion, follow the ones they sent. */
export default function MyVoicePage() {
  const { t } = useTranslation();
  const [params, update] = useUrlParams();
  const page = Number(params.get('page')) || 1;
  const mine = useMyItems(page);
  return (
    <div style={{ maxWidth: 720 }}>
      <PageHeader title={t('voice.mine.title')} />
      <RaiseForm />
      <Card>
        {mine.isError && <Alert type="error" showIcon title={mine.error.message} />}
        {mine.isPending && <Skeleton active />}
        {mine.isSuccess && (
          <>
            <ItemList items={mine.data.items} empty={t('voice.mine.empty')} label={t('voice.mine.title')} />
            {mine.data.total > mine.data.pageSize && (
              <Pagination
                style={{ marginTop: 12 }}
                size="small"
                current={page}
                pageSize={mine.data.pageSize}
                total={mine.data.total}
                onChange={(p) => update({ page: String(p) })}
              />
            )}
          </>
        )}
      </Card>
    </div>
  );
}
