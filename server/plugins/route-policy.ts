import type { FastifyInstance } from 'fastify';
import { AppError } from '../lib/errors';
import type { Action } from '../policy/actions';
import { grantsFor } from '../policy/policy';
import { requireActor } from './auth';

/** Every route declares who may call it: anyone, any signed-in user, or holders of an action. */
export type RoutePolicy = 'public' | 'signed-in' | Action;

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: RoutePolicy;
  }
}

export interface RouteEntry {
  method: string;
  url: string;
  policy: RoutePolicy;
}

/**
 * Refuses to start when an /api route has no policy, keeps the catalogue of routes (the authorization
 * matrix test walks it), and checks sign-in and the coarse role check before the handler.
 */
export function registerRoutePolicy(app: FastifyInstance, catalog: RouteEntry[]) {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api')) return;
    const policy = route.config?.policy;
    if (!policy) throw new Error(`Route ${String(route.method)} ${route.url} has no policy`);
    for (const m of [route.method].flat()) {
      if (m === 'HEAD') continue;
      catalog.push({ method: m, url: route.url, policy });
    }
  });

  // preValidation runs before body validation, so an anonymous caller gets 401, never a 400 that probes the schema.
  app.addHook('preValidation', async (request) => {
    const policy = request.routeOptions.config?.policy;
    if (!policy || policy === 'public') return;
    const actor = requireActor(request);
    if (policy !== 'signed-in' && grantsFor(actor, policy).length === 0) {
      throw new AppError('FORBIDDEN', 'Tài khoản của bạn không có quyền dùng chức năng này.');
    }
  });
}
