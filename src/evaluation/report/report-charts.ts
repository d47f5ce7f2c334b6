// The report's charts, drawn on the server: ECharts' SSR SVG renderer builds each chart as SVG, and
// resvg (the Rust renderer, shipped as a prebuilt binary inside its npm package) turns it into the PNG
// the Word document embeds. The Chinese text needs a CJK font: the first of FONT_FILES found is used
// (measured: 0.6 s a chart scanning every system font, against a few ms with one file), else every
// system font is scanned; without any CJK font the chart's text is missing but its caption, in the
// document text, is not.
import { existsSync } from 'node:fs';
import type { EChartsCoreOption } from 'echarts/core';
import type { ReportContent } from './report-content.ts';

type Echarts = typeof import('echarts/core');
let engine: Promise<Echarts> | null = null;

/**
 * ECharts, loaded with the first chart drawn rather than when the server starts: importing it (some
 * 300 modules through the TypeScript loader) took 3.0 s of the 7.3 s of CPU a `kedu serve` start
 * spent before it served (measured on this machine), for a server that may never draw a chart.
 */
function echartsEngine(): Promise<Echarts> {
  engine ??= (async () => {
    const [echarts, charts, components, renderers] = await Promise.all([
      import('echarts/core'),
      import('echarts/charts'),
      import('echarts/components'),
      import('echarts/renderers'),
    ]);
    echarts.use([
      charts.BarChart,
      charts.LineChart,
      components.GridComponent,
      components.LegendComponent,
      components.TitleComponent,
      renderers.SVGRenderer,
    ]);
    return echarts;
  })();
  return engine;
}

export interface ChartSpec {
  /** 图1 … as the caption under the picture (and the chart's own title). */
  title: string;
  option: EChartsCoreOption;
}

/** CJK fonts Debian, Ubuntu and CentOS install (fonts-wqy-microhei, fonts-noto-cjk, wqy-zenhei), with their family names. */
const FONT_FILES: [string, string][] = [
  ['/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', 'WenQuanYi Micro Hei'],
  ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', 'Noto Sans CJK SC'],
  ['/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', 'Noto Sans CJK SC'],
  ['/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', 'WenQuanYi Zen Hei'],
  ['/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc', 'WenQuanYi Zen Hei'],
];
const COLORS = { inspections: '#1677ff', cases: '#fa8c16', clues: '#cf1322' };
export const CHART_WIDTH = 800;
export const CHART_HEIGHT = 400;

const base = (title: string) => ({
  animation: false,
  textStyle: { fontFamily: 'sans-serif' },
  title: { text: title, left: 'center', top: 6, textStyle: { fontSize: 18, fontWeight: 'normal' as const } },
  legend: { top: 36 },
  grid: { left: 24, right: 24, top: 80, bottom: 24 },
});

/** The three charts of a report, from its content alone (pure: the tests read the options). */
export function reportCharts(c: ReportContent): ChartSpec[] {
  const t1 = `图1 ${c.regionName}近12个月行政检查与处罚案件趋势`;
  const t2 = `图2 各${c.childWord}行政检查与处罚案件（${c.period.label}）`;
  const t3 = `图3 问题线索数量居前的监督模型（${c.period.label}）`;
  const regions = c.byRegion.filter((r) => r.inspections + r.cases > 0);
  const models = [...c.topModels].reverse();
  return [
    {
      title: t1,
      option: {
        ...base(t1),
        color: [COLORS.inspections, COLORS.cases],
        xAxis: { type: 'category', data: c.byMonth.map((m) => m.month) },
        yAxis: [
          { type: 'value', name: '检查（次）' },
          { type: 'value', name: '案件（件）', splitLine: { show: false } },
        ],
        series: [
          { name: '行政检查', type: 'bar', data: c.byMonth.map((m) => m.inspections) },
          { name: '处罚案件', type: 'line', yAxisIndex: 1, data: c.byMonth.map((m) => m.cases) },
        ],
      },
    },
    {
      title: t2,
      option: {
        ...base(t2),
        color: [COLORS.inspections, COLORS.cases],
        xAxis: { type: 'category', data: regions.map((r) => r.name), axisLabel: { interval: 0, rotate: regions.length > 8 ? 40 : 0 } },
        yAxis: [
          { type: 'value', name: '检查（次）' },
          { type: 'value', name: '案件（件）', splitLine: { show: false } },
        ],
        series: [
          { name: '行政检查', type: 'bar', data: regions.map((r) => r.inspections) },
          { name: '处罚案件', type: 'bar', yAxisIndex: 1, data: regions.map((r) => r.cases) },
        ],
      },
    },
    {
      title: t3,
      option: {
        ...base(t3),
        color: [COLORS.clues],
        legend: { show: false },
        grid: { left: 24, right: 48, top: 56, bottom: 16 },
        xAxis: { type: 'value', name: '线索（条）' },
        yAxis: { type: 'category', data: models.map((m) => m.name) },
        series: [{ name: '问题线索', type: 'bar', data: models.map((m) => m.clues), label: { show: true, position: 'right' } }],
      },
    },
  ];
}

export async function chartSvg(spec: ChartSpec): Promise<string> {
  const echarts = await echartsEngine();
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: CHART_WIDTH, height: CHART_HEIGHT });
  try {
    chart.setOption(spec.option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

const fontFile = FONT_FILES.find(([f]) => existsSync(f));

/** The chart as a PNG twice its SVG size (sharp in print at the document's width). */
export async function chartPng(spec: ChartSpec): Promise<Buffer> {
  const { Resvg } = await import('@resvg/resvg-js');
  const font = fontFile
    ? { fontFiles: [fontFile[0]], loadSystemFonts: false, defaultFontFamily: fontFile[1], sansSerifFamily: fontFile[1] }
    : { loadSystemFonts: true };
  return new Resvg(await chartSvg(spec), { fitTo: { mode: 'width', value: CHART_WIDTH * 2 }, font, background: '#ffffff' })
    .render()
    .asPng();
}
