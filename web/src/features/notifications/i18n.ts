/** Strings of the notifications feature; merged into app/i18n/vi.ts and en.ts as `notifications`. */
export const notificationsVi = {
  bell: 'Thông báo',
  bellUnread: 'Thông báo, {{count}} chưa đọc',
  title: 'Thông báo',
  markAllRead: 'Đánh dấu đã đọc hết',
  more: 'Xem thêm',
  unread: 'Chưa đọc',
  empty: 'Chưa có thông báo nào. Lịch sinh hoạt sắp tới và việc được phân công sẽ hiện ở đây.',
};

export const notificationsEn: typeof notificationsVi = {
  bell: 'Notifications',
  bellUnread: 'Notifications, {{count}} unread',
  title: 'Notifications',
  markAllRead: 'Mark all as read',
  more: 'Show more',
  unread: 'Unread',
  empty: 'No notifications yet. Upcoming meetings and assignments will show up here.',
};
