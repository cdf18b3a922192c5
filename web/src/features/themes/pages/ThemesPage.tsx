import { PaperClipOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, DatePicker, Empty, Flex, Row, Skeleton, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { PageHeader } from '../../../app/PageHeader';
import { SimpleList } from '../../../app/SimpleList';
import { useUrlParams } from '../../../lib/useUrlParams';
import { useMe } from '../../auth/hooks';
import { UnitSelect } from '../../units/components/UnitSelect';
import { useUnit } from '../../units/hooks';
import { ThemeFormModal } from '../components/ThemeFormModal';
import { useUnitThemes } from '../hooks';

const UNIT_ROLES = new Set(['province_officer', 'grassroots_officer', 'branch_head']);

/** "/themes" — the month's themes of a unit (its own and those from above), and publishing a new one. */
export default function ThemesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { grants } = useMe();
  const [params, update] = useUrlParams();
  const [formOpen, setFormOpen] = useState(false);
  const fallbackUnit = grants.find((g) => UNIT_ROLES.has(g.role) && g.unitId)?.unitId ?? null;
  const unitId = Number(params.get('unitId')) || fallbackUnit;
  const month = /^\d{4}-\d{2}$/.test(params.get('month') ?? '')
    ? (params.get('month') as string)
    : dayjs().format('YYYY-MM');
  const unit = useUnit(unitId);
  const themes = useUnitThemes(unitId, month);
  const canPublish = !!themes.data?.abilities.publish;

  const publishButton = canPublish && (
    <Button type="primary" size="large" icon={<PlusOutlined />} onClick={() => setFormOpen(true)}>
      {t('themes.publish')}
    </Button>
  );

  return (
    <>
      <PageHeader title={t('themes.title')} extra={publishButton} />
      <Card style={{ marginBottom: 12 }}>
        <Row gutter={[12, 12]}>
          <Col xs={24} md={14}>
            <label htmlFor="themes-unit">{t('themes.unit')}</label>
            <UnitSelect
              id="themes-unit"
              placeholder={t('themes.unitPlaceholder')}
              value={unitId}
              initialLabel={unit.data?.unit.name}
              onChange={(id) => update({ unitId: id ? String(id) : null })}
            />
          </Col>
          <Col xs={24} md={10}>
            <label htmlFor="themes-month">{t('themes.month')}</label>
            <DatePicker
              id="themes-month"
              picker="month"
              format="MM/YYYY"
              inputReadOnly
              allowClear={false}
              value={dayjs(`${month}-01`)}
              onChange={(d) => d && update({ month: d.format('YYYY-MM') })}
              style={{ width: '100%' }}
            />
          </Col>
        </Row>
      </Card>
      <Card>
        {!unitId && <Empty description={t('themes.pickUnit')} />}
        {themes.isError && <Alert type="error" showIcon title={themes.error.message} />}
        {unitId && themes.isPending && <Skeleton active />}
        {themes.isSuccess && (
          <SimpleList
            aria-label={t('themes.title')}
            items={themes.data.items}
            rowKey={(i) => String(i.id)}
            empty={
              <Empty description={t(canPublish ? 'themes.emptyPublisher' : 'themes.emptyReader')}>
                {publishButton}
              </Empty>
            }
            renderItem={(i) => (
              <Flex justify="space-between" align="center" wrap gap={8}>
                <div style={{ minWidth: 0 }}>
                  <Link to={`/themes/${i.id}`} style={{ fontWeight: 600, wordBreak: 'break-word' }}>
                    {i.title}
                  </Link>
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
                    {i.own ? i.unitName : t('themes.fromAbove', { name: i.unitName })}
                    {i.attachments > 0 && (
                      <>
                        {' · '}
                        <PaperClipOutlined aria-hidden />{' '}
                        {t('themes.attachmentsCount', { count: i.attachments })}
                      </>
                    )}
                  </Typography.Text>
                </div>
                {i.own && <Tag color="blue">{t('themes.own')}</Tag>}
              </Flex>
            )}
          />
        )}
      </Card>
      {unitId && (
        <ThemeFormModal
          unitId={unitId}
          month={month}
          open={formOpen}
          onClose={() => setFormOpen(false)}
          onSaved={(id) => navigate(`/themes/${id}`)}
        />
      )}
    </>
  );
}
