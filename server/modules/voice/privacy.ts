import type { Role } from '../../../contracts/roles';
import { ROLE_ACTIONS } from '../../policy/actions';
import type { Actor } from '../../policy/policy';
import { grantCovers } from '../../policy/policy';

const isUnder = (path: string, root: string) => path === root || path.startsWith(`${root}.`);

/** The roles above the branch that may see an author's name (voice_settings.identity_roles). */
export const IDENTITY_ROLES_KEY = 'identity_roles';
export const DEFAULT_IDENTITY_ROLES: Role[] = ['admin', 'province_officer', 'grassroots_officer'];

export interface AuthoredItem {
  authorUserId: string | null;
  authorPersonId: number | null;
  hideName: boolean;
  unitPath: string;
  organizationCode: string;
  unitAreaPath: string;
}

/** True when the actor wrote the item (their account, or the member they are). */
export const isAuthor = (actor: Actor, item: Pick<AuthoredItem, 'authorUserId' | 'authorPersonId'>) =>
  item.authorUserId === actor.userId ||
  (actor.personId !== null && item.authorPersonId !== null && item.authorPersonId === actor.personId);

/**
 * Who may see who raised an item: the author; their branch (a voice reader whose unit grant is the branch or
 * inside it); and, unless the author asked to hide their name above the branch, the roles explicitly allowed
 * in identity_roles whose scope covers the branch. Everyone else sees the branch, never the person.
 */
export function authorVisible(actor: Actor, item: AuthoredItem, identityRoles: readonly Role[]): boolean {
  if (isAuthor(actor, item)) return true;
  const readers = actor.grants.filter((g) => ROLE_ACTIONS[g.role].includes('voice.read'));
  if (readers.some((g) => g.unitPath !== null && isUnder(g.unitPath, item.unitPath))) return true;
  if (item.hideName) return false;
  const subject = {
    path: item.unitPath,
    organizationCode: item.organizationCode,
    areaPath: item.unitAreaPath,
  };
  return actor.grants.some((g) => identityRoles.includes(g.role) && grantCovers(g, subject));
}
