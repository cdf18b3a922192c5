import { sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import { one, rows } from '../../server/db/query';

/** Ids of seeded units and areas that tests refer to by name. */
export async function refs(db: Db) {
  const grassroots = async (org: string, commune: string) =>
    (await one<{ id: number }>(
      db,
      sql`select u.id from units u join areas a on a.id = u.area_id
      where u.organization_code = ${org} and u.level = 'grassroots' and a.name = ${commune} and u.kind = 'residential' order by u.id limit 1`,
    ))!.id;
  const branches = async (parentId: number) =>
    await rows<{ id: number; name: string; areaId: number }>(
      db,
      sql`select id, name, area_id as "areaId" from units where parent_id = ${parentId} and level = 'branch' order by name, id`,
    );
  const area = async (name: string) =>
    (await one<{ id: number }>(db, sql`select id from areas where name = ${name} and active limit 1`))!.id;
  const doanTK = await grassroots('DOAN', 'Xã Thạch Khê');
  const doanCX = await grassroots('DOAN', 'Xã Cẩm Xuyên');
  const phunuTK = await grassroots('PHUNU', 'Xã Thạch Khê');
  const userId = async (username: string) =>
    (await one<{ id: string }>(db, sql`select id from "user" where username = ${username}`))!.id;
  const personIn = async (unitId: number) =>
    (await one<{ id: number }>(
      db,
      sql`select m.person_id as id from memberships m join units u on u.id = m.unit_id join units r on u.path <@ r.path
      where r.id = ${unitId} and m.status = 'active' order by m.person_id limit 1`,
    ))!.id;
  return { doanTK, doanCX, phunuTK, branches, area, userId, personIn };
}
