import { CheckOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Statistic, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/client';
import type { AttendanceRow, AttendanceStatus } from '../../../api/types';
import { type AttendanceEntry, useSaveAttendance } from '../hooks';
import { MARKS, type Marked, RollCallRow } from './RollCallRow';

const COMPACT = { title: { fontSize: 13 }, content: { fontSize: 20 } };

interface Edit {
  status: AttendanceStatus;
  reason: string;
}

/** "Điểm danh": live counters, one row per invitee (away-from-home members apart), sticky save bar. */
export function RollCall({
  meetingId,
  rows,
  canEdit,
  locked,
}: {
  meetingId: number;
  rows: AttendanceRow[];
  canEdit: boolean;
  locked: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useSaveAttendance(meetingId);
  // Only local edits are kept; a refetch of the meeting never wipes what the user is typing.
  const [edits, setEdits] = useState<Record<number, Edit>>({});
  const [showMissing, setShowMissing] = useState(false);

  const current = (r: AttendanceRow): Edit =>
    edits[r.personId] ?? { status: r.status, reason: r.reason ?? '' };
  const dirty = Object.keys(edits).length > 0;
  const missing = rows.filter((r) => {
    const c = current(r);
    return c.status === 'absent_excused' && !c.reason.trim();
  });

  const onStatus = useCallback(
    (personId: number, status: Marked) =>
      setEdits((prev) => {
        const row = rows.find((r) => r.personId === personId);
        const reason = prev[personId]?.reason ?? row?.reason ?? '';
        return { ...prev, [personId]: { status, reason } };
      }),
    [rows],
  );
  const onReason = useCallback(
    (personId: number, reason: string) =>
      setEdits((prev) => ({ ...prev, [personId]: { status: 'absent_excused', reason } })),
    [],
  );

  const markAllPresent = () =>
    setEdits((prev) => {
      const next = { ...prev };
      for (const r of rows) {
        const c = prev[r.personId] ?? { status: r.status, reason: r.reason ?? '' };
        if (c.status === 'unknown') next[r.personId] = { status: 'present', reason: '' };
      }
      return next;
    });

  const submit = async () => {
    if (!dirty) {
      message.info(t('meetings.rollcall.nothingToSave'));
      return;
    }
    if (missing.length > 0) {
      setShowMissing(true);
      message.error(
        t('meetings.rollcall.reasonRequired', { names: missing.map((r) => r.fullName).join(', ') }),
      );
      return;
    }
    // Only the rows edited here: a member's own check-in made meanwhile is never overwritten by a stale row.
    const entries: AttendanceEntry[] = rows
      .filter((r) => edits[r.personId] !== undefined)
      .map((r) => ({ personId: r.personId, ...current(r) }))
      .map((e) => ({
        personId: e.personId,
        status: e.status,
        ...(e.status === 'absent_excused' ? { reason: e.reason.trim() } : {}),
      }));
    try {
      await save.mutateAsync(entries);
      setEdits({});
      setShowMissing(false);
      message.success(t('meetings.rollcall.saved'));
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  const counts = { present: 0, online: 0, absent_excused: 0, absent_unexcused: 0, unknown: 0 };
  for (const r of rows) counts[current(r).status] += 1;
  const home = rows.filter((r) => !r.awayFromHome);
  const away = rows.filter((r) => r.awayFromHome);
  const awayAttended = away.filter((r) => ['present', 'online'].includes(current(r).status)).length;
  const missingIds = new Set(showMissing ? missing.map((r) => r.personId) : []);

  const renderRows = (list: AttendanceRow[], offset: number) =>
    list.map((r, i) => {
      const c = current(r);
      return (
        <RollCallRow
          key={r.personId}
          personId={r.personId}
          index={offset + i + 1}
          fullName={r.fullName}
          status={c.status}
          reason={c.reason}
          reasonMissing={missingIds.has(r.personId)}
          disabled={save.isPending}
          readOnly={!canEdit}
          onStatus={onStatus}
          onReason={onReason}
        />
      );
    });

  if (rows.length === 0) return <Alert type="info" showIcon title={t('meetings.rollcall.noMembers')} />;

  return (
    <>
      <div
        aria-live="polite"
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fit, minmax(96px, 1fr))',
          gap: 8,
          marginBottom: 12,
        }}
      >
        <Statistic title={t('meetings.rollcall.invited')} value={rows.length} styles={COMPACT} />
        {MARKS.map((m) => (
          <Statistic
            key={m.value}
            title={t(`meetings.rollcall.${m.key}`)}
            value={counts[m.value]}
            styles={{ title: { fontSize: 13 }, content: { color: m.hex, fontSize: 20 } }}
          />
        ))}
        <Statistic title={t('meetings.rollcall.unknown')} value={counts.unknown} styles={COMPACT} />
      </div>
      {!canEdit && !locked && (
        <Alert type="info" showIcon title={t('meetings.rollcall.readOnly')} style={{ marginBottom: 12 }} />
      )}
      {canEdit && (
        <Button icon={<CheckOutlined />} onClick={markAllPresent} style={{ height: 44, marginBottom: 8 }}>
          {t('meetings.rollcall.allPresent')}
        </Button>
      )}
      <section aria-label={t('meetings.rollcall.home')}>{renderRows(home, 0)}</section>
      {away.length > 0 && (
        <section aria-label={t('meetings.rollcall.away')} style={{ marginTop: 16 }}>
          <Typography.Title level={3} style={{ fontSize: 16, margin: '8px 0 2px' }}>
            {t('meetings.rollcall.away')} ({away.length})
          </Typography.Title>
          <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 4 }}>
            {t('meetings.rollcall.awayAttended', {
              attended: awayAttended,
              invited: away.length,
              rate: `${Math.round((awayAttended / away.length) * 100)}%`,
            })}
          </Typography.Text>
          {renderRows(away, home.length)}
        </section>
      )}
      {canEdit && (
        <Flex
          align="center"
          justify="space-between"
          gap={8}
          style={{
            position: 'sticky',
            bottom: 0,
            zIndex: 5,
            background: '#fff',
            borderTop: '1px solid #f0f0f0',
            padding: '10px 0',
            marginTop: 8,
          }}
        >
          <Typography.Text type={dirty ? 'warning' : 'secondary'}>
            {t('meetings.attendanceLine', {
              present: counts.present + counts.online,
              invited: rows.length,
              rate: `${Math.round(((counts.present + counts.online) / rows.length) * 100)}%`,
            })}
            {dirty ? ` · ${t('meetings.rollcall.unsaved')}` : ''}
          </Typography.Text>
          <Button
            type="primary"
            size="large"
            icon={<SaveOutlined />}
            loading={save.isPending}
            onClick={() => void submit()}
            style={{ minHeight: 44 }}
          >
            {t('meetings.rollcall.save')}
          </Button>
        </Flex>
      )}
    </>
  );
}
