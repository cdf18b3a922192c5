import { Form, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { UNIT_KINDS } from '../../units/components/UnitEditModals';
import { UnitSelect } from '../../units/components/UnitSelect';

export type RuleTarget = 'all' | 'unitKind' | 'unit';

/** "Áp dụng cho": the whole organization, one unit kind, or one special unit found by name. */
export function RuleTargetFields({ code }: { code: string }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const target: RuleTarget = Form.useWatch('target', form) ?? 'all';
  return (
    <>
      <Form.Item label={t('rules.target')} name="target">
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          style={{ display: 'flex', flexWrap: 'wrap' }}
          options={(['all', 'unitKind', 'unit'] as const).map((v) => ({
            value: v,
            label: t(`rules.targets.${v}`),
          }))}
        />
      </Form.Item>
      {target === 'unitKind' && (
        <Form.Item
          label={t('rules.unitKind')}
          name="unitKind"
          rules={[{ required: true, message: t('rules.unitKindRequired') }]}
        >
          <Select options={UNIT_KINDS.map((k) => ({ value: k, label: t(`units.kinds.${k}`) }))} />
        </Form.Item>
      )}
      {target === 'unit' && (
        <Form.Item
          label={t('rules.unitLabel')}
          name="unitId"
          rules={[{ required: true, message: t('rules.unitRequired') }]}
          extra={t('rules.overrideNote')}
        >
          <UnitSelect
            organization={code}
            placeholder={t('rules.unitSearch')}
            aria-label={t('rules.unitLabel')}
          />
        </Form.Item>
      )}
    </>
  );
}
