import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { createAuth } from './auth/auth';
import { makeLockout } from './auth/lockout';
import type { Db, DbKind } from './db/client';
import { type Clock, systemClock } from './lib/clock';
import { registerModules } from './modules';
import { VERSION } from './modules/system/system.routes';
import { registerAuth } from './plugins/auth';
import { registerErrorHandling } from './plugins/errors';
import { type RouteEntry, registerRoutePolicy } from './plugins/route-policy';

export interface AppDeps {
  db: Db;
  dbKind: DbKind;
  authSecret: string;
  clock?: Clock;
  publicUrl?: string;
  /** folder with the built web app; served at / when present */
  webDir?: string;
  logLevel?: string;
  signInPerMinute?: number;
  trustProxy?: false | string | ((address: string, hop: number) => boolean);
}

declare module 'fastify' {
  interface FastifyInstance {
    routeCatalog: RouteEntry[];
  }
}

/** Composition root: wires every module; no listen() so tests use app.inject. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const clock = deps.clock ?? systemClock;
  const app = Fastify({
    logger: { level: deps.logLevel ?? 'info' },
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    bodyLimit: 2 * 1024 * 1024,
    trustProxy: deps.trustProxy ?? false,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const catalog: RouteEntry[] = [];
  app.decorate('routeCatalog', catalog);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', String(request.id));
  });

  const serveWeb = !!deps.webDir && existsSync(join(deps.webDir, 'index.html'));
  registerErrorHandling(app, { spaFallback: serveWeb });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
      },
    },
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'DoanHoi API',
        version: VERSION,
        description: 'API của DoanHoi. Mọi lỗi trả về { error: { code, message, details?, requestId } }.',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'doanhoi.session_token' } },
      },
    },
    transform: jsonSchemaTransform,
  });

  const auth = createAuth({
    db: deps.db,
    secret: deps.authSecret,
    baseURL: deps.publicUrl ?? 'http://localhost:3000',
    signInPerMinute: deps.signInPerMinute,
  });
  const lockout = makeLockout(deps.db, clock);

  registerRoutePolicy(app, catalog);
  registerAuth(app, { auth, db: deps.db, lockout });
  await registerModules(app, { db: deps.db, dbKind: deps.dbKind, auth, clock, lockout });

  if (serveWeb && deps.webDir) {
    await app.register(fastifyStatic, { root: deps.webDir, wildcard: false });
  }
  return app;
}
