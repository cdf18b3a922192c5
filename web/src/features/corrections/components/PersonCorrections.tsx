import { Badge, Card, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { usePersonCorrections } from '../hooks';
import { CorrectionItem } from './CorrectionItem';

/** On an officer's profile page: the member's pending (and recently decided) proposed corrections. */
export function PersonCorrections({ personId }: { personId: number }) {
  const { t } = useTranslation();
  const q = usePersonCorrections(personId);
  const items = q.data?.items ?? [];
  if (!items.length) return null;
  const pending = items.filter((c) => c.status === 'pending');
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={
        <Flex gap={8} align="center" wrap>
          {t('corrections.person.title')}
          {pending.length > 0 && (
            <Badge
              count={pending.length}
              title={t('corrections.person.pendingCount', { n: pending.length })}
            />
          )}
        </Flex>
      }
      extra={
        pending[0] ? (
          <Link to={`/de-nghi-sua-thong-tin?unit=${pending[0].unitId}`}>{t('corrections.list.title')}</Link>
        ) : null
      }
    >
      <Flex vertical gap={12}>
        {items.map((c) => (
          <CorrectionItem key={c.id} c={c} />
        ))}
      </Flex>
    </Card>
  );
}
