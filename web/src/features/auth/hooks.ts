import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { api } from '../../api/client';
import { qk } from '../../api/keys';
import type { Me } from '../../api/types';

/** Current user, grants and abilities; a 401 means "show the login page". */
export function useMeQuery() {
  return useQuery({
    queryKey: qk.me,
    queryFn: ({ signal }) => api<Me>('/me', { signal }),
    staleTime: 60_000,
  });
}

export const MeContext = createContext<Me | null>(null);

/** The signed-in actor (only inside the authenticated layout). */
export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe outside of AuthGate');
  return me;
}

export function useSignIn() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) =>
      api<unknown>('/auth/sign-in/username', { method: 'POST', body }),
    onSuccess: async () => {
      await qc.resetQueries({ queryKey: qk.me });
    },
  });
}

export function useSignOut() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<unknown>('/auth/sign-out', { method: 'POST', body: {} }),
    onSettled: async () => {
      // Drop everything cached for this user (it may include sensitive data), then show the login page.
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
      await qc.resetQueries({ queryKey: qk.me });
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      api<unknown>('/auth/change-password', { method: 'POST', body: { ...body, revokeOtherSessions: true } }),
  });
}
