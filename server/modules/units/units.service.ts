import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  CreateUnitBody,
  MergeUnitBody,
  MoveUnitBody,
  UnitSummary,
  UpdateUnitBody,
} from '../../../contracts/units';
import type { Db } from '../../db/client';
import { one, rows } from '../../db/query';
import { type RequestContext, writeAudit } from '../../lib/audit';
import { conflict, defined, invalid, notFound } from '../../lib/errors';
import { unaccent } from '../../lib/text';
import { assertCan, can } from '../../policy/policy';
import { unitScopeSql } from '../../policy/scope';
import { addUnitEvent, countsFor, findUnit, findUnits, type UnitRow, unitHistory } from './units.repo';

const CHILD_LEVEL: Record<string, UnitSummary['level'] | null> = {
  province: 'grassroots',
  grassroots: 'branch',
  branch: 'group',
  group: null,
};
const UNIT = 'Đơn vị';

const viCollator = new Intl.Collator('vi', { numeric: true });
/** Orders units the Vietnamese way (Đ after D, "Thôn 2" before "Thôn 10"), keeping the SQL level order. */
const byName = (rows: UnitRow[]) => [...rows].sort((a, b) => viCollator.compare(a.name, b.name));
const LEVEL_RANK: Record<string, number> = { province: 0, grassroots: 1, branch: 2, group: 3 };
const byLevelThenName = (rows: UnitRow[]) =>
  [...rows].sort(
    (a, b) =>
      (LEVEL_RANK[a.level] ?? 9) - (LEVEL_RANK[b.level] ?? 9) ||
      a.organizationCode.localeCompare(b.organizationCode) ||
      viCollator.compare(a.name, b.name),
  );

const subject = (u: UnitRow) => ({
  path: u.path,
  organizationCode: u.organizationCode,
  areaPath: u.areaPath,
});
const snapshot = (u: UnitRow) => ({
  name: u.name,
  parentId: u.parentId,
  path: u.path,
  kind: u.kind,
  difficultArea: u.difficultArea,
  active: u.active,
});

export function makeUnitsService({ db }: { db: Db }) {
  async function summaries(rows: UnitRow[]): Promise<UnitSummary[]> {
    const counts = await countsFor(db, rows);
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      level: r.level,
      kind: r.kind,
      organizationCode: r.organizationCode,
      parentId: r.parentId,
      areaId: r.areaId,
      areaName: r.areaName,
      childCount: counts.get(r.id)?.children ?? 0,
      memberCount: counts.get(r.id)?.members ?? 0,
      difficultArea: r.difficultArea,
      active: r.active,
    }));
  }

  /** A unit the actor may read, or 404. */
  async function readable(ctx: RequestContext, id: number): Promise<UnitRow> {
    const u = await findUnit(db, id);
    if (!u) throw notFound(UNIT);
    assertCan(ctx.actor, 'unit.read', subject(u), UNIT);
    return u;
  }

  async function writable(ctx: RequestContext, id: number): Promise<UnitRow> {
    const u = await readable(ctx, id);
    assertCan(ctx.actor, 'unit.write', subject(u), UNIT);
    return u;
  }

  const orgFilter = (org?: string) => (org ? sql`u.organization_code = ${org}` : sql`true`);
  const LEVEL_ORDER = sql`order by case u.level when 'province' then 0 when 'grassroots' then 1 when 'branch' then 2 else 3 end, u.organization_code, u.name`;

  return {
    readable,

    /** The highest units the actor can see: scoped units whose parent is out of scope. */
    async roots(ctx: RequestContext, org?: string): Promise<UnitSummary[]> {
      assertCan(ctx.actor, 'unit.read');
      const scope = unitScopeSql(ctx.actor, 'unit.read', 'u');
      const parentScope = unitScopeSql(ctx.actor, 'unit.read', 'p');
      const rows = await findUnits(
        db,
        sql`u.active and ${orgFilter(org)} and ${scope} and not exists (
          select 1 from units p where p.id = u.parent_id and ${parentScope})`,
        sql`${LEVEL_ORDER} limit 500`,
      );
      return summaries(byLevelThenName(rows));
    },

    async children(ctx: RequestContext, id: number): Promise<UnitSummary[]> {
      await readable(ctx, id);
      const rows = await findUnits(
        db,
        sql`u.parent_id = ${id} and u.active and ${unitScopeSql(ctx.actor, 'unit.read', 'u')}`,
        sql`order by u.name limit 1000`,
      );
      return summaries(byName(rows));
    },

    async search(ctx: RequestContext, q: { q?: string; organization?: string; limit: number }) {
      assertCan(ctx.actor, 'unit.read');
      const text = unaccent(q.q ?? '');
      const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const rows = await findUnits(
        db,
        sql`u.active and ${orgFilter(q.organization)} and u.search_text like ${like} and ${unitScopeSql(ctx.actor, 'unit.read', 'u')}`,
        sql`order by length(u.name), u.name limit ${q.limit}`,
      );
      const parents = rows.length
        ? await findUnits(
            db,
            sql`u.id in (${sql.join(
              rows.map((r) => sql`${r.parentId ?? 0}`),
              sql`, `,
            )}) and ${unitScopeSql(ctx.actor, 'unit.read', 'u')}`,
          )
        : [];
      const parentName = new Map(parents.map((p) => [p.id, p.name]));
      const items = await summaries(rows);
      return items.map((i) => ({
        ...i,
        parentName: i.parentId ? (parentName.get(i.parentId) ?? null) : null,
      }));
    },

    async get(ctx: RequestContext, id: number) {
      const u = await readable(ctx, id);
      const [summary] = await summaries([u]);
      const ancestorIds = u.path.split('.').slice(0, -1).map(Number);
      const ancestors = ancestorIds.length
        ? await findUnits(
            db,
            sql`u.id in (${sql.join(
              ancestorIds.map((a) => sql`${a}`),
              sql`, `,
            )}) and ${unitScopeSql(ctx.actor, 'unit.read', 'u')}`,
            sql`order by nlevel(u.path)`,
          )
        : [];
      const canWrite = can(ctx.actor, 'unit.write', subject(u)) && u.active;
      return {
        unit: { ...defined(summary, 'unit summary'), path: u.path, mergedIntoId: u.mergedIntoId },
        ancestors: ancestors.map((a) => ({ id: a.id, name: a.name })),
        history: await unitHistory(db, id),
        abilities: {
          update: canWrite,
          move: canWrite && u.level !== 'province',
          merge: canWrite && u.level !== 'province',
          createChild: canWrite && CHILD_LEVEL[u.level] !== null,
          // the Party development records tell Party membership: only roles that read sensitive fields
          readParty: can(ctx.actor, 'person.readSensitive', subject(u)),
        },
      };
    },

    async create(ctx: RequestContext, body: z.infer<typeof CreateUnitBody>) {
      const parent = await writable(ctx, body.parentId);
      const level = CHILD_LEVEL[parent.level];
      if (!level) throw invalid('Không thể tạo đơn vị con dưới một tổ/phân đoàn.');
      if (!parent.active) throw invalid('Đơn vị cha đã ngừng hoạt động hoặc đã hợp nhất.');
      const area = await one<{ path: string }>(
        db,
        sql`select path::text as path from areas where id = ${body.areaId} and active`,
      );
      if (!area) throw invalid('Địa bàn không tồn tại hoặc đã ngừng hiệu lực.', [{ field: 'areaId' }]);
      if (!(area.path === parent.areaPath || area.path.startsWith(`${parent.areaPath}.`))) {
        throw invalid(`Địa bàn phải nằm trong địa bàn của đơn vị cha (${parent.areaName}).`, [
          { field: 'areaId' },
        ]);
      }
      return db.transaction(async (tx) => {
        const ins = await one<{ id: number }>(
          tx,
          sql`
          insert into units (organization_code, level, kind, name, search_text, parent_id, path, area_id, difficult_area)
          values (${parent.organizationCode}, ${level}, ${body.kind}, ${body.name}, ${unaccent(body.name)}, ${parent.id}, '0', ${body.areaId}, ${body.difficultArea})
          returning id`,
        );
        const id = defined(ins, 'inserted unit').id;
        await tx.execute(sql`update units set path = ${`${parent.path}.${id}`}::ltree where id = ${id}`);
        const created = defined(await findUnit(tx, id), 'unit');
        await addUnitEvent(tx, {
          unitId: id,
          kind: 'created',
          after: snapshot(created),
          actorUserId: ctx.actor.userId,
        });
        await writeAudit(tx, ctx, {
          action: 'unit.create',
          entityType: 'unit',
          entityId: id,
          after: snapshot(created),
        });
        return { id };
      });
    },

    async update(ctx: RequestContext, id: number, body: z.infer<typeof UpdateUnitBody>) {
      const u = await writable(ctx, id);
      if (!u.active) throw invalid('Đơn vị đã ngừng hoạt động hoặc đã hợp nhất, không thể sửa.');
      return db.transaction(async (tx) => {
        const name = body.name ?? u.name;
        await tx.execute(sql`update units set name = ${name}, search_text = ${unaccent(name)},
          kind = ${body.kind ?? u.kind}, difficult_area = ${body.difficultArea ?? u.difficultArea}, updated_at = now()
          where id = ${id}`);
        const after = defined(await findUnit(tx, id), 'unit');
        const kind = body.name && body.name !== u.name ? 'renamed' : 'updated';
        await addUnitEvent(tx, {
          unitId: id,
          kind,
          before: snapshot(u),
          after: snapshot(after),
          actorUserId: ctx.actor.userId,
        });
        await writeAudit(tx, ctx, {
          action: `unit.${kind === 'renamed' ? 'rename' : 'update'}`,
          entityType: 'unit',
          entityId: id,
          before: snapshot(u),
          after: snapshot(after),
        });
        return { id };
      });
    },

    async move(ctx: RequestContext, id: number, body: z.infer<typeof MoveUnitBody>) {
      const u = await writable(ctx, id);
      const parent = await writable(ctx, body.newParentId);
      if (u.level === 'province') throw invalid('Không thể chuyển đơn vị cấp tỉnh.');
      if (parent.organizationCode !== u.organizationCode)
        throw invalid('Chỉ chuyển được trong cùng một tổ chức.');
      if (CHILD_LEVEL[parent.level] !== u.level)
        throw invalid('Đơn vị cha mới không đúng cấp cho đơn vị này.');
      if (parent.path === u.path || parent.path.startsWith(`${u.path}.`))
        throw invalid('Không thể chuyển một đơn vị vào chính nó hoặc đơn vị con của nó.');
      if (parent.id === u.parentId) throw conflict('Đơn vị đã ở dưới đơn vị cha này.');
      if (!parent.active) throw invalid('Đơn vị cha mới đã ngừng hoạt động.');
      return db.transaction(async (tx) => {
        await tx.execute(sql`update units set
            path = ${parent.path}::ltree || subpath(path, nlevel(${u.path}::ltree) - 1),
            parent_id = case when id = ${id} then ${parent.id} else parent_id end,
            updated_at = now()
          where path <@ ${u.path}::ltree`);
        const after = defined(await findUnit(tx, id), 'unit');
        await addUnitEvent(tx, {
          unitId: id,
          kind: 'moved',
          before: snapshot(u),
          after: snapshot(after),
          actorUserId: ctx.actor.userId,
        });
        await writeAudit(tx, ctx, {
          action: 'unit.move',
          entityType: 'unit',
          entityId: id,
          before: snapshot(u),
          after: snapshot(after),
        });
        return { id };
      });
    },

    /** Merges unit `id` into the target: children and memberships move over; the unit is kept, inactive. */
    async merge(ctx: RequestContext, id: number, body: z.infer<typeof MergeUnitBody>) {
      const u = await writable(ctx, id);
      const target = await writable(ctx, body.targetUnitId);
      if (u.id === target.id) throw invalid('Không thể hợp nhất một đơn vị với chính nó.');
      if (u.organizationCode !== target.organizationCode || u.level !== target.level) {
        throw invalid('Chỉ hợp nhất được hai đơn vị cùng tổ chức và cùng cấp.');
      }
      if (!u.active || !target.active) throw invalid('Một trong hai đơn vị đã ngừng hoạt động.');
      if (u.level === 'province') throw invalid('Không thể hợp nhất đơn vị cấp tỉnh.');
      return db.transaction(async (tx) => {
        const moved = await rows<{ id: number }>(
          tx,
          sql`update memberships set unit_id = ${target.id} where unit_id = ${id} returning id`,
        );
        const kids = await rows<{ id: number; path: string }>(
          tx,
          sql`select id, path::text as path from units where parent_id = ${id}`,
        );
        for (const k of kids) {
          await tx.execute(sql`update units set path = ${target.path}::ltree || subpath(path, nlevel(${k.path}::ltree) - 1),
            parent_id = case when id = ${k.id} then ${target.id} else parent_id end where path <@ ${k.path}::ltree`);
        }
        await tx.execute(
          sql`update units set active = false, merged_into_id = ${target.id}, updated_at = now() where id = ${id}`,
        );
        const info = {
          mergedInto: { id: target.id, name: target.name },
          memberships: moved.length,
          children: kids.length,
        };
        await addUnitEvent(tx, {
          unitId: id,
          kind: 'merged_into',
          before: snapshot(u),
          after: info,
          actorUserId: ctx.actor.userId,
        });
        await addUnitEvent(tx, {
          unitId: target.id,
          kind: 'merged_from',
          after: { from: { id: u.id, name: u.name }, memberships: moved.length },
          actorUserId: ctx.actor.userId,
        });
        await writeAudit(tx, ctx, {
          action: 'unit.merge',
          entityType: 'unit',
          entityId: id,
          before: snapshot(u),
          after: info,
        });
        return { id: target.id, movedMemberships: moved.length, movedChildren: kids.length };
      });
    },
  };
}
export type UnitsService = ReturnType<typeof makeUnitsService>;
