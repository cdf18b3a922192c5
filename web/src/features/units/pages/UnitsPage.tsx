import { Card, Col, Drawer, Row } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../app/PageHeader';
import { useIsMobile } from '../../../lib/useIsMobile';
import { useUrlParams } from '../../../lib/useUrlParams';
import { OrgSelector } from '../components/OrgSelector';
import { UnitDetailPanel } from '../components/UnitDetailPanel';
import { UnitSearch } from '../components/UnitSearch';
import { UnitTree } from '../components/UnitTree';
import { useUnit } from '../hooks';

/** "Cơ cấu tổ chức": organization filter, search, lazy tree and the selected unit's details. */
export default function UnitsPage() {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const [params, update] = useUrlParams();
  const organization = params.get('org') ?? '';
  const unitParam = Number(params.get('unit'));
  const selectedId = Number.isInteger(unitParam) && unitParam > 0 ? unitParam : null;
  const [expanded, setExpanded] = useState<number[]>([]);
  const detail = useUnit(selectedId);
  const revealedFor = useRef<number | null>(null);

  // Selecting a unit replaces the history entry; switching organization adds one.
  const setParam = (key: string, value: string | null) =>
    update({ [key]: value }, { replace: key === 'unit' });

  const select = (id: number) => setParam('unit', String(id));

  // When a unit is selected from search or a breadcrumb, open its ancestors so it shows in the tree.
  useEffect(() => {
    const data = detail.data;
    if (!data || revealedFor.current === data.unit.id) return;
    revealedFor.current = data.unit.id;
    const ids = data.ancestors.map((a) => a.id);
    setExpanded((prev) => (ids.every((id) => prev.includes(id)) ? prev : [...new Set([...prev, ...ids])]));
  }, [detail.data]);

  return (
    <>
      <PageHeader
        title={t('units.title')}
        extra={
          <OrgSelector
            value={organization}
            onChange={(code) => {
              setExpanded([]);
              setParam('org', code || null);
            }}
          />
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card title={t('units.tree')} styles={{ body: { padding: isMobile ? 12 : 16 } }}>
            <UnitSearch organization={organization} onPick={select} />
            <UnitTree
              organization={organization}
              selectedId={selectedId}
              onSelect={select}
              expandedKeys={expanded}
              onExpandedChange={setExpanded}
              height={isMobile ? undefined : 560}
            />
          </Card>
        </Col>
        {!isMobile && (
          <Col xs={24} lg={14}>
            <UnitDetailPanel unitId={selectedId} onSelect={select} />
          </Col>
        )}
      </Row>
      {isMobile && (
        <Drawer
          open={Boolean(selectedId)}
          onClose={() => setParam('unit', null)}
          size="100%"
          title={detail.data?.unit.name ?? t('units.title')}
          styles={{ body: { padding: 0 } }}
        >
          <UnitDetailPanel unitId={selectedId} onSelect={select} embedded />
        </Drawer>
      )}
    </>
  );
}
