// The reference catalog as users rely on it: verbatim law, the real region tree, items tied to real
// articles, baselines inside the statutory range, exemptions grounded in 行政处罚法 第三十三条.
// Runs on DuckDB, or on PostgreSQL when KEDU_TEST_DATABASE_URL is set (test/helpers/store.ts).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTestStore, type TestStore } from './helpers/store.ts';
import { loadReference, readCatalog, type ReferenceCounts } from '../src/catalog/load-reference.ts';
import { chineseNumeral, parseLaw } from '../src/catalog/law.ts';
import { CatalogError, DEFAULT_DATA_DIR } from '../src/catalog/read-catalog.ts';
import type { Catalog } from '../src/catalog/types.ts';

let ts: TestStore;
let first: ReferenceCounts;
const catalog: Catalog = readCatalog();

before(async () => {
  ts = await openTestStore();
  first = await loadReference(ts.store, catalog);
});
after(async () => {
  await ts?.close();
});

const q = <T = Record<string, unknown>>(sql: string, params: (string | number)[] = []) => ts.store.query<T>(sql, params);

test('行政处罚法 第三十三条 in the store is the shipped text, word for word', async () => {
  // Cut the article out of the raw file independently of the parser: from its line to the next article.
  const raw = readFileSync(join(DEFAULT_DATA_DIR, 'law', 'xingzheng-chufa-fa.md'), 'utf8');
  const block = raw.slice(raw.indexOf('\n第三十三条 ') + 1, raw.indexOf('\n第三十四条 '));
  const expected = block
    .replace(/^第三十三条 /, '')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .join('\n');
  const [row] = await q<{ label: string; text: string }>('SELECT label, text FROM articles WHERE regulation_id = $1 AND number = $2', [
    'xingzheng-chufa-fa',
    33,
  ]);
  assert.equal(row.label, '第三十三条');
  assert.equal(row.text, expected);
  assert.ok(row.text.startsWith('违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚。'));
  assert.equal(row.text.split('\n').length, 3, 'three paragraphs, kept as lines');
});

test('the shipped law files carry their source header and every article, numbered without gaps', () => {
  for (const reg of catalog.regulations.filter((r) => r.status === 'verbatim')) {
    const numbers = catalog.articles.filter((a) => a.regulation_id === reg.id).map((a) => a.number);
    assert.deepEqual(
      numbers,
      numbers.map((_, i) => i + 1),
      `${reg.title}: articles 1..n`,
    );
    assert.match(reg.source ?? '', /^https?:\/\//, `${reg.title}: source URL`);
  }
  const food = catalog.articles.find((a) => a.regulation_id === 'shipin-anquan-fa' && a.number === 122);
  assert.equal(food?.label, '第一百二十二条');
  const partial = catalog.regulations.find((r) => r.id === 'zhejiang-xingzheng-chufa-cailiangquan-jizhun-guiding');
  assert.equal(partial?.status, 'partial');
  assert.deepEqual(
    catalog.articles.filter((a) => a.regulation_id === partial?.id).map((a) => a.label),
    ['第一條', '第二條', '第三條', '第四條', '第五條'],
  );
});

test('Chinese article numbers read as integers', () => {
  const cases: [string, number][] = [
    ['一', 1],
    ['十', 10],
    ['十五', 15],
    ['二十', 20],
    ['三十三', 33],
    ['一百', 100],
    ['一百零五', 105],
    ['一百一十', 110],
    ['一百二十二', 122],
    ['一百五十四', 154],
  ];
  for (const [text, n] of cases) assert.equal(chineseNumeral(text), n, text);
  assert.throws(() => chineseNumeral('三x'));
});

test('an article runs to the next article or heading, and text before the first article is not an article', () => {
  const law = parseLaw(
    'sample',
    [
      '---',
      'title: "示例条例"',
      'issuing_body: "浙江省人民代表大会常务委员会"',
      'source: "https://example.org/x"',
      'completeness: "verbatim"',
      'last_amended: "2021-09-29（第四次修正）"',
      'history:',
      '  - "2020年 通过"',
      '---',
      '# 示例条例',
      '(序言，不是条文)',
      '## 第一章　总则',
      '',
      '第一条 第一款。',
      '',
      '第二款。',
      '',
      '## 第二章　附则',
      '',
      '第十一条 本条例自2021年5月1日起施行。',
      '',
    ].join('\n'),
  );
  assert.equal(law.regulation.kind, 'local_regulation');
  assert.equal(law.regulation.version_date, '2021-09-29');
  assert.deepEqual(law.header.history, ['2020年 通过']);
  assert.deepEqual(
    law.articles.map((a) => [a.number, a.text, a.chapter]),
    [
      [1, '第一款。\n第二款。', '第一章　总则'],
      [11, '本条例自2021年5月1日起施行。', '第二章　附则'],
    ],
  );
});

test('the region tree is Zhejiang: 1 province, 11 cities, 90 counties with their GB/T 2260 codes', async () => {
  const levels = await q<{ level: string; n: number }>(
    'SELECT level, COUNT(*) AS n FROM regions WHERE is_demo = FALSE GROUP BY level ORDER BY level',
  );
  assert.deepEqual(
    levels.map((r) => [r.level, Number(r.n)]),
    [
      ['city', 11],
      ['county', 90],
      ['province', 1],
    ],
  );
  const cities = await q<{ code: string; name: string; parent_code: string }>(
    "SELECT code, name, parent_code FROM regions WHERE level = 'city' ORDER BY code",
  );
  assert.deepEqual(
    cities.map((c) => c.code),
    ['330100', '330200', '330300', '330400', '330500', '330600', '330700', '330800', '330900', '331000', '331100'],
  );
  assert.ok(cities.every((c) => c.parent_code === '330000'));
  const [fuyang] = await q<{ name: string; parent_code: string; level: string }>(
    'SELECT name, parent_code, level FROM regions WHERE code = $1',
    ['330111'],
  );
  assert.deepEqual(fuyang, { name: '富阳区', parent_code: '330100', level: 'county' });
  const orphans = await q(
    'SELECT r.code FROM regions r LEFT JOIN regions p ON p.code = r.parent_code WHERE r.parent_code IS NOT NULL AND p.code IS NULL',
  );
  assert.equal(orphans.length, 0);
});

test("every item's basis and penalty article exists unless its regulation's text is unavailable", async () => {
  for (const side of ['basis', 'penalty']) {
    const missing = await q(`
      SELECT i.code FROM items i
      JOIN regulations g ON g.id = i.${side}_regulation_id
      LEFT JOIN articles a ON a.regulation_id = i.${side}_regulation_id AND a.number = i.${side}_article
      WHERE g.status <> 'unavailable' AND a.number IS NULL`);
    assert.deepEqual(missing, [], `${side} articles`);
    const unknown = await q(`
      SELECT i.code FROM items i LEFT JOIN regulations g ON g.id = i.${side}_regulation_id
      WHERE i.${side}_regulation_id IS NOT NULL AND g.id IS NULL`);
    assert.deepEqual(unknown, [], `${side} regulations`);
  }
  const penaltiesWithoutArticle = await q(`
    SELECT i.code FROM items i JOIN regulations g ON g.id = i.penalty_regulation_id
    WHERE i.kind = 'penalty' AND i.penalty_article IS NULL AND g.status <> 'unavailable'`);
  assert.deepEqual(penaltiesWithoutArticle, []);
  const kinds = await q<{ kind: string; n: number }>('SELECT kind, COUNT(*) AS n FROM items GROUP BY kind ORDER BY kind');
  assert.deepEqual(
    kinds.map((k) => k.kind),
    ['coercion', 'inspection', 'licence', 'penalty'],
  );
  assert.ok(Number(kinds.find((k) => k.kind === 'penalty')?.n) >= 40);
});

// Amount → the ways the corpus writes it: 五万元 / 5万元, 二千元 / 2000元, 一百万元.
const DIGITS = '零一二三四五六七八九';
function chineseSmall(n: number): string {
  const th = Math.floor(n / 1000),
    h = Math.floor((n % 1000) / 100),
    t = Math.floor((n % 100) / 10),
    o = n % 10;
  let s = '';
  if (th) s += `${DIGITS[th]}千`;
  if (h) s += `${DIGITS[h]}百`;
  else if (th && (t || o)) s += '零';
  if (t) s += `${t === 1 && !th && !h ? '' : DIGITS[t]}十`;
  else if ((th || h) && o) s += '零';
  if (o) s += DIGITS[o];
  return s;
}
function writtenForms(yuan: number): string[] {
  const forms = yuan < 10000 ? [`${chineseSmall(yuan)}元`, `${yuan}元`] : [];
  if (yuan % 10000 === 0) forms.push(`${chineseSmall(yuan / 10000)}万元`, `${yuan / 10000}万元`);
  return forms;
}

test('a penalty item states only fines its penalty article writes down', () => {
  const text = new Map(catalog.articles.map((a) => [`${a.regulation_id}#${a.number}`, a.text ?? '']));
  const status = new Map(catalog.regulations.map((r) => [r.id, r.status]));
  let checked = 0;
  for (const it of catalog.items.filter((i) => i.kind === 'penalty' && i.fine_max != null)) {
    if (status.get(it.penalty_regulation_id!) === 'unavailable') continue;
    const article = text.get(`${it.penalty_regulation_id}#${it.penalty_article}`) ?? '';
    for (const amount of [it.fine_min, it.fine_max, it.serious_from]) {
      if (!amount) continue;
      // Not preceded by another numeral: 五万元 must not match inside 十五万元.
      const found = writtenForms(amount).some((f) => new RegExp(`(^|[^${DIGITS}十百千万0-9])${f}`).test(article));
      assert.ok(found, `${it.code}: ${amount} yuan is not written in ${it.penalty_regulation_id} 第${it.penalty_article}条`);
    }
    if (it.fine_min === 0) assert.match(article, /以下/, `${it.code}: a range from 0 needs an "以下" ceiling`);
    checked++;
  }
  assert.ok(checked >= 40);
});

test('无照经营 and the Fuyang case are catalogued with the law the seed names', async () => {
  const [unlicensed] = await q<Record<string, unknown>>("SELECT * FROM items WHERE code = 'MKT-P001'");
  assert.equal(unlicensed.penalty_regulation_id, 'shichang-zhuti-dengji-guanli-tiaoli');
  assert.equal(unlicensed.penalty_article, 43);
  assert.deepEqual([unlicensed.fine_min, unlicensed.fine_max], [10000, 500000]);
  const [fuyang] = await q<Record<string, unknown>>(`
    SELECT i.fine_min, i.fine_max, i.penalty_article, g.title, g.status FROM items i
    JOIN regulations g ON g.id = i.penalty_regulation_id WHERE i.code = 'CLE-P022'`);
  assert.deepEqual(fuyang, {
    fine_min: 200,
    fine_max: 2000,
    penalty_article: null,
    title: '浙江省综合治水工作规定',
    status: 'unavailable',
  });
  const noText = await q(`SELECT a.number FROM articles a JOIN regulations g ON g.id = a.regulation_id WHERE g.status = 'unavailable'`);
  assert.deepEqual(noText, [], 'no article text for a regulation that is not in the corpus');
  const [hz] = await q<{ title: string }>(`
    SELECT g.title FROM exemptions e JOIN regulations g ON g.id = e.list_regulation_id
    WHERE e.item_code = 'CLE-P022' AND e.region_code = '330100'`);
  assert.equal(hz.title, '杭州市综合行政执法轻微违法行为不予行政处罚清单');
  const licences = await q<{ code: string; time_limit_days: number }>("SELECT code, time_limit_days FROM items WHERE kind = 'licence'");
  assert.ok(licences.every((l) => l.time_limit_days > 0));
  assert.equal(licences.filter((l) => l.time_limit_days === 20).length >= 8, true, '行政许可法 第四十二条: 二十日');
});

test('every baseline tier lies inside its item statutory range, except exempt (0) and mitigated (below the minimum)', async () => {
  const outside = await q(`
    SELECT b.id, t.tier FROM baseline_tiers t
    JOIN baselines b ON b.id = t.baseline_id JOIN items i ON i.code = b.item_code
    WHERE (t.tier IN ('lenient', 'general', 'severe') AND (t.fine_min < i.fine_min OR t.fine_max > i.fine_max))
       OR (t.tier = 'exempt' AND (t.fine_min <> 0 OR t.fine_max <> 0))
       OR (t.tier = 'mitigated' AND (t.fine_min < 0 OR t.fine_max > i.fine_min))
       OR t.fine_min > t.fine_max`);
  assert.deepEqual(outside, []);
  const uncovered = await q(`
    SELECT i.code FROM items i LEFT JOIN baselines b ON b.item_code = i.code AND b.region_code = '330000'
    WHERE i.kind = 'penalty' AND i.fine_max IS NOT NULL AND b.id IS NULL`);
  assert.deepEqual(uncovered, [], 'a province-wide baseline for every penalty item with a fine range');
  const general = await q<{ region_code: string; fine_min: number; fine_max: number }>(`
    SELECT b.region_code, t.fine_min, t.fine_max FROM baselines b JOIN baseline_tiers t ON t.baseline_id = b.id
    WHERE b.item_code = 'CLE-P022' AND t.tier = 'general' ORDER BY b.region_code`);
  assert.equal(general.length, 2, 'province baseline and the 杭州市 refinement');
  const [province, hangzhou] = general;
  assert.ok(
    hangzhou.region_code === '330100' && hangzhou.fine_max - hangzhou.fine_min < province.fine_max - province.fine_min,
    'the city refinement narrows the general tier',
  );
});

test('every exemption cites 行政处罚法 第三十三条', async () => {
  const rows = await q<{ basis_regulation_id: string; basis_article: number; item_kind: string }>(`
    SELECT e.basis_regulation_id, e.basis_article, i.kind AS item_kind FROM exemptions e JOIN items i ON i.code = e.item_code`);
  const [{ n }] = await q<{ n: number }>('SELECT COUNT(*) AS n FROM exemptions');
  assert.equal(rows.length, Number(n), 'every exemption names a catalogued item');
  assert.ok(rows.length >= 30);
  for (const r of rows) {
    assert.deepEqual([r.basis_regulation_id, r.basis_article, r.item_kind], ['xingzheng-chufa-fa', 33, 'penalty']);
  }
});

test('inspection items and the service whitelist hang off real items, lines and regions', async () => {
  const bad = await q(`
    SELECT s.code FROM inspection_items s LEFT JOIN items i ON i.code = s.item_code
    WHERE i.code IS NULL OR i.kind <> 'inspection' OR i.line_code <> s.line_code OR s.max_per_year < 1`);
  assert.deepEqual(bad, []);
  const [{ n }] = await q<{ n: number }>("SELECT COUNT(*) AS n FROM service_whitelist WHERE region_code = '330200'");
  assert.equal(Number(n), 63, '宁波: 涵盖63项服务的正面清单');
  const [{ lines }] = await q<{ lines: number }>('SELECT COUNT(*) AS lines FROM lines');
  assert.equal(Number(lines), 42);
});

test('loading the reference data twice changes nothing, and keeps demo regions', async () => {
  await ts.store.exec(
    "INSERT INTO regions (code, name, parent_code, level, is_demo) VALUES ('330111001', '示例街道', '330111', 'township', TRUE)",
  );
  const tables = [
    'regions',
    'lines',
    'regulations',
    'articles',
    'items',
    'inspection_items',
    'baselines',
    'baseline_tiers',
    'exemptions',
    'service_whitelist',
  ] as const;
  const count = async () =>
    Object.fromEntries(
      await Promise.all(tables.map(async (t) => [t, Number((await q<{ n: number }>(`SELECT COUNT(*) AS n FROM ${t}`))[0].n)])),
    );
  const before = await count();
  const second = await loadReference(ts.store, catalog);
  assert.deepEqual(second.changed, []);
  const { changed: _a, ...c1 } = first;
  const { changed: _b, ...c2 } = second;
  assert.deepEqual(c2, c1);
  assert.deepEqual(await count(), before);
  assert.equal(before.regions, first.regions + 1, 'the demo township stays');
  for (const t of tables) if (t !== 'regions') assert.equal(before[t], first[t], t);
});

test('a changed catalog rewrites only the tables that differ', async () => {
  const edited: Catalog = { ...catalog, items: catalog.items.map((i) => (i.code === 'MKT-P005' ? { ...i, fine_note: '（测试）' } : i)) };
  const r = await loadReference(ts.store, edited);
  assert.deepEqual(r.changed, ['items']);
  const [row] = await q<{ fine_note: string }>("SELECT fine_note FROM items WHERE code = 'MKT-P005'");
  assert.equal(row.fine_note, '（测试）');
  assert.deepEqual((await loadReference(ts.store, catalog)).changed, ['items']);
});

test('a broken data file is refused with the file, record and field named', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kedu-catalog-'));
  try {
    for (const sub of ['law', 'regions', 'catalog']) cpSync(join(DEFAULT_DATA_DIR, sub), join(dir, sub), { recursive: true });
    const path = join(dir, 'catalog', 'baselines.json');
    const doc = JSON.parse(readFileSync(path, 'utf8')) as { baselines: { id: string; tiers: { tier: string; fine_max: number }[] }[] };
    const b = doc.baselines.find((x) => x.id === 'BL-330000-MKT-P001')!;
    b.tiers.find((t) => t.tier === 'severe')!.fine_max = 600000; // above 市场主体登记管理条例 第四十三条's 50万
    writeFileSync(path, JSON.stringify(doc));
    assert.throws(
      () => readCatalog(dir),
      (e: unknown) =>
        e instanceof CatalogError && /baselines\.json/.test(e.message) && /BL-330000-MKT-P001/.test(e.message) && /severe/.test(e.message),
    );
    const items = join(dir, 'catalog', 'items.json');
    const itemsDoc = JSON.parse(readFileSync(items, 'utf8')) as { items: { code: string; penalty_article: number }[] };
    itemsDoc.items.find((i) => i.code === 'MKT-P008')!.penalty_article = 999;
    writeFileSync(items, JSON.stringify(itemsDoc));
    writeFileSync(path, readFileSync(join(DEFAULT_DATA_DIR, 'catalog', 'baselines.json')));
    assert.throws(() => readCatalog(dir), /items\.json.*MKT-P008.*no article 999/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
