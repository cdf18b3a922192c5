import { type SQL, sql } from 'drizzle-orm';
import type { ThemeCoverage } from '../../../contracts/themes';
import type { DbOrTx } from '../../db/client';
import { one, rows } from '../../db/query';
import type { Actor } from '../../policy/policy';
import { unitScopeSql } from '../../policy/scope';

export interface ThemeRow {
  id: number;
  unitId: number;
  unitName: string;
  unitPath: string;
  month: string;
  title: string;
  body: string;
  attachments: number;
  createdAt: Date | string;
  updatedAt: Date | string;
}

/** Themes matching a condition on t (themes) / u (the publishing unit), with their attachment counts. */
export function findThemes(db: DbOrTx, where: SQL, order: SQL = sql`order by t.id`): Promise<ThemeRow[]> {
  return rows<ThemeRow>(
    db,
    sql`select t.id, t.unit_id as "unitId", u.name as "unitName", u.path::text as "unitPath", t.month, t.title,
      t.body, t.created_at as "createdAt", t.updated_at as "updatedAt",
      (select count(*) from files f where f.owner_type = 'theme' and f.owner_id = t.id)::int as attachments
    from themes t join units u on u.id = t.unit_id where ${where} ${order}`,
  );
}

export async function findTheme(db: DbOrTx, id: number): Promise<ThemeRow | undefined> {
  return (await findThemes(db, sql`t.id = ${id}`))[0];
}

/** True when some unit at or below the publisher is in the actor's meeting-reading scope. */
export async function subtreeReadable(db: DbOrTx, actor: Actor, publisherPath: string): Promise<boolean> {
  const row = await one<{ ok: boolean }>(
    db,
    sql`select exists (select 1 from units s where s.path <@ ${publisherPath}::ltree
      and ${unitScopeSql(actor, 'meeting.read', 's')}) as ok`,
  );
  return !!row?.ok;
}

/** The theme when it was published by a unit strictly above `unitPath`; undefined otherwise. */
export function themeAbove(db: DbOrTx, themeId: number, unitPath: string) {
  return one<{ id: number; month: string; title: string }>(
    db,
    sql`select t.id, t.month, t.title from themes t join units u on u.id = t.unit_id
    where t.id = ${themeId} and u.path @> ${unitPath}::ltree and u.path <> ${unitPath}::ltree`,
  );
}

/** The theme a meeting picked, if any. */
export async function meetingTheme(db: DbOrTx, meetingId: number) {
  const row = await one<{ id: number; title: string }>(
    db,
    sql`select t.id, t.title from meetings m join themes t on t.id = m.theme_id where m.id = ${meetingId}`,
  );
  return row ?? null;
}

export async function countMeetingsUsing(db: DbOrTx, themeId: number): Promise<number> {
  const row = await one<{ n: number }>(
    db,
    sql`select count(*)::int as n from meetings where theme_id = ${themeId}`,
  );
  return row?.n ?? 0;
}

type CoverageRow = ThemeCoverage['rows'][number];

/**
 * Every active branch below the publisher that the actor may read, with the first meeting (of the branch or a
 * group in it) that used the theme; unused first. The theme's meetings are found once, then matched by path.
 */
export async function coverageRows(db: DbOrTx, actor: Actor, themeId: number, publisherPath: string) {
  const res = await rows<Omit<CoverageRow, 'meetingAt'> & { meetingAt: Date | string | null }>(
    db,
    sql`with used as (
      select m.id, m.scheduled_at, mu.path from meetings m join units mu on mu.id = m.unit_id
      where m.theme_id = ${themeId}
    )
    select b.id as "unitId", b.name as "unitName", p.name as "parentName", b.difficult_area as "difficultArea",
      um.id as "meetingId", um.scheduled_at as "meetingAt"
    from units b
    left join units p on p.id = b.parent_id
    left join lateral (
      select used.id, used.scheduled_at from used where used.path <@ b.path order by used.scheduled_at, used.id limit 1
    ) um on true
    where b.level = 'branch' and b.active and b.path <@ ${publisherPath}::ltree
      and ${unitScopeSql(actor, 'meeting.read', 'b')}
    order by (um.id is not null), b.difficult_area desc, p.name, b.name, b.id
    limit 20000`,
  );
  return res.map((r) => ({
    ...r,
    meetingAt: r.meetingAt === null ? null : new Date(r.meetingAt).toISOString(),
  }));
}
