// The model library as a whole: definitions are complete and cite real articles, docs/models.md is
// generated from them, and at demo scale every model with planted violations finds them with
// precision and recall ≥ 0.9 (the bar docs/supervision-brain.md sets; the run fails CI otherwise). Both engines.
import { DEMO_AS_OF as AS_OF_ISO } from './helpers/demo-day.ts';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDemoStore } from './helpers/demo-store.ts';
import { MODELS } from '../src/models/library/index.ts';
import { MODEL_CATEGORIES, defaultParams, paramProblem } from '../src/models/model.ts';
import { modelsMarkdown } from '../src/models/docs.ts';
import { readCatalog, readLaws } from '../src/catalog/read-catalog.ts';
import { groupQuery, queryHits, runModels, toStageRow } from '../src/models/runner.ts';
import { stageHitsSql } from '../src/models/stage-sql.ts';
import { runGroups } from '../src/models/settings.ts';
import type { Store } from '../src/store/store.ts';
import { MIN_SCORE, scoreModels } from '../src/models/score.ts';

test('the library holds at least 40 models with unique codes in every category the issue names', () => {
  assert.ok(MODELS.length >= 40, `${MODELS.length} models`);
  assert.equal(new Set(MODELS.map((m) => m.code)).size, MODELS.length);
  for (const cat of ['inspection', 'penalty', 'licensing', 'delegation', 'officer', 'closure']) {
    assert.ok(
      MODELS.some((m) => m.category === cat),
      cat,
    );
  }
  for (const m of MODELS) assert.ok(m.category in MODEL_CATEGORIES, m.code);
});

test('every model cites an article that exists in the shipped law texts, and its defaults pass its own checks', () => {
  // A policy outside the corpus (data/catalog/regulations.json, status unavailable) may be named, never an article of it.
  const { regulations, articles } = readLaws();
  const texts = new Set(regulations.map((r) => r.id));
  const named = new Set(readCatalog().regulations.map((r) => r.id));
  const arts = new Set(articles.map((a) => `${a.regulation_id}#${a.number}`));
  for (const m of MODELS) {
    assert.ok(named.has(m.basis.regulationId), `${m.code}: unknown regulation ${m.basis.regulationId}`);
    if (m.basis.article !== undefined) {
      assert.ok(texts.has(m.basis.regulationId), `${m.code}: an article of ${m.basis.regulationId}, whose text is not shipped`);
      assert.ok(arts.has(`${m.basis.regulationId}#${m.basis.article}`), `${m.code}: no article ${m.basis.article}`);
    }
    assert.equal(paramProblem(m, defaultParams(m)), null, m.code);
    assert.match(m.name, /\p{Script=Han}/u, m.code);
  }
});

test('model texts say what the data shows and ask for verification: no verdicts, no statistical jargon', () => {
  // 属/涉嫌/依法应 pass judgement, 趋利/扰企 impute motives; a clue only reports data (docs/models.md, "说明的写法").
  const banned = /(?<![所隶下归金])属|涉嫌|依法应|趋利|扰企|稳健|Z值|变异系数|中位数绝对偏差|标准差|置信/u;
  const dir = 'src/models/library';
  for (const m of MODELS) {
    for (const [field, text] of [
      ['name', m.name],
      ['description', m.description],
      ['explanation', m.explanation],
      ...m.params.map((p) => ['param', p.label]),
    ])
      assert.doesNotMatch(text, banned, `${m.code} ${field}: ${text}`);
    assert.match(m.explanation, /^数据显示/u, `${m.code}: the explanation opens with 数据显示`);
    assert.match(m.explanation, /请核实/u, `${m.code}: the explanation asks for verification`);
  }
  // Text the SQL or the real-time checks put into an explanation: every Chinese string literal of the library.
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const source = readFileSync(join(dir, file), 'utf8');
    for (const [literal] of source.matchAll(/'[^'\n]*\p{Script=Han}[^'\n]*'/gu))
      assert.doesNotMatch(literal, banned, `${file}: ${literal}`);
  }
});

test('docs/models.md is what the definitions generate (run `kedu models docs` after changing a model)', () => {
  assert.equal(readFileSync('docs/models.md', 'utf8'), modelsMarkdown(MODELS));
});

test('at demo scale batch and real-time staging make the same clues, and every model with planted violations reaches precision and recall of at least 0.9', async () => {
  const t = await openDemoStore({ seed: 1, asOf: AS_OF_ISO });
  try {
    await sameCluesInCodeAndSql(t.store);
    await runModels(
      t.store,
      MODELS.filter((m) => m.groundTruth),
      { asOf: '2025-12-31' },
    );
    const scores = await scoreModels(t.store, MODELS);
    assert.ok(scores.length >= 13, `${scores.length} scored models`);
    for (const s of scores) {
      assert.ok(s.truth > 0, `${s.code}: nothing planted`);
      assert.ok(
        s.precision >= MIN_SCORE && s.recall >= MIN_SCORE,
        `${s.code}: precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)}`,
      );
    }
  } finally {
    await t.close();
  }
});

// A batch run stages its hits in SQL (stage-sql.ts), a real-time hit in code (toStageRow): the same hit
// must become the same clue either way — id, title, explanation (numbers formatted alike), evidence.
async function sameCluesInCodeAndSql(store: Store): Promise<void> {
  const columns = ['dedupe_key', 'id', 'region_code', 'agency_id', 'model_code', 'severity', 'title', 'explanation', 'evidence', 'params'];
  let compared = 0;
  for (const m of MODELS) {
    const [group] = runGroups(m, [], '330000');
    const inCode = new Map(
      (await queryHits(store, m, group, '2025-12-31')).map((h) => {
        const row = toStageRow(m, h, group.params);
        return [row[0] as string, row];
      }),
    );
    const query = groupQuery(store.dialect, m, group, '2025-12-31');
    const inSql = await store.transaction(async (tx) => {
      await tx.exec('DELETE FROM model_hits_stage');
      await tx.exec(stageHitsSql(m, query, await tx.columns(query), group.params, tx.dialect));
      const rows = await tx.query<Record<string, unknown>>(`SELECT ${columns.join(', ')} FROM model_hits_stage`);
      await tx.exec('DELETE FROM model_hits_stage');
      return rows;
    });
    assert.equal(inSql.length, inCode.size, `${m.code}: ${inSql.length} hits staged in SQL, ${inCode.size} in code`);
    for (const r of inSql) {
      const c = inCode.get(String(r.dedupe_key));
      assert.ok(c, `${m.code}: ${String(r.dedupe_key)} not among the hits staged in code`);
      for (const [i, name] of columns.entries()) {
        if (name === 'evidence' || name === 'params')
          assert.deepEqual(JSON.parse(String(r[name])), JSON.parse(String(c[i])), `${m.code} ${name}`);
        else assert.equal(r[name], c[i], `${m.code} ${name}`);
      }
      compared++;
    }
  }
  assert.ok(compared > 3000, `${compared} hits compared`);
}
