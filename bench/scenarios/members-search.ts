/**
 * members.search: the member search box (PeopleService.list with q) over the province: a full name without
 * diacritics as the province Đoàn officer, the same name typed in NFD as the admin, surname + middle name (a broad
 * query: thousands of people) as the admin, a name in one commune as its Đoàn officer, a whole phone number and
 * the last digits of one. The floor finds the persons with the same conditions written by hand, counts their
 * memberships in scope and sorts.
 */
import { sql } from 'drizzle-orm';
import { one } from '../../server/db/query';
import { makePeopleService, SEARCH_CAP } from '../../server/modules/people/people.service';
import { adminActor, communeRefs, ctxFor, unitActor } from '../lib/actors';
import { type BenchContext, defineScenario } from '../lib/scenario';
import { benchClock, floorList, listQuery, underUnit } from './members-list';

async function setup({ db }: BenchContext) {
  const refs = await communeRefs(db, 'DOAN');
  // Someone with a phone and a live membership, found by that number.
  const withPhone = await one<{ phone: string }>(
    db,
    sql`select p.phone from persons p where p.phone is not null
      and exists (select 1 from memberships m where m.person_id = p.id and m.status = 'active')
      order by p.id limit 1 offset 1000`,
  );
  if (!withPhone) throw new Error('no person with a phone in the dataset');
  return {
    refs,
    phone: withPhone.phone,
    people: makePeopleService({ db, clock: benchClock }),
    province: ctxFor(await unitActor(db, 'province_officer', refs.provinceUnitId)),
    officer: ctxFor(await unitActor(db, 'grassroots_officer', refs.grassrootsId)),
    admin: ctxFor(adminActor()),
  };
}

const EVERYWHERE = sql`true`;
/** The search condition: a word of the name starts with the text (a range of the kept word-starts). */
const byName = (text: string) =>
  sql`p.id in (select k.person_id from person_name_keys k where k.key like ${`${text}%`})`;

export default defineScenario({
  name: 'members.search',
  description: 'search by name (NFC, NFD, broad) and phone: province officer, admin, commune officer',
  setup,
  parts: [
    {
      label: 'full name, province Đoàn officer',
      run: ({ state }) => state.people.list(state.province, listQuery({ q: 'nguyen thi hong' })),
      floor: ({ db, state }) =>
        floorList(db, {
          units: underUnit(state.refs.provinceUnitPath),
          person: byName('nguyen thi hong'),
          personFirst: true,
          readSensitive: true,
          cap: SEARCH_CAP,
        }),
    },
    {
      label: 'full name in NFD, admin',
      run: ({ state }) => state.people.list(state.admin, listQuery({ q: 'Trần Văn Hùng'.normalize('NFD') })),
      floor: ({ db }) =>
        floorList(db, {
          units: EVERYWHERE,
          person: byName('tran van hung'),
          personFirst: true,
          readSensitive: true,
          cap: SEARCH_CAP,
        }),
    },
    {
      label: 'name in one commune, Đoàn officer',
      run: ({ state }) => state.people.list(state.officer, listQuery({ q: 'nguyen van' })),
      floor: ({ db, state }) =>
        floorList(db, {
          units: underUnit(state.refs.grassrootsPath),
          person: byName('nguyen van'),
          readSensitive: true,
        }),
    },
    {
      label: 'surname + middle name (broad), admin',
      run: ({ state }) => state.people.list(state.admin, listQuery({ q: 'tran van' })),
      floor: ({ db }) =>
        floorList(db, {
          units: EVERYWHERE,
          person: byName('tran van'),
          personFirst: true,
          readSensitive: true,
          cap: SEARCH_CAP,
        }),
    },
    {
      label: 'whole phone number, admin',
      run: ({ state }) => state.people.list(state.admin, listQuery({ q: state.phone })),
      floor: ({ db, state }) =>
        floorList(db, {
          units: EVERYWHERE,
          person: sql`p.phone = ${state.phone}`,
          personFirst: true,
          readSensitive: true,
        }),
    },
    {
      label: 'last 6 digits of a phone, admin',
      run: ({ state }) => state.people.list(state.admin, listQuery({ q: state.phone.slice(-6) })),
      floor: ({ db, state }) =>
        floorList(db, {
          units: EVERYWHERE,
          person: sql`p.phone like ${`%${state.phone.slice(-6)}%`}`,
          personFirst: true,
          readSensitive: true,
        }),
    },
  ],
});
