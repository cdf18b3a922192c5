/**
 * The member list's filters, search, order, pages and totals. Every expected number is counted here straight
 * from persons/memberships with SQL written for the test, not through the product's query builder.
 */
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActor } from '../../server/auth/actor';
import { rows } from '../../server/db/query';
import { personSortKey, unaccent } from '../../server/lib/text';
import { makePeopleService } from '../../server/modules/people/people.service';
import { makeTestApp, type TestApp } from '../helpers/app';
import { refs } from '../helpers/fixtures';
import { addMember, expectedTotals, TODAY, testClock } from '../helpers/members';

let t: TestApp;
let ref: Awaited<ReturnType<typeof refs>>;
let branch: number;
const added = { hong: 0, phong: 0, anYounger: 0, anOlder: 0, anh: 0, binh: 0 };

beforeAll(async () => {
  t = await makeTestApp({ clock: testClock });
  ref = await refs(t.database.db);
  branch = (await ref.branches(ref.doanTK))[0]!.id;
  const db = t.database.db;
  added.hong = await addMember(db, branch, {
    familyName: 'Nguyễn Thị',
    givenName: 'Hồng',
    birthDate: '2001-04-30',
  });
  added.phong = await addMember(db, branch, {
    familyName: 'Trần Văn',
    givenName: 'Phong',
    gender: 'M',
    birthDate: '1997-12-01',
    awayFromHome: true,
  });
  // Same name, two birth dates: the older one comes first.
  added.anYounger = await addMember(db, branch, {
    familyName: 'Lê Văn',
    givenName: 'An',
    birthDate: '2003-02-01',
  });
  added.anOlder = await addMember(db, branch, {
    familyName: 'Lê Văn',
    givenName: 'An',
    birthDate: '1999-09-09',
  });
  added.anh = await addMember(db, branch, { familyName: 'Võ Thị', givenName: 'Ánh', birthYear: 2000 });
  added.binh = await addMember(db, branch, { familyName: 'Võ Thị', givenName: 'Bình', birthYear: 2000 });
});
afterAll(async () => t.close());

interface Item {
  id: number;
  fullName: string;
  familyName: string;
  givenName: string;
  birthDate: string | null;
  birthYear: number | null;
  memberships: { unitId: number; organizationCode: string; status: string; position: string | null }[];
}
interface Page {
  items: Item[];
  total: number;
  totalCapped: boolean;
  totalMemberships: number | null;
  abilities: { readSensitive: boolean };
}
const list = async (user: string, query: string, status = 200): Promise<Page> => {
  const res = await t.as(user, 'GET', `/api/people?${query}`);
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
};
const totalsOf = (p: Page) => ({ people: p.total, memberships: p.totalMemberships });
const LIVE = sql`m.status in ('active', 'transferring')`;
/** Age on TODAY: from the birth date, or this year minus the birth year. */
const AGE = sql`(case when p.birth_date is not null
  then date_part('year', age(${TODAY}::date, p.birth_date)) else ${Number(TODAY.slice(0, 4))} - p.birth_year end)`;

describe('filters, each with its count', () => {
  const doan = (where: SQL) => expectedTotals(t.database.db, ref.doanTK, where);

  it('no filter: live memberships of the scope', async () => {
    expect(totalsOf(await list('doan.thachkhe', 'pageSize=1'))).toEqual(await doan(LIVE));
  });

  it('organization, through a supervisor who sees every organization of the commune', async () => {
    const root = (
      await rows<{ id: number }>(
        t.database.db,
        sql`select u.id from units u join areas a on a.id = u.area_id
        where a.name = 'Xã Thạch Khê' and u.level = 'grassroots' and u.organization_code = 'PHUNU'`,
      )
    )[0]!.id;
    const page = await list('dangu.thachkhe', 'organization=PHUNU&pageSize=200');
    expect(totalsOf(page)).toEqual(await expectedTotals(t.database.db, root, LIVE));
    expect(page.items.every((p) => p.memberships.every((m) => m.organizationCode === 'PHUNU'))).toBe(true);
  });

  it('membership status: left, ended, all', async () => {
    expect(totalsOf(await list('doan.thachkhe', 'status=left'))).toEqual(await doan(sql`m.status = 'left'`));
    expect(totalsOf(await list('doan.thachkhe', 'status=ended'))).toEqual(
      await doan(sql`m.status in ('left', 'removed', 'deceased', 'aged_out')`),
    );
    const all = await list('doan.thachkhe', 'status=all');
    expect(totalsOf(all)).toEqual(await doan(sql`true`));
    expect((await doan(sql`m.status = 'left'`)).people).toBeGreaterThan(0);
  });

  it.each([
    ['16-18', sql`between 16 and 18`],
    ['19-24', sql`between 19 and 24`],
    ['25-30', sql`between 25 and 30`],
    ['31-45', sql`between 31 and 45`],
    ['46-60', sql`between 46 and 60`],
    ['61+', sql`>= 61`],
  ])('age band %s (birth date, or the year alone)', async (band, range) => {
    const expected = await expectedTotals(t.database.db, ref.doanTK, sql`${LIVE} and ${AGE} ${range}`);
    expect(totalsOf(await list('doan.thachkhe', `ageBand=${encodeURIComponent(band)}`))).toEqual(expected);
  });

  it('the age bands of Đoàn members cover them all, and the seeded ones are not empty', async () => {
    let sum = 0;
    for (const band of ['16-18', '19-24', '25-30']) {
      const p = await list('doan.thachkhe', `ageBand=${band}`);
      expect(p.total).toBeGreaterThan(0);
      sum += p.total;
    }
    const outside = await doan(sql`${LIVE} and not (${AGE} between 16 and 30)`);
    expect(sum + outside.people).toBe((await doan(LIVE)).people);
  });

  it('gender', async () => {
    for (const g of ['M', 'F']) {
      expect(totalsOf(await list('doan.thachkhe', `gender=${g}`))).toEqual(
        await doan(sql`${LIVE} and p.gender = ${g}`),
      );
    }
  });

  it('Party status, for roles that may read it; refused to supervisors', async () => {
    const party = await list('bithu.thachkhe', 'party=member');
    expect(totalsOf(party)).toEqual(
      await expectedTotals(
        t.database.db,
        (await ref.branches(ref.doanTK))[0]!.id,
        sql`${LIVE} and p.party_status in ('probationary', 'full')`,
      ),
    );
    expect(totalsOf(await list('doan.thachkhe', 'party=none'))).toEqual(
      await doan(sql`${LIVE} and p.party_status = 'none'`),
    );
    const full = await list('doan.thachkhe', 'party=full');
    expect(totalsOf(full)).toEqual(await doan(sql`${LIVE} and p.party_status = 'full'`));
    expect(full.total).toBeGreaterThan(0);
    const refused = await t.as('dangu.thachkhe', 'GET', '/api/people?party=member');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toMatch(/tình trạng đảng viên/);
    expect((await list('dangu.thachkhe', 'pageSize=1')).abilities.readSensitive).toBe(false);
    expect((await list('doan.thachkhe', 'pageSize=1')).abilities.readSensitive).toBe(true);
  });

  it('working away from home', async () => {
    const away = await list('doan.thachkhe', 'away=1');
    expect(totalsOf(away)).toEqual(await doan(sql`${LIVE} and p.away_from_home`));
    expect(away.total).toBeGreaterThan(0);
    expect(totalsOf(await list('doan.thachkhe', 'away=0'))).toEqual(
      await doan(sql`${LIVE} and not p.away_from_home`),
    );
  });

  it('cadres (a position in the branch), with only those memberships listed', async () => {
    const page = await list('doan.thachkhe', 'cadre=1&pageSize=200');
    expect(totalsOf(page)).toEqual(await doan(sql`${LIVE} and m.position is not null`));
    expect(page.total).toBeGreaterThan(0);
    expect(page.items.every((p) => p.memberships.every((m) => m.position !== null))).toBe(true);
  });

  it('filters combine', async () => {
    const page = await list('doan.thachkhe', 'gender=F&ageBand=19-24&away=0&status=active');
    expect(totalsOf(page)).toEqual(
      await doan(
        sql`m.status = 'active' and p.gender = 'F' and ${AGE} between 19 and 24 and not p.away_from_home`,
      ),
    );
  });

  it('under a unit of the scope', async () => {
    expect(totalsOf(await list('doan.thachkhe', `unitId=${branch}`))).toEqual(
      await expectedTotals(t.database.db, branch, LIVE),
    );
  });
});

describe('search', () => {
  const ids = async (q: string, user = 'doan.thachkhe') =>
    (await list(user, `q=${encodeURIComponent(q)}&pageSize=200`)).items.map((p) => p.id);

  it('finds "Nguyễn Thị Hồng" typed without diacritics, in capitals, in NFC and in NFD', async () => {
    const nfc = 'Nguyễn Thị Hồng'.normalize('NFC');
    const nfd = 'Nguyễn Thị Hồng'.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    for (const q of [
      'nguyen thi hong',
      'NGUYEN THI HONG',
      'nguyễn thị hồng',
      nfc,
      nfd,
      '  nguyen   thi  hong ',
    ]) {
      expect(await ids(q), q).toContain(added.hong);
    }
  });

  it('matches from the start of a word: "hong" finds Hồng but not Phong', async () => {
    const found = await ids('hong');
    expect(found).toContain(added.hong);
    expect(found).not.toContain(added.phong);
  });

  it('returns exactly the people of the scope whose name has a word starting with the query', async () => {
    const everyone = await rows<{ id: number; name: string }>(
      t.database.db,
      sql`select distinct p.id, p.family_name || ' ' || p.given_name as name
        from persons p join memberships m on m.person_id = p.id join units u on u.id = m.unit_id
        join units r on u.path <@ r.path where r.id = ${ref.doanTK} and ${LIVE}`,
    );
    for (const q of ['thi', 'nguyen van', 'ng']) {
      const expected = everyone
        .filter((p) => ` ${unaccent(p.name)}`.includes(` ${q}`))
        .map((p) => p.id)
        .sort((a, b) => a - b);
      expect(expected.length).toBeLessThanOrEqual(200);
      const page = await list('doan.thachkhe', `q=${encodeURIComponent(q)}&pageSize=200`);
      expect(page.total, q).toBe(expected.length);
      expect(
        page.items.map((p) => p.id).sort((a, b) => a - b),
        q,
      ).toEqual(expected);
    }
  });

  it('finds phone numbers by all their digits or a part', async () => {
    const [withPhone] = await rows<{ id: number; phone: string }>(
      t.database.db,
      sql`select p.id, p.phone from persons p join memberships m on m.person_id = p.id join units u on u.id = m.unit_id
        join units r on u.path <@ r.path where r.id = ${ref.doanTK} and ${LIVE} and p.phone is not null
        order by p.id limit 1`,
    );
    expect(await ids(withPhone!.phone)).toEqual([withPhone!.id]);
    expect(await ids(`${withPhone!.phone.slice(0, 4)} ${withPhone!.phone.slice(4)}`)).toEqual([
      withPhone!.id,
    ]);
    expect(await ids(withPhone!.phone.slice(3, 8))).toContain(withPhone!.id);
  });

  it('does not reach outside the scope', async () => {
    expect(await ids('nguyen thi hong', 'doan.camxuyen')).not.toContain(added.hong);
  });
});

describe('order, pages and totals', () => {
  const birthKey = (p: Item) => p.birthDate ?? (p.birthYear ? `${p.birthYear}-01-01` : '9999');
  const everyPage = async (size: number) => {
    const first = await list('doan.thachkhe', `pageSize=${size}&page=1`);
    const out = [...first.items];
    for (let page = 2; (page - 1) * size < first.total; page++) {
      const next = await list('doan.thachkhe', `pageSize=${size}&page=${page}`);
      expect(totalsOf(next)).toEqual(totalsOf(first));
      out.push(...next.items);
    }
    return { first, out };
  };

  it('sorts by tên, then họ đệm (Vietnamese alphabet), then birth date', async () => {
    const { out } = await everyPage(200);
    const keys = out.map((p) => `${personSortKey(p.familyName, p.givenName)}\u0000${birthKey(p)}`);
    expect(keys).toEqual([...keys].sort());
    const pos = (id: number) => out.findIndex((p) => p.id === id);
    expect(pos(added.anOlder)).toBe(pos(added.anYounger) - 1);
    // Ánh before Bình, although "Á" sorts after "B" byte by byte.
    expect(pos(added.anh)).toBeLessThan(pos(added.binh));
  });

  it('pages cover the list once each, in the same order as one big page', async () => {
    const { first, out } = await everyPage(37);
    expect(out.length).toBe(first.total);
    expect(new Set(out.map((p) => p.id)).size).toBe(out.length);
    const big = await everyPage(200);
    expect(out.map((p) => p.id)).toEqual(big.out.map((p) => p.id));
  });

  it('walking the name index (large scopes) gives the same pages and totals as gathering', async () => {
    const db = t.database.db;
    const walking = makePeopleService({ db, clock: testClock, walkFrom: 0 });
    const gathering = makePeopleService({ db, clock: testClock, walkFrom: Number.MAX_SAFE_INTEGER });
    // a commune's supervisor (several organizations, part of the province: totals counted from the memberships),
    // the administrator (every live membership: people from person_live) and the province's Youth Union officer
    // (one organization: people = memberships, from the per-unit counts)
    for (const who of ['dangu.thachkhe', 'admin', 'tinhdoan']) {
      const actor = await loadActor(db, await ref.userId(who));
      const ctx = { actor: actor!, requestId: 'test' };
      for (const q of [{}, { page: 2 }, { status: 'all' as const, page: 3 }, { organization: 'PHUNU' }]) {
        const query = { status: 'live' as const, page: 1, pageSize: 20, ...q };
        const [a, b] = [await walking.list(ctx, query), await gathering.list(ctx, query)];
        expect(a, `${who} ${JSON.stringify(q)}`).toEqual(b);
        if (who !== 'tinhdoan' || !q.organization) expect(a.items.length).toBe(20);
      }
    }
  });

  it('a name search over a large scope walks the name order: same pages as gathering, "more than" past the cap', async () => {
    const db = t.database.db;
    const gathering = makePeopleService({ db, clock: testClock, walkFrom: Number.MAX_SAFE_INTEGER });
    const walking = makePeopleService({ db, clock: testClock, walkFrom: 0 });
    const capped = makePeopleService({ db, clock: testClock, walkFrom: 0, searchCap: 5 });
    const actor = await loadActor(db, await ref.userId('dangu.thachkhe'));
    const ctx = { actor: actor!, requestId: 'test' };
    for (const q of [
      { q: 'nguyen' },
      { q: 'NGUYỄN THỊ'.normalize('NFD'), page: 2 },
      { q: 'thi', gender: 'F' as const },
      { q: 'thi', organization: 'PHUNU' },
    ]) {
      const query = { status: 'live' as const, page: 1, pageSize: 10, ...q };
      const exact = await gathering.list(ctx, query);
      expect(exact.total, JSON.stringify(q)).toBeGreaterThan(10);
      expect(await walking.list(ctx, query), JSON.stringify(q)).toEqual(exact);
      const c = await capped.list(ctx, query);
      expect({ total: c.total, capped: c.totalCapped, memberships: c.totalMemberships }).toEqual({
        total: 5,
        capped: true,
        memberships: null,
      });
      // The rows are still the exact list's rows of that page, in name order.
      expect(c.items.map((p) => p.id)).toEqual(exact.items.map((p) => p.id));
    }
    // A search that matches nobody: zero, not capped.
    const none = await capped.list(ctx, { status: 'live', page: 1, pageSize: 10, q: 'zzzz' });
    expect({ total: none.total, capped: none.totalCapped, items: none.items.length }).toEqual({
      total: 0,
      capped: false,
      items: 0,
    });
  });

  it('refuses a page size over 200', async () => {
    await list('doan.thachkhe', 'pageSize=201', 400);
  });
});
