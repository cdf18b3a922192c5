import { EnvironmentOutlined, QrcodeOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { PageHeader } from '../../../app/PageHeader';
import { formatDateTime } from '../../../lib/format';
import { MeetingKindTag } from '../../meetings/components/tags';
import { useMyMeetings } from '../hooks';
import type { MyMeeting } from '../types';

const ATTENDANCE_COLOR: Record<MyMeeting['attendance'], string> = {
  unknown: 'default',
  present: 'green',
  online: 'blue',
  absent_excused: 'orange',
  absent_unexcused: 'red',
};

function MeetingCard({ m, upcoming }: { m: MyMeeting; upcoming: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const attended = m.attendance === 'present' || m.attendance === 'online';
  return (
    <Card size="small">
      <Flex justify="space-between" align="start" wrap gap={8}>
        <div style={{ minWidth: 0 }}>
          <Typography.Text strong style={{ fontSize: 16 }}>
            {formatDateTime(m.scheduledAt)}
          </Typography.Text>{' '}
          <MeetingKindTag kind={m.kind} />
          <div>{m.unitName}</div>
          <Typography.Text type="secondary">
            {m.place && (
              <>
                <EnvironmentOutlined /> {m.place} ·{' '}
              </>
            )}
            {t(`meetings.modes.${m.mode}`)}
          </Typography.Text>
        </div>
        <Tag color={ATTENDANCE_COLOR[m.attendance]}>{t(`checkin.mine.attendance.${m.attendance}`)}</Tag>
      </Flex>
      {upcoming && (
        <Space wrap style={{ marginTop: 8 }}>
          {m.checkinOpen && !attended && (
            <Button
              type="primary"
              size="large"
              icon={<QrcodeOutlined />}
              onClick={() => navigate('/diem-danh')}
            >
              {t('checkin.mine.checkinNow')}
            </Button>
          )}
          {!m.checkinOpen && !attended && m.checkinOpensAt && new Date(m.checkinOpensAt) > new Date() && (
            <Typography.Text type="secondary">
              {t('checkin.mine.checkinOpens', { time: formatDateTime(m.checkinOpensAt) })}
            </Typography.Text>
          )}
          {m.onlineLink && (
            <Button
              href={m.onlineLink}
              target="_blank"
              rel="noreferrer"
              icon={<VideoCameraOutlined />}
              size="large"
            >
              {t('checkin.mine.joinOnline')}
            </Button>
          )}
        </Space>
      )}
      {attended && m.checkedInAt && (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
          {t('checkin.mine.checkedInAt', { time: formatDateTime(m.checkedInAt) })}
        </Typography.Text>
      )}
    </Card>
  );
}

function Section({
  title,
  items,
  empty,
  upcoming,
}: {
  title: string;
  items: MyMeeting[];
  empty: string;
  upcoming: boolean;
}) {
  return (
    <section style={{ marginBottom: 20 }}>
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {title}
      </Typography.Title>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />
      ) : (
        <Flex vertical gap={8}>
          {items.map((m) => (
            <MeetingCard key={m.id} m={m} upcoming={upcoming} />
          ))}
        </Flex>
      )}
    </section>
  );
}

/** "Cuộc họp của tôi": a member's upcoming and recent meetings with their own attendance. */
export default function MyMeetingsPage() {
  const { t } = useTranslation();
  const mine = useMyMeetings();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        title={t('checkin.mine.title')}
        extra={
          <Button icon={<QrcodeOutlined />} onClick={() => navigate('/diem-danh')}>
            {t('checkin.menu')}
          </Button>
        }
      />
      {mine.isPending && <Skeleton active />}
      {mine.isError && <Alert type="error" showIcon title={mine.error.message} />}
      {mine.data && !mine.data.linked && <Alert type="info" showIcon title={t('checkin.mine.notLinked')} />}
      {mine.data?.linked && (
        <>
          <Section
            title={t('checkin.mine.upcoming')}
            items={mine.data.upcoming}
            empty={t('checkin.mine.noUpcoming')}
            upcoming
          />
          <Section
            title={t('checkin.mine.recent')}
            items={mine.data.recent}
            empty={t('checkin.mine.noRecent')}
            upcoming={false}
          />
        </>
      )}
    </>
  );
}
