/** Strings of the outbox page; merged into app/i18n/vi.ts and en.ts as `outbox`. */
export const outboxVi = {
  title: 'Hộp thư đi (SMS/email)',
  menu: 'Hộp thư đi (SMS/email)',
  intro:
    'Tin nhắn SMS và email hệ thống cần gửi (mã đăng nhập, nhắc lịch sinh hoạt). Khi chưa nối cổng SMS/máy chủ thư, quản trị viên đọc tại đây và chuyển tiếp.',
  at: 'Thời gian',
  channel: 'Kênh',
  recipient: 'Người nhận',
  kind: 'Loại',
  body: 'Nội dung',
  sent: 'Đã gửi',
  pending: 'Chưa gửi',
  all: 'Tất cả kênh',
  empty:
    'Chưa có tin nhắn nào. Tin nhắn sẽ hiện ở đây khi đoàn viên yêu cầu mã đăng nhập hoặc khi có lịch nhắc.',
  kinds: {
    otp: 'Mã đăng nhập',
    meeting_reminder: 'Nhắc buổi sinh hoạt',
    period_reminder: 'Nhắc kỳ sinh hoạt',
  },
};

export const outboxEn: typeof outboxVi = {
  title: 'Outbox (SMS/email)',
  menu: 'Outbox (SMS/email)',
  intro:
    'SMS and email messages the system has to send (sign-in codes, meeting reminders). Until an SMS gateway or mail server is connected, the administrator reads them here and passes them on.',
  at: 'Time',
  channel: 'Channel',
  recipient: 'Recipient',
  kind: 'Kind',
  body: 'Message',
  sent: 'Sent',
  pending: 'Not sent',
  all: 'All channels',
  empty: 'No messages yet. They appear here when a member asks for a sign-in code or a reminder is due.',
  kinds: {
    otp: 'Sign-in code',
    meeting_reminder: 'Meeting reminder',
    period_reminder: 'Period reminder',
  },
};
