import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Distribution } from '../../../../../contracts/classification';

echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, CanvasRenderer]);

/** One bar per level (best on top): confirmed and proposed-not-yet-confirmed branches stacked (echarts/core). */
export function DistributionChart({
  distribution,
  ariaLabel,
}: {
  distribution: Distribution;
  ariaLabel: string;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const levels = distribution.levels;
  const height = Math.max(160, levels.length * 40 + 40);

  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    // Category axes draw bottom-up: reverse so the best level is on top.
    const bars = [...levels].reverse();
    chart.setOption({
      aria: { enabled: true, label: { description: ariaLabel } },
      legend: { bottom: 0 },
      grid: { left: 8, right: 32, top: 8, bottom: 32, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        data: bars.map((l) => l.name),
        axisLabel: { width: 140, overflow: 'truncate' },
      },
      series: [
        {
          name: t('classification.chartConfirmed'),
          type: 'bar',
          stack: 'n',
          data: bars.map((l) => l.confirmed),
          itemStyle: { color: '#389e0d' },
        },
        {
          name: t('classification.chartProposed'),
          type: 'bar',
          stack: 'n',
          data: bars.map((l) => l.proposed),
          itemStyle: { color: '#91caff', borderRadius: [0, 4, 4, 0] },
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [levels, ariaLabel, t]);

  return <div ref={ref} role="img" aria-label={ariaLabel} style={{ width: '100%', height }} />;
}
