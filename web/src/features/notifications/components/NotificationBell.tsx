import { BellOutlined } from '@ant-design/icons';
import { App, Badge, Button, Flex, Popover, Spin, Typography, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../../../api/client';
import { SimpleList } from '../../../app/SimpleList';
import { formatDateTime } from '../../../lib/format';
import { useMarkAllRead, useMarkRead, useNotifications } from '../hooks';
import type { NotificationItem } from '../types';

const PAGE = 10;

function Item({ n, onOpen }: { n: NotificationItem; onOpen: (n: NotificationItem) => void }) {
  const { token } = theme.useToken();
  const unread = !n.readAt;
  return (
    <button
      type="button"
      onClick={() => onOpen(n)}
      style={{
        all: 'unset',
        cursor: 'pointer',
        display: 'block',
        width: '100%',
        boxSizing: 'border-box',
        borderInlineStart: `3px solid ${unread ? token.colorPrimary : 'transparent'}`,
        paddingInlineStart: 8,
      }}
    >
      <Typography.Text strong={unread} style={{ display: 'block' }}>
        {n.title}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
        {n.body}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {formatDateTime(n.createdAt)}
      </Typography.Text>
    </button>
  );
}

/** Header bell: unread badge; opens the newest notifications; a click marks one read and follows its link. */
export function NotificationBell() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [size, setSize] = useState(PAGE);
  const list = useNotifications(size);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const unread = list.data?.unread ?? 0;

  const openItem = (n: NotificationItem) => {
    setOpen(false);
    if (!n.readAt) markRead.mutate(n.id, { onError: (err) => message.error(errorMessage(err)) });
    if (n.link?.startsWith('/')) navigate(n.link);
  };

  const content = (
    <div style={{ width: 'min(340px, calc(100vw - 24px))', maxHeight: '70vh', overflowY: 'auto' }}>
      <Flex justify="space-between" align="center" gap={8} style={{ marginBottom: 8 }}>
        <Typography.Text strong>{t('notifications.title')}</Typography.Text>
        {unread > 0 && (
          <Button
            size="small"
            type="link"
            loading={markAll.isPending}
            onClick={() => markAll.mutate(undefined, { onError: (err) => message.error(errorMessage(err)) })}
          >
            {t('notifications.markAllRead')}
          </Button>
        )}
      </Flex>
      {list.isPending ? (
        <Spin />
      ) : (
        <SimpleList
          aria-label={t('notifications.title')}
          items={list.data?.items ?? []}
          rowKey={(n) => String(n.id)}
          renderItem={(n) => <Item n={n} onOpen={openItem} />}
          empty={t('notifications.empty')}
        />
      )}
      {list.data && list.data.total > list.data.items.length && (
        <Button block type="text" loading={list.isFetching} onClick={() => setSize((s) => s + PAGE)}>
          {t('notifications.more')}
        </Button>
      )}
    </div>
  );

  return (
    <Popover open={open} onOpenChange={setOpen} trigger="click" placement="bottomRight" content={content}>
      <Button
        type="text"
        aria-label={unread > 0 ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell')}
        style={{ color: 'inherit' }}
        icon={
          <Badge count={unread} size="small" overflowCount={99} offset={[2, -2]}>
            <BellOutlined style={{ color: '#fff', fontSize: 18 }} />
          </Badge>
        }
      />
    </Popover>
  );
}
