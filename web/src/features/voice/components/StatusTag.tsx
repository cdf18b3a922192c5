import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { VoiceStatus } from '../../../../../contracts/voice';

const COLORS: Record<VoiceStatus, string> = {
  open: 'processing',
  answered: 'success',
  closed: 'default',
  merged: 'purple',
};

export function StatusTag({ status }: { status: VoiceStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[status]}>{t(`voice.statuses.${status}`)}</Tag>;
}
