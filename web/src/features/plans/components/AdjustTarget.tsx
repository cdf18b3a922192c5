import { EditOutlined } from '@ant-design/icons';
import { App, Button, Form, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProgressRow } from '../../../../../contracts/plans';
import { errorMessage } from '../../../api/client';
import { useAdjustTarget } from '../hooks';

/** Adjusts one indicator's target for the unit shown (the plan's unit or one below it). */
export function AdjustTarget({
  planId,
  unitId,
  unitName,
  rows,
}: {
  planId: number;
  unitId: number;
  unitName: string;
  rows: ProgressRow[];
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ indicator: string; value: number }>();
  const adjust = useAdjustTarget(planId);
  const indicator = Form.useWatch('indicator', form);
  const row = rows.find((r) => r.indicator === indicator);
  const pct = row?.format === 'percent';

  const submit = async (v: { indicator: string; value: number }) => {
    try {
      await adjust.mutateAsync({ unitId, indicator: v.indicator, target: pct ? v.value / 100 : v.value });
      message.success(t('plans.detail.adjusted', { name: unitName }));
      setOpen(false);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  return (
    <>
      <Button size="small" icon={<EditOutlined />} onClick={() => setOpen(true)}>
        {t('plans.detail.adjust')}
      </Button>
      <Modal
        open={open}
        title={`${t('plans.detail.adjust')} — ${unitName}`}
        onOk={() => form.submit()}
        confirmLoading={adjust.isPending}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form form={form} name="adjust-target" layout="vertical" onFinish={submit}>
          <Form.Item
            name="indicator"
            label={t('plans.table.indicator')}
            rules={[{ required: true, message: t('plans.form.indicatorsRequired') }]}
          >
            <Select
              options={rows.map((r) => ({ value: r.indicator, label: r.label }))}
              onChange={(k) => {
                const r = rows.find((x) => x.indicator === k);
                const v = r?.target ?? null;
                form.setFieldValue('value', v === null ? null : r?.format === 'percent' ? v * 100 : v);
              }}
            />
          </Form.Item>
          <Form.Item
            name="value"
            label={t('plans.table.target')}
            rules={[{ required: true, message: t('plans.form.targetRequired') }]}
          >
            <InputNumber<number>
              min={pct || indicator !== 'netChange' ? 0 : undefined}
              max={pct ? 100 : undefined}
              suffix={pct ? '%' : undefined}
              decimalSeparator=","
              style={{ width: 200 }}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
