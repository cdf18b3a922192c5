import { Button, Card, Empty, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Role } from '../../../api/types';
import { useMe } from '../../auth/hooks';
import { useAttention } from '../hooks';
import { AttentionList } from './AttentionList';

const READERS = new Set<Role>([
  'admin',
  'province_officer',
  'grassroots_officer',
  'branch_head',
  'supervisor',
]);
const SHOWN = 3;

/** Home-page card: the most urgent branches of the actor's scope, with a link to the whole list. */
export function AttentionCard() {
  const { t } = useTranslation();
  const { grants } = useMe();
  const enabled = grants.some((g) => READERS.has(g.role));
  const list = useAttention(null, enabled);
  if (!enabled || list.isError) return null;
  const items = list.data?.items ?? [];
  return (
    <Card
      title={t('compliance.attention.title')}
      style={{ marginTop: 16 }}
      extra={
        items.length > SHOWN ? (
          <Link to="/compliance/attention">{t('compliance.attention.more', { count: items.length })}</Link>
        ) : null
      }
    >
      {list.isPending && <Skeleton active />}
      {list.data && items.length === 0 && <Empty description={t('compliance.attention.empty')} />}
      {items.length > 0 && <AttentionList items={items.slice(0, SHOWN)} />}
      {items.length > 0 && (
        <Link to="/compliance/attention">
          <Button style={{ marginTop: 8 }}>{t('compliance.attention.seeAll')}</Button>
        </Link>
      )}
    </Card>
  );
}
