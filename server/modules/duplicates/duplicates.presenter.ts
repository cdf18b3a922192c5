import type { DuplicatePerson, MergeField } from '../../../contracts/duplicates';
import type { MembershipRow } from '../people/people.repo';
import type { FullPersonRow } from './duplicates.repo';

/** The persons columns each merge field stands for (taken together from one record). */
export const FIELD_COLUMNS: Record<MergeField, readonly string[]> = {
  name: ['family_name', 'given_name', 'search_text', 'sort_key'],
  birth: ['birth_date', 'birth_year'],
  gender: ['gender'],
  phone: ['phone'],
  nationalId: ['national_id'],
  ethnicity: ['ethnicity'],
  religion: ['religion'],
  occupation: ['occupation'],
  education: ['education'],
  partyStatus: ['party_status'],
  veteran: ['veteran'],
  homeArea: ['home_area_id'],
  away: ['away_from_home', 'away_place', 'away_since', 'away_contact'],
};

/** A merge field's value of a record, as compared (names compared as written, with diacritics). */
function fieldValue(p: FullPersonRow, f: MergeField): unknown {
  switch (f) {
    case 'name':
      return `${p.familyName} ${p.givenName}`.trim();
    case 'birth':
      return [p.birthDate, p.birthYear];
    case 'homeArea':
      return p.homeAreaId;
    case 'away':
      return [p.awayFromHome, p.awayPlace, p.awaySince, p.awayContact];
    default:
      return p[f];
  }
}

export function differingFields(a: FullPersonRow, b: FullPersonRow): MergeField[] {
  return (Object.keys(FIELD_COLUMNS) as MergeField[]).filter(
    (f) => JSON.stringify(fieldValue(a, f)) !== JSON.stringify(fieldValue(b, f)),
  );
}

export function presentPerson(
  p: FullPersonRow,
  memberships: MembershipRow[],
  total: number,
): DuplicatePerson {
  return {
    id: p.id,
    fullName: `${p.familyName} ${p.givenName}`.trim(),
    birthDate: p.birthDate,
    birthYear: p.birthYear,
    gender: p.gender,
    phone: p.phone,
    nationalId: p.nationalId,
    ethnicity: p.ethnicity,
    religion: p.religion,
    occupation: p.occupation,
    education: p.education,
    partyStatus: p.partyStatus,
    veteran: p.veteran,
    homeAreaName: p.homeAreaName,
    awayFromHome: p.awayFromHome,
    awayPlace: p.awayPlace,
    awaySince: p.awaySince,
    awayContact: p.awayContact,
    createdAt: p.createdAt,
    memberships: memberships.map((m) => ({
      id: m.id,
      organizationCode: m.organizationCode,
      organizationName: m.organizationName,
      unitId: m.unitId,
      unitName: m.unitName,
      status: m.status,
      joinedOn: m.joinedOn,
    })),
    otherMemberships: Math.max(0, total - memberships.length),
  };
}
