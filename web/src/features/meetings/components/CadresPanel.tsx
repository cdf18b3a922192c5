import {
  CheckOutlined,
  CloseOutlined,
  DeleteOutlined,
  UserAddOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Input, Modal, Popconfirm, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/client';
import { SimpleList } from '../../../app/SimpleList';
import {
  useAssignCadre,
  useCadreCandidates,
  useMeetingCadres,
  useRecordCadre,
  useRemoveCadre,
} from '../../cadres/hooks';
import type { CadreStatus, MeetingCadre } from '../../cadres/types';

const STATUS_COLOR: Record<CadreStatus, string> = { assigned: 'blue', attended: 'green', absent: 'default' };

/** Picks an eligible officer (commune / province, scope covering the branch) and assigns them. */
function AssignModal({
  meetingId,
  open,
  onClose,
}: {
  meetingId: number;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const candidates = useCadreCandidates(meetingId, open);
  const assign = useAssignCadre(meetingId);
  const [userId, setUserId] = useState<string | null>(null);
  const options = (candidates.data?.items ?? [])
    .filter((c) => !c.assigned)
    .map((c) => ({ value: c.userId, label: c.fromUnitName ? `${c.name} — ${c.fromUnitName}` : c.name }));
  const submit = () =>
    userId &&
    assign.mutate(userId, {
      onSuccess: () => {
        message.success(t('cadres.assigned'));
        setUserId(null);
        onClose();
      },
      onError: (err) => message.error(errorMessage(err)),
    });
  return (
    <Modal
      open={open}
      title={t('cadres.assignOther')}
      onCancel={onClose}
      onOk={submit}
      okText={t('cadres.assignOther')}
      okButtonProps={{ disabled: !userId, loading: assign.isPending }}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <label htmlFor="cadre-pick" style={{ display: 'block', marginBottom: 4 }}>
        {t('cadres.assignPick')}
      </label>
      <Select
        id="cadre-pick"
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: '100%' }}
        loading={candidates.isPending}
        options={options}
        value={userId}
        onChange={setUserId}
        notFoundContent={candidates.isPending ? undefined : t('cadres.assignNone')}
      />
    </Modal>
  );
}

function CadreRow({
  c,
  locked,
  onRecord,
}: {
  c: MeetingCadre;
  locked: boolean;
  onRecord: (s: 'attended' | 'absent') => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const remove = useRemoveCadre();
  return (
    <Flex justify="space-between" align="center" wrap gap={8}>
      <div style={{ minWidth: 0 }}>
        <Typography.Text strong>
          <UserOutlined /> {c.cadreName}
        </Typography.Text>{' '}
        <Tag color={STATUS_COLOR[c.status]}>{t(`cadres.statuses.${c.status}`)}</Tag>
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
          {[
            c.fromUnitName && t('cadres.from', { unit: c.fromUnitName }),
            c.assignedByName && t('cadres.by', { name: c.assignedByName }),
          ]
            .filter(Boolean)
            .join(' · ')}
        </Typography.Text>
        {c.note && <Typography.Text style={{ display: 'block', fontSize: 13 }}>{c.note}</Typography.Text>}
      </div>
      <Flex gap={8} wrap>
        {c.abilities.record && (
          <>
            <Button
              icon={<CheckOutlined />}
              disabled={c.status === 'attended' && !locked}
              onClick={() => onRecord('attended')}
            >
              {t('cadres.attended')}
            </Button>
            <Button
              icon={<CloseOutlined />}
              disabled={c.status === 'absent' && !locked}
              onClick={() => onRecord('absent')}
            >
              {t('cadres.absent')}
            </Button>
          </>
        )}
        {c.abilities.remove && (
          <Popconfirm
            title={t('cadres.remove')}
            okText={t('cadres.remove')}
            cancelText={t('common.cancel')}
            onConfirm={() =>
              remove
                .mutateAsync(c.id)
                .then(() => message.success(t('cadres.removed')))
                .catch((err: unknown) => message.error(errorMessage(err)))
            }
          >
            <Button
              danger
              icon={<DeleteOutlined />}
              aria-label={t('cadres.remove')}
              loading={remove.isPending}
            />
          </Popconfirm>
        )}
      </Flex>
    </Flex>
  );
}

/** Higher-level cadres of a meeting: "I will attend", assign a colleague, record attended / absent. */
export function CadresPanel({ meetingId, locked }: { meetingId: number; locked: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useMeetingCadres(meetingId);
  const assign = useAssignCadre(meetingId);
  const record = useRecordCadre();
  const [picking, setPicking] = useState(false);
  // On locked minutes a change needs a reason: ask for it first.
  const [pending, setPending] = useState<{ id: number; status: 'attended' | 'absent' } | null>(null);
  const [note, setNote] = useState('');

  const save = (id: number, status: 'attended' | 'absent', reason?: string) =>
    record.mutate(
      { id, status, note: reason },
      {
        onSuccess: () => {
          message.success(t('cadres.recorded'));
          setPending(null);
          setNote('');
        },
        onError: (err) => message.error(errorMessage(err)),
      },
    );
  const abilities = list.data?.abilities;

  return (
    <Card size="small" title={t('cadres.panelTitle')} style={{ marginBottom: 12 }}>
      {(abilities?.assignSelf || abilities?.assign) && (
        <Flex gap={8} wrap style={{ marginBottom: 8 }}>
          {abilities?.assignSelf && (
            <Button
              type="primary"
              icon={<UserAddOutlined />}
              loading={assign.isPending}
              onClick={() =>
                assign.mutate(undefined, {
                  onSuccess: () => message.success(t('cadres.assigned')),
                  onError: (err) => message.error(errorMessage(err)),
                })
              }
            >
              {t('cadres.assignSelf')}
            </Button>
          )}
          {abilities?.assign && <Button onClick={() => setPicking(true)}>{t('cadres.assignOther')}</Button>}
        </Flex>
      )}
      {list.isError && <Alert type="error" showIcon title={list.error.message} />}
      <SimpleList
        aria-label={t('cadres.panelTitle')}
        items={list.data?.items ?? []}
        rowKey={(c) => String(c.id)}
        renderItem={(c) => (
          <CadreRow
            c={c}
            locked={locked}
            onRecord={(status) => (locked ? setPending({ id: c.id, status }) : save(c.id, status))}
          />
        )}
        empty={abilities?.assign || abilities?.assignSelf ? t('cadres.emptyCanAssign') : t('cadres.empty')}
      />
      <AssignModal meetingId={meetingId} open={picking} onClose={() => setPicking(false)} />
      <Modal
        open={pending !== null}
        title={pending ? t(`cadres.statuses.${pending.status}`) : ''}
        onCancel={() => setPending(null)}
        onOk={() => pending && save(pending.id, pending.status, note.trim())}
        okButtonProps={{ disabled: !note.trim(), loading: record.isPending }}
        cancelText={t('common.cancel')}
      >
        <Typography.Paragraph type="secondary">{t('cadres.noteRequired')}</Typography.Paragraph>
        <label htmlFor="cadre-note">{t('cadres.note')}</label>
        <Input.TextArea
          id="cadre-note"
          rows={3}
          maxLength={1000}
          value={note}
          placeholder={t('cadres.notePlaceholder')}
          onChange={(e) => setNote(e.target.value)}
        />
      </Modal>
    </Card>
  );
}
