import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { qk } from '../../api/keys';
import type { PeoplePage, PersonDetail } from '../../api/types';

export interface PeopleParams {
  unitId: number | null;
  q: string;
  page: number;
  pageSize: number;
}

/** One server page of people (search is diacritics-insensitive on the server). */
export function usePeople(params: PeopleParams) {
  return useQuery({
    queryKey: qk.peopleList({ ...params }),
    queryFn: ({ signal }) => api<PeoplePage>('/people', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Profile; `reveal` asks for unmasked sensitive fields (the server audits it). */
export function usePerson(id: number | null, reveal: boolean) {
  return useQuery({
    queryKey: qk.person(id, reveal),
    queryFn: ({ signal }) =>
      api<PersonDetail>(`/people/${id}`, { query: reveal ? { reveal: 1 } : undefined, signal }),
    enabled: Boolean(id),
    // Sensitive data is not kept around once the drawer closes.
    gcTime: reveal ? 0 : 5 * 60_000,
  });
}
