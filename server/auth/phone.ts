import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { one, rows } from '../db/query';

/**
 * A Vietnamese phone number as stored: 10 digits starting with 0. Accepts "+84 912 345 678", "84912345678",
 * "0912.345.678", "(091) 234-5678" and "+84 0912…"; anything else (letters, too short, too long) is null.
 */
export function normalizePhone(input: string): string | null {
  const s = input.trim();
  if (!/^\+?[\d\s.()-]+$/.test(s)) return null;
  let digits = s.replace(/\D/g, '');
  if (s.startsWith('+') && !digits.startsWith('84')) return null;
  if (digits.startsWith('840') && digits.length === 12) digits = digits.slice(2);
  else if (digits.startsWith('84') && digits.length === 11) digits = `0${digits.slice(2)}`;
  return /^0[1-9]\d{8}$/.test(digits) ? digits : null;
}

/** "0912345678" → "0912 345 678" for messages. */
export const formatPhone = (p: string) => `${p.slice(0, 4)} ${p.slice(4, 7)} ${p.slice(7)}`;

export interface PhonePerson {
  personId: number;
  fullName: string;
}

/**
 * The person a phone signs in as: among persons with that phone and a live (active or transferring)
 * membership, the one an account with this phone is already linked to; otherwise the lowest person id
 * (the record entered first). A phone shared by family members thus always signs in as the same person,
 * whose name the member sees after signing in; the branch head corrects the phone in the register otherwise.
 */
export function findPhonePerson(db: DbOrTx, phone: string): Promise<PhonePerson | undefined> {
  return one<PhonePerson>(
    db,
    sql`select p.id as "personId", trim(p.family_name || ' ' || p.given_name) as "fullName"
    from persons p
    where p.phone = ${phone}
      and exists (select 1 from memberships m where m.person_id = p.id and m.status in ('active', 'transferring'))
    order by (exists (select 1 from "user" u where u.person_id = p.id and u.phone_number = ${phone})) desc, p.id
    limit 1`,
  );
}

/**
 * Before a phone's first sign-in: when an administrator already made a member account (username) for the
 * person, that account takes the phone (unverified until the code is right), so the member keeps one account.
 * Never an account holding anything but 'member' grants: an officer's password is not traded for an SMS code.
 */
export async function adoptMemberAccount(db: DbOrTx, phone: string, personId: number): Promise<void> {
  try {
    await db.execute(sql`update "user" u set phone_number = ${phone}, phone_number_verified = false
      where u.id = (select a.id from "user" a where a.person_id = ${personId} and a.phone_number is null
          and not a.disabled
          and not exists (select 1 from role_grants g where g.user_id = a.id and g.revoked_at is null
            and g.role <> 'member')
        order by a.created_at, a.id limit 1)
        and not exists (select 1 from "user" x where x.phone_number = ${phone})`);
  } catch {
    // A concurrent first sign-in took the phone: the account that has it is used.
  }
}

/**
 * After a phone is verified: links the account to its person, names it after them, and keeps one live
 * 'member' grant per unit where the person has a live membership (revoking those of units they left).
 */
export async function linkPhoneAccount(tx: DbOrTx, userId: string, phone: string): Promise<void> {
  const person = await findPhonePerson(tx, phone);
  if (!person) return;
  await tx.execute(sql`update "user" set person_id = ${person.personId}, name = ${person.fullName},
    updated_at = now() where id = ${userId}`);
  const units = await rows<{ unitId: number }>(
    tx,
    sql`select distinct unit_id as "unitId" from memberships
    where person_id = ${person.personId} and status in ('active', 'transferring')`,
  );
  const ids = `{${units.map((u) => u.unitId).join(',')}}`;
  await tx.execute(sql`update role_grants set revoked_at = now()
    where user_id = ${userId} and role = 'member' and revoked_at is null
      and (unit_id is null or not unit_id = any(${ids}::int[]))`);
  await tx.execute(sql`insert into role_grants (user_id, role, unit_id)
    select ${userId}, 'member', u.id from unnest(${ids}::int[]) as u(id)
    where not exists (select 1 from role_grants g where g.user_id = ${userId} and g.role = 'member'
      and g.unit_id = u.id and g.revoked_at is null)`);
}
