import { App, Button, Card, Col, Form, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PARTY_STAGES, type PartyStage } from '../../../../../contracts/party';
import { errorMessage } from '../../../api/client';
import { formatBirth } from '../../../lib/format';
import { useDebounced } from '../../../lib/useDebounced';
import { DayField, isoDay } from '../../lifecycle/components/DayField';
import { usePeople } from '../../people/hooks';
import type { PersonSummary } from '../../people/types';
import { useAddIntroduction } from '../hooks';

interface Values {
  personId: number;
  stage: PartyStage;
  stageOn: Dayjs;
  decisionNo?: string;
  note?: string;
}

const NO_FILTERS = { organization: '', status: '', ageBand: '', gender: '', party: '', away: '', cadre: '' };

/** The active membership the stage is recorded at: in the unit itself when there is one, else one below it. */
function membershipUnit(p: PersonSummary, unitId: number, organizationCode: string) {
  const live = p.memberships.filter((m) => m.status === 'active' && m.organizationCode === organizationCode);
  return (live.find((m) => m.unitId === unitId) ?? live[0]) || null;
}

/** "Ghi bước mới": choose a member of the unit by name (no diacritics needed), the stage, its date. */
export function AddIntroductionForm({
  unitId,
  organizationCode,
}: {
  unitId: number;
  organizationCode: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const found = usePeople({ ...NO_FILTERS, unitId: String(unitId), q }, 1, 20);
  const add = useAddIntroduction();
  const people = (found.data?.items ?? []).filter((p) => membershipUnit(p, unitId, organizationCode));

  const submit = async (v: Values) => {
    const person = people.find((p) => p.id === v.personId);
    const m = person && membershipUnit(person, unitId, organizationCode);
    if (!person || !m) return;
    try {
      await add.mutateAsync({
        unitId: m.unitId,
        personId: v.personId,
        stage: v.stage,
        stageOn: isoDay(v.stageOn),
        decisionNo: v.decisionNo?.trim() || undefined,
        note: v.note?.trim() || undefined,
      });
      message.success(t('party.form.done', { stage: t(`party.stages.${v.stage}`), name: person.fullName }));
      form.resetFields(['personId', 'decisionNo', 'note']);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  return (
    <Card size="small" title={t('party.form.title')} style={{ marginBottom: 12 }}>
      <Form<Values>
        form={form}
        name="party-introduction"
        layout="vertical"
        requiredMark
        initialValues={{ stage: 'identified', stageOn: dayjs() }}
        onFinish={submit}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="personId"
              label={t('party.form.person')}
              rules={[{ required: true, message: t('party.form.personRequired') }]}
            >
              <Select<number>
                showSearch={{ filterOption: false, onSearch: setSearch }}
                placeholder={t('party.form.personPlaceholder')}
                loading={found.isFetching}
                notFoundContent={q.length > 0 && !found.isFetching ? t('party.form.noMatch') : null}
                options={people.map((p) => ({
                  value: p.id,
                  label: [
                    p.fullName,
                    formatBirth(p.birthDate, p.birthYear),
                    membershipUnit(p, unitId, organizationCode)?.unitName,
                  ]
                    .filter(Boolean)
                    .join(' · '),
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} md={6}>
            <Form.Item
              name="stage"
              label={t('party.form.stage')}
              rules={[{ required: true, message: t('party.form.stageRequired') }]}
            >
              <Select<PartyStage>
                options={PARTY_STAGES.map((s) => ({ value: s, label: t(`party.stages.${s}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} md={6}>
            <Form.Item
              name="stageOn"
              label={t('party.form.stageOn')}
              rules={[{ required: true, message: t('party.form.stageOnRequired') }]}
            >
              <DayField />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="decisionNo" label={t('party.form.decisionNo')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="note" label={t('party.form.note')}>
              <Input maxLength={1000} />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={add.isPending}>
          {t('party.form.submit')}
        </Button>
      </Form>
    </Card>
  );
}
