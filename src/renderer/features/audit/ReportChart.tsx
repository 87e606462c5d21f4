import { useEffect, useRef } from 'react';
import type { ReportChart as Chart } from '../../../shared/model/audit';
import { formatBytes } from '../../../shared/format/format-bytes';

/**
 * A report's chart, drawn by ECharts, which is loaded only when a chart is first shown: it is a
 * large library and most of the app never needs it, so it stays out of the main bundle.
 */
export function ReportChart({ chart, bytes, onDrill }: { chart: Chart; bytes: boolean; onDrill?: (path: string) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let disposed = false;
    let dispose: (() => void) | undefined;
    void import('./echarts-parts').then((echarts) => {
      if (disposed || !ref.current) return;
      const instance = echarts.init(ref.current, undefined, { renderer: 'canvas' });
      const format = (v: number) => (bytes ? formatBytes(v) : v.toLocaleString());
      if (chart.kind === 'treemap') {
        instance.setOption({
          tooltip: { formatter: (p: { name: string; value: number }) => `${p.name}: ${format(p.value)}` },
          series: [{ type: 'treemap', data: chart.nodes, leafDepth: 1, roam: false, nodeClick: false, breadcrumb: { show: false } }],
        });
        instance.on('click', (p) => {
          const path = (p.data as { path?: string } | undefined)?.path;
          if (path && onDrill) onDrill(path);
        });
      } else {
        instance.setOption({
          tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => format(Number(v)) },
          grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
          xAxis: { type: 'value', axisLabel: { formatter: (v: number) => format(v) } },
          yAxis: { type: 'category', data: chart.items.map((i) => i.name), inverse: true },
          series: [{ type: 'bar', data: chart.items.map((i) => i.value) }],
        });
      }
      const resize = () => instance.resize();
      window.addEventListener('resize', resize);
      ref.current.dataset.chartReady = 'true';
      dispose = () => {
        window.removeEventListener('resize', resize);
        instance.dispose();
      };
    });
    return () => {
      disposed = true;
      dispose?.();
    };
  }, [chart, bytes, onDrill]);
  return <div ref={ref} className="audit-chart" role="img" aria-label={chart.title} data-testid="audit-chart" data-kind={chart.kind} />;
}
