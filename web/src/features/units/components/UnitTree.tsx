import { useQueries, useQueryClient } from '@tanstack/react-query';
import { Empty, Skeleton, Tree, type TreeDataNode } from 'antd';
import type { Key } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitSummary } from '../../../api/types';
import { childrenQuery, useUnitRoots } from '../hooks';
import { UnitTitle } from './UnitTitle';

interface Props {
  organization: string;
  selectedId: string | null;
  onSelect: (id: string) => void;
  expandedKeys: string[];
  onExpandedChange: (keys: string[]) => void;
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
  const childMap = new Map<string, UnitSummary[]>();
  expandedKeys.forEach((id, i) => {
    const data = children[i]?.data;
    if (data) childMap.set(id, data);
  });

  const toNode = (u: UnitSummary, seen: Set<string>): TreeDataNode => {
    const kids = seen.has(u.id) ? undefined : childMap.get(u.id);
    const next = new Set(seen).add(u.id);
    return {
      key: u.id,
      title: <UnitTitle unit={u} />,
      isLeaf: u.childCount === 0,
      children: kids?.map((k) => toNode(k, next)),
    };
  };

  if (roots.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (roots.isError) return <Empty description={roots.error.message} />;
  if (roots.data.length === 0) return <Empty description={t('units.emptyTree')} />;

  const treeData = roots.data.map((u) => toNode(u, new Set()));

  return (
    <Tree
      aria-label={t('units.tree')}
      blockNode
      showLine
      treeData={treeData}
      height={height}
      selectedKeys={selectedId ? [selectedId] : []}
      expandedKeys={expandedKeys}
      onExpand={(keys: Key[]) => onExpandedChange(keys.map(String))}
      onSelect={(keys: Key[], info) => {
        const key = keys[0] ?? info.node.key;
        onSelect(String(key));
      }}
      loadData={async (node) => {
        await qc.ensureQueryData(childrenQuery(String(node.key)));
      }}
    />
  );
}
