import type { Role } from '../../contracts/roles';
import { forbidden, notFound } from '../lib/errors';
import { type Action, GLOBAL_ACTIONS, ROLE_ACTIONS } from './actions';

/** A role grant resolved with the paths its scope covers. */
export interface ResolvedGrant {
  id: number;
  role: Role;
  unitId: number | null;
  unitPath: string | null;
  areaId: number | null;
  areaPath: string | null;
  /** for unit grants: the unit's organization; for area grants: null = all organizations */
  organizationCode: string | null;
}

export interface Actor {
  userId: string;
  name: string;
  username: string;
  /** the person (đoàn viên, hội viên) the account belongs to, when it is a member's account */
  personId: number | null;
  grants: ResolvedGrant[];
}

/** What a scope check needs to know about a unit. */
export interface UnitSubject {
  path: string;
  organizationCode: string;
  areaPath: string;
}

const isUnder = (path: string, root: string) => path === root || path.startsWith(`${root}.`);

/** True when the grant's scope contains the unit. Admin grants (no unit, no area) cover everything. */
export function grantCovers(g: ResolvedGrant, subject: UnitSubject): boolean {
  if (g.role === 'admin' && g.unitPath === null && g.areaPath === null) return true;
  if (g.unitPath !== null) return isUnder(subject.path, g.unitPath);
  if (g.areaPath !== null) {
    return (
      isUnder(subject.areaPath, g.areaPath) &&
      (g.organizationCode === null || g.organizationCode === subject.organizationCode)
    );
  }
  return false;
}

/** The grants of an actor that allow an action (ignoring scope). */
export function grantsFor(actor: Actor, action: Action): ResolvedGrant[] {
  return actor.grants.filter((g) => ROLE_ACTIONS[g.role].includes(action));
}

/** The one place that decides whether (actor, action, subject) is allowed. */
export function can(actor: Actor | null, action: Action, subject?: UnitSubject): boolean {
  if (!actor) return false;
  const grants = grantsFor(actor, action);
  if (grants.length === 0) return false;
  if (!subject || GLOBAL_ACTIONS.includes(action)) return true;
  return grants.some((g) => grantCovers(g, subject));
}

/**
 * Throws unless allowed. When the actor cannot even read the subject the answer is 404 (existence hidden);
 * when they can read it but not do this, 403.
 */
export function assertCan(actor: Actor | null, action: Action, subject?: UnitSubject, what?: string): void {
  if (can(actor, action, subject)) return;
  if (subject && !can(actor, 'unit.read', subject)) throw notFound(what);
  throw forbidden();
}

/** True when the actor holds an unscoped admin grant. */
export const isAdmin = (actor: Actor | null) =>
  !!actor?.grants.some((g) => g.role === 'admin' && g.unitPath === null && g.areaPath === null);
