import { type SQL, sql } from 'drizzle-orm';
import { AGE_BANDS, type AgeBand, type PeopleFilter } from '../../../contracts/people';
import { unaccent } from '../../lib/text';
import { parsePeopleQuery } from './sensitive';

const LIVE = ['active', 'transferring'];
const ENDED = ['left', 'removed', 'deceased', 'aged_out'];

/** The membership statuses a status filter stands for (null: any). */
export function statusesOf(status: PeopleFilter['status']): string[] | null {
  if (status === 'all') return null;
  if (status === 'live') return LIVE;
  if (status === 'ended') return ENDED;
  return [status];
}

const inList = (column: SQL, values: string[]) =>
  sql`${column} in (${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )})`;

/** Which memberships (m joined to units u) the list is about. */
export interface MembershipScope {
  /** unitScopeSql(actor, action, 'u') */
  scope: SQL;
  subtreePath?: string;
}

/** Condition on units u: in scope, under the unit, of the organization. */
export function unitSql(s: MembershipScope, f: PeopleFilter): SQL {
  const parts = [s.scope];
  if (s.subtreePath) parts.push(sql`u.path <@ ${s.subtreePath}::ltree`);
  if (f.organization) parts.push(sql`u.organization_code = ${f.organization}`);
  return sql.join(parts, sql` and `);
}

/** Condition on m alone: the status and cadre asked for. */
export function membershipOwnSql(f: PeopleFilter): SQL {
  const statuses = statusesOf(f.status);
  const parts: SQL[] = [];
  if (statuses) parts.push(inList(sql`m.status`, statuses));
  if (f.cadre !== undefined) parts.push(f.cadre ? sql`m.position is not null` : sql`m.position is null`);
  return parts.length ? sql.join(parts, sql` and `) : sql`true`;
}

/** Condition on m/u: in scope, under the unit, of the organization, status and cadre asked for. */
export function membershipSql(s: MembershipScope, f: PeopleFilter): SQL {
  return sql`${membershipOwnSql(f)} and ${unitSql(s, f)}`;
}

/** `day` ('yyyy-mm-dd') n years earlier; 29 February falls back to the 28th. */
export function yearsBefore(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const year = y - n;
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * Persons whose age on `today` falls in the band: from the birth date when there is one, otherwise from the
 * year alone as the age reached this year (current year − birth year).
 */
export function ageBandSql(band: AgeBand, today: string): SQL {
  const [lo, hi] = AGE_BANDS[band];
  const year = Number(today.slice(0, 4));
  const oldest = hi === null ? null : yearsBefore(today, hi + 1);
  const byDate = sql.join(
    [
      sql`p.birth_date <= ${yearsBefore(today, lo)}::date`,
      ...(oldest ? [sql`p.birth_date > ${oldest}::date`] : []),
    ],
    sql` and `,
  );
  const byYear = sql.join(
    [sql`p.birth_year <= ${year - lo}`, ...(hi === null ? [] : [sql`p.birth_year >= ${year - hi}`])],
    sql` and `,
  );
  return sql`((p.birth_date is not null and ${byDate}) or (p.birth_date is null and ${byYear}))`;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The LIKE pattern of a name search on person_name_keys.key ("Trần Văn" → 'tran van%'). */
const namePrefix = (text: string) => `${escapeLike(unaccent(text))}%`;

/**
 * The search box on persons p. A name matches from the start of a word, without diacritics and in either
 * Unicode form ("nguyen thi h" finds "Nguyễn Thị Hồng", "hong" does not find "Phong"): a range scan of the
 * word-starts kept in person_name_keys. Digits search phone numbers: a whole number exactly, part of one
 * anywhere in it.
 */
export function searchSql(q: string | undefined): SQL | null {
  const parsed = parsePeopleQuery(q ?? '');
  if (!parsed) return null;
  if ('phone' in parsed) {
    return parsed.phone.length >= 10
      ? sql`p.phone = ${parsed.phone}`
      : sql`p.phone like ${`%${escapeLike(parsed.phone)}%`}`;
  }
  return sql`p.id in (select k.person_id from person_name_keys k where k.key like ${namePrefix(parsed.text)})`;
}

/** The pattern when the search box holds a name (not a phone number), else null. */
export function nameSearchPrefix(q: string | undefined): string | null {
  const parsed = parsePeopleQuery(q ?? '');
  return parsed && 'text' in parsed ? namePrefix(parsed.text) : null;
}

/**
 * Conditions on persons p only (null when there are none, so callers can skip joining persons).
 * `withoutSearch` leaves the search box out, for callers that search the name keys themselves.
 */
export function personSql(f: PeopleFilter, today: string, withoutSearch = false): SQL | null {
  const parts: SQL[] = [];
  const search = withoutSearch ? null : searchSql(f.q);
  if (search) parts.push(search);
  if (f.ageBand) parts.push(ageBandSql(f.ageBand, today));
  if (f.gender) parts.push(sql`p.gender = ${f.gender}`);
  if (f.party === 'member') parts.push(inList(sql`p.party_status`, ['probationary', 'full']));
  else if (f.party) parts.push(sql`p.party_status = ${f.party}`);
  if (f.away !== undefined) parts.push(sql`p.away_from_home = ${f.away}`);
  return parts.length ? sql.join(parts, sql` and `) : null;
}

/** The Vietnamese order: tên, then họ đệm (persons.sort_key), then birth date (a year alone as 1 January). */
export const PERSON_ORDER = sql`p.sort_key collate "C", coalesce(p.birth_date, make_date(p.birth_year, 1, 1)) nulls last, p.id`;
