import { Alert, App, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/client';
import type { OrganizationRule } from '../../../api/types';
import { lookup } from '../../../app/i18n/lookup';
import { type NewRuleBody, useAddRule } from '../hooks';
import { type RuleTarget, RuleTargetFields } from './RuleTargetFields';

const BASE_KINDS = ['meeting_rhythm', 'eligibility', 'dues'];

interface Values {
  kind: string;
  target: RuleTarget;
  unitKind?: string;
  unitId?: number;
  effectiveFrom: Dayjs;
  effectiveTo?: Dayjs | null;
  source?: string;
  months?: number;
  minAge?: number | null;
  maxAge?: number | null;
  gender?: '' | 'M' | 'F';
  veteran?: boolean;
  occupation?: string;
  json?: string;
}

function parseJsonObject(text: string | undefined): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(text ?? '');
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function toValue(v: Values): Record<string, unknown> {
  if (v.kind === 'meeting_rhythm') return { months: v.months };
  if (v.kind === 'eligibility') {
    const out: Record<string, unknown> = {};
    if (v.minAge != null) out.minAge = v.minAge;
    if (v.maxAge != null) out.maxAge = v.maxAge;
    if (v.gender) out.gender = v.gender;
    if (v.veteran) out.veteran = true;
    if (v.occupation?.trim()) out.occupation = v.occupation.trim();
    return out;
  }
  return parseJsonObject(v.json) ?? {};
}

interface Props {
  code: string;
  open: boolean;
  onClose: () => void;
  rules: OrganizationRule[];
}

/** "Thêm phiên bản": a form for meeting rhythm and eligibility, JSON for other kinds. */
export function AddRuleModal({ code, open, onClose, rules }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'meeting_rhythm';
  const add = useAddRule(code);
  const kinds = [...new Set([...BASE_KINDS, ...rules.map((r) => r.kind)])];

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const body: NewRuleBody = {
      kind: values.kind,
      value: toValue(values),
      effectiveFrom: values.effectiveFrom.format('YYYY-MM-DD'),
      ...(values.effectiveTo ? { effectiveTo: values.effectiveTo.format('YYYY-MM-DD') } : {}),
      ...(values.target === 'unitKind' && values.unitKind ? { unitKind: values.unitKind } : {}),
      ...(values.target === 'unit' && values.unitId ? { unitId: values.unitId } : {}),
      ...(values.source?.trim() ? { source: values.source.trim() } : {}),
    };
    add.mutate(body, {
      onSuccess: () => {
        message.success(t('rules.created'));
        form.resetFields();
        onClose();
      },
      onError: (err) => message.error(errorMessage(err)),
    });
  };

  return (
    <Modal
      open={open}
      title={t('rules.addVersion')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={add.isPending}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('rules.versionNote')} style={{ marginBottom: 16 }} />
      <Form
        form={form}
        layout="vertical"
        name="add-rule"
        initialValues={{
          kind: 'meeting_rhythm',
          target: 'all',
          months: 1,
          gender: '',
          effectiveFrom: dayjs(),
          json: '{}',
        }}
      >
        <Form.Item
          label={t('rules.kind')}
          name="kind"
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select
            options={kinds.map((k) => ({
              value: k,
              label: lookup(t, `rules.kinds.${k}`, k),
            }))}
          />
        </Form.Item>
        <RuleTargetFields code={code} />
        {kind === 'meeting_rhythm' && (
          <Form.Item
            label={t('rules.months')}
            name="months"
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Select
              options={[1, 2, 3, 6, 12].map((m) => ({
                value: m,
                label: t(`rules.rhythm.m${m}` as 'rules.rhythm.m1'),
              }))}
            />
          </Form.Item>
        )}
        {kind === 'eligibility' && (
          <>
            <Form.Item label={t('rules.minAge')} name="minAge">
              <InputNumber min={0} max={120} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item
              label={t('rules.maxAge')}
              name="maxAge"
              dependencies={['minAge']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, value: number | null) => {
                    const min = getFieldValue('minAge') as number | null;
                    return value == null || min == null || value >= min
                      ? Promise.resolve()
                      : Promise.reject(new Error(`${t('rules.maxAge')} ≥ ${t('rules.minAge')}`));
                  },
                }),
              ]}
            >
              <InputNumber min={0} max={120} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item label={t('rules.gender')} name="gender">
              <Select
                options={[
                  { value: '', label: t('rules.genderAny') },
                  { value: 'F', label: t('people.female') },
                  { value: 'M', label: t('people.male') },
                ]}
              />
            </Form.Item>
            <Form.Item name="veteran" valuePropName="checked">
              <Checkbox>{t('rules.veteran')}</Checkbox>
            </Form.Item>
            <Form.Item label={t('rules.occupation')} name="occupation">
              <Input />
            </Form.Item>
          </>
        )}
        {kind !== 'meeting_rhythm' && kind !== 'eligibility' && (
          <Form.Item
            label={t('rules.jsonValue')}
            name="json"
            rules={[
              {
                validator: (_, text: string) =>
                  parseJsonObject(text)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('rules.jsonInvalid'))),
              },
            ]}
          >
            <Input.TextArea rows={6} style={{ fontFamily: 'monospace' }} spellCheck={false} />
          </Form.Item>
        )}
        <Form.Item
          label={t('rules.effectiveFrom')}
          name="effectiveFrom"
          rules={[{ required: true, message: t('rules.dateRequired') }]}
        >
          <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          label={t('rules.effectiveToOptional')}
          name="effectiveTo"
          dependencies={['effectiveFrom']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value: Dayjs | null | undefined) => {
                const from = getFieldValue('effectiveFrom') as Dayjs | undefined;
                return !value || !from || value.isAfter(from, 'day')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('rules.effectiveToAfter')));
              },
            }),
          ]}
        >
          <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label={t('rules.source')} name="source">
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
