import { App, Button, Form, Input, Radio, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CorrectionField, MyProfile } from '../../../../../contracts/corrections';
import { ApiError, errorMessage } from '../../../api/client';
import { usePropose } from '../hooks';
import { FIELDS, useValueText } from '../values';

type Person = NonNullable<MyProfile['person']>;

/** The stored value of a field, as proposals carry it. */
function storedValue(p: Person, f: CorrectionField): string | null {
  switch (f) {
    case 'birthDate':
      return p.birthDate ?? (p.birthYear ? String(p.birthYear) : null);
    case 'homeAreaId':
      return p.homeAreaId === null ? null : String(p.homeAreaId);
    case 'awayFromHome':
      return String(p.awayFromHome);
    default:
      return p[f];
  }
}

interface Values {
  field?: CorrectionField;
  value?: string;
  note?: string;
}

/** Choose a field of one's own profile, type the right value, send it to the branch head. */
export function ProposeForm({ profile }: { profile: MyProfile }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const field = Form.useWatch('field', form);
  const propose = usePropose();
  const text = useValueText();
  const person = profile.person as Person;
  const pending = new Set(profile.corrections.filter((c) => c.status === 'pending').map((c) => c.field));
  const areaLabel = (id: string | null) =>
    profile.areaOptions.find((a) => String(a.id) === id)?.name ?? person.homeAreaName;

  const onFinish = (v: Values) =>
    propose.mutate(
      { field: v.field as CorrectionField, value: v.value ?? '', note: v.note || undefined },
      {
        onSuccess: () => {
          message.success(t('corrections.sent'));
          form.resetFields();
        },
        onError: (err) => {
          // a refused value is shown under the value field, naming what is wrong
          if (err instanceof ApiError && err.status === 400) {
            form.setFields([{ name: 'value', errors: [err.message] }]);
          } else message.error(errorMessage(err));
        },
      },
    );

  const current = field ? storedValue(person, field) : null;
  return (
    <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
      <Form.Item
        name="field"
        label={t('corrections.field')}
        rules={[{ required: true, message: t('corrections.fieldRequired') }]}
        extra={
          field
            ? t('corrections.current', {
                value: text(field, current, field === 'homeAreaId' ? areaLabel(current) : null),
              })
            : undefined
        }
      >
        <Select
          size="large"
          options={FIELDS.map((f) => ({
            value: f,
            label: pending.has(f)
              ? `${t(`corrections.fields.${f}`)} — ${t('corrections.pendingField')}`
              : t(`corrections.fields.${f}`),
            disabled: pending.has(f),
          }))}
          onChange={() => form.setFieldValue('value', undefined)}
        />
      </Form.Item>
      {field && (
        <Form.Item
          name="value"
          label={t('corrections.value')}
          rules={
            field === 'fullName' || field === 'birthDate' || field === 'awayFromHome'
              ? [{ required: true, message: t('corrections.valueRequired') }]
              : []
          }
        >
          {field === 'homeAreaId' ? (
            <Select
              size="large"
              showSearch
              optionFilterProp="label"
              options={profile.areaOptions.map((a) => ({ value: String(a.id), label: a.name }))}
            />
          ) : field === 'awayFromHome' ? (
            <Radio.Group
              size="large"
              options={[
                { value: 'true', label: t('corrections.yes') },
                { value: 'false', label: t('corrections.no') },
              ]}
            />
          ) : (
            <Input
              size="large"
              inputMode={
                field === 'phone' || field === 'awayContact' || field === 'nationalId' ? 'numeric' : undefined
              }
              placeholder={
                field === 'birthDate' || field === 'awaySince' ? t('corrections.datePlaceholder') : undefined
              }
              autoComplete="off"
            />
          )}
        </Form.Item>
      )}
      <Form.Item name="note" label={t('corrections.note')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      <Button type="primary" htmlType="submit" size="large" block loading={propose.isPending}>
        {t('corrections.submit')}
      </Button>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('corrections.proposeHint')}
      </Typography.Paragraph>
    </Form>
  );
}
