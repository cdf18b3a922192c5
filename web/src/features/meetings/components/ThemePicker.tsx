import { App, Card, Collapse, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/client';
import type { MeetingDetail } from '../../../api/types';
import { ThemeContent } from '../../themes/components/ThemeContent';
import { ThemeSelect } from '../../themes/components/ThemeSelect';
import { useSetMeetingTheme } from '../../themes/hooks';

/** The meeting's theme (chủ điểm): its text and attachments, and picking or changing it before locking. */
export function ThemePicker({ detail }: { detail: MeetingDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const m = detail.meeting;
  const set = useSetMeetingTheme(m.id);
  const canPick = detail.abilities.edit && m.status !== 'locked';
  const theme = m.theme ?? null;
  if (!theme && !canPick) return null;

  return (
    <Card size="small" style={{ marginBottom: 12 }}>
      {canPick ? (
        <label htmlFor="meeting-theme" style={{ display: 'block', fontWeight: 600, marginBottom: 4 }}>
          {t('themes.meeting.label')}
        </label>
      ) : (
        <Typography.Text strong style={{ display: 'block', marginBottom: 4 }}>
          {t('themes.meeting.label')}
        </Typography.Text>
      )}
      {canPick ? (
        <ThemeSelect
          id="meeting-theme"
          unitId={m.unitId}
          month={dayjs(m.scheduledAt).format('YYYY-MM')}
          value={theme?.id ?? null}
          disabled={set.isPending}
          onChange={(themeId) =>
            set
              .mutateAsync(themeId)
              .then(() => message.success(t('themes.meeting.changed')))
              .catch((err: unknown) => message.error(errorMessage(err)))
          }
        />
      ) : (
        <Typography.Text>{theme?.title}</Typography.Text>
      )}
      {theme && (
        <Collapse
          ghost
          size="small"
          style={{ marginTop: 4 }}
          items={[
            {
              key: 'content',
              label: t('themes.meeting.showContent'),
              children: <ThemeContent id={theme.id} />,
            },
          ]}
        />
      )}
    </Card>
  );
}
