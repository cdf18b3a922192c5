/** The level above's view of a period's reports (late, missing) and a unit's list of reports. */
import type { Overview, OverviewQuery, ReportList } from '../../../contracts/reports';
import type { Db } from '../../db/client';
import type { RequestContext } from '../../lib/audit';
import type { Clock } from '../../lib/clock';
import { notFound } from '../../lib/errors';
import { vietnamDay } from '../../lib/vn-time';
import { assertCan, can } from '../../policy/policy';
import { unitScopeSql } from '../../policy/scope';
import { type Period, parsePeriodKey } from '../meetings/periods';
import { findUnit } from '../units/units.repo';
import { listReports, overviewRows } from './reports.repo';
import { dueOn, reportPeriod, subjectOf } from './workflow';

const READ = 'compliance.read';
const periodOut = (p: Period) => ({ key: p.key, label: p.label, start: p.start, end: p.end });

export function makeReportOverview({ db, clock }: { db: Db; clock: Clock }) {
  /** A unit the actor may read (compliance scope), else 404. */
  async function readableUnit(ctx: RequestContext, unitId: number) {
    const u = await findUnit(db, unitId);
    if (!u || !can(ctx.actor, READ, subjectOf(u))) throw notFound('Đơn vị');
    return u;
  }

  return {
    /** A unit's own report and its direct children's for a period, with late and missing flags. */
    async overview(ctx: RequestContext, q: OverviewQuery): Promise<Overview> {
      assertCan(ctx.actor, READ);
      const period = reportPeriod(q.periodKey, 'querystring.periodKey');
      const unit = await readableUnit(ctx, q.unitId);
      const due = dueOn(period);
      const today = vietnamDay(clock.now());
      const list = await overviewRows(db, unit.id, period.key, unitScopeSql(ctx.actor, READ, 'u'));
      return {
        unit: { id: unit.id, name: unit.name, level: unit.level },
        period: periodOut(period),
        dueOn: due,
        today,
        canCreate: can(ctx.actor, 'report.write', subjectOf(unit)),
        rows: list.map((x) => {
          const sentOn = x.submittedAt && x.status !== 'draft' ? vietnamDay(new Date(x.submittedAt)) : null;
          return {
            unitId: x.unitId,
            name: x.name,
            level: x.level,
            self: x.self,
            report:
              x.reportId === null || x.status === null
                ? null
                : { id: x.reportId, status: x.status, submittedAt: x.submittedAt },
            missing: x.reportId === null && today > due,
            late: x.reportId !== null && (sentOn === null ? today > due : sentOn > due),
          };
        }),
      };
    },

    /** Every report of a unit, newest period first. */
    async list(ctx: RequestContext, unitId: number): Promise<ReportList> {
      assertCan(ctx.actor, READ);
      const unit = await readableUnit(ctx, unitId);
      const items = await listReports(db, unit.id);
      return {
        items: items.map((i) => ({ ...i, periodLabel: parsePeriodKey(i.periodKey)?.label ?? i.periodKey })),
      };
    },
  };
}
