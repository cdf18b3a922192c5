import { Alert, App, Button, Card, Checkbox, Flex, Form, Input, Skeleton, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { errorMessage } from '../../../api/client';
import { PageHeader } from '../../../app/PageHeader';
import { SimpleList } from '../../../app/SimpleList';
import { formatBirth, formatDate } from '../../../lib/format';
import { useUrlParams } from '../../../lib/useUrlParams';
import { DayField, isoDay } from '../components/DayField';
import { useAgeOut, useConfirmAgeOut } from '../hooks';

/**
 * /units/:id/age-out — "Trưởng thành Đoàn": the Đoàn members below a grassroots unit who are 30 or older on the
 * chosen day; the officer ticks them and confirms once (one transaction, one audit row on the server).
 */
export default function AgeOutPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const unitId = Number(useParams().id);
  const valid = Number.isInteger(unitId) && unitId > 0;
  const [params, setParams] = useUrlParams();
  const on = /^\d{4}-\d{2}-\d{2}$/.test(params.get('on') ?? '')
    ? (params.get('on') as string)
    : isoDay(dayjs());
  const list = useAgeOut(valid ? unitId : null, on);
  const confirm = useConfirmAgeOut(unitId);
  const [picked, setPicked] = useState<Set<number>>(new Set());
  const [decisionNo, setDecisionNo] = useState('');
  const items = list.data?.items ?? [];
  const chosen = items.filter((i) => picked.has(i.membershipId));

  const toggle = (id: number, on: boolean) =>
    setPicked((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const submit = () => {
    if (!chosen.length) {
      message.warning(t('lifecycle.ageOut.selectSome'));
      return;
    }
    modal.confirm({
      title: t('lifecycle.ageOut.confirmTitle', { count: chosen.length }),
      content: t('lifecycle.ageOut.confirmBody', { date: formatDate(on) }),
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const res = await confirm.mutateAsync({
            on,
            decisionNo: decisionNo.trim() || undefined,
            membershipIds: chosen.map((c) => c.membershipId),
          });
          message.success(t('lifecycle.ageOut.done', { count: res.count }));
          setPicked(new Set());
        } catch (err) {
          message.error(errorMessage(err));
        }
      },
    });
  };

  return (
    <>
      <PageHeader title={t('lifecycle.ageOut.title', { unit: list.data?.unit.name ?? '' })} />
      <Card>
        <Typography.Paragraph>{t('lifecycle.ageOut.explain')}</Typography.Paragraph>
        <Form layout="vertical" style={{ maxWidth: 480 }}>
          <Form.Item label={t('lifecycle.ageOut.on')} htmlFor="age-out-on">
            <DayField
              id="age-out-on"
              future
              value={dayjs(on)}
              onChange={(d) => {
                setPicked(new Set());
                setParams({ on: d ? isoDay(d) : null });
              }}
            />
          </Form.Item>
          <Form.Item
            label={t('lifecycle.decisionNo')}
            htmlFor="age-out-decision"
            extra={t('lifecycle.decisionNoHint')}
          >
            <Input
              id="age-out-decision"
              maxLength={100}
              value={decisionNo}
              onChange={(e) => setDecisionNo(e.target.value)}
              autoComplete="off"
            />
          </Form.Item>
        </Form>
        {!valid ? (
          <Alert type="error" showIcon title={t('app.notFound')} />
        ) : list.isPending ? (
          <Skeleton active />
        ) : list.isError ? (
          <Alert type="error" showIcon title={list.error.message} />
        ) : (
          <>
            {list.data.unknownBirth > 0 && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 12 }}
                title={t('lifecycle.ageOut.unknownBirth', { count: list.data.unknownBirth })}
              />
            )}
            {items.length > 0 && (
              <Checkbox
                checked={chosen.length === items.length}
                indeterminate={chosen.length > 0 && chosen.length < items.length}
                onChange={(e) => setPicked(new Set(e.target.checked ? items.map((i) => i.membershipId) : []))}
                style={{ marginBottom: 8 }}
              >
                {t('lifecycle.ageOut.selectAll')}
              </Checkbox>
            )}
            <SimpleList
              bordered
              items={items}
              rowKey={(i) => String(i.membershipId)}
              empty={t('lifecycle.ageOut.empty')}
              aria-label={t('lifecycle.ageOut.title', { unit: list.data.unit.name })}
              renderItem={(i) => (
                <Checkbox
                  checked={picked.has(i.membershipId)}
                  onChange={(e) => toggle(i.membershipId, e.target.checked)}
                >
                  <Flex vertical>
                    <Typography.Text strong>{i.fullName}</Typography.Text>
                    <Typography.Text type="secondary">
                      {t('lifecycle.ageOut.birth')}: {formatBirth(i.birthDate, i.birthYear)} ·{' '}
                      {t('lifecycle.ageOut.age')}: {i.age} · {i.unitName}
                    </Typography.Text>
                  </Flex>
                </Checkbox>
              )}
            />
            <Button
              type="primary"
              danger
              style={{ marginTop: 16 }}
              disabled={!chosen.length}
              loading={confirm.isPending}
              onClick={submit}
            >
              {t('lifecycle.ageOut.confirm', { count: chosen.length })}
            </Button>
          </>
        )}
      </Card>
    </>
  );
}
