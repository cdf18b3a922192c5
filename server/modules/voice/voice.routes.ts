import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParam } from '../../../contracts/units';
import {
  AnswerBody,
  AskBody,
  BodiesQuery,
  BodyAccountBody,
  CategoryParam,
  CommitmentDoneBody,
  CreateBodyBody,
  CreateDialogueBody,
  CreateVoiceItemBody,
  DeadlineParams,
  DeclineBody,
  DialogueDetail,
  DialogueList,
  DialoguesQuery,
  FeedbackBody,
  ForwardBody,
  MergeBody,
  PublishBody,
  PutCategoryBody,
  PutDeadlineBody,
  StatsQuery,
  UpdateBodyBody,
  VoiceBodyList,
  VoiceCategoryList,
  VoiceDeadlineList,
  VoiceFile,
  VoiceItemDetail,
  VoiceItemList,
  VoiceListQuery,
  VoicePageQuery,
  VoiceStats,
} from '../../../contracts/voice';
import { ctxOf } from '../../lib/context';
import type { RoutePolicy } from '../../plugins/route-policy';
import { sendBytes } from '../files/http';
import { readUpload } from '../files/upload';
import type { DialoguesService } from './dialogues.service';
import type { VoiceDirectory } from './directory';
import type { VoiceFiles } from './files';
import type { HandlingService } from './handling.service';
import type { VoiceOversight } from './oversight';
import type { VoiceService } from './voice.service';

const Ok = z.object({ id: z.number() });
const AnswerOk = z.object({ id: z.number(), answerId: z.number(), notified: z.number() });

export interface VoiceServices {
  items: VoiceService;
  handling: HandlingService;
  files: VoiceFiles;
  directory: VoiceDirectory;
  oversight: VoiceOversight;
  dialogues: DialoguesService;
}

/** Voice of members: raise, route (forward, resolve, answer, decline, merge), judge answers, oversee. */
export function voiceRoutes(s: VoiceServices) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['voice'];
    const post = <B extends z.ZodType, R extends z.ZodType>(
      url: string,
      policy: RoutePolicy,
      body: B,
      response: R,
      handler: (ctx: ReturnType<typeof ctxOf>, id: number, body: z.infer<B>) => Promise<z.infer<R>>,
    ) =>
      r.post(
        url,
        { config: { policy }, schema: { tags, params: IdParam, body, response: { 200: response } } },
        // The response schema above still checks (and whitelists) what the handler returns.
        (req) => handler(ctxOf(req), req.params.id, req.body as z.infer<B>) as never,
      );

    r.get(
      '/api/voice/categories',
      { config: { policy: 'rules.read' }, schema: { tags, response: { 200: VoiceCategoryList } } },
      () => s.items.categories(),
    );
    r.put(
      '/api/voice/categories/:code',
      {
        config: { policy: 'rules.manage' },
        schema: { tags, params: CategoryParam, body: PutCategoryBody },
      },
      (req) => s.directory.putCategory(ctxOf(req), req.params.code, req.body),
    );
    r.get(
      '/api/voice/deadlines',
      { config: { policy: 'rules.read' }, schema: { tags, response: { 200: VoiceDeadlineList } } },
      (req) => s.directory.deadlines(ctxOf(req)),
    );
    r.put(
      '/api/voice/deadlines',
      { config: { policy: 'rules.manage' }, schema: { tags, body: PutDeadlineBody } },
      (req) => s.directory.putDeadline(ctxOf(req), req.body),
    );
    r.delete(
      '/api/voice/deadlines/:categoryCode/:level',
      { config: { policy: 'rules.manage' }, schema: { tags, params: DeadlineParams } },
      (req) => s.directory.deleteDeadline(ctxOf(req), req.params.categoryCode, req.params.level),
    );
    r.get(
      '/api/voice/bodies',
      {
        config: { policy: 'rules.read' },
        schema: { tags, querystring: BodiesQuery, response: { 200: VoiceBodyList } },
      },
      (req) => s.directory.bodies(ctxOf(req), req.query.areaId, req.query.all === '1'),
    );
    r.post(
      '/api/voice/bodies',
      { config: { policy: 'rules.manage' }, schema: { tags, body: CreateBodyBody, response: { 201: Ok } } },
      async (req, reply) => reply.status(201).send(await s.directory.createBody(ctxOf(req), req.body)),
    );
    r.put(
      '/api/voice/bodies/:id',
      {
        config: { policy: 'rules.manage' },
        schema: { tags, params: IdParam, body: UpdateBodyBody, response: { 200: Ok } },
      },
      (req) => s.directory.updateBody(ctxOf(req), req.params.id, req.body),
    );
    post('/api/voice/bodies/:id/accounts', 'rules.manage', BodyAccountBody, Ok, (ctx, id, b) =>
      s.directory.linkAccount(ctx, id, b.userId),
    );

    r.post(
      '/api/voice/items',
      {
        config: { policy: 'voice.raise' },
        schema: { tags, body: CreateVoiceItemBody, response: { 201: Ok } },
      },
      async (req, reply) => reply.status(201).send(await s.items.raise(ctxOf(req), req.body)),
    );
    r.get(
      '/api/voice/items',
      {
        config: { policy: 'voice.read' },
        schema: { tags, querystring: VoiceListQuery, response: { 200: VoiceItemList } },
      },
      (req) => s.items.list(ctxOf(req), req.query),
    );
    r.get(
      '/api/voice/mine',
      {
        config: { policy: 'voice.raise' },
        schema: { tags, querystring: VoicePageQuery, response: { 200: VoiceItemList } },
      },
      (req) => s.items.mine(ctxOf(req), req.query),
    );
    r.get(
      '/api/voice/inbox',
      {
        config: { policy: 'voice.answer' },
        schema: { tags, querystring: VoicePageQuery, response: { 200: VoiceItemList } },
      },
      (req) => s.items.inbox(ctxOf(req), req.query),
    );
    r.get(
      '/api/voice/items/:id',
      {
        config: { policy: 'signed-in' },
        schema: { tags, params: IdParam, response: { 200: VoiceItemDetail } },
      },
      (req) => s.items.detail(ctxOf(req), req.params.id),
    );
    post('/api/voice/items/:id/forward', 'voice.handle', ForwardBody, Ok, (ctx, id, b) =>
      s.handling.forward(ctx, id, b),
    );
    post('/api/voice/items/:id/resolve', 'voice.handle', AnswerBody, AnswerOk, (ctx, id, b) =>
      s.handling.resolve(ctx, id, b),
    );
    post('/api/voice/items/:id/answer', 'voice.answer', AnswerBody, AnswerOk, (ctx, id, b) =>
      s.handling.answer(ctx, id, b),
    );
    post('/api/voice/items/:id/decline', 'voice.answer', DeclineBody, Ok, (ctx, id, b) =>
      s.handling.decline(ctx, id, b),
    );
    post(
      '/api/voice/items/:id/merge',
      'voice.handle',
      MergeBody,
      z.object({ id: z.number(), sourceCount: z.number() }),
      (ctx, id, b) => s.handling.merge(ctx, id, b),
    );
    post('/api/voice/items/:id/feedback', 'voice.raise', FeedbackBody, Ok, (ctx, id, b) =>
      s.handling.feedback(ctx, id, b),
    );
    post('/api/voice/commitments/:id/done', 'signed-in', CommitmentDoneBody, Ok, (ctx, id, b) =>
      s.handling.completeCommitment(ctx, id, b.note),
    );
    r.post(
      '/api/voice/items/:id/files',
      {
        config: { policy: 'voice.raise' },
        schema: { tags, consumes: ['multipart/form-data'], params: IdParam, response: { 201: VoiceFile } },
      },
      async (req, reply) =>
        reply.status(201).send(await s.files.upload(ctxOf(req), req.params.id, () => readUpload(req))),
    );
    r.get(
      '/api/voice/files/:id',
      { config: { policy: 'signed-in' }, schema: { tags, params: IdParam } },
      async (req, reply) => sendBytes(reply, await s.files.download(ctxOf(req), req.params.id)),
    );
    r.post(
      '/api/voice/dialogues',
      {
        config: { policy: 'voice.handle' },
        schema: { tags, body: CreateDialogueBody, response: { 201: Ok } },
      },
      async (req, reply) => reply.status(201).send(await s.dialogues.create(ctxOf(req), req.body)),
    );
    r.get(
      '/api/voice/dialogues',
      {
        config: { policy: 'voice.read' },
        schema: { tags, querystring: DialoguesQuery, response: { 200: DialogueList } },
      },
      (req) => s.dialogues.list(ctxOf(req), req.query.unitId),
    );
    r.get(
      '/api/voice/my-dialogues',
      { config: { policy: 'person.self' }, schema: { tags, response: { 200: DialogueList } } },
      (req) => s.dialogues.mine(ctxOf(req)),
    );
    r.get(
      '/api/voice/dialogues/:id',
      {
        config: { policy: 'signed-in' },
        schema: { tags, params: IdParam, response: { 200: DialogueDetail } },
      },
      (req) => s.dialogues.get(ctxOf(req), req.params.id),
    );
    post('/api/voice/dialogues/:id/questions', 'signed-in', AskBody, Ok, (ctx, id, b) =>
      s.dialogues.ask(ctx, id, b),
    );
    post('/api/voice/dialogue-questions/:id/answer', 'voice.handle', AnswerBody, Ok, (ctx, id, b) =>
      s.dialogues.answer(ctx, id, b),
    );
    post(
      '/api/voice/dialogues/:id/publish',
      'voice.handle',
      PublishBody,
      z.object({ id: z.number(), notified: z.number() }),
      (ctx, id, b) => s.dialogues.publish(ctx, id, b.summary),
    );
    r.get(
      '/api/voice/stats',
      {
        config: { policy: 'voice.read' },
        schema: { tags, querystring: StatsQuery, response: { 200: VoiceStats } },
      },
      (req) => s.oversight.stats(ctxOf(req), req.query),
    );
  };
}
