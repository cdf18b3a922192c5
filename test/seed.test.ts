import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../server/db/client';
import { loadAdminUnits, type SeedResult, seedReferenceData } from '../server/seed';
import { rows, seededTiny } from './helpers/seeded';

describe('demo seed (tiny scale)', () => {
  let a: { database: Database; result: SeedResult };
  let b: { database: Database; result: SeedResult };

  beforeAll(async () => {
    a = await seededTiny(7);
    b = await seededTiny(7);
  }, 120_000);

  afterAll(async () => {
    await a?.database.close();
    await b?.database.close();
  });

  it('loads the 69 communes and the former communes with their successions', async () => {
    const data = loadAdminUnits();
    const formerCodes = new Set(data.communes.flatMap((c) => c.formedFrom.map((f) => f.code)));
    const [c] = await rows<{ communes: number; former: number; orphans: number; provinces: number }>(
      a.database,
      sql`select
        (select count(*)::int from areas where kind in ('xa', 'phuong') and level = 2) as communes,
        (select count(*)::int from areas where kind = 'former_commune' and not active and valid_to is not null) as former,
        (select count(*)::int from areas f where f.kind = 'former_commune'
           and not exists (select 1 from area_successions s where s.former_area_id = f.id)) as orphans,
        (select count(*)::int from areas where kind = 'province') as provinces`,
    );
    expect(c?.communes).toBe(69);
    expect(c?.former).toBe(formerCodes.size);
    expect(formerCodes.size).toBeGreaterThanOrEqual(209);
    expect(c?.orphans).toBe(0);
    expect(c?.provinces).toBe(1);
    expect(a.result.formerCommunes).toBe(formerCodes.size);
  });

  it('is idempotent for reference data', async () => {
    await seedReferenceData(a.database.db);
    const [c] = await rows<{ n: number; orgs: number }>(
      a.database,
      sql`select (select count(*)::int from areas where level <= 2) as n, (select count(*)::int from organizations) as orgs`,
    );
    expect(c?.n).toBe(1 + 69 + a.result.formerCommunes);
    expect(c?.orgs).toBe(7);
  });

  it('creates a small tree for two communes only', () => {
    expect(a.result.refs.communes).toHaveLength(2);
    expect(a.result.villages).toBe(6);
    expect(a.result.persons).toBeGreaterThan(150);
    expect(a.result.persons).toBeLessThan(500);
    expect(Object.keys(a.result.refs.provinceUnits).sort()).toEqual([
      'CCB',
      'DOAN',
      'MTTQ',
      'NCT',
      'NONGDAN',
      'PHUNU',
    ]);
  });

  it('respects every organization eligibility rule', async () => {
    const bad = await rows<{ id: number; org: string }>(
      a.database,
      sql`with p as (
          select id, gender, veteran, occupation,
            coalesce(extract(year from age(date '2026-11-27', birth_date))::int, 2026 - birth_year - 1) as age_lo,
            coalesce(extract(year from age(date '2026-11-27', birth_date))::int, 2026 - birth_year) as age_hi
          from persons)
        select m.id, m.organization_code as org
        from memberships m
        join p on p.id = m.person_id
        left join organization_rules r on r.organization_code = m.organization_code and r.kind = 'eligibility'
        where r.id is null
          or (r.value->>'minAge' is not null and p.age_lo < (r.value->>'minAge')::int)
          or (r.value->>'maxAge' is not null and p.age_hi > (r.value->>'maxAge')::int)
          or (r.value->>'gender' is not null and p.gender <> r.value->>'gender')
          or (coalesce((r.value->>'veteran')::boolean, false) and not p.veteran)
          or (r.value->>'occupation' = 'agriculture' and p.occupation is distinct from 'Nông dân')`,
    );
    expect(bad).toEqual([]);
    const [n] = await rows<{ n: number }>(a.database, sql`select count(*)::int as n from memberships`);
    expect(n?.n).toBeGreaterThan(100);
  });

  it('stores each person once, some with several memberships, in a branch of their home area', async () => {
    const [c] = await rows<{ multi: number; dupes: number; outside: number }>(
      a.database,
      sql`select
        (select count(*)::int from (select person_id from memberships group by person_id having count(*) >= 2) x) as multi,
        (select count(*)::int from (select person_id, organization_code from memberships
           group by 1, 2 having count(*) > 1) y) as dupes,
        (select count(*)::int from memberships m join persons p on p.id = m.person_id join units u on u.id = m.unit_id
           join areas ua on ua.id = u.area_id join areas pa on pa.id = p.home_area_id
           where u.level <> 'branch' or not (pa.path <@ ua.path)) as outside`,
    );
    expect(c?.multi).toBeGreaterThan(10);
    expect(c?.dupes).toBe(0);
    expect(c?.outside).toBe(0);
  });

  it('keeps every unit path under its parent path', async () => {
    const bad = await rows<{ id: number }>(
      a.database,
      sql`select u.id from units u left join units p on p.id = u.parent_id
          where (u.parent_id is null and u.path <> text2ltree(u.id::text))
             or (u.parent_id is not null and (p.id is null or u.path <> p.path || text2ltree(u.id::text)))`,
    );
    expect(bad).toEqual([]);
    const badAreas = await rows<{ id: number }>(
      a.database,
      sql`select a.id from areas a join areas p on p.id = a.parent_id where a.path <> p.path || text2ltree(a.id::text)`,
    );
    expect(badAreas).toEqual([]);
  });

  it('is deterministic for a seed number', async () => {
    const q = sql`select family_name, given_name, birth_date, phone, national_id from persons order by id`;
    const first = await rows<Record<string, unknown>>(a.database, q);
    const second = await rows<Record<string, unknown>>(b.database, q);
    expect(first.length).toBe(a.result.persons);
    expect(second).toEqual(first);
    const units = sql`select name, path::text from units order by id`;
    expect(await rows(b.database, units)).toEqual(await rows(a.database, units));
  });
});
