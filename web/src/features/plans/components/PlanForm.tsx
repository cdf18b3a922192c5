import { App, Col, Form, Input, InputNumber, Modal, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Definition } from '../../../../../contracts/oversight';
import { errorMessage } from '../../../api/client';
import { DayField, isoDay } from '../../lifecycle/components/DayField';
import { useCreatePlan } from '../hooks';

type PeriodType = 'quarter' | 'half' | 'year';
interface Values {
  title: string;
  number?: string;
  issuedOn?: Dayjs | null;
  periodType: PeriodType;
  periodN: number;
  year: number;
  body?: string;
  indicators: string[];
  /** per indicator, as typed: a percentage for rates, the number otherwise */
  targets: Record<string, number | null>;
}

const ROMAN = ['I', 'II', 'III', 'IV'];
const keyOf = (v: Pick<Values, 'periodType' | 'periodN' | 'year'>) =>
  v.periodType === 'year'
    ? String(v.year)
    : `${v.year}-${v.periodType === 'quarter' ? 'Q' : 'H'}${v.periodN}`;

/** The form recording a plan of a commune or province unit, with one target row per chosen indicator. */
export function PlanForm({
  unitId,
  unitName,
  indicators,
  lowerIsBetter,
  open,
  onClose,
  onCreated,
}: {
  unitId: number;
  unitName: string;
  indicators: Definition[];
  lowerIsBetter: string[];
  open: boolean;
  onClose: () => void;
  onCreated: (id: number) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreatePlan();
  const chosen = Form.useWatch('indicators', form) ?? [];
  const type = Form.useWatch('periodType', form) ?? 'year';
  const byKey = new Map<string, Definition>(indicators.map((d) => [d.key, d]));
  const thisYear = dayjs().year();

  const submit = async (v: Values) => {
    try {
      const res = await create.mutateAsync({
        unitId,
        title: v.title,
        number: v.number?.trim() || undefined,
        issuedOn: v.issuedOn ? isoDay(v.issuedOn) : undefined,
        periodKey: keyOf(v),
        body: v.body?.trim() || undefined,
        targets: v.indicators.map((k) => {
          const typed = v.targets?.[k] ?? 0;
          return { indicator: k, target: byKey.get(k)?.format === 'percent' ? typed / 100 : typed };
        }),
      });
      message.success(t('plans.created'));
      form.resetFields();
      onCreated(res.id);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  return (
    <Modal
      open={open}
      title={`${t('plans.create')} — ${unitName}`}
      okText={t('plans.form.submit')}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      onCancel={onClose}
      width={720}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        name="plan"
        layout="vertical"
        requiredMark
        initialValues={{ periodType: 'year', periodN: 1, year: thisYear, indicators: [], targets: {} }}
        onFinish={submit}
      >
        <Form.Item
          name="title"
          label={t('plans.form.title')}
          rules={[{ required: true, whitespace: true, message: t('plans.form.titleRequired') }]}
        >
          <Input maxLength={300} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="number" label={t('plans.form.number')} extra={t('plans.form.numberHint')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="issuedOn" label={t('plans.form.issuedOn')}>
              <DayField />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} sm={8}>
            <Form.Item name="periodType" label={t('plans.form.periodType')}>
              <Select<PeriodType>
                options={(['year', 'half', 'quarter'] as const).map((k) => ({
                  value: k,
                  label: t(`plans.form.types.${k}`),
                }))}
                onChange={() => form.setFieldValue('periodN', 1)}
              />
            </Form.Item>
          </Col>
          {type !== 'year' && (
            <Col xs={12} sm={8}>
              <Form.Item name="periodN" label={t('plans.form.period')}>
                <Select<number>
                  options={Array.from({ length: type === 'quarter' ? 4 : 2 }, (_, i) => ({
                    value: i + 1,
                    label:
                      type === 'quarter'
                        ? t('plans.form.quarterN', { n: ROMAN[i] })
                        : t('plans.form.halfN', { n: i + 1 }),
                  }))}
                />
              </Form.Item>
            </Col>
          )}
          <Col xs={12} sm={8}>
            <Form.Item name="year" label={t('plans.form.year')}>
              <Select<number>
                options={Array.from({ length: 5 }, (_, i) => thisYear + 1 - i).map((y) => ({
                  value: y,
                  label: y,
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="body" label={t('plans.form.body')}>
          <Input.TextArea rows={3} maxLength={20_000} />
        </Form.Item>
        <Form.Item
          name="indicators"
          label={t('plans.form.indicators')}
          extra={t('plans.form.indicatorsHint')}
          rules={[{ required: true, type: 'array', min: 1, message: t('plans.form.indicatorsRequired') }]}
        >
          <Select<string[]>
            mode="multiple"
            optionFilterProp="label"
            options={indicators.map((d) => ({ value: d.key, label: d.label }))}
          />
        </Form.Item>
        {chosen.map((k) => {
          const d = byKey.get(k);
          if (!d) return null;
          const pct = d.format === 'percent';
          return (
            <Form.Item
              key={k}
              name={['targets', k]}
              label={d.label}
              rules={[{ required: true, message: t('plans.form.targetRequired') }]}
              extra={
                lowerIsBetter.includes(k) ? (
                  <Typography.Text type="secondary">{t('plans.form.lowerIsBetter')}</Typography.Text>
                ) : undefined
              }
            >
              <InputNumber<number>
                min={pct ? 0 : k === 'netChange' ? undefined : 0}
                max={pct ? 100 : undefined}
                step={pct ? 1 : 1}
                suffix={pct ? '%' : undefined}
                decimalSeparator=","
                style={{ width: 200 }}
              />
            </Form.Item>
          );
        })}
      </Form>
    </Modal>
  );
}
