// The synonym list (data/catalog/synonyms.json): the words staff use for enforcement items, lines and
// regulations, mapped to the catalog's codes. One loader for every capability that reads free text
// (the assistant, the navigator); checked against the catalog like the other files, so a synonym that
// names a missing item or an article the corpus does not hold fails loudly at load.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CatalogError, DEFAULT_DATA_DIR, readCatalog } from './read-catalog.ts';
import type { Catalog } from './types.ts';

export interface ArticleRef {
  regulation_id: string;
  article: number;
}

/** An everyday word for one or more enforcement items (无照经营 → MKT-P001). */
export interface ItemSynonym {
  term: string;
  aliases: string[];
  items: string[];
  /** Articles the behaviour concerns beyond the items' own basis and penalty articles. */
  articles: ArticleRef[];
}

export interface LineSynonym {
  line: string;
  aliases: string[];
}

export interface RegulationSynonym {
  regulation_id: string;
  aliases: string[];
}

export interface Synonyms {
  items: ItemSynonym[];
  lines: LineSynonym[];
  regulations: RegulationSynonym[];
}

const FILE = 'data/catalog/synonyms.json';

function words(where: string, v: unknown): string[] {
  if (!Array.isArray(v) || !v.every((w) => typeof w === 'string' && w.trim() !== '' && !/\s/.test(w))) {
    throw new CatalogError(FILE, where, 'expected a list of words without spaces');
  }
  return v as string[];
}

/** Reads and checks the synonym list against a catalog (its items, lines, regulations and articles). */
export function readSynonyms(catalog: Catalog, dir = DEFAULT_DATA_DIR): Synonyms {
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(readFileSync(join(dir, 'catalog', 'synonyms.json'), 'utf8')) as Record<string, unknown>;
  } catch (e) {
    throw new CatalogError(FILE, 'file', (e as Error).message);
  }
  const items = new Set(catalog.items.map((i) => i.code));
  const lines = new Set(catalog.lines.map((l) => l.code));
  const regulations = new Map(catalog.regulations.map((r) => [r.id, r]));
  const articles = new Set(catalog.articles.filter((a) => a.text !== null).map((a) => `${a.regulation_id}#${a.number}`));
  const list = (key: string): Record<string, unknown>[] => {
    const v = doc[key];
    if (!Array.isArray(v)) throw new CatalogError(FILE, key, 'expected an array');
    return v as Record<string, unknown>[];
  };
  const seen = new Map<string, string>();
  const claim = (word: string, owner: string, where: string) => {
    const prev = seen.get(word);
    if (prev && prev !== owner) throw new CatalogError(FILE, where, `"${word}" already stands for ${prev}`);
    seen.set(word, owner);
  };

  const itemSynonyms = list('items').map((r, i): ItemSynonym => {
    const where = `items[${i}]`;
    if (typeof r.term !== 'string' || !r.term.trim()) throw new CatalogError(FILE, `${where}.term`, 'expected a word');
    const codes = words(`${where}.items`, r.items);
    if (codes.length === 0) throw new CatalogError(FILE, `${where}.items`, 'names no item');
    for (const c of codes) if (!items.has(c)) throw new CatalogError(FILE, `${where}.items`, `unknown item "${c}"`);
    if (!Array.isArray(r.articles)) throw new CatalogError(FILE, `${where}.articles`, 'expected an array');
    const refs = (r.articles as Record<string, unknown>[]).map((a, j) => {
      const ref = { regulation_id: String(a.regulation_id), article: Number(a.article) };
      if (!articles.has(`${ref.regulation_id}#${ref.article}`)) {
        throw new CatalogError(FILE, `${where}.articles[${j}]`, `${ref.regulation_id} article ${ref.article} is not in data/law`);
      }
      return ref;
    });
    const aliases = words(`${where}.aliases`, r.aliases);
    for (const w of [r.term, ...aliases]) claim(w, `item ${r.term}`, where);
    return { term: r.term, aliases, items: codes, articles: refs };
  });

  const lineSynonyms = list('lines').map((r, i): LineSynonym => {
    const where = `lines[${i}]`;
    if (typeof r.line !== 'string' || !lines.has(r.line)) throw new CatalogError(FILE, `${where}.line`, `unknown line "${String(r.line)}"`);
    const aliases = words(`${where}.aliases`, r.aliases);
    for (const w of aliases) claim(w, `line ${r.line}`, where);
    return { line: r.line, aliases };
  });

  const regulationSynonyms = list('regulations').map((r, i): RegulationSynonym => {
    const where = `regulations[${i}]`;
    if (typeof r.regulation_id !== 'string' || !regulations.has(r.regulation_id)) {
      throw new CatalogError(FILE, `${where}.regulation_id`, `unknown regulation "${String(r.regulation_id)}"`);
    }
    const aliases = words(`${where}.aliases`, r.aliases);
    for (const w of aliases) claim(w, `regulation ${r.regulation_id}`, where);
    return { regulation_id: r.regulation_id, aliases };
  });

  return { items: itemSynonyms, lines: lineSynonyms, regulations: regulationSynonyms };
}

let shipped: Synonyms | undefined;

/** The shipped list, read and checked against the shipped catalog once per process. */
export function shippedSynonyms(): Synonyms {
  shipped ??= readSynonyms(readCatalog());
  return shipped;
}

/**
 * Item code → every word that names it (terms and aliases, in the file's order). A word of an entry
 * naming several items (乱倒垃圾: inside or outside the urban management area) names each of them.
 */
export function wordsByItem(synonyms: Synonyms): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const s of synonyms.items) {
    for (const code of s.items) {
      const list = out.get(code) ?? [];
      for (const w of [s.term, ...s.aliases]) if (!list.includes(w)) list.push(w);
      out.set(code, list);
    }
  }
  return out;
}
