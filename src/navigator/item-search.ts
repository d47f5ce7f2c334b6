// Finding the penalty item an officer means: by its code, its name, or the act in everyday words
// (乱倒垃圾, 无照经营, 占道经营). The everyday words are the one synonym list the assistant reads too
// (data/catalog/synonyms.json, loaded by src/catalog/synonyms.ts).
import type { Item } from '../catalog/types.ts';
import type { ItemMatch } from './schema.ts';

/** Character bigrams of a text, for a fuzzy match of a phrase that is no synonym word for word. */
function bigrams(s: string): Set<string> {
  const t = s.replace(/[\s，。、；：,.;:（）()“”"']/g, '');
  const out = new Set<string>();
  for (let i = 0; i < t.length - 1; i++) out.add(t.slice(i, i + 2));
  return out;
}

/** Dice's coefficient of two bigram sets. */
function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/**
 * Penalty items ranked for a query. Exact code 100, exact name 95, an everyday word said exactly 90, the
 * name or a word inside the query (a sentence that names the act) 60–80 by how much of the query it
 * covers (+5 for a word the item's name itself uses), the query inside a name or word 50–60, else character-bigram similarity (up to 45).
 */
export function searchItems(
  items: readonly Item[],
  synonyms: ReadonlyMap<string, readonly string[]>,
  lineNames: ReadonlyMap<string, string>,
  query: string,
  limit = 10,
): ItemMatch[] {
  const q = query.trim();
  if (!q) return [];
  const qb = bigrams(q);
  const out: ItemMatch[] = [];
  for (const item of items) {
    const candidates: [ItemMatch['matchedBy'], string][] = [
      ['name', item.name],
      ...(synonyms.get(item.code) ?? []).map((w) => ['synonym', w] as [ItemMatch['matchedBy'], string]),
    ];
    let best: { by: ItemMatch['matchedBy']; matched: string; score: number } = { by: 'similar', matched: '', score: 0 };
    const consider = (by: ItemMatch['matchedBy'], matched: string, score: number) => {
      if (score > best.score) best = { by, matched, score };
    };
    if (item.code.toUpperCase() === q.toUpperCase()) consider('code', item.code, 100);
    for (const [by, text] of candidates) {
      if (text === q) consider(by, text, by === 'name' ? 95 : 90);
      // A word inside the query: scored by how much of it the word covers; an everyday word the item's own
      // name uses (店外经营 for 超出门、窗进行店外经营) ranks it above the items that share the word only
      // through its synonym group (占道经营 covers 设摊 and 店外经营 alike).
      else if (q.includes(text))
        consider(by, text, 60 + 20 * (text.length / q.length) + (by === 'synonym' && item.name.includes(text) ? 5 : 0));
      else if (text.includes(q) && q.length >= 2) consider(by, text, 50 + 10 * (q.length / text.length));
      else {
        const d = dice(qb, bigrams(text));
        if (d >= 0.3) consider('similar', text, 45 * d);
      }
    }
    if (best.score > 0)
      out.push({
        code: item.code,
        name: item.name,
        lineName: lineNames.get(item.line_code) ?? item.line_code,
        matchedBy: best.by,
        matched: best.matched,
        score: Math.round(best.score * 10) / 10,
      });
  }
  out.sort((a, b) => b.score - a.score || (a.code < b.code ? -1 : 1));
  return out.slice(0, limit);
}
