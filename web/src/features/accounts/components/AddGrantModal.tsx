import { App, Form, Modal, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/client';
import { type Account, ROLES, type Role } from '../../../api/types';
import { AreaSelect } from '../../units/components/AreaSelect';
import { UnitSelect } from '../../units/components/UnitSelect';
import { useOrganizations } from '../../units/hooks';
import { type GrantBody, useAddGrant } from '../hooks';

interface Values {
  role: Role;
  scopeType: 'unit' | 'area';
  unitId?: number;
  areaId?: number;
  organizationCode?: string;
}

/** Give an account a role over a unit subtree, or over an area for one or all organizations. */
export function AddGrantModal({ account, onClose }: { account: Account | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const scopeType = Form.useWatch('scopeType', form) ?? 'unit';
  const role = Form.useWatch('role', form);
  // Admin is system-wide: the server refuses a scope for it.
  const needsScope = role !== 'admin';
  const orgs = useOrganizations();
  const add = useAddGrant();

  const submit = async () => {
    if (!account) return;
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const body: GrantBody = !needsScope
      ? { role: values.role }
      : values.scopeType === 'unit'
        ? { role: values.role, unitId: values.unitId }
        : {
            role: values.role,
            areaId: values.areaId,
            ...(values.organizationCode ? { organizationCode: values.organizationCode } : {}),
          };
    add.mutate(
      { accountId: account.id, ...body },
      {
        onSuccess: () => {
          message.success(t('accounts.grantAdded'));
          onClose();
        },
        onError: (err) => message.error(errorMessage(err)),
      },
    );
  };

  return (
    <Modal
      open={Boolean(account)}
      title={`${t('accounts.addGrant')} — ${account?.name ?? ''}`}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={add.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        name="add-grant"
        initialValues={{ scopeType: 'unit', organizationCode: '' }}
      >
        <Form.Item
          label={t('accounts.role')}
          name="role"
          rules={[{ required: true, message: t('accounts.roleRequired') }]}
        >
          <Select options={ROLES.map((r) => ({ value: r, label: t(`accounts.roles.${r}`) }))} />
        </Form.Item>
        {needsScope && (
          <Form.Item label={t('accounts.scopeType')} name="scopeType">
            <Radio.Group
              options={[
                { value: 'unit', label: t('accounts.scopeUnit') },
                { value: 'area', label: t('accounts.scopeArea') },
              ]}
            />
          </Form.Item>
        )}
        {!needsScope ? null : scopeType === 'unit' ? (
          <Form.Item
            label={t('accounts.unit')}
            name="unitId"
            rules={[{ required: true, message: t('common.required') }]}
          >
            <UnitSelect />
          </Form.Item>
        ) : (
          <>
            <Form.Item
              label={t('accounts.area')}
              name="areaId"
              rules={[{ required: true, message: t('common.required') }]}
            >
              <AreaSelect />
            </Form.Item>
            <Form.Item label={t('accounts.organization')} name="organizationCode">
              <Select
                options={[
                  { value: '', label: t('accounts.allOrganizations') },
                  ...(orgs.data ?? []).map((o) => ({
                    value: o.code,
                    label: i18n.language === 'en' ? o.nameEn : o.nameVi,
                  })),
                ]}
              />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
