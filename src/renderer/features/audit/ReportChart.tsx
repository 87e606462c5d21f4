import { useEffect, useRef } from 'react';
import type { ReportChart as Chart } from '../../../shared/model/audit';
import { formatBytes } from '../../../shared/format/format-bytes';
import { useChartColors } from './chart-colors';

/**
 * A report's chart, drawn by ECharts, which is loaded only when a chart is first shown: it is a
 * large library and most of the app never needs it, so it stays out of the main bundle.
 */
export function ReportChart({ chart, bytes, onDrill }: { chart: Chart; bytes: boolean; onDrill?: (path: string) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const colors = useChartColors();
  useEffect(() => {
    if (!colors) return;
    let disposed = false;
    let dispose: (() => void) | undefined;
    void import('./echarts-parts').then((echarts) => {
      if (disposed || !ref.current) return;
      const instance = echarts.init(ref.current, undefined, { renderer: 'canvas' });
      const format = (v: number) => (bytes ? formatBytes(v) : v.toLocaleString());
      // The theme's colours, not ECharts' own (which assume a white page).
      const themed = {
        color: colors.palette,
        textStyle: { color: colors.text },
        tooltip: { backgroundColor: colors.background, borderColor: colors.border, textStyle: { color: colors.text } },
      };
      const axis = { axisLine: { lineStyle: { color: colors.border } }, splitLine: { lineStyle: { color: colors.border } } };
      if (chart.kind === 'treemap') {
        instance.setOption({
          ...themed,
          tooltip: { ...themed.tooltip, formatter: (p: { name: string; value: number }) => `${p.name}: ${format(p.value)}` },
          series: [
            {
              type: 'treemap',
              data: chart.nodes,
              leafDepth: 1,
              roam: false,
              nodeClick: false,
              breadcrumb: { show: false },
              itemStyle: { borderColor: colors.background },
            },
          ],
        });
        instance.on('click', (p) => {
          const path = (p.data as { path?: string } | undefined)?.path;
          if (path && onDrill) onDrill(path);
        });
      } else {
        instance.setOption({
          ...themed,
          tooltip: { ...themed.tooltip, trigger: 'axis', valueFormatter: (v: unknown) => format(Number(v)) },
          grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
          xAxis: { ...axis, type: 'value', axisLabel: { color: colors.muted, formatter: (v: number) => format(v) } },
          yAxis: { ...axis, type: 'category', data: chart.items.map((i) => i.name), inverse: true, axisLabel: { color: colors.text } },
          series: [{ type: 'bar', data: chart.items.map((i) => i.value) }],
        });
      }
      const resize = () => instance.resize();
      window.addEventListener('resize', resize);
      ref.current.dataset.chartReady = 'true';
      ref.current.dataset.chartText = colors.text;
      dispose = () => {
        window.removeEventListener('resize', resize);
        instance.dispose();
      };
    });
    return () => {
      disposed = true;
      dispose?.();
    };
  }, [chart, bytes, onDrill, colors]);
  return <div ref={ref} className="audit-chart" role="img" aria-label={chart.title} data-testid="audit-chart" data-kind={chart.kind} />;
}
