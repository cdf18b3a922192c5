import { Drawer, Empty, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useIsMobile } from '../../../lib/useIsMobile';
import { usePerson } from '../hooks';
import { PersonProfile } from './PersonProfile';

/** Quick look at a profile from the list; the full page is one click away. */
export function PersonDrawer({ personId, onClose }: { personId: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  // Each newly opened profile starts masked: a reveal holds for the person it was asked on only.
  const [revealedId, setRevealedId] = useState<number | null>(null);
  const reveal = personId !== null && revealedId === personId;
  const person = usePerson(personId, reveal);

  const p = person.data;
  return (
    <Drawer
      open={Boolean(personId)}
      onClose={onClose}
      size={isMobile ? '100%' : 560}
      title={p?.fullName ?? t('people.profile')}
      destroyOnHidden
      extra={personId ? <Link to={`/people/${personId}`}>{t('people.openProfile')}</Link> : null}
    >
      {person.isPending && <Skeleton active />}
      {person.isError && <Empty description={person.error.message} />}
      {p && <PersonProfile p={p} revealed={reveal} onReveal={() => setRevealedId(personId)} plain />}
    </Drawer>
  );
}
