/** Error raised for any non-2xx answer; `message` is safe to show to users (Vietnamese from the server). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly requestId: string | undefined;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, requestId?: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.requestId = requestId;
    this.details = details;
  }
}

type Query = Record<string, string | number | boolean | null | undefined>;

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Query;
  signal?: AbortSignal;
}

/** Builds `/api/...?a=b`, dropping empty query values. */
export function apiUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return `/api${path}${qs ? `?${qs}` : ''}`;
}

const FALLBACK_MESSAGE: Record<number, string> = {
  401: 'Bạn chưa đăng nhập hoặc phiên đã hết hạn.',
  403: 'Bạn không có quyền thực hiện thao tác này.',
  404: 'Không tìm thấy dữ liệu.',
  423: 'Tài khoản đang bị khoá.',
  429: 'Bạn thao tác quá nhanh, vui lòng thử lại sau ít phút.',
};

function toApiError(status: number, payload: unknown, headerRequestId: string | null): ApiError {
  const fallback = FALLBACK_MESSAGE[status] ?? 'Đã có lỗi xảy ra, vui lòng thử lại.';
  const requestId = headerRequestId ?? undefined;
  if (payload && typeof payload === 'object') {
    const obj = payload as Record<string, unknown>;
    const env = obj.error;
    if (env && typeof env === 'object') {
      const e = env as Record<string, unknown>;
      return new ApiError(
        status,
        typeof e.code === 'string' ? e.code : `HTTP_${status}`,
        typeof e.message === 'string' && e.message ? e.message : fallback,
        typeof e.requestId === 'string' ? e.requestId : requestId,
        e.details,
      );
    }
    // better-auth answers `{ code, message }` (English); keep the code, callers translate it.
    return new ApiError(
      status,
      typeof obj.code === 'string' ? obj.code : `HTTP_${status}`,
      typeof obj.message === 'string' && obj.message ? obj.message : fallback,
      requestId,
    );
  }
  return new ApiError(status, `HTTP_${status}`, fallback, requestId);
}

/** Typed fetch to our API: same-origin cookies, CSRF marker header, JSON in and out. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'X-Requested-With': 'DoanHoi' };
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let res: Response;
  try {
    res = await fetch(apiUrl(path, options.query), {
      method: options.method ?? 'GET',
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK', 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.');
  }
  const text = await res.text();
  let payload: unknown = null;
  if (text) {
    try {
      payload = JSON.parse(text);
    } catch {
      payload = null;
    }
  }
  if (!res.ok) throw toApiError(res.status, payload, res.headers.get('x-request-id'));
  return payload as T;
}

/** Convenience: message of any thrown value, for antd `message.error`. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error) return err.message;
  return 'Đã có lỗi xảy ra, vui lòng thử lại.';
}
