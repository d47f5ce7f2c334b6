// Step 3a: the slots of one question — regions (exact, short, or mistyped and found by pinyin), period
// and comparison, lines, agencies, items (synonyms, names, BM25), a regulation and article, measures
// and their qualifiers, the grouping, the ranking, a model, a clue number, an entity or officer named.
// Pure reading over the lexicon: nothing here touches the store.
import { distance } from 'fastest-levenshtein';
import { readTime, type Comparison, type Period } from './time.ts';
import { toPinyin, type Lexicon } from './lexicon.ts';
import { MEASURE_WORDS, type Measure, type Qualifier } from './measures.ts';
import { DIMENSIONS, type DimensionKey } from './dimensions.ts';
import { parseChineseNumber } from './normalize.ts';

export interface RegionHit {
  code: string;
  /** As written (杭洲); the region's own name is in the lexicon. */
  text: string;
  fuzzy: boolean;
}

export interface RegulationRef {
  /** A regulation of the corpus, or null when the name is not one (刑法). */
  id: string | null;
  name: string;
  article: number | null;
}

export interface Reading {
  text: string;
  regions: RegionHit[];
  period: Period | null;
  comparison: Comparison | null;
  lines: string[];
  agencies: string[];
  /** Item codes, and the words that named them. */
  items: string[];
  itemWords: string[];
  /** Extra articles the synonym entries name. */
  synonymArticles: { regulation_id: string; article: number }[];
  regulation: RegulationRef | null;
  measures: Measure[];
  qualifierWords: string[];
  group: DimensionKey | null;
  limit: number | null;
  order: 'desc' | 'asc' | null;
  share: boolean;
  model: string | null;
  clueId: string | null;
  /** Candidate entity names (the longest first) and officer names, looked up later in the store. */
  entityNames: string[];
  officerNames: string[];
  /** What no slot explains (filler words dropped): a follow-up such as “那宁波呢” leaves nothing. */
  rest: string;
}

/** Finds words of a dictionary in the text, longest first, each span used once. Returns [word, value, index]. */
export function findWords<V>(text: string, dict: Map<string, V>, taken: boolean[]): [string, V, number][] {
  const words = [...dict.keys()].filter((w) => text.includes(w)).sort((a, b) => b.length - a.length);
  const found: [string, V, number][] = [];
  for (const w of words) {
    let from = 0;
    for (;;) {
      const i = text.indexOf(w, from);
      if (i < 0) break;
      from = i + 1;
      if (taken.slice(i, i + w.length).some(Boolean)) continue;
      for (let k = i; k < i + w.length; k++) taken[k] = true;
      found.push([w, dict.get(w)!, i]);
    }
  }
  return found.sort((a, b) => a[2] - b[2]);
}

const CJK = /[\u4e00-\u9fff]/;
/** Words before 模型 that name the library itself (监督模型), not part of one model's name (实施许可或监督检查收费). */
const LIBRARY_WORDS = new Set(['监督']);

/**
 * Mistyped region names: a run of two or three characters that jieba does not know as a word, sounds
 * like a region name (same toneless pinyin, or one letter off) and shares a character with it in the
 * same place: 杭洲 → 杭州, 宁坡 → 宁波, 肖山 → 萧山. A real word (商城) is never taken for 上城.
 */
function fuzzyRegions(text: string, lex: Lexicon, taken: boolean[]): RegionHit[] {
  const hits: RegionHit[] = [];
  for (let i = 0; i < text.length; i++) {
    for (const len of [3, 2]) {
      const w = text.slice(i, i + len);
      if (w.length < len || ![...w].every((c) => CJK.test(c)) || taken.slice(i, i + len).some(Boolean)) continue;
      if (lex.segmenter.cut(w).length === 1) continue; // a known word
      const py = toPinyin(w);
      let codes = lex.regionPinyin.get(py) ?? [];
      if (!codes.length && /[市区县]/.test(text[i + len] ?? '')) {
        // One letter off, and a region word right after: 宁坡市.
        for (const [key, list] of lex.regionPinyin)
          if (Math.abs(key.length - py.length) <= 1 && distance(key, py) === 1) codes = [...codes, ...list];
      }
      const name = (code: string) => lex.regions.get(code)!.name;
      codes = codes.filter((c) => [...w].some((ch, k) => name(c)[k] === ch));
      if (codes.length === 1) {
        for (let k = i; k < i + len; k++) taken[k] = true;
        hits.push({ code: codes[0], text: w, fuzzy: true });
        break;
      }
    }
  }
  return hits;
}

// 第三十三条, 33条 — but not 哪一条.
const ARTICLE = /第\s*(\d+|[零〇一二两三四五六七八九十百千]+)\s*条|(\d+)\s*条/;

function readRegulation(text: string, lex: Lexicon, taken: boolean[]): RegulationRef | null {
  const found = findWords(text, lex.regulationWords, taken);
  const article = (from: number): number | null => {
    const m = ARTICLE.exec(text.slice(from));
    return m ? parseChineseNumber(m[1] ?? m[2]) : null;
  };
  // 治安管理处罚法 holds 处罚法: a short alias right after other characters is part of another law's name.
  const glued = found.find(
    ([w, , at]) => w.length <= 3 && at > 0 && CJK.test(text[at - 1]) && !/[问的看查按据照和与及是请反在了依]/.test(text[at - 1]),
  );
  if (glued) {
    const [w, , at] = glued;
    const head = /[\u4e00-\u9fff]{1,8}$/.exec(text.slice(0, at))![0].replace(/^.*[问的看查按据照和与及是请反在了依]/, '');
    return { id: null, name: head + w, article: article(at + w.length) };
  }
  if (found.length) {
    const [word, id, at] = found[0];
    return { id, name: lex.regulations.get(id)!.title, article: article(at + word.length) };
  }
  // A law the corpus does not hold, named as laws are: 《刑法》第二十条, 治安管理处罚法第二十三条.
  const named =
    /《([^》]{2,30})》|([\u4e00-\u9fff]{1,16}?(?:法|条例|办法|规定|细则))(?=第?\s*[\d零〇一二两三四五六七八九十百千]+\s*条)/.exec(text);
  if (named) {
    const name = named[1] ?? named[2];
    const known = lex.regulationWords.get(name);
    return { id: known ?? null, name: known ? lex.regulations.get(known)!.title : name, article: article(named.index + named[0].length) };
  }
  const m = /(?:^|[^\d])第\s*(\d+|[零〇一二两三四五六七八九十百千]+)\s*条/.exec(text);
  if (m) return { id: null, name: '', article: parseChineseNumber(m[1]) };
  return null;
}

function readLimit(text: string): { limit: number | null; order: 'desc' | 'asc' | null } {
  const asc = /最少|最低|倒数|最小|垫底/.test(text);
  const desc = /最多|最高|最大|前\d+|排名|排行|[Tt][Oo][Pp]\s*\d+|领先|靠前|哪个.{0,6}多|谁.{0,4}多/.test(text);
  const m =
    /(?:前|[Tt][Oo][Pp]|倒数|最多的?|最少的?|最高的?|最低的?)\s*(\d+)|(\d+)\s*(?:个|名|家|项|位|条)(?:事项|企业|部门|单位|地区|人)?(?:最多|最少|排名)?/.exec(
      text,
    );
  const n = m ? Number(m[1] ?? m[2]) : null;
  // 排名 without a number lists every group; 最多 without one, the first ten.
  const all = /排名|排行/.test(text) && !/最多|最少|最高|最低/.test(text);
  if (asc) return { limit: n ?? (all ? null : 10), order: 'asc' };
  if (desc) return { limit: n ?? (all ? null : 10), order: 'desc' };
  return { limit: n && /前|[Tt][Oo][Pp]/.test(m![0]) ? n : null, order: null };
}

export function readQuestion(text: string, lex: Lexicon, asOf: string): Reading {
  const taken = new Array<boolean>(text.length).fill(false);
  const mark = (word: string) => {
    let from = 0;
    for (;;) {
      const i = text.indexOf(word, from);
      if (i < 0) return;
      for (let k = i; k < i + word.length; k++) taken[k] = true;
      from = i + word.length;
    }
  };
  const clue = /CL-[0-9a-f]{16}/i.exec(text);
  if (clue) mark(clue[0]);
  const time = readTime(text, asOf);
  for (const s of time.spans) mark(s);
  const regulation = readRegulation(text, lex, taken);
  const synonymHits = findWords(text, lex.itemWords, taken);
  const items = [...new Set(synonymHits.flatMap(([, s]) => s.items))];
  // Agencies named in full, before their regions and lines are read as such.
  const agencies = findWords(text, lex.agencyNames, taken).map(([, id]) => id);
  const exact = findWords(text, lex.regionNames, taken).map(([w, codes]): RegionHit => ({ code: codes[0], text: w, fuzzy: false }));
  const lineHits = findWords(text, lex.lineWords, taken);
  const regions = [...exact, ...fuzzyRegions(text, lex, taken)];
  // 西湖区市场监管局: a region and a line followed by 局/大队 name that region's agency of the line.
  for (const [w, line, at] of lineHits) {
    const after = text.slice(at + w.length, at + w.length + 3);
    if (!/^(局|大队|支队|部门|分局)/.test(after) && !/(局|大队|支队)$/.test(w)) continue;
    const region = regions.find((r) => lex.regions.get(r.code)!.level !== 'province');
    if (!region) continue;
    const agency = [...lex.agencies.values()].find((a) => a.region_code === region.code && a.line_code === line);
    if (agency) agencies.push(agency.id);
  }
  // The longest model name the text holds: 同一部门重复检查 before 重复检查.
  const modelHit = lex.models
    .map((m) => ({
      m,
      name: [m.code, m.name, m.name.replace(/（.*?）/g, '')].filter((n) => text.includes(n)).sort((a, b) => b.length - a.length)[0] ?? '',
    }))
    .filter((x) => x.name)
    .sort((a, b) => b.name.length - a.name.length)[0];
  // A model called by part of its name (重复检查模型: 多头重复检查 and 同一部门重复检查 both hold it): the
  // longest tail of the words before 模型 that some name holds, and of the names holding it the one
  // it covers most (the shortest).
  let model = modelHit ? { code: modelHit.m.code, span: modelHit.name } : null;
  const before = !model && /([\u4e00-\u9fff]{2,12})模型/.exec(text);
  if (before) {
    const tail = [...before[1]]
      .map((_, k) => before[1].slice(k))
      .find((t) => t.length >= 2 && !LIBRARY_WORDS.has(t) && lex.models.some((m) => m.name.includes(t)));
    const [best] = tail ? lex.models.filter((m) => m.name.includes(tail)).sort((a, b) => a.name.length - b.name.length) : [];
    if (best) model = { code: best.code, span: tail! };
  }
  if (model && /模型/.test(text)) mark(model.span);
  const measures: Measure[] = [];
  const measureTaken = [...taken];
  for (const [w, m] of MEASURE_WORDS) {
    const i = text.indexOf(w);
    if (i < 0 || measureTaken.slice(i, i + w.length).some(Boolean)) continue;
    for (let k = i; k < i + w.length; k++) measureTaken[k] = true;
    if (!measures.includes(m)) measures.push(m);
  }
  // 缴纳了多少罚没款: the payments, not the fines decided.
  if (measures.some((m) => m.key === 'payments')) measures.splice(0, measures.length, ...measures.filter((m) => m.key !== 'fines'));
  const qualifierWords = measures.flatMap((m) => m.qualifiers.flatMap((q) => q.words.filter((w) => text.includes(w))));
  const group = DIMENSIONS.find((d) => d.patterns.some((p) => p.test(text)))?.key ?? null;
  const { limit, order } = readLimit(text);

  const entityRun =
    /([\u4e00-\u9fff()（）]{2,30}?(?:有限责任公司|股份有限公司|有限公司|公司|商行|超市|酒店|饭店|餐厅|面馆|店|馆|厂|合作社|代办点|经营部|门市部|工作室|中心))/.exec(
      text,
    );
  const entityNames = entityRun ? [...entityRun[1]].map((_, k) => entityRun[1].slice(k)).filter((s) => s.length >= 4) : [];
  const officerNames = [
    ...[...text.matchAll(/执法(?:人)?员\s*([\u4e00-\u9fff]{2,3})/g)].map((x) => x[1]),
    ...[...text.matchAll(/([\u4e00-\u9fff]{2,3})(?:这名|这个|这位)?执法(?:人)?员/g)].map((x) => x[1]),
  ].filter((n) => !/^(哪个|哪位|哪些|哪名|各|每个|每位|按|的|多少|有多少|全部|所有)/.test(n));
  let rest = [...text].filter((_, k) => !measureTaken[k]).join('');
  for (const d of DIMENSIONS) for (const p of d.patterns) rest = rest.replace(new RegExp(p.source, 'g'), '');
  rest = rest
    .replace(/前\d+|\d+个?|排名|排行|最多|最少|占比|比例|同比|环比/g, '')
    .replace(/[那么呢的看一下再只仅按换成改成是多少情况数据怎样如何吧了呀啊哪个哪些有个和与及还]/g, '')
    .replace(/[^\p{L}\p{N}]/gu, '');
  for (const w of qualifierWords) rest = rest.replace(w, '');
  return {
    rest,
    text,
    regions,
    period: time.period,
    comparison: time.comparison,
    lines: [...new Set(lineHits.map(([, l]) => l))],
    agencies: [...new Set(agencies)],
    items,
    itemWords: synonymHits.map(([w]) => w),
    synonymArticles: synonymHits.flatMap(([, s]) => s.articles),
    regulation,
    measures,
    qualifierWords,
    group,
    limit,
    order,
    share: /占比|比例|比重|占.{0,12}(多少|百分之|几成)|百分比|率(是|为|有)?多少/.test(text),
    model: model?.code ?? null,
    clueId: clue ? clue[0].replace(/^cl/i, 'CL').toLowerCase().replace(/^cl/, 'CL') : null,
    entityNames,
    officerNames,
  };
}

/** The qualifiers of a measure that the reading named. */
export function qualifiersFor(m: Measure, words: string[]): Qualifier[] {
  return m.qualifiers.filter((q) => q.words.some((w) => words.includes(w)));
}
