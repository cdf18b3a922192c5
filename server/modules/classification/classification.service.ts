import { sql } from 'drizzle-orm';
import type {
  BatchResult,
  ClassificationList,
  ClassificationRow,
  ConfirmBody,
  Distribution,
  ListQuery,
  ProposeBody,
  ProposeResult,
  Scheme,
  SchemeBody,
} from '../../../contracts/classification';
import type { Db } from '../../db/client';
import { rows } from '../../db/query';
import { type RequestContext, writeAudit } from '../../lib/audit';
import type { Clock } from '../../lib/clock';
import { conflict, defined, invalid, notFound } from '../../lib/errors';
import { vietnamDay, vietnamDayStart } from '../../lib/vn-time';
import type { Action } from '../../policy/actions';
import { assertCan, can, grantsFor } from '../../policy/policy';
import { unitScopeSql } from '../../policy/scope';
import { scheduleKeys } from '../compliance/compliance.repo';
import { loadSchedules } from '../compliance/schedules';
import { addDays } from '../meetings/periods';
import { findUnit } from '../units/units.repo';
import {
  branchMetrics,
  confirmAll,
  type DueMonths,
  distributionCounts,
  findRow,
  listRows,
  type StoredRow,
  upsertProposals,
} from './classification.repo';
import { propose, schemeProblem } from './rules';
import { loadScheme, organizationExists, saveScheme } from './schemes';

const UNIT = 'Đơn vị';
const MIN_REASON = 5;
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function rowOut(r: StoredRow): ClassificationRow {
  return {
    ...r,
    reasons: r.reasons ?? [],
    confirmedAt: iso(r.confirmedAt),
    proposedAt: iso(r.proposedAt),
  };
}

export function makeClassificationService({ db, clock }: { db: Db; clock: Clock }) {
  const thisYear = () => Number(vietnamDay(clock.now()).slice(0, 4));
  function checkYear(year: number) {
    if (year > thisYear()) {
      throw invalid(`Năm ${year} chưa đến. Chọn năm ${thisYear()} hoặc một năm đã qua.`, [{ field: 'year' }]);
    }
  }

  /** A unit the actor may do `action` on (404 otherwise, existence hidden), and the SQL for its active branches. */
  async function unitFor(ctx: RequestContext, unitId: number, action: Action) {
    const u = await findUnit(db, unitId);
    const subject = u && { path: u.path, organizationCode: u.organizationCode, areaPath: u.areaPath };
    if (!u || !subject || !can(ctx.actor, action, subject)) throw notFound(UNIT);
    const branches = sql`b.level = 'branch' and b.active and b.path <@ ${u.path}::ltree
      and ${unitScopeSql(ctx.actor, action, 'b')}`;
    return { u, branches };
  }

  /** The actor may configure an organization's scheme when a grant of theirs covers that organization. */
  /**
   * A scheme holds for the whole province: only an unscoped grant, a grant on the organization's top unit (the
   * province committee), or an area grant on the province itself may change it — not a province officer role
   * granted on a commune.
   */
  function mayConfigure(ctx: RequestContext, code: string) {
    const top = (path: string | null) => path !== null && !path.includes('.');
    return grantsFor(ctx.actor, 'classification.configure').some(
      (g) =>
        (g.unitPath === null && g.areaPath === null) ||
        (top(g.unitPath) && g.organizationCode === code) ||
        (g.unitPath === null &&
          top(g.areaPath) &&
          (g.organizationCode === null || g.organizationCode === code)),
    );
  }

  return {
    async scheme(ctx: RequestContext, code: string): Promise<Scheme> {
      assertCan(ctx.actor, 'compliance.read');
      if (!(await organizationExists(db, code))) throw notFound('Tổ chức');
      return loadScheme(db, code);
    },

    async saveScheme(ctx: RequestContext, code: string, body: SchemeBody): Promise<Scheme> {
      assertCan(ctx.actor, 'classification.configure');
      if (!mayConfigure(ctx, code) || !(await organizationExists(db, code))) throw notFound('Tổ chức');
      const problem = schemeProblem(body);
      if (problem) throw invalid(problem.message, [{ field: `body.${problem.field}` }]);
      await db.transaction(async (tx) => {
        const before = await loadScheme(tx, code);
        await saveScheme(tx, code, body, ctx.actor.name, clock.now());
        await writeAudit(tx, ctx, {
          action: 'classification.scheme',
          entityType: 'organization',
          entityId: code,
          before: before.isDefault ? null : { levels: before.levels, criteria: before.criteria },
          after: body,
        });
      });
      return loadScheme(db, code);
    },

    /**
     * Proposes a level for every active branch below the unit: the metrics in one statement, the rule per branch,
     * the upsert in one statement (a confirmed level is kept), in one transaction with its audit row.
     */
    async propose(ctx: RequestContext, body: ProposeBody): Promise<ProposeResult> {
      assertCan(ctx.actor, 'oversight.manage');
      checkYear(body.year);
      const { u, branches } = await unitFor(ctx, body.unitId, 'oversight.manage');
      const start = `${body.year}-01-01`;
      const end = `${body.year}-12-31`;
      const schedules = await loadSchedules(db);
      const due: DueMonths[] = [];
      for (const s of await scheduleKeys(db, schedules.specials)) {
        const unit = { unitId: s.unitId ?? 0, kind: s.kind, organizationCode: s.org };
        for (const p of schedules.due(unit, start, end)) {
          due.push({ org: s.org, kind: s.kind, unitId: s.unitId, key: p.key, end: p.end, months: p.months });
        }
      }
      const y = {
        start,
        end,
        from: vietnamDayStart(start).toISOString(),
        until: vietnamDayStart(addDays(end)).toISOString(),
        today: vietnamDay(clock.now()),
      };
      const metrics = await branchMetrics(db, { where: branches, due, specials: schedules.specials, y });
      const schemes = new Map<string, SchemeBody>();
      for (const code of new Set(metrics.map((m) => m.organizationCode))) {
        schemes.set(code, await loadScheme(db, code));
      }
      const proposals = metrics.map(({ unitId, organizationCode, ...m }) => {
        const p = propose(defined(schemes.get(organizationCode), 'scheme'), m);
        return { unitId, proposedLevel: p.level, reasons: p.reasons, metrics: m };
      });
      const at = clock.now().toISOString();
      return db.transaction(async (tx) => {
        const done = proposals.length ? await upsertProposals(tx, body.year, proposals, at) : [];
        const result: ProposeResult = {
          year: body.year,
          branches: proposals.length,
          created: done.filter((d) => d.created).length,
          updated: done.filter((d) => !d.created).length,
          keptConfirmed: done.filter((d) => !d.created && d.confirmed).length,
        };
        await writeAudit(tx, ctx, {
          action: 'classification.propose',
          entityType: 'unit',
          entityId: u.id,
          after: result,
        });
        return result;
      });
    },

    /** Branches below the unit with their classification of the year, and the distribution per level. */
    async list(ctx: RequestContext, q: ListQuery): Promise<ClassificationList> {
      assertCan(ctx.actor, 'compliance.read');
      const year = q.year ?? thisYear();
      checkYear(year);
      const { u, branches } = await unitFor(ctx, q.unitId, 'compliance.read');
      const scheme = await loadScheme(db, u.organizationCode);
      const kids = await rows<{ id: number; name: string }>(
        db,
        sql`select c.id, c.name from units c where c.parent_id = ${u.id} and c.active
          and ${unitScopeSql(ctx.actor, 'compliance.read', 'c')} order by c.name, c.id`,
      );
      const [list, counts] = await Promise.all([
        listRows(db, {
          where: branches,
          year,
          level: q.level,
          offset: (q.page - 1) * q.pageSize,
          limit: q.pageSize,
        }),
        distributionCounts(
          db,
          branches,
          kids.map((k) => k.id),
          year,
        ),
      ]);
      const dist = (only: (grp: number | null) => boolean): Distribution => {
        const mine = counts.filter((c) => only(c.grp));
        const codes = [
          ...scheme.levels.map((l) => l.code),
          ...new Set(mine.map((c) => c.code).filter((c): c is string => c !== null)),
        ];
        const name = (code: string) => scheme.levels.find((l) => l.code === code)?.name ?? code;
        const sum = (f: (c: (typeof mine)[number]) => boolean) => mine.filter(f).reduce((n, c) => n + c.n, 0);
        return {
          branches: sum(() => true),
          unproposed: sum((c) => c.code === null),
          levels: [...new Set(codes)].map((code) => ({
            code,
            name: name(code),
            confirmed: sum((c) => c.code === code && c.confirmed),
            proposed: sum((c) => c.code === code && !c.confirmed),
          })),
        };
      };
      return {
        year,
        unit: { id: u.id, name: u.name, level: u.level, parentId: u.parentId ?? null },
        organizationCode: u.organizationCode,
        levels: scheme.levels,
        criteria: scheme.criteria,
        rows: list.page.map(rowOut),
        total: list.total,
        page: q.page,
        pageSize: q.pageSize,
        distribution: dist(() => true),
        children: kids.map((k) => ({ unitId: k.id, name: k.name, ...dist((g) => g === k.id) })),
      };
    },

    /** Confirms a branch's proposal (same level) or overrides it with a reason. */
    async confirm(ctx: RequestContext, unitId: number, year: number, body: ConfirmBody) {
      assertCan(ctx.actor, 'oversight.manage');
      checkYear(year);
      const u = await findUnit(db, unitId);
      if (!u) throw notFound(UNIT);
      assertCan(ctx.actor, 'oversight.manage', u, UNIT);
      const current = await findRow(db, unitId, year);
      if (!current?.proposedLevel) {
        throw conflict(
          `Chi này chưa có đề xuất xếp loại năm ${year}. Bấm “Tính đề xuất” trước khi xác nhận.`,
        );
      }
      const scheme = await loadScheme(db, u.organizationCode);
      if (!scheme.levels.some((l) => l.code === body.level)) {
        throw invalid(
          `Mức xếp loại không hợp lệ. Chọn một trong: ${scheme.levels.map((l) => l.name).join(', ')}.`,
          [{ field: 'body.level' }],
        );
      }
      const override = body.level !== current.proposedLevel;
      const reason = body.reason?.trim() || null;
      if (override && (reason === null || reason.length < MIN_REASON)) {
        throw invalid(
          `Mức xếp loại khác mức đề xuất: hãy nhập lý do (ít nhất ${MIN_REASON} ký tự) để ghi nhận việc điều chỉnh.`,
          [{ field: 'body.reason' }],
        );
      }
      const at = clock.now().toISOString();
      await db.transaction(async (tx) => {
        await tx.execute(sql`update unit_classifications set level = ${body.level},
          override_reason = ${override ? reason : null}, confirmed_by = ${ctx.actor.name},
          confirmed_at = ${at}::timestamptz where unit_id = ${unitId} and year = ${year}`);
        await writeAudit(tx, ctx, {
          action: override ? 'classification.override' : 'classification.confirm',
          entityType: 'unit_classification',
          entityId: `${unitId}:${year}`,
          before: { level: current.level, overrideReason: current.overrideReason },
          after: {
            level: body.level,
            proposedLevel: current.proposedLevel,
            overrideReason: override ? reason : null,
          },
        });
      });
      return rowOut(defined(await findRow(db, unitId, year), 'classification'));
    },

    /** Confirms every still-unconfirmed proposal of the year below the unit, in one statement. */
    async confirmBatch(ctx: RequestContext, body: ProposeBody): Promise<BatchResult> {
      assertCan(ctx.actor, 'oversight.manage');
      checkYear(body.year);
      const { u, branches } = await unitFor(ctx, body.unitId, 'oversight.manage');
      const at = clock.now().toISOString();
      return db.transaction(async (tx) => {
        const confirmed = await confirmAll(tx, branches, body.year, ctx.actor.name, at);
        await writeAudit(tx, ctx, {
          action: 'classification.confirm_batch',
          entityType: 'unit',
          entityId: u.id,
          after: { year: body.year, confirmed },
        });
        return { year: body.year, confirmed };
      });
    },
  };
}
export type ClassificationService = ReturnType<typeof makeClassificationService>;
