import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CheckinBody,
  CheckinInfo,
  CheckinResult,
  MyMeetings,
  OpenCheckinBody,
} from '../../../contracts/checkin';
import { MeetingIdParam } from '../../../contracts/meetings';
import { ctxOf } from '../../lib/context';
import type { CheckinService } from './checkin.service';

export function checkinRoutes(svc: CheckinService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['checkin'];
    r.get(
      '/api/meetings/:id/checkin',
      {
        config: { policy: 'meeting.write' },
        schema: { tags, params: MeetingIdParam, response: { 200: CheckinInfo } },
      },
      (req) => svc.get(ctxOf(req), req.params.id),
    );
    r.post(
      '/api/meetings/:id/checkin/open',
      {
        config: { policy: 'meeting.write' },
        schema: { tags, params: MeetingIdParam, body: OpenCheckinBody, response: { 200: CheckinInfo } },
      },
      (req) => svc.open(ctxOf(req), req.params.id, req.body),
    );
    r.post(
      '/api/meetings/:id/checkin/close',
      {
        config: { policy: 'meeting.write' },
        schema: { tags, params: MeetingIdParam, response: { 200: CheckinInfo } },
      },
      (req) => svc.close(ctxOf(req), req.params.id),
    );
    r.post(
      '/api/checkin',
      {
        config: { policy: 'meeting.checkin' },
        schema: { tags, body: CheckinBody, response: { 200: CheckinResult } },
      },
      (req) => svc.checkIn(ctxOf(req), req.body),
    );
    r.get(
      '/api/me/meetings',
      { config: { policy: 'signed-in' }, schema: { tags, response: { 200: MyMeetings } } },
      (req) => svc.myMeetings(ctxOf(req)),
    );
  };
}
