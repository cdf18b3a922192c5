import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AttendanceBody,
  AttendanceSaved,
  CreateDiscussionBody,
  CreateMeetingBody,
  MeetingDetail,
  MeetingIdParam,
  MeetingList,
  UnitMeetingsQuery,
  UpdateMeetingBody,
} from '../../../contracts/meetings';
import { IdParam } from '../../../contracts/units';
import { ctxOf } from '../../lib/context';
import type { MeetingsService } from './meetings.service';

const Ok = z.object({ id: z.number() });

export function meetingsRoutes(svc: MeetingsService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['meetings'];
    r.get(
      '/api/units/:id/meetings',
      {
        config: { policy: 'meeting.read' },
        schema: { tags, params: IdParam, querystring: UnitMeetingsQuery, response: { 200: MeetingList } },
      },
      (req) => svc.listForUnit(ctxOf(req), req.params.id, req.query.year),
    );
    r.post(
      '/api/units/:id/meetings',
      {
        config: { policy: 'meeting.write' },
        schema: { tags, params: IdParam, body: CreateMeetingBody, response: { 201: Ok } },
      },
      async (req, reply) => reply.status(201).send(await svc.create(ctxOf(req), req.params.id, req.body)),
    );
    r.get(
      '/api/meetings/:id',
      {
        config: { policy: 'meeting.read' },
        schema: { tags, params: MeetingIdParam, response: { 200: MeetingDetail } },
      },
      (req) => svc.get(ctxOf(req), req.params.id),
    );
    r.put(
      '/api/meetings/:id/attendance',
      {
        config: { policy: 'meeting.write' },
        schema: {
          tags,
          params: MeetingIdParam,
          body: AttendanceBody,
          response: { 200: AttendanceSaved },
        },
      },
      (req) => svc.rollcall(ctxOf(req), req.params.id, req.body),
    );
    r.patch(
      '/api/meetings/:id',
      {
        config: { policy: 'meeting.write' },
        schema: { tags, params: MeetingIdParam, body: UpdateMeetingBody, response: { 200: Ok } },
      },
      (req) => svc.update(ctxOf(req), req.params.id, req.body),
    );
    r.post(
      '/api/meetings/:id/discussions',
      {
        config: { policy: 'meeting.write' },
        schema: { tags, params: MeetingIdParam, body: CreateDiscussionBody, response: { 201: Ok } },
      },
      async (req, reply) =>
        reply.status(201).send(await svc.addDiscussion(ctxOf(req), req.params.id, req.body)),
    );
    r.post(
      '/api/meetings/:id/lock',
      {
        config: { policy: 'meeting.write' },
        schema: { tags, params: MeetingIdParam, response: { 200: Ok } },
      },
      (req) => svc.lock(ctxOf(req), req.params.id),
    );
  };
}
