import { Alert, Badge, Card, Pagination, Skeleton, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../app/PageHeader';
import { useUrlParams } from '../../../lib/useUrlParams';
import { DialogueList } from '../components/DialogueList';
import { ItemList } from '../components/ItemList';
import { RaiseForm } from '../components/RaiseForm';
import { useMyDialogues, useMyItems } from '../hooks';

/** The opinions the member sent: a form to send one, and the list with where each stands. */
function MyItems() {
  const { t } = useTranslation();
  const [params, update] = useUrlParams();
  const page = Number(params.get('page')) || 1;
  const mine = useMyItems(page);
  return (
    <>
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
    </>
  );
}

/**
 * "/y-kien-cua-toi" — a member on a phone: send an opinion and follow the ones they sent; "Đối thoại của tôi"
 * lists the dialogues they are invited to (open one to send a question beforehand or read the result).
 */
export default function MyVoicePage() {
  const { t } = useTranslation();
  const [params, update] = useUrlParams();
  const tab = params.get('tab') === 'doi-thoai' ? 'doi-thoai' : 'y-kien';
  const dialogues = useMyDialogues();
  const upcoming = dialogues.data?.items.filter((d) => d.status === 'planned').length ?? 0;
  return (
    <div style={{ maxWidth: 720 }}>
      <PageHeader title={t('voice.mine.title')} />
      <Tabs
        activeKey={tab}
        onChange={(k) => update({ tab: k === 'doi-thoai' ? k : undefined, page: undefined })}
        items={[
          { key: 'y-kien', label: t('voice.myDialogues.itemsTab'), children: <MyItems /> },
          {
            key: 'doi-thoai',
            label: (
              <Badge count={upcoming} size="small" offset={[8, 0]} title={t('voice.myDialogues.upcoming')}>
                {t('voice.myDialogues.title')}
              </Badge>
            ),
            children: (
              <Card>
                <p style={{ marginTop: 0 }}>{t('voice.myDialogues.intro')}</p>
                {dialogues.isError && <Alert type="error" showIcon title={dialogues.error.message} />}
                {dialogues.isPending && <Skeleton active />}
                {dialogues.isSuccess && (
                  <DialogueList
                    items={dialogues.data.items}
                    empty={t('voice.myDialogues.empty')}
                    label={t('voice.myDialogues.title')}
                  />
                )}
              </Card>
            ),
          },
        ]}
      />
    </div>
  );
}
