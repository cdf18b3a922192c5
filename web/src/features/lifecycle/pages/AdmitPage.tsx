import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Form, Input, Radio, Row, Select, Skeleton } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import type { z } from 'zod';
import type { PeopleListResponse } from '../../../../../contracts/people';
import { api, errorMessage } from '../../../api/client';
import { PageHeader } from '../../../app/PageHeader';
import { formatBirth } from '../../../lib/format';
import { useDebounced } from '../../../lib/useDebounced';
import { useUnit } from '../../units/hooks';
import { DayField, isoDay } from '../components/DayField';
import { useAdmit } from '../hooks';

interface Values {
  who: 'existing' | 'fresh';
  personId?: number;
  fullName?: string;
  birth?: string;
  gender?: 'M' | 'F';
  phone?: string;
  nationalId?: string;
  ethnicity?: string;
  religion?: string;
  occupation?: string;
  joinedOn: Dayjs;
  decisionNo?: string;
}

const trimmed = (s?: string) => s?.trim() || undefined;

/** People on file the actor can see, for admitting someone who already has a record (e.g. coming back). */
function usePersonSearch(q: string) {
  return useQuery({
    queryKey: ['people', 'admit-search', q],
    queryFn: ({ signal }) =>
      api<z.infer<typeof PeopleListResponse>>('/people', {
        query: { q, status: 'all', pageSize: 10 },
        signal,
      }),
    enabled: q.length >= 2,
  });
}

/** /units/:id/admit — "Kết nạp": an existing person or a new one, the admission date and decision number. */
export default function AdmitPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const unitId = Number(useParams().id);
  const valid = Number.isInteger(unitId) && unitId > 0;
  const unit = useUnit(valid ? unitId : null);
  const [form] = Form.useForm<Values>();
  const who = Form.useWatch('who', form) ?? 'fresh';
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const found = usePersonSearch(q);
  const admit = useAdmit(unitId);
  const u = unit.data?.unit;

  const submit = async (v: Values) => {
    try {
      const res = await admit.mutateAsync({
        joinedOn: isoDay(v.joinedOn),
        decisionNo: trimmed(v.decisionNo),
        ...(v.who === 'existing'
          ? { personId: v.personId }
          : {
              person: {
                fullName: v.fullName ?? '',
                birth: v.birth ?? '',
                gender: v.gender ?? 'M',
                phone: trimmed(v.phone),
                nationalId: trimmed(v.nationalId),
                ethnicity: trimmed(v.ethnicity),
                religion: trimmed(v.religion),
                occupation: trimmed(v.occupation),
              },
            }),
      });
      const name = v.fullName ?? found.data?.items.find((p) => p.id === v.personId)?.fullName ?? '';
      message.success(t('lifecycle.admit.done', { name }));
      navigate(`/people/${res.personId}`);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  if (!valid || unit.isError)
    return <Alert type="error" showIcon title={unit.error?.message ?? t('app.notFound')} />;
  if (!u) return <Skeleton active />;
  if (u.level !== 'branch') return <Alert type="warning" showIcon title={t('lifecycle.admit.notBranch')} />;

  return (
    <>
      <PageHeader title={t('lifecycle.admit.title', { unit: u.name })} />
      <Card>
        <Form<Values>
          form={form}
          name="admit"
          layout="vertical"
          requiredMark
          initialValues={{ who: 'fresh', joinedOn: dayjs() }}
          onFinish={submit}
          style={{ maxWidth: 720 }}
        >
          <Form.Item name="who" label={t('lifecycle.admit.who')}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={[
                { value: 'fresh', label: t('lifecycle.admit.fresh') },
                { value: 'existing', label: t('lifecycle.admit.existing') },
              ]}
            />
          </Form.Item>
          {who === 'existing' ? (
            <Form.Item
              name="personId"
              label={t('lifecycle.admit.search')}
              rules={[{ required: true, message: t('lifecycle.admit.personRequired') }]}
            >
              <Select
                showSearch={{ filterOption: false, onSearch: setSearch }}
                placeholder={t('lifecycle.admit.searchPlaceholder')}
                loading={found.isFetching}
                notFoundContent={q.length >= 2 && !found.isFetching ? t('lifecycle.admit.noMatch') : null}
                options={(found.data?.items ?? []).map((p) => ({
                  value: p.id,
                  label: [
                    p.fullName,
                    formatBirth(p.birthDate, p.birthYear),
                    p.memberships.map((m) => m.unitName).join(', '),
                  ]
                    .filter(Boolean)
                    .join(' · '),
                }))}
              />
            </Form.Item>
          ) : (
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item
                  name="fullName"
                  label={t('lifecycle.admit.fullName')}
                  rules={[
                    { required: true, whitespace: true, message: t('lifecycle.admit.fullNameRequired') },
                  ]}
                >
                  <Input maxLength={120} autoComplete="off" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item
                  name="birth"
                  label={t('lifecycle.admit.birth')}
                  extra={t('lifecycle.admit.birthHint')}
                  rules={[{ required: true, whitespace: true, message: t('lifecycle.admit.birthRequired') }]}
                >
                  <Input maxLength={40} placeholder="dd/mm/yyyy" inputMode="numeric" autoComplete="off" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item
                  name="gender"
                  label={t('lifecycle.admit.gender')}
                  rules={[{ required: true, message: t('lifecycle.admit.genderRequired') }]}
                >
                  <Radio.Group
                    options={[
                      { value: 'M', label: t('lifecycle.admit.male') },
                      { value: 'F', label: t('lifecycle.admit.female') },
                    ]}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="phone" label={t('lifecycle.admit.phone')}>
                  <Input maxLength={40} inputMode="tel" autoComplete="off" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="nationalId" label={t('lifecycle.admit.nationalId')}>
                  <Input maxLength={20} inputMode="numeric" autoComplete="off" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="occupation" label={t('lifecycle.admit.occupation')}>
                  <Input maxLength={120} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="ethnicity" label={t('lifecycle.admit.ethnicity')}>
                  <Input maxLength={60} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="religion" label={t('lifecycle.admit.religion')}>
                  <Input maxLength={60} />
                </Form.Item>
              </Col>
            </Row>
          )}
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="joinedOn"
                label={t('lifecycle.admit.joinedOn')}
                rules={[{ required: true, message: t('lifecycle.dateRequired') }]}
              >
                <DayField />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="decisionNo"
                label={t('lifecycle.decisionNo')}
                extra={t('lifecycle.decisionNoHint')}
              >
                <Input maxLength={100} autoComplete="off" />
              </Form.Item>
            </Col>
          </Row>
          <Button type="primary" htmlType="submit" loading={admit.isPending}>
            {t('lifecycle.admit.submit')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
