// npm run eval:assistant — asks the question set (assistant-questions.ts) on a fixed demo store and
// judges each answer against the independent SQL or the corpus. Prints the score by category; exits
// 1 below MIN_SCORE or when any answer invents an article or a figure. Runs on DuckDB, or on
// PostgreSQL when KEDU_TEST_DATABASE_URL is set.
import { readFileSync } from 'node:fs';
import { openTestStore } from '../helpers/store.ts';
import { generateDemo } from '../../src/demo/generate.ts';
import { DEMO_AS_OF, DEMO_AS_OF as AS_OF_ISO } from '../helpers/demo-day.ts';
import { runModels } from '../../src/models/runner.ts';
import { MODELS } from '../../src/models/library/index.ts';
import { readCatalog } from '../../src/catalog/read-catalog.ts';
import { lexiconFor } from '../../src/assistant/lexicon.ts';
import { answerMessage, EMPTY_STATE, type ConversationState } from '../../src/assistant/assistant.ts';
import { numbersIn, type Answer } from '../../src/assistant/answer.ts';
import { SYSTEM_CALLER, type Caller } from '../../src/auth/caller.ts';
import type { Store } from '../../src/store/store.ts';
import { CASES, type Asker, type EvalCase, type Expect } from './assistant-questions.ts';

export const MIN_SCORE = 0.95;

const CALLERS: Record<Asker, Caller> = {
  city: { ...SYSTEM_CALLER, userId: 'eval-city', role: 'supervisor', regionCode: '330100' },
  county: { ...SYSTEM_CALLER, userId: 'eval-county', role: 'supervisor', regionCode: '330111' },
  province: { ...SYSTEM_CALLER, userId: 'eval-province', role: 'supervisor', regionCode: '330000' },
  agency: { ...SYSTEM_CALLER, userId: 'eval-agency', role: 'agency_staff', regionCode: '330111', agencyId: 'AG-330111-CLE' },
};

// The corpus and the catalog files, read here on their own (not through the store the assistant reads).
const catalog = readCatalog();
const corpus = new Map(catalog.articles.map((a) => [`${a.regulation_id}#${a.number}`, a]));
const titles = new Map(catalog.regulations.map((r) => [r.title, r.id]));
const itemsJson = (
  JSON.parse(readFileSync(new URL('../../data/catalog/items.json', import.meta.url), 'utf8')) as {
    items: { code: string; name: string; line_code: string; fine_min: number | null; fine_max: number | null }[];
  }
).items;
const exemptionsJson = (
  JSON.parse(readFileSync(new URL('../../data/catalog/exemptions.json', import.meta.url), 'utf8')) as {
    exemptions: { item_code: string; region_code: string }[];
  }
).exemptions;
const baselinesJson = (
  JSON.parse(readFileSync(new URL('../../data/catalog/baselines.json', import.meta.url), 'utf8')) as {
    baselines: {
      item_code: string;
      region_code: string;
      effective_from: string;
      tiers: { tier: string; fine_min: number; fine_max: number }[];
    }[];
  }
).baselines;
const TIER_WORDS: Record<string, string> = {
  exempt: '不予处罚',
  mitigated: '减轻处罚',
  lenient: '从轻处罚',
  general: '一般处罚',
  severe: '从重处罚',
};
const inForce = (region: string) =>
  ['330000', `${region.slice(0, 4)}00`, region.slice(0, 6)].filter(
    (r, i, all) => all.indexOf(r) === i && region.startsWith(r.replace(/0+$/, '')),
  );

const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;
const zh = (n: number) => n.toLocaleString('zh-CN', { maximumFractionDigits: 2 });

async function one(store: Store, q: string): Promise<number> {
  const [r] = await store.query<{ v: number | null }>(q);
  return round(Number(r?.v ?? 0));
}
async function rows(store: Store, q: string): Promise<[string, number][]> {
  return (await store.query<{ label: string; v: number }>(q)).map((r) => [String(r.label), round(Number(r.v))]);
}

/** Why an answer fails an expectation, or null. */
async function judge(store: Store, a: Answer | undefined, e: Expect, caller: Caller): Promise<string | null> {
  if (!a) return 'no answer';
  const table = a.table?.rows ?? [];
  if ('v' in e) {
    if (a.kind !== 'data') return `kind ${a.kind}: ${a.text}`;
    const want = await one(store, e.v);
    return table[0]?.v === want ? null : `v ${table[0]?.v} ≠ ${want}`;
  }
  if ('top' in e || 'rows' in e) {
    const want = await rows(store, 'top' in e ? e.top : e.rows);
    const got = table.map((r) => [String(r.label), round(Number(r.v))] as [string, number]);
    if ('top' in e)
      return JSON.stringify(got) === JSON.stringify(want)
        ? null
        : `rows ${JSON.stringify(got.slice(0, 3))}… ≠ ${JSON.stringify(want.slice(0, 3))}…`;
    const key = (xs: [string, number][]) => JSON.stringify([...xs].sort((x, y) => x[0].localeCompare(y[0])));
    return key(got) === key(want)
      ? null
      : `rows ${got.length} ≠ ${want.length}: ${JSON.stringify(got.slice(0, 2))} vs ${JSON.stringify(want.slice(0, 2))}`;
  }
  if ('compare' in e) {
    const [cur, prev] = [await one(store, e.compare[0]), await one(store, e.compare[1])];
    const r = table[0];
    const change = prev ? round(((cur - prev) / prev) * 100, 1) : null;
    return r?.v === cur && r?.previous === prev && (r?.change ?? null) === change
      ? null
      : `compare ${JSON.stringify(r)} ≠ ${cur}/${prev}/${change}`;
  }
  if ('share' in e) {
    const [part, base] = [await one(store, e.share[0]), await one(store, e.share[1])];
    const r = table[0];
    const share = round((part / base) * 100, 1);
    return r?.v === part && r?.share === share && a.text.includes(`${zh(share)}%`)
      ? null
      : `share ${JSON.stringify(r)} ≠ ${part}/${base}=${share}`;
  }
  if ('cites' in e) {
    for (const [reg, n] of e.cites)
      if (!a.citations.some((c) => c.regulationId === reg && c.article === n)) return `does not cite ${reg} ${n}: ${a.text}`;
    return null;
  }
  if ('fine' in e) {
    const item = itemsJson.find((i) => i.code === e.fine)!;
    if (a.intent !== 'law.penalty') return `intent ${a.intent}`;
    if (item.fine_min === null) return null;
    return a.text.includes(`${zh(item.fine_min)}元至${zh(item.fine_max!)}元`)
      ? null
      : `no range ${item.fine_min}–${item.fine_max}: ${a.text.slice(0, 80)}`;
  }
  if ('exempt' in e) {
    const regions = inForce(caller.regionCode);
    const listed = exemptionsJson.some((x) => x.item_code === e.exempt && regions.includes(x.region_code));
    if (listed !== e.listed) return `question set says listed=${e.listed}, exemptions.json says ${listed}`;
    if (a.intent !== 'law.exemption') return `intent ${a.intent}`;
    const name = itemsJson.find((i) => i.code === e.exempt)!.name;
    if (!a.text.includes(`「${name}」`)) return `does not name ${name}: ${a.text.slice(0, 60)}`;
    const says = a.text.includes(`「${name}」列入`);
    return says === listed && a.citations.some((c) => c.regulationId === 'xingzheng-chufa-fa' && c.article === 33)
      ? null
      : `says listed=${says}: ${a.text.slice(0, 60)}`;
  }
  if ('lineItems' in e) {
    const n = itemsJson.filter((i) => i.line_code === e.lineItems).length;
    return a.intent === 'law.items' && table.length === n ? null : `${a.intent} rows ${table.length} ≠ ${n}`;
  }
  if ('model' in e) {
    const m = MODELS.find((x) => x.code === e.model)!;
    const cited =
      m.basis.article === undefined || a.citations.some((c) => c.regulationId === m.basis.regulationId && c.article === m.basis.article);
    return a.intent === 'platform.model' && a.records.some((r) => r.id === e.model) && cited ? null : `${a.intent}: ${a.text.slice(0, 60)}`;
  }
  if ('models' in e) return a.intent === 'platform.model' && table.length === MODELS.length ? null : `${a.intent} rows ${table.length}`;
  if ('navigator' in e) {
    const { item, region, tier, review } = e.navigator;
    if (a.intent !== 'navigator.assess') return `intent ${a.intent}: ${a.text.slice(0, 60)}`;
    if (!a.records.some((r) => r.kind === 'item' && r.id === item)) return `item ${a.records.map((r) => r.id).join(',')} ≠ ${item}`;
    const regionName = (await store.query<{ name: string }>('SELECT name FROM regions WHERE code = $1', [region]))[0]?.name;
    if (!regionName || !a.understood.some((u) => u === `案件所在区划：${regionName}`))
      return `region ≠ ${regionName}: ${a.understood.join(' ')}`;
    if (tier === 'exempt') {
      if (!a.text.includes(`“${TIER_WORDS.exempt}”`)) return `not exempt: ${a.text.slice(0, 80)}`;
      if (!a.citations.some((c) => c.regulationId === 'xingzheng-chufa-fa' && c.article === 33)) return 'does not cite 行政处罚法 33';
    } else {
      // The most local baseline in force for the item: the county's, else the city's, else the province's.
      const governing = [region, `${region.slice(0, 4)}00`, '330000']
        .map((code) => baselinesJson.filter((b) => b.item_code === item && b.region_code === code && b.effective_from <= AS_OF_ISO))
        .find((bs) => bs.length)
        ?.sort((x, y) => (x.effective_from < y.effective_from ? 1 : -1))[0];
      const t = governing?.tiers.find((x) => x.tier === tier);
      if (!t) return `baselines.json has no ${tier} tier for ${item} in ${region}`;
      const want = `“${TIER_WORDS[tier]}”档次（${zh(t.fine_min)}元至${zh(t.fine_max)}元）`;
      if (!a.text.includes(want)) return `no ${want}: ${a.text.slice(0, 120)}`;
    }
    if (review !== undefined && !a.text.includes(review ? '建议复核' : '无需复核')) return `review ≠ ${review}: ${a.text}`;
    return null;
  }
  if ('exemptionList' in e) {
    const regions = inForce(caller.regionCode);
    const n = exemptionsJson.filter((x) => regions.includes(x.region_code)).length;
    return a.intent === 'platform.exemption_list' && table.length === n ? null : `${a.intent} rows ${table.length} ≠ ${n}`;
  }
  if ('notHeld' in e) return a.kind === 'not_held' && a.citations.length === 0 ? null : `kind ${a.kind}: ${a.text.slice(0, 60)}`;
  if ('refused' in e)
    return a.kind === 'refused' && a.queries.length === 0 && a.figures.length === 0 ? null : `kind ${a.kind}: ${a.text.slice(0, 60)}`;
  if ('unsupported' in e)
    return a.kind === 'unsupported' && (a.examples?.length ?? 0) > 0 ? null : `kind ${a.kind}: ${a.text.slice(0, 60)}`;
  return 'unknown expectation';
}

/** An invented article (cited or named in the text, not in the corpus as quoted) or a figure no query or text supports. */
export function invented(a: Answer, question: string): string | null {
  for (const c of a.citations) {
    const real = corpus.get(`${c.regulationId}#${c.article}`);
    if (!real || real.text !== c.text || real.label !== c.label) return `citation ${c.regulationTitle}${c.label} is not the corpus text`;
  }
  for (const m of a.text.matchAll(/《([^》]+)》(第[零〇一二两三四五六七八九十百千]+条)/g)) {
    const id = titles.get(m[1]);
    if (id && ![...corpus.values()].some((x) => x.regulation_id === id && x.label.replace(/條$/, '条') === m[2]))
      return `names ${m[0]}, which the corpus lacks`;
  }
  const allowed = new Set<number>([
    ...a.figures.map((f) => round(f)),
    ...numbersIn(question),
    ...a.citations.flatMap((c) => numbersIn(c.text)),
    ...a.understood.flatMap(numbersIn),
    ...a.records.flatMap((r) => numbersIn(`${r.id} ${r.label}`)),
    ...(a.table?.rows ?? []).flatMap((r) =>
      Object.values(r).flatMap((v) => (typeof v === 'number' ? [round(v)] : numbersIn(String(v ?? '')))),
    ),
  ]);
  for (const n of numbersIn(a.text)) if (!allowed.has(round(n)) && !allowed.has(n)) return `figure ${n} comes from no query or text`;
  return null;
}

export interface CaseResult {
  c: EvalCase;
  ok: boolean;
  problems: string[];
  inventions: string[];
}

export async function runEval(store: Store, cases: EvalCase[] = CASES): Promise<CaseResult[]> {
  const lex = await lexiconFor(store);
  const results: CaseResult[] = [];
  for (const c of cases) {
    const caller = CALLERS[c.asker ?? 'city'];
    let state: ConversationState = EMPTY_STATE;
    let answers: Answer[] = [];
    const inventions: string[] = [];
    for (const turn of c.turns) {
      const r = await answerMessage({ store, caller, lex, asOf: AS_OF_ISO }, turn, state);
      state = r.state;
      answers = r.answers;
      for (const a of answers) {
        const bad = invented(a, a.question);
        if (bad) inventions.push(`${turn} → ${bad}`);
      }
    }
    const problems: string[] = [];
    if (answers.length !== c.expect.length)
      problems.push(`${answers.length} answers (${answers.map((a) => a.intent).join(', ')}), expected ${c.expect.length}`);
    for (const [i, e] of c.expect.entries()) {
      const p = await judge(store, answers[i], e, caller);
      if (p) problems.push(`#${i + 1}: ${p}`);
    }
    results.push({ c, ok: problems.length === 0 && inventions.length === 0, problems, inventions });
  }
  return results;
}

async function main(): Promise<void> {
  const started = performance.now();
  const t = await openTestStore();
  try {
    await generateDemo(t.store, { scale: 'demo', seed: 1, asOf: DEMO_AS_OF });
    await runModels(t.store, MODELS, { asOf: AS_OF_ISO, trigger: 'batch' });
    const prepared = performance.now();
    const results = await runEval(t.store);
    const byCategory = new Map<string, CaseResult[]>();
    for (const r of results) byCategory.set(r.c.category, [...(byCategory.get(r.c.category) ?? []), r]);
    const questions = results.reduce((n, r) => n + r.c.turns.length, 0);
    const out = (s: string) => process.stdout.write(`${s}\n`);
    out(`AI助手问题集：${results.length} 组，${questions} 个提问（演示数据 scale=demo seed=1，截至 ${AS_OF_ISO}）`);
    for (const [category, rs] of byCategory) {
      const ok = rs.filter((r) => r.ok).length;
      out(
        `  ${category.padEnd(10, '　')} ${String(ok).padStart(3)} / ${String(rs.length).padEnd(3)} ${((ok / rs.length) * 100).toFixed(1).padStart(5)}%`,
      );
    }
    const failed = results.filter((r) => !r.ok);
    for (const r of failed)
      out(`✗ [${r.c.category}] ${r.c.turns.join(' ⏎ ')}\n    ${[...r.problems, ...r.inventions.map((x) => `编造：${x}`)].join('\n    ')}`);
    const score = (results.length - failed.length) / results.length;
    const inventions = results.reduce((n, r) => n + r.inventions.length, 0);
    out(`正确 ${results.length - failed.length} / ${results.length}（${(score * 100).toFixed(1)}%），编造的条文或数字：${inventions}`);
    out(`用时：准备 ${((prepared - started) / 1000).toFixed(1)} s，提问 ${((performance.now() - prepared) / 1000).toFixed(1)} s`);
    if (score < MIN_SCORE || inventions > 0) {
      out(`未达标：正确率须不低于 ${MIN_SCORE * 100}%，且不得编造条文或数字`);
      process.exitCode = 1;
    }
  } finally {
    await t.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
