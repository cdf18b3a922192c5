import { sql } from 'drizzle-orm';
import type {
  CreateThemeBody,
  SetMeetingThemeBody,
  ThemeCoverage,
  ThemeDetail,
  ThemeList,
  UpdateThemeBody,
} from '../../../contracts/themes';
import type { Db, DbOrTx } from '../../db/client';
import { one } from '../../db/query';
import { type RequestContext, writeAudit } from '../../lib/audit';
import type { Clock } from '../../lib/clock';
import { conflict, defined, invalid, notFound } from '../../lib/errors';
import { assertCan, can } from '../../policy/policy';
import { listFiles } from '../files/files.repo';
import { meetingFor, subjectOf, themeFor } from '../files/owners';
import { vietnamDay } from '../organizations/rules';
import { findUnit } from '../units/units.repo';
import { countMeetingsUsing, coverageRows, findThemes, type ThemeRow, themeAbove } from './themes.repo';

const PUBLISHER_LEVELS = new Set(['province', 'grassroots']);
const iso = (d: Date | string) => new Date(d).toISOString();
const monthLabel = (month: string) => `${month.slice(5, 7)}/${month.slice(0, 4)}`;

const summaryOf = (t: ThemeRow, unitId?: number) => ({
  id: t.id,
  unitId: t.unitId,
  unitName: t.unitName,
  month: t.month,
  title: t.title,
  attachments: t.attachments,
  updatedAt: iso(t.updatedAt),
  own: t.unitId === unitId,
});

/**
 * Refuses a theme for a meeting unless it was published by a unit above the meeting's unit for the month the
 * meeting takes place in (Vietnam time). Used when planning a meeting and when picking a theme later.
 */
export async function assertThemeFits(
  db: DbOrTx,
  themeId: number,
  unitPath: string,
  scheduledAt: Date | string,
): Promise<void> {
  const theme = await themeAbove(db, themeId, unitPath);
  if (!theme) {
    throw invalid(
      'Chủ điểm đã chọn không dành cho chi đoàn/chi hội này: chỉ chọn được chủ điểm do tỉnh hoặc xã cấp trên ban hành.',
      [{ field: 'body.themeId' }],
    );
  }
  const day = vietnamDay(new Date(scheduledAt));
  if (theme.month !== day.slice(0, 7)) {
    throw invalid(
      `Chủ điểm "${theme.title}" dành cho tháng ${monthLabel(theme.month)}, còn buổi sinh hoạt diễn ra ngày ${day.slice(8, 10)}/${monthLabel(day.slice(0, 7))}: hãy chọn chủ điểm của tháng ${monthLabel(day.slice(0, 7))}.`,
      [{ field: 'body.themeId' }],
    );
  }
}

export function makeThemesService({ db, clock }: { db: Db; clock: Clock }) {
  const currentMonth = () => vietnamDay(clock.now()).slice(0, 7);

  return {
    /** Themes for a unit and month: those its ancestors published to it, and those it published itself. */
    async listForUnit(ctx: RequestContext, unitId: number, month?: string): Promise<ThemeList> {
      const unit = await findUnit(db, unitId);
      if (!unit) throw notFound('Đơn vị');
      assertCan(ctx.actor, 'meeting.read', subjectOf(unit), 'Đơn vị');
      const m = month ?? currentMonth();
      const items = await findThemes(
        db,
        sql`u.path @> ${unit.path}::ltree and t.month = ${m}`,
        sql`order by nlevel(u.path), t.created_at, t.id`,
      );
      return {
        month: m,
        items: items.map((t) => summaryOf(t, unit.id)),
        abilities: {
          publish: PUBLISHER_LEVELS.has(unit.level) && can(ctx.actor, 'theme.write', subjectOf(unit)),
        },
      };
    },

    async get(ctx: RequestContext, id: number): Promise<ThemeDetail> {
      const { theme, unit } = await themeFor(db, ctx, id, 'read');
      const { own: _own, ...summary } = summaryOf(theme);
      return {
        theme: { ...summary, body: theme.body, createdAt: iso(theme.createdAt) },
        attachments: await listFiles(db, 'theme', id),
        abilities: { edit: can(ctx.actor, 'theme.write', subjectOf(unit)) },
      };
    },

    async create(ctx: RequestContext, unitId: number, body: CreateThemeBody) {
      const unit = await findUnit(db, unitId);
      if (!unit) throw notFound('Đơn vị');
      assertCan(ctx.actor, 'theme.write', subjectOf(unit), 'Đơn vị');
      if (!PUBLISHER_LEVELS.has(unit.level)) {
        throw invalid(
          'Chỉ cấp tỉnh hoặc cấp xã (cơ sở) mới ban hành chủ điểm sinh hoạt cho các chi bên dưới.',
        );
      }
      if (!unit.active) throw invalid('Đơn vị đã ngừng hoạt động hoặc đã hợp nhất.');
      return db.transaction(async (tx) => {
        const ins = await one<{ id: number }>(
          tx,
          sql`insert into themes (unit_id, month, title, body, created_by)
          values (${unit.id}, ${body.month}, ${body.title}, ${body.body}, ${ctx.actor.userId}) returning id`,
        );
        const id = defined(ins, 'theme').id;
        await writeAudit(tx, ctx, {
          action: 'theme.create',
          entityType: 'theme',
          entityId: id,
          after: { unitId: unit.id, month: body.month, title: body.title },
        });
        return { id };
      });
    },

    async update(ctx: RequestContext, id: number, body: UpdateThemeBody) {
      const { theme } = await themeFor(db, ctx, id, 'write');
      return db.transaction(async (tx) => {
        if (body.month !== undefined && body.month !== theme.month) {
          const used = await countMeetingsUsing(tx, id);
          if (used > 0) {
            throw conflict(
              `Đã có ${used} buổi sinh hoạt chọn chủ điểm này trong tháng ${monthLabel(theme.month)}: không đổi tháng được. Hãy ban hành chủ điểm mới cho tháng khác.`,
            );
          }
        }
        const next = {
          month: body.month ?? theme.month,
          title: body.title ?? theme.title,
          body: body.body ?? theme.body,
        };
        await tx.execute(sql`update themes set month = ${next.month}, title = ${next.title}, body = ${next.body},
          updated_at = now() where id = ${id}`);
        const changed = (['month', 'title', 'body'] as const).filter((k) => next[k] !== theme[k]);
        await writeAudit(tx, ctx, {
          action: 'theme.update',
          entityType: 'theme',
          entityId: id,
          before: Object.fromEntries(changed.map((k) => [k, theme[k]])),
          after: Object.fromEntries(changed.map((k) => [k, next[k]])),
        });
        return { id };
      });
    },

    async coverage(ctx: RequestContext, id: number): Promise<ThemeCoverage> {
      const { theme, unit } = await themeFor(db, ctx, id, 'read');
      const rows = await coverageRows(db, ctx.actor, id, unit.path);
      const used = rows.filter((r) => r.meetingId !== null).length;
      return {
        theme: { id, title: theme.title, month: theme.month, unitName: theme.unitName },
        summary: {
          branches: rows.length,
          used,
          unused: rows.length - used,
          rate: rows.length > 0 ? used / rows.length : 0,
        },
        rows,
      };
    },

    /** A meeting picks (or drops, with null) the month's theme; refused once its minutes are locked. */
    async setMeetingTheme(ctx: RequestContext, meetingId: number, body: SetMeetingThemeBody) {
      const { m, unit } = await meetingFor(db, ctx, meetingId, 'meeting.write');
      if (m.status === 'locked')
        throw conflict('Biên bản đã khoá: không đổi được chủ điểm của buổi sinh hoạt.');
      if (body.themeId !== null) await assertThemeFits(db, body.themeId, unit.path, m.scheduledAt);
      return db.transaction(async (tx) => {
        const before = await one<{ themeId: number | null }>(
          tx,
          sql`select theme_id as "themeId" from meetings where id = ${meetingId} for update`,
        );
        await tx.execute(
          sql`update meetings set theme_id = ${body.themeId}, updated_at = now() where id = ${meetingId}`,
        );
        await writeAudit(tx, ctx, {
          action: 'meeting.theme',
          entityType: 'meeting',
          entityId: meetingId,
          before: { themeId: before?.themeId ?? null },
          after: { themeId: body.themeId },
        });
        return { id: meetingId };
      });
    },
  };
}
export type ThemesService = ReturnType<typeof makeThemesService>;
