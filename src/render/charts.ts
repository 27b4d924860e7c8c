import { createRequire } from 'node:module';

interface Chart {
  setOption(o: unknown): void;
  renderToSVGString(): string;
  dispose(): void;
}
// ECharts' type declarations do not resolve under NodeNext; its server-side rendering API is small.
type ECharts = {
  init(dom: null, theme: null, opts: { renderer: 'svg'; ssr: true; width: number; height: number }): Chart;
};
let loaded: ECharts | undefined;
/** Loaded on the first chart: processes that never draw one do not hold it. */
const echarts = () => (loaded ??= createRequire(import.meta.url)('echarts') as ECharts);

/** A bar chart rendered to SVG on the server (no JavaScript in the page). */
export function barChartSvg(
  title: string,
  labels: string[],
  values: number[],
  opts: { width?: number; height?: number } = {},
): string {
  const chart = echarts().init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: opts.width ?? 720,
    height: opts.height ?? Math.max(220, 28 * labels.length + 80),
  });
  chart.setOption({
    animation: false,
    title: { text: title, left: 'center', textStyle: { fontSize: 14, fontFamily: 'Noto Sans SC, sans-serif' } },
    grid: { left: 220, right: 40, top: 40, bottom: 20 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      data: labels,
      inverse: true,
      axisLabel: { fontFamily: 'Noto Sans SC, sans-serif', fontSize: 12 },
    },
    series: [{ type: 'bar', data: values, itemStyle: { color: '#b31b1b' }, label: { show: true, position: 'right' } }],
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}
