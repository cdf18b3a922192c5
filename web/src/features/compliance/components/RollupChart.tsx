import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';
import type { ComplianceRollup } from '../../../api/types';

echarts.use([BarChart, GridComponent, TooltipComponent, AriaComponent, CanvasRenderer]);

/** At most this many bars (the lowest rates); the table below lists every group. */
export const MAX_BARS = 15;

const color = (rate: number) => (rate >= 0.8 ? '#389e0d' : rate >= 0.5 ? '#d48806' : '#cf1322');

/**
 * Labels without the words every name starts with but the last ("Chi đoàn Thôn Hưng Phú", "Chi đoàn Thôn Hạ
 * Vàng" → "Thôn Hưng Phú", "Thôn Hạ Vàng"), so a truncated label still tells the bars apart.
 */
function shortLabels(names: string[]): Map<string, string> {
  const words = names.map((n) => n.split(' '));
  let common = 0;
  while (words.length > 1 && words.every((w) => w.length > common + 1 && w[common] === words[0]?.[common]))
    common++;
  const drop = Math.max(0, common - 1);
  return new Map(names.map((n, i) => [n, (words[i] ?? []).slice(drop).join(' ')]));
}

/** Horizontal bars: share of branches that met, per group, lowest first (echarts/core). */
export function RollupChart({ groups, ariaLabel }: { groups: ComplianceRollup[]; ariaLabel: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const shown = useMemo(() => groups.slice(0, MAX_BARS), [groups]);
  const labels = useMemo(() => shortLabels(shown.map((g) => g.name)), [shown]);
  const height = Math.max(140, shown.length * 34);

  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    // Category axes draw bottom-up: reverse so the lowest rate is on top.
    const bars = [...shown].reverse();
    chart.setOption({
      aria: { enabled: true, label: { description: ariaLabel } },
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: unknown) => `${Number(v)}%`,
      },
      xAxis: { type: 'value', max: 100, splitNumber: 4, axisLabel: { formatter: '{value}%' } },
      yAxis: {
        type: 'category',
        data: bars.map((g) => labels.get(g.name) ?? g.name),
        axisLabel: { width: 130, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          data: bars.map((g) => ({
            value: Math.round(g.rate * 100),
            itemStyle: { color: color(g.rate), borderRadius: [0, 4, 4, 0] },
          })),
          label: { show: true, position: 'right', formatter: '{c}%' },
        },
      ],
    });
    // Follow the container, not only the window: a card that changes width (a menu folding, a late layout)
    // would otherwise leave the bars drawn wider than it.
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [shown, labels, ariaLabel]);

  return <div ref={ref} role="img" aria-label={ariaLabel} style={{ width: '100%', height }} />;
}
