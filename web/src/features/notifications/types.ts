/** Shapes of /api/notifications answers: the contracts' own types (type-only, zod stays out of the bundle). */
export type { NotificationItem, NotificationList } from '../../../../contracts/notifications';
