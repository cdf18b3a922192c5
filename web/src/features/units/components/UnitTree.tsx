import { useQueries, useQueryClient } from '@tanstack/react-query';
import { Empty, type GetRef, Skeleton, Tree, type TreeDataNode } from 'antd';
import { type Key, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitSummary } from '../../../api/types';
import { childrenQuery, useUnitRoots } from '../hooks';
import { UnitTitle } from './UnitTitle';

interface Props {
  organization: string;
  selectedId: number | null;
  onSelect: (id: number) => void;
  expandedKeys: number[];
  onExpandedChange: (keys: number[]) => void;
  height?: number;
}

/**
 * Unit tree, loaded level by level. Children come from the query cache (one query per expanded
 * node), so invalidating ['units'] after a write refreshes the tree in place.
 */
export function UnitTree({
  organization,
  selectedId,
  onSelect,
  expandedKeys,
  onExpandedChange,
  height,
}: Props) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const roots = useUnitRoots(organization);
  const children = useQueries({
    queries: expandedKeys.map((id) => ({ ...childrenQuery(id), staleTime: 30_000 })),
  });
  const treeRef = useRef<GetRef<typeof Tree>>(null);
  const scrolledFor = useRef<number | null>(null);
  const childMap = new Map<number, UnitSummary[]>();
  expandedKeys.forEach((id, i) => {
    const data = children[i]?.data;
    if (data) childMap.set(id, data);
  });

  const toNode = (u: UnitSummary, seen: Set<number>): TreeDataNode => {
    const kids = seen.has(u.id) ? undefined : childMap.get(u.id);
    const next = new Set(seen).add(u.id);
    return {
      key: u.id,
      title: <UnitTitle unit={u} />,
      isLeaf: u.childCount === 0,
      children: kids?.map((k) => toNode(k, next)),
    };
  };

  // Bring the selected unit into view once its level has loaded (the tree is virtual on desktop).
  const loadedIds = new Set([
    ...(roots.data ?? []).map((u) => u.id),
    ...[...childMap.values()].flat().map((u) => u.id),
  ]);
  const present = selectedId !== null && loadedIds.has(selectedId);
  useEffect(() => {
    if (!present || !selectedId || scrolledFor.current === selectedId) return;
    scrolledFor.current = selectedId;
    const timer = setTimeout(
      () => treeRef.current?.scrollTo({ key: selectedId, align: 'top', offset: 40 }),
      50,
    );
    return () => clearTimeout(timer);
  }, [present, selectedId]);

  if (roots.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (roots.isError) return <Empty description={roots.error.message} />;
  if (roots.data.length === 0) return <Empty description={t('units.emptyTree')} />;

  const treeData = roots.data.map((u) => toNode(u, new Set<number>()));

  return (
    <Tree
      ref={treeRef}
      aria-label={t('units.tree')}
      blockNode
      showLine
      treeData={treeData}
      height={height}
      selectedKeys={selectedId ? [selectedId] : []}
      expandedKeys={expandedKeys}
      onExpand={(keys: Key[]) => onExpandedChange(keys.map(Number))}
      onSelect={(keys: Key[], info) => {
        const key = keys[0] ?? info.node.key;
        onSelect(Number(key));
      }}
      loadData={async (node) => {
        await qc.ensureQueryData(childrenQuery(Number(node.key)));
      }}
    />
  );
}
