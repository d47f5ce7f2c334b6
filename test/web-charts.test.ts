// The dashboard's chart option functions: rows in, ECharts option out, checked without a browser.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LineRow, MonthRow, RegionRow } from '../web/src/api.ts';
import { byMonthOption, monthAxis } from '../web/src/charts/by-month-option.ts';
import { BY_LINE_TOP_N, byLineOption, topLines } from '../web/src/charts/by-line-option.ts';
import { byRegionOption } from '../web/src/charts/by-region-option.ts';
import type { ChartOption } from '../web/src/charts/chart-option.ts';
import { fineHistogramOption } from '../web/src/charts/fine-histogram-option.ts';

interface Axis {
  type?: string;
  name?: string;
  data?: unknown[];
  inverse?: boolean;
}
interface Series {
  name?: string;
  type?: string;
  data?: unknown[];
  yAxisIndex?: number;
  stack?: string;
}

function axes(option: ChartOption, key: 'xAxis' | 'yAxis'): Axis[] {
  const value = option[key] as Axis | Axis[] | undefined;
  return Array.isArray(value) ? value : value ? [value] : [];
}

function series(option: ChartOption): Series[] {
  const value = option.series as Series | Series[] | undefined;
  return Array.isArray(value) ? value : value ? [value] : [];
}

function seriesNamed(option: ChartOption, name: string): Series {
  const found = series(option).find((s) => s.name === name);
  assert.ok(found, `series ${name} exists`);
  return found;
}

const CJK = /[\u4e00-\u9fff]/;

describe('byMonthOption', () => {
  const rows: MonthRow[] = [
    { month: '2025-03', licences: 30, inspections: 300, cases: 3 },
    { month: '2025-01', licences: 10, inspections: 100, cases: 1 },
    { month: '2024-12', licences: 5, inspections: 50, cases: 0 },
  ];

  it('puts the months on the x axis oldest first, whatever order the rows come in', () => {
    assert.deepEqual(axes(byMonthOption(rows), 'xAxis')[0]!.data, ['2024-12', '2025-01', '2025-02', '2025-03']);
  });

  it('shows a month without records as zero rather than dropping it', () => {
    const option = byMonthOption(rows);
    assert.deepEqual(seriesNamed(option, '行政检查').data, [50, 100, 0, 300]);
    assert.deepEqual(seriesNamed(option, '行政许可').data, [5, 10, 0, 30]);
    assert.deepEqual(seriesNamed(option, '处罚案件').data, [0, 1, 0, 3]);
  });

  it('spans the whole requested range, from a YYYY-MM-DD pair', () => {
    const months = monthAxis(rows, { from: '2024-11-15', to: '2025-04-30' });
    assert.deepEqual(months, ['2024-11', '2024-12', '2025-01', '2025-02', '2025-03', '2025-04']);
    const option = byMonthOption(rows, { from: '2024-11-15', to: '2025-04-30' });
    assert.deepEqual(seriesNamed(option, '行政检查').data, [0, 50, 100, 0, 300, 0]);
  });

  it('crosses a year boundary in order', () => {
    assert.deepEqual(monthAxis([], { from: '2024-11-01', to: '2025-02-01' }), ['2024-11', '2024-12', '2025-01', '2025-02']);
  });

  it('adds up duplicate months and ignores malformed ones', () => {
    const option = byMonthOption([
      { month: '2025-01', licences: 1, inspections: 2, cases: 3 },
      { month: '2025-01', licences: 1, inspections: 2, cases: 3 },
      { month: 'bad', licences: 9, inspections: 9, cases: 9 },
      { month: '2025-13', licences: 9, inspections: 9, cases: 9 },
    ]);
    assert.deepEqual(axes(option, 'xAxis')[0]!.data, ['2025-01']);
    assert.deepEqual(seriesNamed(option, '行政检查').data, [4]);
  });

  it('draws cases on their own axis, with Chinese axis names', () => {
    const option = byMonthOption(rows);
    assert.equal(axes(option, 'xAxis')[0]!.name, '月份');
    const y = axes(option, 'yAxis');
    assert.equal(y.length, 2);
    assert.ok(
      y.every((a) => CJK.test(a.name ?? '')),
      'every y axis has a Chinese name',
    );
    assert.equal(seriesNamed(option, '处罚案件').yAxisIndex, 1);
    assert.equal(seriesNamed(option, '行政检查').yAxisIndex, 0);
  });

  it('gives an empty axis for no rows and no range', () => {
    const option = byMonthOption([]);
    assert.deepEqual(axes(option, 'xAxis')[0]!.data, []);
    assert.ok(series(option).every((s) => Array.isArray(s.data) && s.data.length === 0));
  });
});

describe('byLineOption', () => {
  const lines: LineRow[] = Array.from({ length: 20 }, (_, i) => ({
    lineCode: `L${String(i).padStart(2, '0')}`,
    lineName: `条线${i}`,
    inspections: i * 10,
    cases: i,
  }));

  it(`keeps the top ${BY_LINE_TOP_N} lines by inspections + cases, largest first`, () => {
    const option = byLineOption(lines);
    const names = axes(option, 'yAxis')[0]!.data as string[];
    assert.equal(names.length, 15);
    assert.equal(names[0], '条线19');
    assert.equal(names[14], '条线5');
    assert.ok(!names.includes('条线4'));
  });

  it('ranks by the sum, not by inspections alone', () => {
    const top = topLines(
      [
        { lineCode: 'A', lineName: '市场监管', inspections: 100, cases: 0 },
        { lineCode: 'B', lineName: '生态环境', inspections: 60, cases: 50 },
      ],
      1,
    );
    assert.deepEqual(
      top.map((r) => r.lineCode),
      ['B'],
    );
  });

  it('breaks ties by line code so the order is stable', () => {
    const top = topLines([
      { lineCode: 'Z', lineName: '乙', inspections: 5, cases: 0 },
      { lineCode: 'A', lineName: '甲', inspections: 5, cases: 0 },
    ]);
    assert.deepEqual(
      top.map((r) => r.lineCode),
      ['A', 'Z'],
    );
  });

  it('draws horizontal bars whose data follow the category order', () => {
    const option = byLineOption(lines, 3);
    const y = axes(option, 'yAxis')[0]!;
    assert.equal(y.type, 'category');
    assert.equal(y.inverse, true, 'largest line at the top');
    assert.equal(y.name, '条线');
    assert.equal(axes(option, 'xAxis')[0]!.type, 'value');
    assert.ok(CJK.test(axes(option, 'xAxis')[0]!.name ?? ''));
    assert.deepEqual(y.data, ['条线19', '条线18', '条线17']);
    assert.deepEqual(seriesNamed(option, '行政检查').data, [190, 180, 170]);
    assert.deepEqual(seriesNamed(option, '处罚案件').data, [19, 18, 17]);
    assert.ok(series(option).every((s) => s.type === 'bar' && s.stack === 'total'));
  });

  it('does not mutate the rows it is given', () => {
    const input = [...lines];
    byLineOption(input);
    assert.deepEqual(input, lines);
  });

  it('shows all lines when there are fewer than the cut', () => {
    assert.equal((axes(byLineOption(lines.slice(0, 4)), 'yAxis')[0]!.data as string[]).length, 4);
  });
});

describe('byRegionOption', () => {
  const regions: RegionRow[] = [
    { regionCode: '330300', regionName: '温州市', inspections: 300, cases: 30, fines: 3000.5 },
    { regionCode: '330100', regionName: '杭州市', inspections: 100, cases: 10, fines: 1000 },
    { regionCode: '330200', regionName: '宁波市', inspections: 200, cases: 20, fines: 2000 },
  ];

  it('orders regions by GB/T 2260 code and keeps each value with its region', () => {
    const option = byRegionOption(regions);
    assert.deepEqual(axes(option, 'xAxis')[0]!.data, ['杭州市', '宁波市', '温州市']);
    assert.deepEqual(seriesNamed(option, '行政检查').data, [100, 200, 300]);
    assert.deepEqual(seriesNamed(option, '处罚案件').data, [10, 20, 30]);
    assert.deepEqual(seriesNamed(option, '罚没金额').data, [1000, 2000, 3000.5]);
  });

  it('puts fines on a second axis named in yuan', () => {
    const option = byRegionOption(regions);
    const y = axes(option, 'yAxis');
    assert.equal(seriesNamed(option, '罚没金额').yAxisIndex, 1);
    assert.match(y[1]!.name ?? '', /罚没金额.*元/);
    assert.equal(axes(option, 'xAxis')[0]!.name, '区划');
    assert.ok(y.every((a) => CJK.test(a.name ?? '')));
  });

  it('rotates labels when a city has many counties', () => {
    const many: RegionRow[] = Array.from({ length: 13 }, (_, i) => ({
      regionCode: `3301${String(i).padStart(2, '0')}`,
      regionName: `区县${i}`,
      inspections: i,
      cases: 0,
      fines: 0,
    }));
    const x = axes(byRegionOption(many), 'xAxis')[0] as Axis & { axisLabel?: { rotate?: number } };
    assert.ok((x.axisLabel?.rotate ?? 0) > 0);
    assert.equal((x.data as string[]).length, 13);
  });
});

describe('fineHistogramOption', () => {
  const bins = [
    { from: 0, to: 200, count: 1 },
    { from: 200, to: 400, count: 6 },
    { from: 400, to: 600, count: 3 },
  ];

  it('draws a bar per bin at its middle, the tier as a shaded band and the proposed fine and the median as lines', () => {
    const option = fineHistogramOption({ bins, tier: { label: '从轻处罚', min: 200, max: 500 }, proposed: 550, median: 300 });
    const bars = seriesNamed(option, '罚款决定') as Series & {
      markArea?: { data: unknown };
      markLine?: { data: { name: string; xAxis: number }[] };
    };
    assert.deepEqual(bars.data, [
      [100, 1],
      [300, 6],
      [500, 3],
    ]);
    assert.deepEqual(bars.markArea!.data, [[{ xAxis: 200 }, { xAxis: 500 }]]);
    assert.deepEqual(
      bars.markLine!.data.map((l) => [l.name, l.xAxis]),
      [
        ['拟罚款', 550],
        ['中位数', 300],
      ],
    );
    assert.equal((axes(option, 'xAxis')[0] as Axis & { max?: number }).max, 600);
  });

  it('widens the axis to a proposed fine beyond every bin, and draws no band or line it was not given', () => {
    const option = fineHistogramOption({ bins, proposed: 2000 });
    assert.equal((axes(option, 'xAxis')[0] as Axis & { max?: number }).max, 2000);
    const bars = seriesNamed(option, '罚款决定') as Series & { markArea?: unknown; markLine?: { data: unknown[] } };
    assert.equal(bars.markArea, undefined);
    assert.equal(bars.markLine!.data.length, 1);
  });
});
