import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDate } from '../../../lib/format';
import type { AttentionItem } from '../types';

/** Severity band of an item: 6+ urgent, 3+ needs attention, else a note. */
export function band(severity: number): 'high' | 'medium' | 'low' {
  return severity >= 6 ? 'high' : severity >= 3 ? 'medium' : 'low';
}
const BAND_COLOR = { high: 'red', medium: 'orange', low: 'blue' } as const;

/** Branches that need attention, each with its reasons; a tap opens the branch's meetings. */
export function AttentionList({ items }: { items: AttentionItem[] }) {
  const { t } = useTranslation();
  return (
    <ol style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {items.map((item) => {
        const b = band(item.severity);
        return (
          <li key={item.unitId} style={{ padding: '12px 0', borderTop: '1px solid #f0f0f0' }}>
            <Flex justify="space-between" align="start" gap={8} wrap>
              <Flex vertical gap={2} style={{ minWidth: 0, flex: 1 }}>
                <Link to={`/units/${item.unitId}/meetings`} style={{ fontWeight: 600, fontSize: 15 }}>
                  {item.unitName}
                </Link>
                {item.parentName && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {item.parentName}
                  </Typography.Text>
                )}
              </Flex>
              <Flex gap={4} wrap>
                {item.difficultArea && (
                  <Tag color="orange" style={{ marginInlineEnd: 0 }}>
                    {t('compliance.difficultArea')}
                  </Tag>
                )}
                <Tag color={BAND_COLOR[b]} style={{ marginInlineEnd: 0 }}>
                  {t(`compliance.attention.severity.${b}`)}
                </Tag>
              </Flex>
            </Flex>
            <ul style={{ margin: '6px 0 0', paddingInlineStart: 20 }}>
              {item.reasons.map((r) => (
                <li key={r.code}>
                  <Typography.Text>{r.text}</Typography.Text>
                </li>
              ))}
            </ul>
            {item.lastMeetingAt && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('compliance.attention.lastMeeting', { date: formatDate(item.lastMeetingAt) })}
              </Typography.Text>
            )}
          </li>
        );
      })}
    </ol>
  );
}
