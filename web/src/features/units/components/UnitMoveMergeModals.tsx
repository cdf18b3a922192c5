import { Alert, App, Form, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/client';
import type { UnitDetail } from '../../../api/types';
import { useMergeUnit, useMoveUnit } from '../hooks';
import { UnitSelect } from './UnitSelect';

interface ModalProps {
  detail: UnitDetail;
  open: boolean;
  onClose: () => void;
}

/** "Chuyển đơn vị cha": pick the new parent by searching (same organization). */
export function MoveModal({ detail, open, onClose }: ModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ newParentId: number }>();
  const move = useMoveUnit(detail.unit.id);
  const exclude = [detail.unit.id, ...(detail.unit.parentId ? [detail.unit.parentId] : [])];

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    move.mutate(values, {
      onSuccess: () => {
        message.success(t('units.moved'));
        onClose();
      },
      onError: (err) => message.error(errorMessage(err)),
    });
  };

  return (
    <Modal
      open={open}
      title={`${t('units.move')} — ${detail.unit.name}`}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={move.isPending}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('units.moveExplain')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" name="move-unit">
        <Form.Item
          label={t('units.newParent')}
          name="newParentId"
          rules={[{ required: true, message: t('units.newParentRequired') }]}
        >
          <UnitSelect organization={detail.unit.organizationCode} exclude={exclude} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** "Hợp nhất vào…": pick the receiving unit, then confirm with an explanation of the effect. */
export function MergeModal({ detail, open, onClose }: ModalProps) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<{ targetUnitId: number }>();
  const [targetName, setTargetName] = useState('');
  const merge = useMergeUnit(detail.unit.id);
  const names = { source: detail.unit.name, target: targetName };

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    modal.confirm({
      title: t('units.mergeConfirmTitle', names),
      content: t('units.mergeExplain', names),
      okText: t('common.confirm'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        merge
          .mutateAsync(values)
          .then(() => {
            message.success(t('units.merged'));
            onClose();
          })
          .catch((err: unknown) => {
            message.error(errorMessage(err));
          }),
    });
  };

  return (
    <Modal
      open={open}
      title={`${t('units.merge')} — ${detail.unit.name}`}
      okText={t('common.confirm')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={merge.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" name="merge-unit">
        <Form.Item
          label={t('units.mergeTarget')}
          name="targetUnitId"
          rules={[{ required: true, message: t('units.mergeTargetRequired') }]}
        >
          <UnitSelect
            organization={detail.unit.organizationCode}
            exclude={[detail.unit.id]}
            onChange={(_, label) => setTargetName(label ?? '')}
          />
        </Form.Item>
      </Form>
      {targetName && <Alert type="warning" showIcon title={t('units.mergeExplain', names)} />}
    </Modal>
  );
}
