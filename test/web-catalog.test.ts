// The console's pure parts behind the catalog, records and import pages: the baseline range chart,
// article numbering, fine ranges, the import batch shape, the nav and the record column labels.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { baselineRangeOption, sortTiers, TIER_COLORS, tierRangeText, type TierRange } from '../web/src/charts/baseline-range-option.ts';
import type { ChartOption } from '../web/src/charts/chart-option.ts';
import { articleLabel, chineseNumeral, compactYuan, fineRangeText, formatInstant, shortTitle } from '../web/src/format.ts';
import { RECORD_KINDS, batchFromList, batchFromReport } from '../web/src/api.ts';
import { columnLabel, RECORD_KIND_LABELS, valueLabel } from '../web/src/labels.ts';
import { allLeaves, leafFor } from '../web/src/nav.ts';
import { formatValue, RECORD_PAGES } from '../web/src/records/record-kinds.ts';
import { readCatalog } from '../src/catalog/load-reference.ts';

interface Series {
  name?: string;
  stack?: string;
  data?: unknown[];
  itemStyle?: { color?: string };
  label?: { formatter?: (p: unknown) => string };
}

const series = (o: ChartOption): Series[] => (Array.isArray(o.series) ? (o.series as Series[]) : [o.series as Series]);
const axis = (o: ChartOption, key: 'xAxis' | 'yAxis') => o[key] as { data?: unknown[]; max?: number; inverse?: boolean };
const CJK = /[\u4e00-\u9fff]/;

describe('baselineRangeOption', () => {
  // 富阳: 在非城市化管理区域随意倾倒生活垃圾, 200–2,000 yuan (CLE-P022), tiers given out of order.
  const tiers: TierRange[] = [
    { tier: 'severe', fine_min: 1500, fine_max: 2000 },
    { tier: 'exempt', fine_min: 0, fine_max: 0 },
    { tier: 'general', fine_min: 700, fine_max: 1500 },
    { tier: 'lenient', fine_min: 200, fine_max: 700 },
    { tier: 'mitigated', fine_min: 0, fine_max: 200 },
  ];

  it('lists the tiers from 不予处罚 to 从重处罚, the lightest at the top', () => {
    const option = baselineRangeOption(tiers);
    assert.deepEqual(axis(option, 'yAxis').data, ['不予处罚', '减轻处罚', '从轻处罚', '一般处罚', '从重处罚']);
    assert.equal(axis(option, 'yAxis').inverse, true);
  });

  it('draws each tier from its lowest to its highest fine: an invisible base, then the span', () => {
    const [base, span] = series(baselineRangeOption(tiers));
    assert.equal(base!.stack, span!.stack);
    assert.equal(base!.itemStyle?.color, 'transparent');
    assert.deepEqual(base!.data, [0, 0, 200, 700, 1500]);
    assert.deepEqual(
      span!.data!.map((d) => (d as { value: number }).value),
      [0, 200, 500, 800, 500],
    );
  });

  it('colours each tier by its severity', () => {
    const [, span] = series(baselineRangeOption(tiers));
    assert.deepEqual(
      span!.data!.map((d) => (d as { itemStyle: { color: string } }).itemStyle.color),
      [TIER_COLORS.exempt, TIER_COLORS.mitigated, TIER_COLORS.lenient, TIER_COLORS.general, TIER_COLORS.severe],
    );
  });

  it('labels each bar with its range in yuan, and 不予处罚 for the exempt tier', () => {
    const [, span] = series(baselineRangeOption(tiers));
    const labels = [0, 1, 2, 3, 4].map((dataIndex) => span!.label!.formatter!({ dataIndex }));
    assert.deepEqual(labels, ['不予处罚', '0–200元', '200–700元', '700–1,500元', '1,500–2,000元']);
  });

  it('uses the shared axis maximum, so that a province and a city baseline compare at a glance', () => {
    assert.equal(axis(baselineRangeOption(tiers, { xMax: 5000 }), 'xAxis').max, 5000);
    assert.equal(axis(baselineRangeOption(tiers), 'xAxis').max, undefined);
  });

  it('draws nothing for a baseline without tiers', () => {
    const option = baselineRangeOption([]);
    assert.deepEqual(axis(option, 'yAxis').data, []);
    assert.ok(series(option).every((s) => s.data!.length === 0));
  });

  it('sorts unknown tiers last and keeps the others in statutory order', () => {
    const sorted = sortTiers([{ tier: 'x' }, { tier: 'general' }, { tier: 'exempt' }]);
    assert.deepEqual(
      sorted.map((t) => t.tier),
      ['exempt', 'general', 'x'],
    );
    assert.equal(tierRangeText({ tier: 'lenient', fine_min: 500, fine_max: 500 }), '500元');
  });
});

describe('article numbers and citations', () => {
  it('writes every article number of the shipped law exactly as the corpus labels it', () => {
    const articles = readCatalog().articles;
    assert.ok(articles.length > 500);
    // 浙江省行政处罚裁量权基准规定 is kept as its source prints it, in traditional characters (第一條).
    for (const a of articles) assert.equal(articleLabel(a.number), a.label.replace('條', '条'), `${a.regulation_id} ${a.number}`);
  });

  it('follows statute style for tens and hundreds', () => {
    assert.deepEqual([10, 11, 20, 33, 100, 105, 110, 124].map(chineseNumeral), [
      '十',
      '十一',
      '二十',
      '三十三',
      '一百',
      '一百零五',
      '一百一十',
      '一百二十四',
    ]);
    assert.equal(shortTitle('中华人民共和国行政处罚法'), '行政处罚法');
    assert.equal(shortTitle('浙江省综合行政执法条例'), '浙江省综合行政执法条例');
  });
});

describe('money and time', () => {
  it('writes fine ranges as the law does', () => {
    assert.equal(fineRangeText(10000, 500000), '10,000–500,000元');
    assert.equal(fineRangeText(200, 200), '200元');
    assert.equal(fineRangeText(null, null), '—');
    assert.equal(fineRangeText(null, 2000), '2,000元以下');
    assert.equal(fineRangeText(0.5, 1), '0.50–1元');
    assert.equal(compactYuan(500000), '50万');
    assert.equal(compactYuan(2000), '2,000');
  });

  it('shows instants in Beijing time whatever the browser zone', () => {
    assert.equal(formatInstant('2025-04-12T01:31:00.000Z'), '2025-04-12 09:31');
    assert.equal(formatInstant('2025-04-12T16:05:00Z'), '2025-04-13 00:05');
  });
});

describe('import batches in the console', () => {
  const error = {
    row: 12,
    field: 'entity_uscc',
    code: 'invalid',
    message: '校验位错误',
    label: '统一社会信用代码',
    text: '第12行 entity_uscc（统一社会信用代码）：校验位错误',
  } as const;

  it("shows an upload's answer: its counts, its refused rows as the server's objects, the error file", () => {
    const batch = batchFromReport({
      batchId: 'b4',
      kind: 'inspections',
      sourceSystem: 'zj-xzzf',
      fileName: 'a.csv',
      format: 'csv',
      encoding: 'utf-8',
      rowsRead: 5,
      rowsOk: 3,
      rowsBad: 2,
      landed: 3,
      inserted: 3,
      updated: 0,
      unchanged: 0,
      duplicates: 0,
      seconds: 0.1,
      rowsPerSecond: 50,
      timings: { read: 0, load: 0, merge: 0, commit: 0 },
      errors: [error],
      notes: [],
      errorsUrl: '/api/v1/imports/b4/errors.csv',
    });
    assert.deepEqual([batch.id, batch.rowsTotal, batch.rowsBad, batch.errorsUrl], ['b4', 5, 2, '/api/v1/imports/b4/errors.csv']);
    assert.deepEqual(batch.errors, [error]);
  });

  it('shows a listed batch without its errors (the error file holds them)', () => {
    const batch = batchFromList({
      id: 'b2',
      kind: 'cases',
      kindLabel: '处罚案件',
      sourceSystem: '',
      fileName: null,
      regionCode: '330106',
      rowsTotal: 10,
      rowsOk: 10,
      rowsBad: 0,
      startedAt: '2025-05-01T02:00:00.000Z',
      finishedAt: null,
      errorsUrl: null,
    });
    assert.deepEqual([batch.sourceSystem, batch.rowsTotal, batch.errors, batch.startedAt], [null, 10, [], '2025-05-01T02:00:00.000Z']);
  });
});

describe('record pages and the navigation', () => {
  it('has one page per record kind, each a built nav entry', () => {
    assert.deepEqual(RECORD_PAGES.map((p) => p.kind).sort(), [...RECORD_KINDS].sort());
    const built = new Set(
      allLeaves()
        .filter((l) => l.built)
        .map((l) => l.path),
    );
    for (const p of RECORD_PAGES) assert.ok(built.has(p.path), `${p.path} is built in the nav`);
  });

  it('gives every listed column a Chinese title and every kind a Chinese name', () => {
    for (const p of RECORD_PAGES) {
      assert.match(RECORD_KIND_LABELS[p.kind], CJK);
      for (const c of p.list) assert.match(columnLabel(p.kind, c), CJK, `${p.kind}.${c}`);
    }
    assert.equal(columnLabel('inspections', 'result'), '检查结果');
    assert.equal(columnLabel('licences', 'result'), '办理结果');
  });

  it('shows codes, booleans and money in Chinese', () => {
    assert.equal(valueLabel('inspections', 'kind', 'random'), '双随机检查');
    assert.equal(formatValue('cases', 'decision', 'no_penalty'), '不予处罚');
    assert.equal(formatValue('inspections', 'via_code', true), '是');
    assert.equal(formatValue('cases', 'fine_amount', 5000), '5,000.00');
    assert.equal(formatValue('cases', 'facts', null), '—');
    assert.equal(formatValue('hotline_tickets', 'received_at', '2025-04-12T01:31:00.000Z'), '2025-04-12 09:31');
  });

  it('highlights the nav entry a detail page belongs to', () => {
    assert.equal(leafFor('/catalog/regulations/xingzheng-chufa-fa')?.path, '/catalog/regulations');
    assert.equal(leafFor('/records/inspections')?.path, '/records/inspections');
    assert.equal(leafFor('/')?.path, '/');
    assert.equal(leafFor('/nowhere'), undefined);
  });
});
