/** TanStack Query keys, one place so mutations invalidate the right lists. */
export const qk = {
  me: ['me'] as const,
  organizations: ['organizations'] as const,
  rules: (code: string) => ['organizations', code, 'rules'] as const,
  units: ['units'] as const,
  unitRoots: (org: string) => ['units', 'roots', org] as const,
  unitChildren: (id: number) => ['units', 'children', id] as const,
  unit: (id: number | null) => ['units', 'detail', id] as const,
  unitSearch: (q: string, org: string) => ['units', 'search', q, org] as const,
  areas: (params: Record<string, unknown>) => ['areas', params] as const,
  people: ['people'] as const,
  peopleList: (params: Record<string, unknown>) => ['people', 'list', params] as const,
  person: (id: number | null, reveal: boolean) => ['people', 'detail', id, reveal] as const,
  stats: (unitId: number | null) => ['stats', 'counts', unitId] as const,
  accounts: ['accounts'] as const,
  accountList: (q: string) => ['accounts', 'list', q] as const,
  audit: (params: Record<string, unknown>) => ['audit', params] as const,
};
