import { sql } from 'drizzle-orm';
import type { Role } from '../../contracts/roles';
import type { Auth } from '../auth/auth';
import type { Db } from '../db/client';
import { one } from '../db/query';
import { roleGrants } from '../db/schema';
import { insertAccount } from '../modules/accounts/accounts.service';
import { seedVoiceDirectory } from '../modules/voice/directory';

export const DEMO_PASSWORD = 'DoanHoi@2026';

export interface Persona {
  username: string;
  name: string;
  role: Role;
  description: string;
  scope: {
    unitSql?: ReturnType<typeof sql>;
    areaSql?: ReturnType<typeof sql>;
    organizationCode?: string | null;
  };
}

const grassroots = (org: string, commune: string) =>
  sql`select u.id from units u join areas a on a.id = u.area_id where u.organization_code = ${org} and u.level = 'grassroots' and a.name = ${commune} and u.kind = 'residential' order by u.id limit 1`;
const province = (org: string) =>
  sql`select id from units where organization_code = ${org} and level = 'province' order by id limit 1`;
const firstBranch = (org: string, commune: string) =>
  sql`select b.id from units b join units g on g.id = b.parent_id join areas a on a.id = g.area_id
      where b.organization_code = ${org} and b.level = 'branch' and a.name = ${commune} and g.kind = 'residential' order by b.name, b.id limit 1`;
const area = (name: string, kind: string) =>
  sql`select id from areas where name = ${name} and kind = ${kind} limit 1`;

/** One account for every persona in PRODUCT.md, scoped to real units of the demo province. */
export const PERSONAS: Persona[] = [
  {
    username: 'admin',
    name: 'Quản trị hệ thống',
    role: 'admin',
    description: 'Quản trị: tổ chức, quy định, đơn vị, tài khoản',
    scope: {},
  },
  {
    username: 'tinhdoan',
    name: 'Nguyễn Văn Hùng',
    role: 'province_officer',
    description: 'Cán bộ Tỉnh Đoàn Hà Tĩnh',
    scope: { unitSql: province('DOAN') },
  },
  {
    username: 'phunu.tinh',
    name: 'Trần Thị Mai',
    role: 'province_officer',
    description: 'Cán bộ Hội LHPN tỉnh',
    scope: { unitSql: province('PHUNU') },
  },
  {
    username: 'doan.thachkhe',
    name: 'Lê Văn Nam',
    role: 'grassroots_officer',
    description: 'Bí thư Đoàn xã Thạch Khê',
    scope: { unitSql: grassroots('DOAN', 'Xã Thạch Khê') },
  },
  {
    username: 'doan.camxuyen',
    name: 'Phan Thị Hoa',
    role: 'grassroots_officer',
    description: 'Bí thư Đoàn xã Cẩm Xuyên',
    scope: { unitSql: grassroots('DOAN', 'Xã Cẩm Xuyên') },
  },
  {
    username: 'phunu.thachkhe',
    name: 'Võ Thị Lan',
    role: 'grassroots_officer',
    description: 'Chủ tịch Hội LHPN xã Thạch Khê',
    scope: { unitSql: grassroots('PHUNU', 'Xã Thạch Khê') },
  },
  {
    username: 'bithu.thachkhe',
    name: 'Hoàng Minh Tuấn',
    role: 'branch_head',
    description: 'Bí thư một chi đoàn ở xã Thạch Khê',
    scope: { unitSql: firstBranch('DOAN', 'Xã Thạch Khê') },
  },
  {
    username: 'chihoi.thachkhe',
    name: 'Đặng Thị Hằng',
    role: 'branch_head',
    description: 'Chi hội trưởng phụ nữ ở xã Thạch Khê',
    scope: { unitSql: firstBranch('PHUNU', 'Xã Thạch Khê') },
  },
  {
    username: 'giamsat.tinh',
    name: 'Bùi Văn Thắng',
    role: 'supervisor',
    description: 'Ban Tuyên giáo và Dân vận Tỉnh ủy (toàn tỉnh, chỉ xem)',
    scope: { areaSql: area('Tỉnh Hà Tĩnh', 'province'), organizationCode: null },
  },
  {
    username: 'dangu.thachkhe',
    name: 'Ngô Văn Bình',
    role: 'supervisor',
    description: 'Đảng ủy xã Thạch Khê (mọi tổ chức trong xã)',
    scope: { areaSql: area('Xã Thạch Khê', 'xa'), organizationCode: null },
  },
  {
    username: 'ubnd.thachkhe',
    name: 'UBND xã Thạch Khê',
    role: 'respondent',
    description: 'UBND xã Thạch Khê: trả lời kiến nghị',
    scope: { areaSql: area('Xã Thạch Khê', 'xa'), organizationCode: null },
  },
  {
    username: 'doanvien.thachkhe',
    name: 'Đoàn viên Thạch Khê',
    role: 'member',
    description: 'Một đoàn viên ở xã Thạch Khê',
    scope: { unitSql: firstBranch('DOAN', 'Xã Thạch Khê') },
  },
];

/** Creates the demo accounts (skipping any that exist). Returns the personas created. */
export async function seedPersonas(db: Db, auth: Auth): Promise<Persona[]> {
  const hash = await (await auth.$context).password.hash(DEMO_PASSWORD);
  const created: Persona[] = [];
  for (const p of PERSONAS) {
    if (await one(db, sql`select 1 from "user" where username = ${p.username}`)) continue;
    const unitId = p.scope.unitSql ? (await one<{ id: number }>(db, p.scope.unitSql))?.id : undefined;
    const areaId = p.scope.areaSql ? (await one<{ id: number }>(db, p.scope.areaSql))?.id : undefined;
    if ((p.scope.unitSql && !unitId) || (p.scope.areaSql && !areaId)) continue;
    await db.transaction(async (tx) => {
      const personId =
        p.role === 'member' && unitId
          ? (
              await one<{ id: number }>(
                tx,
                sql`select person_id as id from memberships where unit_id = ${unitId} and status = 'active' order by id limit 1`,
              )
            )?.id
          : undefined;
      const userId = await insertAccount(tx, {
        username: p.username,
        name: p.name,
        passwordHash: hash,
        personId,
      });
      await tx.insert(roleGrants).values({
        userId,
        role: p.role,
        unitId: unitId ?? null,
        areaId: areaId ?? null,
        organizationCode: p.scope.organizationCode ?? null,
      });
    });
    created.push(p);
  }
  await seedVoiceDirectory(db);
  return created;
}
