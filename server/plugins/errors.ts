import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError } from '../lib/errors';

interface Envelope {
  error: { code: string; message: string; details?: unknown; requestId: string };
}

const envelope = (code: string, message: string, requestId: string, details?: unknown): Envelope => ({
  error: details === undefined ? { code, message, requestId } : { code, message, details, requestId },
});

/** One error envelope for every failure; database and internal errors never leak. */
export function registerErrorHandling(app: FastifyInstance, opts: { spaFallback?: boolean } = {}) {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const rid = String(request.id);
    if (err instanceof AppError) {
      return reply.status(err.status).send(envelope(err.code, err.message, rid, err.details));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = err.validation.map((v) => ({
        field: [
          err.validationContext,
          ...(v.instancePath ? v.instancePath.split('/').filter(Boolean) : []),
        ].join('.'),
        message: v.message,
      }));
      const fields = details.map((d) => d.field).join(', ');
      return reply
        .status(400)
        .send(
          envelope(
            'VALIDATION',
            `Dữ liệu không hợp lệ ở: ${fields}. Hãy kiểm tra và nhập lại.`,
            rid,
            details,
          ),
        );
    }
    if (isResponseSerializationError(err)) {
      request.log.error({ err }, 'response serialization failed');
      return reply.status(500).send(envelope('INTERNAL', 'Đã có lỗi hệ thống. Vui lòng thử lại sau.', rid));
    }
    if (err.statusCode === 429) {
      return reply
        .status(429)
        .send(envelope('RATE_LIMITED', 'Bạn thao tác quá nhanh. Vui lòng đợi một lát rồi thử lại.', rid));
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      const message =
        err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
          ? 'Định dạng dữ liệu gửi lên không được hỗ trợ.'
          : err.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
            ? 'Dữ liệu gửi lên quá lớn.'
            : 'Yêu cầu không hợp lệ. Hãy kiểm tra dữ liệu gửi lên.';
      return reply.status(err.statusCode).send(envelope('VALIDATION', message, rid));
    }
    request.log.error({ err }, 'unhandled error');
    return reply.status(500).send(envelope('INTERNAL', 'Đã có lỗi hệ thống. Vui lòng thử lại sau.', rid));
  });

  app.setNotFoundHandler((request, reply) => {
    // Client-side routes of the web app fall back to index.html; unknown /api paths keep the JSON 404.
    // A missing file (a path with an extension, e.g. an old /assets/x.js) stays a 404.
    const path = request.url.split('?')[0] ?? '';
    if (
      opts.spaFallback &&
      request.method === 'GET' &&
      !path.startsWith('/api') &&
      !/\.[a-z0-9]+$/i.test(path)
    ) {
      return reply.sendFile('index.html');
    }
    return reply
      .status(404)
      .send(envelope('NOT_FOUND', 'Không tìm thấy địa chỉ yêu cầu.', String(request.id)));
  });
}
