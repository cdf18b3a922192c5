import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { MAX_FILE_BYTES } from '../contracts/files';
import { createAuth } from './auth/auth';
import { makeLockout } from './auth/lockout';
import { makePhoneLimiter } from './auth/phone-limit';
import type { Db, DbKind } from './db/client';
import { type Clock, systemClock } from './lib/clock';
import { makeOutboxSender, type Sender } from './lib/sender';
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
  /** delivers SMS/email (members' sign-in codes); default: the outbox table and the log */
  sender?: Sender;
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
    sender: deps.sender ?? makeOutboxSender(app.log),
  });
  const lockout = makeLockout(deps.db, clock);

  // Uploads (meeting photos, theme attachments): one file per request, read by the route after its policy check.
  await app.register(multipart, {
    limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 5, fieldSize: 1024, parts: 6 },
  });
  registerRoutePolicy(app, catalog);
  registerAuth(app, { auth, db: deps.db, lockout, phoneLimiter: makePhoneLimiter(deps.db, clock) });
  await registerModules(app, {
    db: deps.db,
    dbKind: deps.dbKind,
    auth,
    clock,
    lockout,
    publicUrl: deps.publicUrl,
  });

  if (serveWeb && deps.webDir) {
    await app.register(fastifyStatic, { root: deps.webDir, wildcard: false });
  }
  return app;
}
