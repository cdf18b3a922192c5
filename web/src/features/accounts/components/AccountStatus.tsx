import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../api/types';
import { formatDateTime } from '../../../lib/format';

/** Active / disabled / temporarily locked. */
export function AccountStatus({ account }: { account: Account }) {
  const { t } = useTranslation();
  if (account.disabled) return <Tag color="red">{t('accounts.disabled')}</Tag>;
  if (account.lockedUntil && new Date(account.lockedUntil).getTime() > Date.now()) {
    return (
      <Tag color="orange">{t('accounts.lockedUntil', { time: formatDateTime(account.lockedUntil) })}</Tag>
    );
  }
  return <Tag color="green">{t('accounts.active')}</Tag>;
}
