import { sql } from 'drizzle-orm';
import type { StatsQuery, VoiceLevel, VoiceStats } from '../../../contracts/voice';
import type { Db } from '../../db/client';
import { one, rows } from '../../db/query';
import type { RequestContext } from '../../lib/audit';
import type { Clock } from '../../lib/clock';
import { invalid, notFound } from '../../lib/errors';
import { vietnamDay, vietnamDayStart } from '../../lib/vn-time';
import { assertCan } from '../../policy/policy';
import { unitScopeSql } from '../../policy/scope';
import { subjectOf } from '../files/owners';
import { findUnit } from '../units/units.repo';

type Counts = { received: number; resolved: number; overdue: number };

/**
 * Oversight per scope and period: items raised in the period, in the actor's scope (optionally below one unit).
 * Each figure is a count of item rows the drill-down list (GET /api/voice/items with the same filters) shows.
 */
export function makeVoiceOversight({ db, clock }: { db: Db; clock: Clock }) {
  return {
    async stats(ctx: RequestContext, q: StatsQuery): Promise<VoiceStats> {
      assertCan(ctx.actor, 'voice.read');
      const now = clock.now();
      const today = vietnamDay(now);
      const from = q.from ?? `${today.slice(0, 4)}-01-01`;
      const to = q.to ?? today;
      if (from > to) throw invalid('Ngày bắt đầu phải trước ngày kết thúc.', [{ field: 'querystring.from' }]);
      let under = sql`true`;
      let unitName: string | null = null;
      if (q.unitId) {
        const unit = await findUnit(db, q.unitId);
        if (!unit) throw notFound('Đơn vị');
        assertCan(ctx.actor, 'voice.read', subjectOf(unit), 'Đơn vị');
        under = sql`u.path <@ ${unit.path}::ltree`;
        unitName = unit.name;
      }
      const end = new Date(vietnamDayStart(to).getTime() + 86_400_000).toISOString();
      const nowIso = now.toISOString();
      const scope = sql`${unitScopeSql(ctx.actor, 'voice.read', 'u')} and ${under}
        and i.raised_at >= ${vietnamDayStart(from).toISOString()}::timestamptz and i.raised_at < ${end}::timestamptz`;
      const from_ = sql`voice_items i join units u on u.id = i.unit_id join areas a on a.id = i.area_id
        join voice_categories c on c.code = i.category_code`;
      // A merged item is counted as received and resolved with its target; lateness belongs to the routed item.
      const counts = sql`count(*)::int as received, (count(*) filter (where i.answered_at is not null))::int as resolved,
        (count(*) filter (where i.status <> 'merged' and (i.overdue_count > 0
          or (i.status = 'open' and i.due_at < ${nowIso}::timestamptz))))::int as overdue`;
      const [totals, levels, byCategory, byArea, recurring] = await Promise.all([
        one<Counts & { open: number; median: number | null }>(
          db,
          sql`select ${counts}, (count(*) filter (where i.status = 'open'))::int as open,
            percentile_cont(0.5) within group (order by extract(epoch from (i.answered_at - i.raised_at)) / 86400)
              filter (where i.answered_at is not null) as median
          from ${from_} where ${scope}`,
        ),
        rows<{ level: VoiceLevel; overdue: number }>(
          db,
          sql`select s.level, count(distinct s.id)::int as overdue
          from ${from_} join voice_steps s on s.item_id = i.id
          where ${scope} and (s.overdue or (s.closed_at is null and s.due_at < ${nowIso}::timestamptz))
          group by s.level`,
        ),
        rows<Counts & { code: string; name: string }>(
          db,
          sql`select c.code, c.name, ${counts} from ${from_} where ${scope} group by c.code, c.name, c.sort_order
          order by c.sort_order, c.name`,
        ),
        rows<Counts & { areaId: number; name: string }>(
          db,
          sql`select ca.id as "areaId", ca.name, ${counts} from ${from_}
            join areas ca on ca.path = subpath(a.path, 0, least(2, nlevel(a.path)))
          where ${scope} group by ca.id, ca.name order by count(*) desc, ca.name limit 200`,
        ),
        rows<VoiceStats['recurring'][number]>(
          db,
          sql`select i.id, i.content, c.name as "categoryName", a.name as "areaName", i.source_count as "sourceCount", i.status
          from ${from_} where ${scope} and i.status <> 'merged' and i.source_count > 1
          order by i.source_count desc, i.raised_at desc limit 10`,
        ),
      ]);
      const order: VoiceLevel[] = ['branch', 'grassroots', 'province', 'body'];
      return {
        from,
        to,
        unitName,
        totals: {
          received: totals?.received ?? 0,
          resolved: totals?.resolved ?? 0,
          overdue: totals?.overdue ?? 0,
          open: totals?.open ?? 0,
          medianDaysToAnswer:
            totals?.median === null || totals?.median === undefined
              ? null
              : Math.round(Number(totals.median) * 10) / 10,
        },
        overdueByLevel: order.map((level) => ({
          level,
          overdue: levels.find((l) => l.level === level)?.overdue ?? 0,
        })),
        byCategory,
        byArea,
        recurring,
      };
    },
  };
}
export type VoiceOversight = ReturnType<typeof makeVoiceOversight>;
