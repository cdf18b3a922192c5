import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { qk } from '../../api/keys';
import type { OrganizationRule } from '../../api/types';

export function useRules(code: string) {
  return useQuery({
    queryKey: qk.rules(code),
    queryFn: ({ signal }) => api<OrganizationRule[]>(`/organizations/${code}/rules`, { signal }),
    enabled: Boolean(code),
  });
}

export interface NewRuleBody {
  kind: string;
  unitKind?: string;
  /** one special unit instead of a unit kind */
  unitId?: number;
  value: Record<string, unknown>;
  effectiveFrom: string;
  effectiveTo?: string;
  source?: string;
}

/** Creates a new version; the server closes the previous one. */
export function useAddRule(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NewRuleBody) =>
      api<OrganizationRule>(`/organizations/${code}/rules`, { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: qk.rules(code) }),
  });
}
