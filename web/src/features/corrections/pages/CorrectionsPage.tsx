import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Pagination,
  Segmented,
  Skeleton,
  Space,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Correction } from '../../../../../contracts/corrections';
import { ApiError, errorMessage } from '../../../api/client';
import { PageHeader } from '../../../app/PageHeader';
import { useUrlParams } from '../../../lib/useUrlParams';
import { useMe } from '../../auth/hooks';
import { UnitSelect } from '../../units/components/UnitSelect';
import { CorrectionItem } from '../components/CorrectionItem';
import { useCorrections, useCorrectionsCount, useDecide } from '../hooks';

const DECIDERS = new Set(['admin', 'province_officer', 'grassroots_officer', 'branch_head']);

function RejectModal({ c, onClose }: { c: Correction; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const decide = useDecide();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open
      title={t('corrections.list.rejectTitle', {
        field: t(`corrections.fields.${c.field}`),
        name: c.personName,
      })}
      okText={t('corrections.list.reject')}
      okButtonProps={{ danger: true, loading: decide.isPending }}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          decide.mutate(
            { id: c.id, approve: false, reason: v.reason },
            {
              onSuccess: () => {
                message.success(t('corrections.list.rejected'));
                onClose();
              },
              onError: (err) => message.error(errorMessage(err)),
            },
          )
        }
      >
        <Form.Item
          name="reason"
          label={t('corrections.list.rejectReason')}
          rules={[
            { required: true, min: 3, whitespace: true, message: t('corrections.list.rejectReasonRequired') },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** /de-nghi-sua-thong-tin?unit=… — the head's list of members' proposed corrections: approve or reject. */
export default function CorrectionsPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { grants } = useMe();
  const [params, update] = useUrlParams();
  const count = useCorrectionsCount(true);
  const fallback = grants.find((g) => DECIDERS.has(g.role) && g.unitId)?.unitId ?? count.data?.unitId ?? null;
  const unitId = Number(params.get('unit')) || fallback;
  const status = params.get('status') === 'decided' ? 'decided' : 'pending';
  const page = Number(params.get('page')) || 1;
  const list = useCorrections(unitId, status, page);
  const decide = useDecide();
  const [rejecting, setRejecting] = useState<Correction | null>(null);

  const approve = (c: Correction) =>
    modal.confirm({
      title: t('corrections.list.approveConfirm', {
        field: t(`corrections.fields.${c.field}`),
        name: c.personName,
      }),
      okText: t('corrections.list.approve'),
      cancelText: t('common.cancel'),
      onOk: () =>
        decide
          .mutateAsync({ id: c.id, approve: true })
          .then(() => message.success(t('corrections.list.approved')))
          .catch((err) => {
            // a CCCD held by another record: the message points to the duplicates review, keep it on screen
            if (err instanceof ApiError && err.code === 'CONFLICT') {
              modal.warning({ title: t('corrections.list.approve'), content: err.message });
            } else message.error(errorMessage(err));
          }),
    });

  return (
    <>
      <PageHeader title={t('corrections.list.title')} />
      <Form layout="vertical" style={{ maxWidth: 480 }}>
        <Form.Item label={t('corrections.list.unit')} htmlFor="corrections-unit">
          <UnitSelect
            id="corrections-unit"
            value={unitId}
            initialLabel={grants.find((g) => g.unitId === unitId)?.scopeLabel}
            onChange={(v) => update({ unit: v ? String(v) : null, page: null })}
            placeholder={t('corrections.list.unitPlaceholder')}
          />
        </Form.Item>
        <Form.Item label={t('corrections.list.status')}>
          <Segmented
            value={status}
            onChange={(v) => update({ status: v === 'decided' ? 'decided' : null, page: null })}
            options={[
              { value: 'pending', label: t('corrections.list.pending') },
              { value: 'decided', label: t('corrections.list.decided') },
            ]}
          />
        </Form.Item>
      </Form>
      {!unitId && <Alert type="info" showIcon title={t('corrections.list.chooseUnit')} />}
      {unitId && list.isPending && <Skeleton active />}
      {list.isError && <Alert type="error" showIcon title={list.error.message} />}
      {list.data && list.data.items.length === 0 && (
        <Empty
          description={
            status === 'pending' ? t('corrections.list.empty') : t('corrections.list.emptyDecided')
          }
        />
      )}
      {list.data && list.data.items.length > 0 && (
        <Flex vertical gap={8} style={{ maxWidth: 720 }}>
          {list.data.items.map((c) => (
            <Card size="small" key={c.id}>
              <CorrectionItem
                c={c}
                showPerson
                actions={
                  c.status === 'pending' && (
                    <Space wrap style={{ marginTop: 8 }}>
                      <Button type="primary" onClick={() => approve(c)} disabled={decide.isPending}>
                        {t('corrections.list.approve')}
                      </Button>
                      <Button danger onClick={() => setRejecting(c)} disabled={decide.isPending}>
                        {t('corrections.list.reject')}
                      </Button>
                      <Button type="link" href={`/people/${c.personId}`}>
                        {t('people.openProfile')}
                      </Button>
                    </Space>
                  )
                }
              />
            </Card>
          ))}
          <Pagination
            current={page}
            pageSize={20}
            total={list.data.total}
            hideOnSinglePage
            showSizeChanger={false}
            onChange={(p) => update({ page: p > 1 ? String(p) : null })}
          />
        </Flex>
      )}
      {rejecting && <RejectModal c={rejecting} onClose={() => setRejecting(null)} />}
    </>
  );
}
