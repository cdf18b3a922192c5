import { ArrowLeftOutlined, LockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Skeleton, Tabs, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { errorMessage } from '../../../api/client';
import type { MeetingDetail } from '../../../api/types';
import { formatDateTime } from '../../../lib/format';
import { useUrlParams } from '../../../lib/useUrlParams';
import { CheckinPanel } from '../../checkin/components/CheckinPanel';
import { CadresPanel } from '../components/CadresPanel';
import { Discussions } from '../components/Discussions';
import { MinutesForm } from '../components/MinutesForm';
import { RollCall } from '../components/RollCall';
import { SheetAndPhotos } from '../components/SheetAndPhotos';
import { ThemePicker } from '../components/ThemePicker';
import { MeetingKindTag, MeetingStatusTag } from '../components/tags';
import { useLockMeeting, useMeeting } from '../hooks';

function LockButton({ detail }: { detail: MeetingDetail }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const lock = useLockMeeting(detail.meeting.id);
  const { status } = detail.meeting;
  if (!detail.abilities.lock || status === 'locked') return null;
  const button = (
    <Button
      icon={<LockOutlined />}
      size="large"
      disabled={status !== 'held'}
      loading={lock.isPending}
      onClick={() =>
        modal.confirm({
          title: t('meetings.minutes.lockTitle'),
          content: t('meetings.minutes.lockExplain'),
          okText: t('meetings.minutes.lock'),
          cancelText: t('common.cancel'),
          onOk: () =>
            lock
              .mutateAsync(undefined)
              .then(() => {
                message.success(t('meetings.minutes.locked'));
              })
              .catch((err: unknown) => {
                message.error(errorMessage(err));
              }),
        })
      }
    >
      {t('meetings.minutes.lock')}
    </Button>
  );
  return status === 'held' ? button : <Tooltip title={t('meetings.minutes.lockNeedsHeld')}>{button}</Tooltip>;
}

/** "/meetings/:id" — header, roll-call and minutes tabs, lock. */
export default function MeetingPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const [params, update] = useUrlParams();
  const tab = params.get('tab') === 'minutes' ? 'minutes' : 'rollcall';
  const meeting = useMeeting(id);

  if (meeting.isPending) return <Skeleton active />;
  if (meeting.isError) return <Alert type="error" showIcon title={meeting.error.message} />;

  const detail = meeting.data;
  const m = detail.meeting;
  const canRollcall = detail.abilities.rollcall && m.status !== 'locked';

  return (
    <>
      <Link to={`/units/${m.unitId}/meetings`}>
        <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }}>
          {t('meetings.back')}
        </Button>
      </Link>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
            {m.periodLabel} <MeetingStatusTag status={m.status} />
          </Typography.Title>
          <Typography.Text type="secondary">{m.unitName}</Typography.Text>
        </div>
        <LockButton detail={detail} />
      </Flex>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 4 }}
          items={[
            { key: 'date', label: t('meetings.date'), children: formatDateTime(m.scheduledAt) },
            { key: 'kind', label: t('meetings.kind'), children: <MeetingKindTag kind={m.kind} /> },
            { key: 'mode', label: t('meetings.mode'), children: t(`meetings.modes.${m.mode}`) },
            { key: 'place', label: t('meetings.place'), children: m.place ?? '—' },
            ...(m.onlineLink
              ? [
                  {
                    key: 'link',
                    label: t('meetings.form.onlineLink'),
                    children: (
                      <Typography.Link
                        href={m.onlineLink}
                        target="_blank"
                        rel="noreferrer"
                        style={{ wordBreak: 'break-all' }}
                      >
                        {m.onlineLink}
                      </Typography.Link>
                    ),
                  },
                ]
              : []),
            ...(m.lockedAt
              ? [
                  {
                    key: 'locked',
                    label: t('meetings.statuses.locked'),
                    children: formatDateTime(m.lockedAt),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <CheckinPanel meetingId={m.id} canManage={detail.abilities.edit} />
      <CadresPanel meetingId={m.id} locked={m.status === 'locked'} />
      <ThemePicker detail={detail} />
      <Card size="small" styles={{ body: { paddingTop: 0 } }}>
        <Tabs
          activeKey={tab}
          onChange={(key) => update({ tab: key })}
          size="large"
          items={[
            {
              key: 'rollcall',
              label: t('meetings.tabs.rollcall'),
              children: (
                <RollCall
                  meetingId={m.id}
                  rows={detail.attendance}
                  canEdit={canRollcall}
                  locked={m.status === 'locked'}
                />
              ),
            },
            {
              key: 'minutes',
              label: t('meetings.tabs.minutes'),
              children: (
                <>
                  <MinutesForm key={m.lockedAt ?? 'open'} detail={detail} />
                  <Discussions detail={detail} />
                </>
              ),
            },
          ]}
        />
      </Card>
      <SheetAndPhotos detail={detail} />
    </>
  );
}
