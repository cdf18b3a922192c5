/** Application errors: a stable code, an HTTP status and a message safe to show users (Vietnamese). */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'VALIDATION'
  | 'CONFLICT'
  | 'ACCOUNT_LOCKED'
  | 'ACCOUNT_DISABLED'
  | 'RATE_LIMITED'
  | 'CSRF'
  | 'INTERNAL';

const STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 400,
  CONFLICT: 409,
  ACCOUNT_LOCKED: 423,
  ACCOUNT_DISABLED: 403,
  RATE_LIMITED: 429,
  CSRF: 403,
  INTERNAL: 500,
};

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.status = STATUS[code];
  }
}

/** "Not found" and "not yours" answer alike, so existence never leaks. */
export const notFound = (what = 'Bản ghi') =>
  new AppError('NOT_FOUND', `${what} không tồn tại hoặc bạn không có quyền xem.`);
export const forbidden = (message = 'Bạn không có quyền thực hiện thao tác này.') =>
  new AppError('FORBIDDEN', message);
export const invalid = (message: string, details?: unknown) => new AppError('VALIDATION', message, details);
export const conflict = (message: string, details?: unknown) => new AppError('CONFLICT', message, details);

/** Narrows a value that must exist (e.g. a row just written); an internal error otherwise. */
export function defined<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`${what} is missing`);
  return value;
}
