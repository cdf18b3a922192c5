import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { formatNumber } from '../../../lib/format';

echarts.use([BarChart, GridComponent, TooltipComponent, AriaComponent, CanvasRenderer]);

export interface OrgBar {
  label: string;
  value: number;
}

/** Horizontal bars: memberships per organization in the actor's scope. */
export function OrgBarChart({ bars, ariaLabel }: { bars: OrgBar[]; ariaLabel: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const height = Math.max(160, bars.length * 44);

  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    const sorted = [...bars].sort((a, b) => a.value - b.value);
    chart.setOption({
      aria: { enabled: true, label: { description: ariaLabel } },
      grid: { left: 8, right: 64, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => formatNumber(Number(v)) },
      xAxis: {
        type: 'value',
        splitNumber: 3,
        axisLabel: { hideOverlap: true, formatter: (v: number) => formatNumber(v) },
      },
      yAxis: { type: 'category', data: sorted.map((b) => b.label) },
      series: [
        {
          type: 'bar',
          data: sorted.map((b) => b.value),
          itemStyle: { color: '#1d4ed8', borderRadius: [0, 4, 4, 0] },
          label: {
            show: true,
            position: 'right',
            formatter: (p: { value: unknown }) => formatNumber(Number(p.value)),
          },
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [bars, ariaLabel]);

  return <div ref={ref} role="img" aria-label={ariaLabel} style={{ width: '100%', height }} />;
}
