import { describe, expect, it } from 'vitest';
import { type Actor, can, grantCovers, type ResolvedGrant } from './policy';

const grant = (g: Partial<ResolvedGrant>): ResolvedGrant => ({
  id: 1,
  role: 'grassroots_officer',
  unitId: null,
  unitPath: null,
  areaId: null,
  areaPath: null,
  organizationCode: null,
  ...g,
});
const actor = (...grants: ResolvedGrant[]): Actor => ({
  userId: 'u',
  name: 'n',
  username: 'x',
  personId: null,
  grants,
});
const branch = { path: '1.20.300', organizationCode: 'DOAN', areaPath: '1.5.60' };

describe('policy', () => {
  it('a unit grant covers its subtree and nothing beside it', () => {
    const g = grant({ unitPath: '1.20', organizationCode: 'DOAN' });
    expect(grantCovers(g, branch)).toBe(true);
    expect(grantCovers(g, { ...branch, path: '1.20' })).toBe(true);
    expect(grantCovers(g, { ...branch, path: '1.200.5' })).toBe(false);
    expect(grantCovers(g, { ...branch, path: '1.21.300' })).toBe(false);
  });

  it('an area grant covers units located in the area, for one or all organizations', () => {
    expect(grantCovers(grant({ role: 'supervisor', areaPath: '1.5' }), branch)).toBe(true);
    expect(
      grantCovers(grant({ role: 'supervisor', areaPath: '1.5', organizationCode: 'PHUNU' }), branch),
    ).toBe(false);
    expect(grantCovers(grant({ role: 'supervisor', areaPath: '1.6' }), branch)).toBe(false);
  });

  it('roles limit actions: supervisors read but never write or see sensitive data', () => {
    const sup = actor(grant({ role: 'supervisor', areaPath: '1' }));
    expect(can(sup, 'unit.read', branch)).toBe(true);
    expect(can(sup, 'unit.write', branch)).toBe(false);
    expect(can(sup, 'person.readSensitive', branch)).toBe(false);
    const head = actor(grant({ role: 'branch_head', unitPath: '1.20.300' }));
    expect(can(head, 'person.readSensitive', branch)).toBe(true);
    expect(can(head, 'unit.write', branch)).toBe(false);
  });

  it('nobody without a grant can do anything; admins can do everything', () => {
    expect(can(null, 'unit.read', branch)).toBe(false);
    expect(can(actor(), 'rules.read')).toBe(false);
    const admin = actor(grant({ role: 'admin' }));
    expect(can(admin, 'unit.write', branch)).toBe(true);
    expect(can(admin, 'account.manage')).toBe(true);
  });
});
