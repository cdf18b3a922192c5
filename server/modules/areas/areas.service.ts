import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AreaDetail, AreaItem, AreaListQuery } from '../../../contracts/areas';
import type { Db } from '../../db/client';
import type { RequestContext } from '../../lib/audit';
import { notFound } from '../../lib/errors';
import { unaccent } from '../../lib/text';
import { assertCan } from '../../policy/policy';
import { type AreaRow, findAreas, successionsFor } from './areas.repo';

const AREA = 'Địa bàn';
const likeContains = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Areas are public geography: any role holding 'area.read' sees all of them, so no unit scope applies. */
export function makeAreasService({ db }: { db: Db }) {
  async function items(areas: AreaRow[]): Promise<AreaItem[]> {
    const links = await successionsFor(
      db,
      areas.map((a) => a.id),
    );
    return areas.map((a) => ({
      id: a.id,
      code: a.code,
      name: a.name,
      kind: a.kind,
      level: a.level,
      active: a.active,
      validTo: a.validTo,
      successors: links
        .filter((l) => l.formerId === a.id)
        .map((l) => ({ id: l.successorId, name: l.successorName })),
      formerAreas: links
        .filter((l) => l.successorId === a.id)
        .map((l) => ({ id: l.formerId, name: l.formerName, whole: l.whole })),
    }));
  }

  return {
    async list(ctx: RequestContext, q: z.infer<typeof AreaListQuery>): Promise<{ items: AreaItem[] }> {
      assertCan(ctx.actor, 'area.read');
      const text = unaccent(q.q ?? '');
      const where = sql.join(
        [
          q.parentId ? sql`a.parent_id = ${q.parentId}` : sql`true`,
          text ? sql`a.search_text like ${likeContains(text)}` : sql`true`,
          q.includeFormer ? sql`true` : sql`a.active`,
        ],
        sql` and `,
      );
      const order = text
        ? sql`order by a.active desc, a.level, length(a.name), a.name limit ${q.limit}`
        : sql`order by a.active desc, a.level, a.name limit ${q.limit}`;
      return { items: await items(await findAreas(db, where, order)) };
    },

    async get(ctx: RequestContext, id: number): Promise<AreaDetail> {
      assertCan(ctx.actor, 'area.read');
      const [area] = await findAreas(db, sql`a.id = ${id}`);
      const [item] = area ? await items([area]) : [];
      if (!area || !item) throw notFound(AREA);
      const [parent] = area.parentId ? await findAreas(db, sql`a.id = ${area.parentId}`) : [];
      return { ...item, parent: parent ? { id: parent.id, name: parent.name } : null };
    },
  };
}
export type AreasService = ReturnType<typeof makeAreasService>;
