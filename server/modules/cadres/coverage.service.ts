import { sql } from 'drizzle-orm';
import type { CoverageReport, CoverageRow } from '../../../contracts/cadres';
import type { Db } from '../../db/client';
import { rows } from '../../db/query';
import type { RequestContext } from '../../lib/audit';
import type { Clock } from '../../lib/clock';
import { notFound } from '../../lib/errors';
import { vietnamDayStart } from '../../lib/vn-time';
import { assertCan, can } from '../../policy/policy';
import { unitScopeSql } from '../../policy/scope';
import { addDays, addMonths } from '../meetings/periods';
import { vietnamDay } from '../organizations/rules';
import { findUnit } from '../units/units.repo';

interface Row extends Omit<CoverageRow, 'lastVisitAt' | 'covered'> {
  lastVisitAt: Date | string | null;
}

const countsOf = (rs: readonly CoverageRow[]) => {
  const covered = rs.filter((r) => r.covered).length;
  return { total: rs.length, covered, notCovered: rs.length - covered };
};

export function makeCoverageService({ db, clock }: { db: Db; clock: Clock }) {
  return {
    /**
     * Every active branch in scope with the last held meeting a higher-level cadre attended and how many such
     * meetings fell in the last `months` months. Reads meeting_cadres (small) joined to meetings by key, never
     * attendance. Difficult areas first, then branches never visited in the window, then by name.
     */
    async report(ctx: RequestContext, q: { unitId?: number; months: number }): Promise<CoverageReport> {
      assertCan(ctx.actor, 'compliance.read');
      let subtree = sql`true`;
      if (q.unitId !== undefined) {
        const u = await findUnit(db, q.unitId);
        const subject = u && { path: u.path, organizationCode: u.organizationCode, areaPath: u.areaPath };
        if (!u || !subject || !can(ctx.actor, 'compliance.read', subject)) throw notFound('Đơn vị');
        subtree = sql`b.path <@ ${u.path}::ltree`;
      }
      const to = vietnamDay(clock.now());
      const from = addMonths(to, -q.months);
      const fromAt = vietnamDayStart(from).toISOString();
      const untilAt = vietnamDayStart(addDays(to)).toISOString();
      const found = await rows<Row>(
        db,
        sql`with visits as (
          select m.unit_id, max(m.scheduled_at) as last_at,
            count(distinct m.id) filter (where m.scheduled_at >= ${fromAt}::timestamptz
              and m.scheduled_at < ${untilAt}::timestamptz)::int as n
          from meeting_cadres mc join meetings m on m.id = mc.meeting_id
          where mc.status = 'attended' and m.status in ('held', 'locked')
            and m.scheduled_at < ${untilAt}::timestamptz
          group by m.unit_id
        )
        select b.id as "unitId", b.name as "unitName",
          case when ${unitScopeSql(ctx.actor, 'compliance.read', 'p')} then p.name end as "parentName",
          b.organization_code as "organizationCode", b.difficult_area as "difficultArea",
          v.last_at as "lastVisitAt", coalesce(v.n, 0) as visits
        from units b left join units p on p.id = b.parent_id left join visits v on v.unit_id = b.id
        where b.level = 'branch' and b.active and ${subtree} and ${unitScopeSql(ctx.actor, 'compliance.read', 'b')}
        order by b.difficult_area desc, coalesce(v.n, 0) > 0, p.name, b.name, b.id`,
      );
      const out: CoverageRow[] = found.map((r) => ({
        ...r,
        lastVisitAt: r.lastVisitAt ? new Date(r.lastVisitAt).toISOString() : null,
        covered: r.visits > 0,
      }));
      return {
        window: { months: q.months, from, to },
        summary: { ...countsOf(out), difficult: countsOf(out.filter((r) => r.difficultArea)) },
        rows: out,
      };
    },
  };
}
export type CoverageService = ReturnType<typeof makeCoverageService>;
