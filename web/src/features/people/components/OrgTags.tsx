import { Tag } from 'antd';
import { useOrganizations } from '../../units/hooks';
import type { Membership } from '../types';

const COLORS = ['blue', 'magenta', 'green', 'volcano', 'geekblue', 'gold', 'cyan', 'purple'];

/** One tag per organization the person belongs to (short Vietnamese name). */
export function OrgTags({ memberships }: { memberships: Membership[] }) {
  const orgs = useOrganizations();
  const codes = [...new Set(memberships.map((m) => m.organizationCode))];
  return (
    <>
      {codes.map((code) => {
        const index = orgs.data?.findIndex((o) => o.code === code) ?? -1;
        const org = index >= 0 ? orgs.data?.[index] : undefined;
        return (
          <Tag key={code} color={COLORS[Math.max(index, 0) % COLORS.length]} title={org?.nameVi}>
            {org?.shortNameVi || code}
          </Tag>
        );
      })}
    </>
  );
}
