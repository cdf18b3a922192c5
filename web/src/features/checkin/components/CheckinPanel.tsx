import { ExpandOutlined, QrcodeOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Modal, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/client';
import { qk } from '../../../api/keys';
import { formatDateTime } from '../../../lib/format';
import { useCheckinPanel, useCloseCheckin, useOpenCheckin } from '../hooks';
import type { CheckinInfo } from '../types';

const STATE_COLOR = { not_open: 'default', open: 'green', closed: 'red' } as const;
const MINUTES = [15, 30, 60, 120, 240];
const CODE_STYLE = { fontFamily: 'monospace', fontWeight: 700, letterSpacing: '0.15em', lineHeight: 1.1 };

const qrSrc = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;

/** Open now for N minutes, new code, close: the branch head's controls. */
function Controls({ meetingId, info }: { meetingId: number; info: CheckinInfo }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const open = useOpenCheckin(meetingId);
  const close = useCloseCheckin(meetingId);
  const [minutes, setMinutes] = useState(60);
  const state = info.window?.state;
  const run = (p: Promise<unknown>, done: string) =>
    p.then(() => message.success(done)).catch((err: unknown) => message.error(errorMessage(err)));

  return (
    <Space wrap style={{ marginTop: 12 }}>
      <Select
        aria-label={t('checkin.panel.minutes')}
        value={minutes}
        onChange={setMinutes}
        options={MINUTES.map((n) => ({ value: n, label: t('checkin.panel.minutesOption', { n }) }))}
        style={{ width: 120 }}
        size="large"
      />
      <Button
        type="primary"
        size="large"
        loading={open.isPending}
        onClick={() => run(open.mutateAsync({ minutes }), t('checkin.panel.opened'))}
      >
        {t('checkin.panel.open')}
      </Button>
      {info.window && state !== 'closed' && (
        <Button
          size="large"
          onClick={() => run(open.mutateAsync({ newCode: true }), t('checkin.panel.renewed'))}
        >
          {t('checkin.panel.newCode')}
        </Button>
      )}
      {info.window && state !== 'closed' && (
        <Button
          danger
          size="large"
          loading={close.isPending}
          onClick={() =>
            modal.confirm({
              title: t('checkin.panel.closeConfirm'),
              okText: t('checkin.panel.close'),
              cancelText: t('common.cancel'),
              onOk: () => run(close.mutateAsync(undefined), t('checkin.panel.closed')),
            })
          }
        >
          {t('checkin.panel.close')}
        </Button>
      )}
    </Space>
  );
}

/**
 * On the branch head's meeting page: the check-in code in large type, its QR code, the window and the live
 * count of self check-ins (polled while open). New check-ins refresh the roll-call list.
 */
export function CheckinPanel({ meetingId, canManage }: { meetingId: number; canManage: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const panel = useCheckinPanel(meetingId, canManage);
  const [big, setBig] = useState(false);
  const seen = useRef<number | null>(null);
  const count = panel.data?.selfCheckins;

  useEffect(() => {
    if (count === undefined) return;
    if (seen.current !== null && seen.current !== count)
      void qc.invalidateQueries({ queryKey: qk.meeting(meetingId) });
    seen.current = count;
  }, [count, meetingId, qc]);

  if (!canManage) return null;
  const info = panel.data;
  const w = info?.window ?? null;
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title={
        <span>
          <QrcodeOutlined /> {t('checkin.panel.title')}
        </span>
      }
      extra={w && <Tag color={STATE_COLOR[w.state]}>{t(`checkin.panel.states.${w.state}`)}</Tag>}
    >
      {panel.isPending && <Skeleton active paragraph={{ rows: 2 }} />}
      {panel.isError && <Typography.Text type="danger">{panel.error.message}</Typography.Text>}
      {info && !w && <Typography.Paragraph>{t('checkin.panel.noWindow')}</Typography.Paragraph>}
      {info && w && (
        <Flex wrap gap={16} align="center">
          <button
            type="button"
            onClick={() => setBig(true)}
            aria-label={t('checkin.panel.enlarge')}
            style={{ border: 0, padding: 0, background: 'none', cursor: 'zoom-in' }}
          >
            <img
              src={qrSrc(w.qrSvg)}
              alt={t('checkin.panel.qrAlt', { code: w.code })}
              width={150}
              height={150}
            />
          </button>
          <div style={{ minWidth: 0 }}>
            <Typography.Text type="secondary">{t('checkin.panel.code')}</Typography.Text>
            <div style={{ ...CODE_STYLE, fontSize: 44 }}>{w.code}</div>
            <div>
              {t('checkin.panel.window', { from: formatDateTime(w.opensAt), to: formatDateTime(w.closesAt) })}
            </div>
            <Typography.Text strong>
              {t('checkin.panel.selfCount', { count: info.selfCheckins })}
            </Typography.Text>
            {' · '}
            <Typography.Text>
              {t('checkin.panel.attended', { attended: info.attended, invited: info.invited })}
            </Typography.Text>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 0, wordBreak: 'break-all' }}>
              {t('checkin.panel.hint', { url: w.url.replace(/\?.*$/, '') })}
            </Typography.Paragraph>
          </div>
          <Button icon={<ExpandOutlined />} onClick={() => setBig(true)}>
            {t('checkin.panel.enlarge')}
          </Button>
        </Flex>
      )}
      {info && info.meetingStatus !== 'locked' && <Controls meetingId={meetingId} info={info} />}
      {w && (
        <Modal open={big} onCancel={() => setBig(false)} footer={null} width="min(92vw, 720px)" centered>
          <Flex vertical align="center" gap={8}>
            <img
              src={qrSrc(w.qrSvg)}
              alt={t('checkin.panel.qrAlt', { code: w.code })}
              style={{ width: '100%', maxWidth: 520 }}
            />
            <div style={{ ...CODE_STYLE, fontSize: 'min(16vw, 96px)' }}>{w.code}</div>
          </Flex>
        </Modal>
      )}
    </Card>
  );
}
