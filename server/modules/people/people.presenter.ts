import type { MembershipItem, PersonProfile } from '../../../contracts/people';
import type { HistoryRow, MembershipRow, PersonRow } from './people.repo';
import { maskNationalId } from './sensitive';

export const presentMembership = (m: MembershipRow): MembershipItem => ({
  id: m.id,
  organizationCode: m.organizationCode,
  unitId: m.unitId,
  unitName: m.unitName,
  status: m.status,
  position: m.position,
});

/**
 * The profile as shown: sensitive fields only when revealed. Roles that may not reveal see no digit of the
 * national ID; the others see a masked hint.
 */
export function presentProfile(
  p: PersonRow,
  memberships: MembershipRow[],
  history: HistoryRow[],
  o: { reveal: boolean; mayReveal: boolean },
): PersonProfile {
  return {
    id: p.id,
    fullName: `${p.familyName} ${p.givenName}`.trim(),
    familyName: p.familyName,
    givenName: p.givenName,
    birthDate: p.birthDate,
    birthYear: p.birthYear,
    gender: p.gender,
    phone: p.phone,
    occupation: p.occupation,
    education: p.education,
    homeAreaName: p.homeAreaName,
    homeCommuneName: p.homeCommuneName,
    awayFromHome: p.awayFromHome,
    awayPlace: p.awayPlace,
    awaySince: p.awaySince,
    awayContact: p.awayContact,
    memberships: memberships.map((m) => ({
      ...presentMembership(m),
      joinedOn: m.joinedOn,
      leftOn: m.leftOn,
    })),
    history,
    nationalId: o.reveal ? p.nationalId : o.mayReveal ? maskNationalId(p.nationalId) : null,
    ethnicity: o.reveal ? p.ethnicity : null,
    religion: o.reveal ? p.religion : null,
    partyStatus: o.reveal ? p.partyStatus : null,
    sensitiveHidden: !o.reveal,
    abilities: { revealSensitive: o.mayReveal },
  };
}
