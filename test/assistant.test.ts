// The assistant's parts, each alone: normalising numerals, splitting a message, reading time, finding
// mistyped regions, the synonym list's checks, the procedure summaries against their articles, and the
// SQL the planner writes (exact text, values as parameters, the caller's scope always in), the facts of a
// case read out of a question for the navigator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { normalizeQuestion, parseChineseNumber } from '../src/assistant/normalize.ts';
import { splitQuestions } from '../src/assistant/split.ts';
import { previousPeriod, readTime } from '../src/assistant/time.ts';
import { PROCEDURES } from '../src/assistant/procedures.ts';
import { buildQuery } from '../src/assistant/plan.ts';
import { measureByKey } from '../src/assistant/measures.ts';
import { duckdbDialect } from '../src/store/dialect.ts';
import { readCatalog, DEFAULT_DATA_DIR } from '../src/catalog/read-catalog.ts';
import { readSynonyms } from '../src/catalog/synonyms.ts';
import { chineseNumeral } from '../src/catalog/law.ts';
import { SYSTEM_CALLER, type Caller } from '../src/auth/caller.ts';
import { readCaseFacts } from '../src/assistant/navigator.ts';

test('Chinese numerals that count or date become digits; words that only contain one stay', () => {
  assert.equal(normalizeQuestion('杭州市检查数量最多的十个事项？'), '杭州市检查数量最多的10个事项?');
  assert.equal(normalizeQuestion('近三十天、前二十五名、两个月、二〇二四年、十一月份'), '近30天、前25名、2个月、2024年、11月份');
  assert.equal(
    normalizeQuestion('一般程序、统一社会信用代码、一次性餐具、第三方服务'),
    '一般程序、统一社会信用代码、一次性餐具、第三方服务',
  );
  assert.equal(parseChineseNumber('两'), 2);
  assert.equal(parseChineseNumber('一万五千'), 15000);
});

test('a message splits into its questions; greetings and 另外 are dropped', () => {
  assert.deepEqual(splitQuestions('无照经营违反哪些规定?会受到哪些处罚?杭州市检查数量最多的10个事项是什么?'), [
    '无照经营违反哪些规定',
    '会受到哪些处罚',
    '杭州市检查数量最多的10个事项是什么',
  ]);
  assert.deepEqual(splitQuestions('你好，萧山区今年罚款多少，另外余杭呢'), ['萧山区今年罚款多少', '余杭呢']);
});

test('time: relative to the as-of day, with 同比 a year back and 环比 the period just before', () => {
  const at = '2025-12-31';
  const p = (q: string) => readTime(normalizeQuestion(q), at).period;
  assert.deepEqual(p('今年上半年'), { from: '2025-01-01', to: '2025-06-30', label: '2025年上半年' });
  assert.deepEqual(p('去年'), { from: '2024-01-01', to: '2024-12-31', label: '2024年' });
  assert.deepEqual(p('近三十天'), { from: '2025-12-02', to: '2025-12-31', label: '近30天' });
  assert.deepEqual(p('近半年'), { from: '2025-07-01', to: '2025-12-31', label: '近半年' });
  assert.deepEqual(p('上个月'), { from: '2025-11-01', to: '2025-11-30', label: '2025年11月' });
  assert.deepEqual(p('一季度'), { from: '2025-01-01', to: '2025-03-31', label: '2025年第1季度' });
  assert.deepEqual(p('2024年7月到2025年6月')?.from, '2024-07-01');
  assert.equal(readTime('今年同比', at).comparison, 'yoy');
  assert.deepEqual(previousPeriod({ from: '2025-03-01', to: '2025-03-31', label: '' }, 'mom'), {
    from: '2025-02-01',
    to: '2025-02-28',
    label: '上一期（2025-02-01至2025-02-28）',
  });
  assert.equal(previousPeriod({ from: '2024-02-29', to: '2024-02-29', label: '' }, 'yoy').from, '2023-02-28');
});

test('every number of a procedure summary is written in the articles it cites', () => {
  const catalog = readCatalog();
  const text = (reg: string, n: number) => catalog.articles.find((a) => a.regulation_id === reg && a.number === n)?.text ?? '';
  for (const p of PROCEDURES) {
    const cited = p.articles.map((a) => text(a.regulation_id, a.article)).join('\n');
    assert.ok(cited.length > 0, p.key);
    for (const [numeral] of p.summary.matchAll(/(?<!第)[零〇一二两三四五六七八九十百千]+(?=[日人年元])/g)) {
      assert.ok(cited.includes(numeral), `${p.key}: ${numeral} is not in its articles`);
      assert.ok(chineseNumeral(numeral.replace(/两/g, '二')) > 0);
    }
  }
});

test('the synonym list is checked: an unknown item or an article the corpus lacks fails loudly', () => {
  const catalog = readCatalog();
  const synonyms = readSynonyms(catalog);
  assert.ok(synonyms.items.find((s) => s.term === '无照经营')!.items.includes('MKT-P001'));
  const dir = mkdtempSync(join(tmpdir(), 'kedu-syn-'));
  cpSync(DEFAULT_DATA_DIR, dir, { recursive: true });
  const file = join(dir, 'catalog', 'synonyms.json');
  const doc = JSON.parse(readFileSync(file, 'utf8'));
  doc.items[0].articles.push({ regulation_id: 'xingzheng-chufa-fa', article: 999 });
  writeFileSync(file, JSON.stringify(doc));
  assert.throws(() => readSynonyms(catalog, dir), /xingzheng-chufa-fa article 999 is not in data\/law/);
  doc.items[0].articles.pop();
  doc.items[0].items = ['NOPE-1'];
  writeFileSync(file, JSON.stringify(doc));
  assert.throws(() => readSynonyms(catalog, dir), /unknown item "NOPE-1"/);
});

test('the planner writes one statement from the registries: the scope first, every value a parameter', () => {
  const county: Caller = { ...SYSTEM_CALLER, role: 'supervisor', regionCode: '330111' };
  const built = buildQuery(
    {
      measure: measureByKey('inspections'),
      regions: ['330111'],
      period: { from: '2025-01-01', to: '2025-06-30', label: '' },
      lines: ['MKT'],
      agencies: [],
      items: [],
      entities: [],
      officers: [],
      qualifiers: measureByKey('inspections').qualifiers.filter((q) => q.label === '双随机'),
      model: null,
      group: 'item',
      limit: 10,
      order: 'desc',
    },
    county,
    duckdbDialect,
    { focusRegion: '330111' },
  );
  const { text, params } = built.sql.render();
  assert.equal(
    text,
    'SELECT t.inspection_item_code AS k, ii.name AS label, count(*) AS v FROM inspections t LEFT JOIN agencies ag ON ag.id = t.agency_id ' +
      'LEFT JOIN inspection_items ii ON ii.code = t.inspection_item_code WHERE (t.region_code LIKE $1) AND (t.region_code LIKE $2) ' +
      "AND CAST(t.inspected_on AS DATE) BETWEEN CAST($3 AS DATE) AND CAST($4 AS DATE) AND ag.line_code IN ($5) AND t.kind = 'random' " +
      'GROUP BY t.inspection_item_code, ii.name ORDER BY v DESC, k LIMIT $6',
  );
  assert.deepEqual(params, ['330111%', '330111%', '2025-01-01', '2025-06-30', 'MKT', 10]);
  const staff: Caller = { ...county, role: 'agency_staff', agencyId: 'AG-1' };
  const own = buildQuery(
    {
      ...{
        measure: measureByKey('payments'),
        regions: [],
        period: null,
        lines: [],
        agencies: [],
        items: [],
        entities: [],
        officers: [],
        qualifiers: [],
        model: null,
        group: null,
        limit: null,
        order: 'desc',
      },
    },
    staff,
    duckdbDialect,
    { focusRegion: '330111' },
  ).sql.render();
  assert.match(own.text, /t\.case_id IN \(SELECT (\w+)\.id FROM cases \1 WHERE \1\.agency_id = \$2\)/);
  assert.deepEqual(own.params, ['330111%', 'AG-1']);
});

test('a case described in a question becomes the navigator’s facts; what it leaves unsaid is assumed against the party and said so', () => {
  const fuyang = readCaseFacts('富阳区一家酒坊初次在村里乱倒垃圾，已当场清理，未造成危害后果，裁量导航建议怎么处理？');
  assert.deepEqual({ ...fuyang.facts, text: undefined }, { firstOffence: true, corrected: true, harm: 'none', text: undefined });
  assert.equal(fuyang.proposed, null);
  assert.deepEqual(fuyang.assumed, []);

  const repeat = readCaseFacts(normalizeQuestion('营业执照没挂，第二次被查，拒不改正，拟罚款三千元合适吗'));
  assert.equal(repeat.facts.firstOffence, false);
  assert.equal(repeat.facts.corrected, false);
  assert.deepEqual(repeat.proposed, { decision: 'fine', fine: 3000 });
  assert.deepEqual(repeat.assumed, ['未说明危害后果，按危害轻微评估']);

  const amounts = readCaseFacts('卖过期食品，货值金额1.2万元，违法所得3000元，造成严重后果，打算罚款6万元，行不行');
  assert.equal(amounts.facts.harm, 'serious');
  assert.equal(amounts.facts.amountInvolved, 12000);
  assert.equal(amounts.facts.illegalGains, 3000);
  assert.deepEqual(amounts.proposed, { decision: 'fine', fine: 60000 });
  assert.deepEqual(amounts.assumed, ['未说明是否初次违法，按非初次违法评估', '未说明是否及时改正，按未改正评估']);

  assert.deepEqual(readCaseFacts('初次无照经营，已补办，拟不予处罚，合适吗').proposed, { decision: 'no_penalty' });
});
