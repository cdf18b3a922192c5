import {
  Alert,
  Breadcrumb,
  Card,
  Empty,
  Flex,
  Select,
  Skeleton,
  Table,
  type TableProps,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { PageHeader } from '../../../app/PageHeader';
import { useIsMobile } from '../../../lib/useIsMobile';
import { useUrlParams } from '../../../lib/useUrlParams';
import { AttendanceMark, MarksLegend } from '../components/AttendanceMarks';
import { pct } from '../components/ComplianceTable';
import { useMemberAttendance } from '../hooks';
import type { MemberAttendance } from '../types';

type Member = MemberAttendance['members'][number];

/** "/units/:id/member-attendance" — each member's attendance at the branch's meetings over a year. */
export default function MemberAttendancePage() {
  const { t } = useTranslation();
  const unitId = Number(useParams().id);
  const [params, update] = useUrlParams();
  const thisYear = dayjs().year();
  const year = Number(params.get('year')) || thisYear;
  const isMobile = useIsMobile();
  const report = useMemberAttendance(unitId, year);
  const data = report.data;
  const meetings = data?.meetings ?? [];
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i);
  const dayOf = (iso: string) => dayjs(iso).format('DD/MM');

  const columns: TableProps<Member>['columns'] = [
    {
      key: 'name',
      title: t('compliance.members.member'),
      fixed: isMobile ? undefined : 'left',
      render: (_, m, i) => (
        <Flex vertical gap={4}>
          <span>
            {i + 1}. <Typography.Text strong>{m.fullName}</Typography.Text>{' '}
            {m.awayFromHome && (
              <Tag color="purple" style={{ marginInlineEnd: 0 }}>
                {t('compliance.members.away')}
              </Tag>
            )}
          </span>
          {isMobile && meetings.length > 0 && (
            <Flex gap={3} wrap>
              {m.statuses.map((s, j) => (
                <AttendanceMark
                  key={meetings[j]?.id}
                  status={s}
                  label={dayOf(meetings[j]?.scheduledAt ?? '')}
                />
              ))}
            </Flex>
          )}
        </Flex>
      ),
    },
    {
      key: 'attended',
      title: t('compliance.members.attended'),
      align: 'center',
      render: (_, m) => `${m.attended}/${m.invited}`,
    },
    {
      key: 'rate',
      title: t('compliance.members.rate'),
      align: 'right',
      render: (_, m) => (
        <Typography.Text type={m.rate !== null && m.rate < 0.5 ? 'danger' : undefined}>
          {pct(m.rate)}
        </Typography.Text>
      ),
    },
    ...(isMobile
      ? []
      : meetings.map((mt, j) => ({
          key: `m${mt.id}`,
          title: (
            <Link to={`/meetings/${mt.id}`} title={mt.periodLabel}>
              {dayOf(mt.scheduledAt)}
            </Link>
          ),
          align: 'center' as const,
          width: 56,
          render: (_: unknown, m: Member) => (
            <AttendanceMark status={m.statuses[j] ?? null} label={mt.periodLabel} />
          ),
        }))),
  ];

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { title: <Link to={`/units?unit=${unitId}`}>{data?.unit.name ?? t('nav.units')}</Link> },
          { title: <Link to={`/units/${unitId}/meetings?year=${year}`}>{t('meetings.menu')}</Link> },
          { title: t('compliance.members.title') },
        ]}
      />
      <PageHeader title={t('compliance.members.title')} />
      <Card>
        <Flex align="center" gap={8} wrap style={{ marginBottom: 12 }}>
          <label htmlFor="member-attendance-year">{t('meetings.year')}</label>
          <Select
            id="member-attendance-year"
            value={year}
            onChange={(y) => update({ year: String(y) })}
            options={years.map((y) => ({ value: y, label: String(y) }))}
            style={{ width: 110 }}
          />
          {data && meetings.length > 0 && (
            <Typography.Text type="secondary">
              {t('compliance.members.meetingsHeld', { count: meetings.length, year })}
            </Typography.Text>
          )}
        </Flex>
        {report.isError && <Alert type="error" showIcon title={report.error.message} />}
        {report.isPending && <Skeleton active />}
        {data && meetings.length === 0 && <Empty description={t('compliance.members.empty', { year })} />}
        {data && meetings.length > 0 && (
          <>
            <div style={{ marginBottom: 12 }}>
              <MarksLegend />
            </div>
            <Table<Member>
              rowKey="personId"
              size="small"
              columns={columns}
              dataSource={data.members}
              loading={report.isFetching}
              scroll={isMobile ? undefined : { x: 'max-content' }}
              pagination={{ pageSize: 100, hideOnSinglePage: true, showSizeChanger: false }}
            />
          </>
        )}
      </Card>
    </>
  );
}
