import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { qk } from '../../api/keys';
import type { Account, Role } from '../../api/types';

export function useAccounts(q: string) {
  return useQuery({
    queryKey: qk.accountList(q),
    queryFn: ({ signal }) => api<{ items: Account[] }>('/accounts', { query: { q }, signal }),
  });
}

function useAccountMutation<TBody>(request: (body: TBody) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: async () => {
      await Promise.all([
        qc.invalidateQueries({ queryKey: qk.accounts }),
        qc.invalidateQueries({ queryKey: qk.me }),
      ]);
    },
  });
}

export const useCreateAccount = () =>
  useAccountMutation((body: { username: string; name: string; password: string }) =>
    api<{ id: string }>('/accounts', { method: 'POST', body }),
  );

export const useUpdateAccount = () =>
  useAccountMutation(({ id, ...body }: { id: string; name?: string; disabled?: boolean }) =>
    api<unknown>(`/accounts/${id}`, { method: 'PATCH', body }),
  );

export const useResetPassword = () =>
  useAccountMutation(({ id, newPassword }: { id: string; newPassword: string }) =>
    api<unknown>(`/accounts/${id}/reset-password`, { method: 'POST', body: { newPassword } }),
  );

export interface GrantBody {
  role: Role;
  unitId?: number;
  areaId?: number;
  organizationCode?: string;
}

export const useAddGrant = () =>
  useAccountMutation(({ accountId, ...body }: GrantBody & { accountId: string }) =>
    api<unknown>(`/accounts/${accountId}/grants`, { method: 'POST', body }),
  );

export const useRemoveGrant = () =>
  useAccountMutation((grantId: number) => api<unknown>(`/grants/${grantId}`, { method: 'DELETE' }));
