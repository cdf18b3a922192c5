import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { PageHeader } from '../../../app/PageHeader';
import { PersonCorrections } from '../../corrections/components/PersonCorrections';
import { LifecyclePanel } from '../../lifecycle/components/LifecyclePanel';
import { OrgTags } from '../components/OrgTags';
import { PersonProfile } from '../components/PersonProfile';
import { usePerson } from '../hooks';

/** /people/:id — the full profile of a member, in sections. */
export default function PersonPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  // A reveal holds for the person it was asked on only.
  const [revealedId, setRevealedId] = useState<number | null>(null);
  const reveal = revealedId === id;
  const person = usePerson(valid ? id : null, reveal);
  const p = person.data;

  return (
    <>
      <Button
        type="link"
        icon={<ArrowLeftOutlined />}
        onClick={() => navigate(-1)}
        style={{ paddingLeft: 0 }}
      >
        {t('people.backToList')}
      </Button>
      <PageHeader
        title={p?.fullName ?? t('people.profile')}
        extra={p ? <OrgTags memberships={p.memberships} /> : null}
      />
      {person.isPending && valid && <Skeleton active />}
      {(person.isError || !valid) && (
        <Alert type="error" showIcon title={person.error?.message ?? t('app.notFound')} />
      )}
      {p && (
        <>
          <Typography.Paragraph type="secondary">
            {p.memberships.map((m) => m.unitName).join(' · ')}
          </Typography.Paragraph>
          <PersonCorrections personId={p.id} />
          <PersonProfile p={p} revealed={reveal} onReveal={() => setRevealedId(id)} />
          <LifecyclePanel personId={p.id} personName={p.fullName} />
        </>
      )}
    </>
  );
}
