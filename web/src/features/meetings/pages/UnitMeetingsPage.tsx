import { PlusOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Card, Empty, Flex, Select, Skeleton } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { PageHeader } from '../../../app/PageHeader';
import { useUrlParams } from '../../../lib/useUrlParams';
import { useUnit } from '../../units/hooks';
import { MeetingList } from '../components/MeetingList';
import { PlanMeetingModal } from '../components/PlanMeetingModal';
import { useUnitMeetings } from '../hooks';

/** "/units/:id/meetings" — a branch's meetings for one year, newest first, and the plan button. */
export default function UnitMeetingsPage() {
  const { t } = useTranslation();
  const unitId = Number(useParams().id);
  const [params, update] = useUrlParams();
  const thisYear = dayjs().year();
  const year = Number(params.get('year')) || thisYear;
  const [planOpen, setPlanOpen] = useState(false);
  const unit = useUnit(unitId);
  const meetings = useUnitMeetings(unitId, year);
  const items = [...(meetings.data?.items ?? [])].sort((a, b) => b.scheduledAt.localeCompare(a.scheduledAt));
  const years = Array.from({ length: 6 }, (_, i) => thisYear + 1 - i);

  const planButton = (
    <Button type="primary" size="large" icon={<PlusOutlined />} onClick={() => setPlanOpen(true)}>
      {t('meetings.plan')}
    </Button>
  );

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { title: <Link to={`/units?unit=${unitId}`}>{unit.data?.unit.name ?? t('nav.units')}</Link> },
          { title: t('meetings.menu') },
        ]}
      />
      <PageHeader title={t('meetings.title')} extra={planButton} />
      <Card>
        <Flex align="center" gap={8} wrap style={{ marginBottom: 12 }}>
          <label htmlFor="meetings-year">{t('meetings.year')}</label>
          <Select
            id="meetings-year"
            value={year}
            onChange={(y) => update({ year: String(y) })}
            options={years.map((y) => ({ value: y, label: String(y) }))}
            style={{ width: 110 }}
          />
          <Link to={`/units/${unitId}/member-attendance?year=${year}`}>{t('compliance.members.link')}</Link>
        </Flex>
        {meetings.isError && <Alert type="error" showIcon title={meetings.error.message} />}
        {meetings.isPending && <Skeleton active />}
        {meetings.isSuccess && items.length === 0 && (
          <Empty description={t('meetings.empty')}>{planButton}</Empty>
        )}
        {items.length > 0 && <MeetingList items={items} loading={meetings.isFetching} />}
      </Card>
      <PlanMeetingModal unitId={unitId} open={planOpen} onClose={() => setPlanOpen(false)} />
    </>
  );
}
