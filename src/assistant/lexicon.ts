// What the assistant knows the names of: regions (with short and mistyped forms), lines, agencies,
// items and inspection items, regulations, the synonym list and the model library, read from the store
// (the catalog tables are the truth the queries run against) and data/catalog/synonyms.json. The names
// are added to the shared segmenter so that jieba keeps them whole. Built once per store and kept for
// LEXICON_TTL_MS: reference data changes by import, rarely, and a rebuild takes tens of milliseconds.
import { pinyin } from 'pinyin-pro';
import type { Store } from '../store/store.ts';
import { readCatalog } from '../catalog/read-catalog.ts';
import { shippedSynonyms, type ItemSynonym, type Synonyms } from '../catalog/synonyms.ts';
import type { Catalog, Item, RegulationStatus } from '../catalog/types.ts';
import { segmenter, type Segmenter } from '../text/segment.ts';
import { Bm25Index } from '../text/bm25.ts';
import { MODELS } from '../models/library/index.ts';
import type { ModelDefinition } from '../models/model.ts';
import type { RegionLevel } from '../domain/region.ts';

export const LEXICON_TTL_MS = 5 * 60_000;

export interface RegionName {
  code: string;
  name: string;
  level: RegionLevel;
  parent: string | null;
}

/** An item as the store holds it: the catalog's Item without its catalog-only fields. */
export type ItemRow = Omit<Item, 'serious_from'>;

export interface RegulationRow {
  id: string;
  title: string;
  status: RegulationStatus;
  articles: number;
}

export interface AgencyRow {
  id: string;
  name: string;
  line_code: string;
  region_code: string;
}

export interface Lexicon {
  regions: Map<string, RegionName>;
  /** Full and short names (杭州市, 杭州) → region codes. */
  regionNames: Map<string, string[]>;
  /** Toneless pinyin of full and short names (hangzhou) → region codes: 杭洲 finds 杭州. */
  regionPinyin: Map<string, string[]>;
  lines: Map<string, string>;
  /** Line names, departments and synonyms → line code. */
  lineWords: Map<string, string>;
  agencies: Map<string, AgencyRow>;
  /** Agency names, with and without the city in front → agency id. */
  agencyNames: Map<string, string>;
  items: Map<string, ItemRow>;
  inspectionItems: Map<string, { code: string; name: string; item_code: string; line_code: string }>;
  /** Synonym terms and aliases, and item names → the synonym entry (an item name stands for itself). */
  itemWords: Map<string, ItemSynonym>;
  itemIndex: Bm25Index<string>;
  regulations: Map<string, RegulationRow>;
  /** Titles, titles without 中华人民共和国, and synonyms → regulation id. */
  regulationWords: Map<string, string>;
  /** Every article of the store: 'regulation#number' → label and verbatim text (null: not in the corpus). */
  articles: Map<string, { label: string; text: string | null }>;
  /** BM25 over the articles' text, for questions about the law that name no item. */
  articleIndex: Bm25Index<string>;
  models: readonly ModelDefinition[];
  modelIndex: Bm25Index<string>;
  segmenter: Segmenter;
  synonyms: Synonyms;
}

/** Short forms that are everyday words first (天台 is a roof before it is 天台县): matched only in full. */
const AMBIGUOUS_SHORT = new Set(['天台', '江山', '普陀', '永康', '开化']);

export const toPinyin = (text: string): string => pinyin(text, { toneType: 'none', type: 'array' }).join('');

/** The short form of a region name: 杭州市 → 杭州, 萧山区 → 萧山; none when less than two characters remain. */
export function shortName(name: string): string | null {
  const s = name.replace(/(省|市|区|县|街道|镇|乡)$/, '');
  return s.length >= 2 && s !== name ? s : null;
}

let shippedCatalog: Catalog | undefined;

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
};

async function build(store: Store): Promise<Lexicon> {
  const syn = shippedSynonyms();
  const seg = segmenter();
  const regions = new Map<string, RegionName>();
  const regionNames = new Map<string, string[]>();
  const regionPinyin = new Map<string, string[]>();
  const regionRows = await store.query<{ code: string; name: string; level: RegionLevel; parent_code: string | null; is_demo: boolean }>(
    'SELECT code, name, level, parent_code, is_demo FROM regions ORDER BY code',
  );
  for (const r of regionRows) {
    regions.set(r.code, { code: r.code, name: r.name, level: r.level, parent: r.parent_code });
    push(regionNames, r.name, r.code);
    if (r.level === 'township') continue; // composed demo names: matched in full only
    const short = shortName(r.name);
    if (short && !AMBIGUOUS_SHORT.has(short)) push(regionNames, short, r.code);
    push(regionPinyin, toPinyin(r.name), r.code);
    if (short) push(regionPinyin, toPinyin(short), r.code);
  }

  const lines = new Map<string, string>();
  const lineWords = new Map<string, string>();
  for (const l of await store.query<{ code: string; name: string }>('SELECT code, name FROM lines ORDER BY code')) {
    lines.set(l.code, l.name);
    lineWords.set(l.name, l.code);
  }
  shippedCatalog ??= readCatalog();
  for (const l of shippedCatalog.lines) if (lines.has(l.code) && !lineWords.has(l.department)) lineWords.set(l.department, l.code);
  for (const s of syn.lines) if (lines.has(s.line)) for (const w of s.aliases) lineWords.set(w, s.line);

  const agencies = new Map<string, AgencyRow>();
  const agencyNames = new Map<string, string>();
  for (const a of await store.query<AgencyRow>('SELECT id, name, line_code, region_code FROM agencies ORDER BY id')) {
    agencies.set(a.id, a);
    agencyNames.set(a.name, a.id);
    const withoutCity = a.name.replace(/^[^省市]{2,4}市(?=.{2,}(区|县|市))/, '');
    if (withoutCity !== a.name && !agencyNames.has(withoutCity)) agencyNames.set(withoutCity, a.id);
  }

  const items = new Map<string, ItemRow>();
  const itemIndex = new Bm25Index<string>();
  for (const it of await store.query<ItemRow>('SELECT * FROM items ORDER BY code')) {
    items.set(it.code, {
      ...it,
      fine_min: it.fine_min === null ? null : Number(it.fine_min),
      fine_max: it.fine_max === null ? null : Number(it.fine_max),
    });
    itemIndex.add(it.code, seg.terms(it.name));
  }
  const itemWords = new Map<string, ItemSynonym>();
  for (const s of syn.items) {
    if (!s.items.every((c) => items.has(c))) continue; // a store with another catalog (tests): skip what it lacks
    for (const w of [s.term, ...s.aliases]) itemWords.set(w, s);
  }
  const inspectionItems = new Map<string, { code: string; name: string; item_code: string; line_code: string }>();
  for (const ii of await store.query<{ code: string; name: string; item_code: string; line_code: string }>(
    'SELECT code, name, item_code, line_code FROM inspection_items ORDER BY code',
  ))
    inspectionItems.set(ii.code, ii);

  const regulations = new Map<string, RegulationRow>();
  const regulationWords = new Map<string, string>();
  for (const r of await store.query<{ id: string; title: string; status: RegulationRow['status']; n: number }>(
    'SELECT r.id, r.title, r.status, (SELECT count(*) FROM articles a WHERE a.regulation_id = r.id) AS n FROM regulations r ORDER BY r.id',
  )) {
    regulations.set(r.id, { id: r.id, title: r.title, status: r.status, articles: Number(r.n) });
    regulationWords.set(r.title, r.id);
    const bare = r.title.replace(/^中华人民共和国/, '');
    if (bare !== r.title) regulationWords.set(bare, r.id);
  }
  for (const s of syn.regulations) if (regulations.has(s.regulation_id)) for (const w of s.aliases) regulationWords.set(w, s.regulation_id);

  const articles = new Map<string, { label: string; text: string | null }>();
  const articleIndex = new Bm25Index<string>();
  for (const a of await store.query<{ regulation_id: string; number: number; label: string; text: string | null }>(
    'SELECT regulation_id, number, label, text FROM articles ORDER BY regulation_id, number',
  )) {
    const key = `${a.regulation_id}#${Number(a.number)}`;
    articles.set(key, { label: a.label, text: a.text });
    if (a.text) articleIndex.add(key, seg.terms(a.text));
  }

  const modelIndex = new Bm25Index<string>();
  for (const m of MODELS) modelIndex.add(m.code, seg.terms(`${m.name} ${m.name} ${m.description}`));

  seg.addWords([...regionNames.keys(), ...lineWords.keys(), ...itemWords.keys(), ...regulationWords.keys()]);
  return {
    regions,
    regionNames,
    regionPinyin,
    lines,
    lineWords,
    agencies,
    agencyNames,
    items,
    inspectionItems,
    itemWords,
    itemIndex,
    regulations,
    regulationWords,
    articles,
    articleIndex,
    models: MODELS,
    modelIndex,
    segmenter: seg,
    synonyms: syn,
  };
}

const cache = new WeakMap<Store, { built: number; lexicon: Promise<Lexicon> }>();

/** The lexicon of a store, rebuilt when older than LEXICON_TTL_MS. */
export function lexiconFor(store: Store, now = Date.now()): Promise<Lexicon> {
  const hit = cache.get(store);
  if (hit && now - hit.built < LEXICON_TTL_MS) return hit.lexicon;
  const lexicon = build(store);
  cache.set(store, { built: now, lexicon });
  lexicon.catch(() => cache.delete(store));
  return lexicon;
}

/** Drops the cached lexicon (after reference data changed). */
export function invalidateLexicon(store: Store): void {
  cache.delete(store);
}
