import { App, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  BODY_KINDS,
  VOICE_LEVELS,
  type VoiceBodyList,
  type VoiceCategoryList,
  type VoiceLevel,
} from '../../../../../contracts/voice';
import { errorMessage } from '../../../api/client';
import { AreaSelect } from '../../units/components/AreaSelect';
import { type DeadlineRule, useCreateBody, usePutCategory, usePutDeadline, useUpdateBody } from '../hooks';

type Category = VoiceCategoryList['items'][number];
type Body = VoiceBodyList['items'][number];

/** What a modal edits: null closed, 'new' for adding, or the row being edited. */
export type Editing<T> = T | 'new' | null;

/** Add or edit a category (lĩnh vực): code (new only), name, order, in use. */
export function CategoryModal({ editing, onClose }: { editing: Editing<Category>; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ code: string; name: string; sortOrder: number; active: boolean }>();
  const put = usePutCategory();
  const isNew = editing === 'new';
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const code = isNew ? v.code.trim() : (editing as Category).code;
    put.mutate(
      { code, name: v.name.trim(), sortOrder: v.sortOrder ?? 0, active: v.active },
      {
        onSuccess: () => {
          message.success(t('voice.config.saved'));
          onClose();
        },
        onError: (err) => message.error(errorMessage(err)),
      },
    );
  };
  return (
    <Modal
      open={editing !== null}
      title={isNew ? t('voice.config.addCategory') : t('voice.config.editCategory')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={put.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        name="voice-category"
        initialValues={
          editing && editing !== 'new'
            ? { ...editing, sortOrder: editing.sortOrder ?? 0 }
            : { code: '', name: '', sortOrder: 0, active: true }
        }
      >
        {isNew && (
          <Form.Item
            label={t('voice.config.code')}
            name="code"
            extra={t('voice.config.codeHelp')}
            rules={[
              { required: true, message: t('common.required') },
              { pattern: /^[a-z0-9_]{2,40}$/, message: t('voice.config.codeInvalid') },
            ]}
          >
            <Input autoComplete="off" maxLength={40} />
          </Form.Item>
        )}
        <Form.Item
          label={t('voice.config.categoryName')}
          name="name"
          rules={[{ required: true, whitespace: true, message: t('voice.config.nameRequired') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label={t('voice.config.sortOrder')} name="sortOrder">
          <InputNumber min={0} max={1000} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label={t('voice.config.inUse')} name="active" valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Set the days a step has for a category (or every category, '*') at a level. */
export function DeadlineModal({
  editing,
  categories,
  onClose,
}: {
  editing: Editing<DeadlineRule>;
  categories: Category[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ categoryCode: string; level: VoiceLevel; days: number }>();
  const put = usePutDeadline();
  const isNew = editing === 'new';
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    put.mutate(v, {
      onSuccess: () => {
        message.success(t('voice.config.saved'));
        onClose();
      },
      onError: (err) => message.error(errorMessage(err)),
    });
  };
  return (
    <Modal
      open={editing !== null}
      title={isNew ? t('voice.config.addDeadline') : t('voice.config.editDeadline')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={put.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        name="voice-deadline"
        initialValues={
          editing && editing !== 'new' ? editing : { categoryCode: '*', level: 'branch', days: 15 }
        }
      >
        <Form.Item
          label={t('voice.form.category')}
          name="categoryCode"
          rules={[{ required: true, message: t('voice.form.categoryRequired') }]}
        >
          <Select
            disabled={!isNew}
            showSearch={{ optionFilterProp: 'label' }}
            options={[
              { value: '*', label: t('voice.config.everyCategory') },
              ...categories.filter((c) => c.active).map((c) => ({ value: c.code, label: c.name })),
            ]}
          />
        </Form.Item>
        <Form.Item
          label={t('voice.config.level')}
          name="level"
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select
            disabled={!isNew}
            options={VOICE_LEVELS.map((l) => ({ value: l, label: t(`voice.levels.${l}`) }))}
          />
        </Form.Item>
        <Form.Item
          label={t('voice.config.days')}
          name="days"
          extra={t('voice.config.daysHelp')}
          rules={[{ required: true, message: t('voice.config.daysRequired') }]}
        >
          <InputNumber min={1} max={365} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface BodyValues {
  areaId: number | null;
  name: string;
  kind: Body['kind'];
  escalatesToId?: number | null;
  active: boolean;
}

/** Add a recipient body to an area, or edit one: name, kind, the body it escalates to, in use. */
export function BodyModal({
  editing,
  bodies,
  onClose,
}: {
  editing: Editing<Body>;
  /** every body, to choose the escalation target from */
  bodies: Body[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<BodyValues>();
  const create = useCreateBody();
  const update = useUpdateBody();
  const isNew = editing === 'new';
  const current = editing && editing !== 'new' ? editing : null;
  const done = {
    onSuccess: () => {
      message.success(t('voice.config.saved'));
      onClose();
    },
    onError: (err: unknown) => message.error(errorMessage(err)),
  };
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    if (current) {
      update.mutate(
        {
          id: current.id,
          name: v.name.trim(),
          kind: v.kind,
          escalatesToId: v.escalatesToId ?? null,
          active: v.active,
        },
        done,
      );
    } else {
      create.mutate(
        {
          areaId: v.areaId as number,
          name: v.name.trim(),
          kind: v.kind,
          ...(v.escalatesToId ? { escalatesToId: v.escalatesToId } : {}),
        },
        done,
      );
    }
  };
  const targets = bodies
    .filter((b) => b.active && b.id !== current?.id)
    .map((b) => ({ value: b.id, label: `${b.name} (${b.areaName})` }));
  return (
    <Modal
      open={editing !== null}
      title={isNew ? t('voice.config.addBody') : t('voice.config.editBody')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        name="voice-body"
        initialValues={
          current
            ? { ...current }
            : { areaId: null, name: '', kind: 'agency', escalatesToId: null, active: true }
        }
      >
        {isNew ? (
          <Form.Item
            label={t('voice.config.area')}
            name="areaId"
            rules={[{ required: true, message: t('voice.config.areaRequired') }]}
          >
            <AreaSelect />
          </Form.Item>
        ) : (
          <Form.Item label={t('voice.config.area')}>
            <Input value={current?.areaName} disabled />
          </Form.Item>
        )}
        <Form.Item
          label={t('voice.config.bodyName')}
          name="name"
          extra={t('voice.config.bodyNameHelp')}
          rules={[{ required: true, whitespace: true, message: t('voice.config.nameRequired') }]}
        >
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item
          label={t('voice.config.kind')}
          name="kind"
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select options={BODY_KINDS.map((k) => ({ value: k, label: t(`voice.config.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item
          label={t('voice.config.escalatesTo')}
          name="escalatesToId"
          extra={t('voice.config.escalatesHelp')}
        >
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={targets} />
        </Form.Item>
        {!isNew && (
          <Form.Item label={t('voice.config.inUse')} name="active" valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
