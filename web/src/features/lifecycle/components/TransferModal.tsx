import { Alert, App, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/client';
import { useDebounced } from '../../../lib/useDebounced';
import { useIssueTransfer, useTransferTargets } from '../hooks';
import { DayField, isoDay } from './DayField';

export interface MembershipRef {
  id: number;
  unitId: number;
  unitName: string;
  personName: string;
}

interface Values {
  toUnitId: number;
  on: Dayjs;
  until?: Dayjs;
  decisionNo?: string;
  reason?: string;
}

/** "Chuyển sinh hoạt" or "Sinh hoạt tạm": the receiving branch (searched province-wide), dates, decision, reason. */
export function TransferModal({
  membership,
  kind,
  onClose,
}: {
  membership: MembershipRef | null;
  kind: 'transfer' | 'stay';
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const targets = useTransferTargets(membership?.unitId ?? 0, q, Boolean(membership));
  const issue = useIssueTransfer();
  const stay = kind === 'stay';
  const name = membership?.personName ?? '';

  const submit = async (v: Values) => {
    if (!membership) return;
    try {
      await issue.mutateAsync({
        membershipId: membership.id,
        body: {
          kind,
          toUnitId: v.toUnitId,
          on: isoDay(v.on),
          until: stay && v.until ? isoDay(v.until) : undefined,
          decisionNo: v.decisionNo?.trim() || undefined,
          reason: v.reason?.trim() || undefined,
        },
      });
      const target = targets.data?.items.find((i) => i.id === v.toUnitId);
      message.success(t('lifecycle.transferForm.sent', { name: target?.name ?? '' }));
      form.resetFields();
      onClose();
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  return (
    <Modal
      open={Boolean(membership)}
      title={t(stay ? 'lifecycle.transferForm.stayTitle' : 'lifecycle.transferForm.transferTitle', { name })}
      okText={t(stay ? 'lifecycle.actions.stay' : 'lifecycle.actions.transfer')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={issue.isPending}
      destroyOnHidden
    >
      <Alert
        type="info"
        showIcon
        title={t(stay ? 'lifecycle.transferForm.stayHint' : 'lifecycle.transferForm.transferHint')}
        style={{ marginBottom: 16 }}
      />
      <Form<Values>
        form={form}
        name={`issue-${kind}`}
        layout="vertical"
        requiredMark
        initialValues={{ on: dayjs() }}
        onFinish={submit}
      >
        <Form.Item label={t('lifecycle.transferForm.from')} htmlFor={`issue-${kind}-from`}>
          <Input id={`issue-${kind}-from`} value={membership?.unitName} disabled />
        </Form.Item>
        <Form.Item
          name="toUnitId"
          label={t(stay ? 'lifecycle.transferForm.host' : 'lifecycle.transferForm.target')}
          rules={[{ required: true, message: t('lifecycle.transferForm.targetRequired') }]}
        >
          <Select
            showSearch={{ filterOption: false, onSearch: setSearch }}
            placeholder={t('lifecycle.transferForm.targetPlaceholder')}
            loading={targets.isFetching}
            notFoundContent={targets.isFetching ? undefined : t('lifecycle.transferForm.noTarget')}
            options={(targets.data?.items ?? []).map((u) => ({
              value: u.id,
              label: [u.name, u.parentName, u.communeName].filter(Boolean).join(' — '),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="on"
          label={t(stay ? 'lifecycle.transferForm.stayOn' : 'lifecycle.transferForm.on')}
          rules={[{ required: true, message: t('lifecycle.dateRequired') }]}
        >
          <DayField />
        </Form.Item>
        {stay && (
          <Form.Item
            name="until"
            label={t('lifecycle.transferForm.until')}
            dependencies={['on']}
            rules={[
              { required: true, message: t('lifecycle.transferForm.untilRequired') },
              ({ getFieldValue }) => ({
                validator: (_r, value: Dayjs | undefined) =>
                  !value || !getFieldValue('on') || value.isAfter(getFieldValue('on'), 'day')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('lifecycle.transferForm.untilAfter'))),
              }),
            ]}
          >
            <DayField future />
          </Form.Item>
        )}
        <Form.Item name="decisionNo" label={t('lifecycle.decisionNo')} extra={t('lifecycle.decisionNoHint')}>
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
        <Form.Item name="reason" label={t('lifecycle.reason')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
