import { App, Checkbox, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/client';
import type { UnitDetail } from '../../../api/types';
import { useCreateUnit, useUpdateUnit } from '../hooks';
import { AreaSelect } from './AreaSelect';

export const UNIT_KINDS = ['residential', 'workplace', 'school', 'profession', 'interest'] as const;

interface ModalProps {
  detail: UnitDetail;
  open: boolean;
  onClose: () => void;
}

interface CreateValues {
  name: string;
  kind: string;
  areaId: number;
  difficultArea: boolean;
}

/** "Thêm đơn vị con": name, kind, area (defaults to the parent's), difficult-area flag. */
export function CreateChildModal({ detail, open, onClose }: ModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateValues>();
  const create = useCreateUnit();
  const parent = detail.unit;

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    create.mutate(
      { parentId: parent.id, ...values, name: values.name.trim() },
      {
        onSuccess: () => {
          message.success(t('units.created'));
          onClose();
        },
        onError: (err) => message.error(errorMessage(err)),
      },
    );
  };

  return (
    <Modal
      open={open}
      title={`${t('units.addChild')} — ${parent.name}`}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        name="create-unit"
        initialValues={{ kind: parent.kind, areaId: parent.areaId, difficultArea: parent.difficultArea }}
        onFinish={() => void submit()}
      >
        <Form.Item
          label={t('units.name')}
          name="name"
          rules={[{ required: true, whitespace: true, message: t('units.nameRequired') }, { max: 200 }]}
        >
          <Input autoFocus />
        </Form.Item>
        <Form.Item
          label={t('units.kind')}
          name="kind"
          rules={[{ required: true, message: t('units.kindRequired') }]}
        >
          <Select options={UNIT_KINDS.map((k) => ({ value: k, label: t(`units.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item
          label={t('units.area')}
          name="areaId"
          rules={[{ required: true, message: t('units.areaRequired') }]}
        >
          <AreaSelect initialLabel={parent.areaName ?? undefined} />
        </Form.Item>
        <Form.Item name="difficultArea" valuePropName="checked">
          <Checkbox>{t('units.difficultAreaLabel')}</Checkbox>
        </Form.Item>
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}

interface RenameValues {
  name: string;
  difficultArea: boolean;
}

/** "Đổi tên" (and the difficult-area flag); the old name stays in the unit's history. */
export function RenameModal({ detail, open, onClose }: ModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RenameValues>();
  const update = useUpdateUnit(detail.unit.id);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const body: { name?: string; difficultArea?: boolean } = {};
    if (values.name.trim() !== detail.unit.name) body.name = values.name.trim();
    if (values.difficultArea !== detail.unit.difficultArea) body.difficultArea = values.difficultArea;
    if (Object.keys(body).length === 0) {
      onClose();
      return;
    }
    update.mutate(body, {
      onSuccess: () => {
        message.success(t('units.renamed'));
        onClose();
      },
      onError: (err) => message.error(errorMessage(err)),
    });
  };

  return (
    <Modal
      open={open}
      title={t('units.rename')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={update.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        name="rename-unit"
        initialValues={{ name: detail.unit.name, difficultArea: detail.unit.difficultArea }}
        onFinish={() => void submit()}
      >
        <Form.Item
          label={t('units.name')}
          name="name"
          rules={[{ required: true, whitespace: true, message: t('units.nameRequired') }, { max: 200 }]}
        >
          <Input autoFocus />
        </Form.Item>
        <Form.Item name="difficultArea" valuePropName="checked">
          <Checkbox>{t('units.difficultAreaLabel')}</Checkbox>
        </Form.Item>
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
