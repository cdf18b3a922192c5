import type { FastifyRequest } from 'fastify';
import { requireActor } from '../plugins/auth';
import type { RequestContext } from './audit';

/** The request context a service method receives: the signed-in actor, request id and client IP. */
export const ctxOf = (request: FastifyRequest): RequestContext => ({
  actor: requireActor(request),
  requestId: String(request.id),
  ip: request.ip,
});
