// What the navigator reads of the catalog, from the store's reference tables (so an edited or imported
// catalog is what it explains): items, regulations and their articles verbatim, every baseline with its
// tiers, the exemption list, region and line names, and the everyday words of items. Loaded once per
// real-time state: a catalog load that changes a table drops that state (src/catalog/load-reference.ts),
// and the navigator's view goes with it.
import type { Store } from '../store/store.ts';
import { BaselineBook, type BaselineRecord } from '../catalog/discretion.ts';
import type { Exemption, Item, TierName } from '../catalog/types.ts';
import { realtimeState, type RealtimeState } from '../models/realtime/state.ts';
import { segmenter, type Segmenter } from '../text/segment.ts';
import type { ArticleRef } from './schema.ts';
import { shippedSynonyms, wordsByItem } from '../catalog/synonyms.ts';

export interface RegulationRow {
  id: string;
  title: string;
  status: string;
}

export interface NavReference {
  items: Map<string, Item>;
  /** Penalty items: the ones the navigator assesses. */
  penaltyItems: Item[];
  regulations: Map<string, RegulationRow>;
  /** `regulation#number` → label and verbatim text. */
  articles: Map<string, { label: string; text: string | null }>;
  book: BaselineBook<BaselineRecord>;
  exemptions: Exemption[];
  regionNames: Map<string, string>;
  lineNames: Map<string, string>;
  /** Penalty item code → its everyday words (data/catalog/synonyms.json). */
  synonyms: Map<string, string[]>;
  /** The shared segmenter, with item names and everyday words kept whole. */
  seg: Segmenter;
}

/** A citation of one article (or of a regulation whose text is not held), its text verbatim when held. */
export function articleRef(ref: NavReference, regulationId: string, number: number | null): ArticleRef {
  const reg = ref.regulations.get(regulationId);
  const title = reg?.title ?? regulationId;
  const a = number === null ? undefined : ref.articles.get(`${regulationId}#${number}`);
  const held = !!a?.text;
  return {
    regulationId,
    title,
    number,
    label: a?.label ?? null,
    text: a?.text ?? null,
    held,
    citation: a ? `《${title}》${a.label}` : `《${title}》（条文未收录）`,
  };
}

async function load(store: Store): Promise<NavReference> {
  const items = await store.query<Item>(
    `SELECT code, name, kind, line_code, basis_regulation_id, basis_article, penalty_regulation_id, penalty_article,
       fine_min, fine_max, fine_note, time_limit_days FROM items ORDER BY code`,
  );
  for (const i of items) {
    i.fine_min = i.fine_min === null ? null : Number(i.fine_min);
    i.fine_max = i.fine_max === null ? null : Number(i.fine_max);
  }
  const regulations = await store.query<RegulationRow>('SELECT id, title, status FROM regulations');
  const articles = await store.query<{ regulation_id: string; number: number; label: string; text: string | null }>(
    'SELECT regulation_id, number, label, text FROM articles',
  );
  const tiers = await store.query<{
    id: string;
    item_code: string;
    region_code: string;
    title: string;
    effective_from: string;
    tier: TierName | null;
    fine_min: number | null;
    fine_max: number | null;
    conditions: string | null;
  }>(`SELECT b.id, b.item_code, b.region_code, b.title, CAST(b.effective_from AS VARCHAR) AS effective_from,
        t.tier, t.fine_min, t.fine_max, t.conditions
      FROM baselines b LEFT JOIN baseline_tiers t ON t.baseline_id = b.id`);
  const baselines = new Map<string, BaselineRecord & { tiers: BaselineRecord['tiers'][number][] }>();
  for (const r of tiers) {
    let b = baselines.get(r.id);
    if (!b)
      baselines.set(
        r.id,
        (b = { id: r.id, item_code: r.item_code, region_code: r.region_code, title: r.title, effective_from: r.effective_from, tiers: [] }),
      );
    if (r.tier !== null)
      b.tiers.push({ tier: r.tier, fine_min: Number(r.fine_min), fine_max: Number(r.fine_max), conditions: r.conditions ?? '' });
  }
  const exemptions = await store.query<Exemption>(
    'SELECT id, item_code, region_code, domain, conditions, basis_regulation_id, basis_article, list_regulation_id FROM exemptions ORDER BY id',
  );
  const regions = await store.query<{ code: string; name: string }>('SELECT code, name FROM regions');
  const lines = await store.query<{ code: string; name: string }>('SELECT code, name FROM lines');
  const penaltyItems = items.filter((i) => i.kind === 'penalty');
  const penaltyCodes = new Set(penaltyItems.map((i) => i.code));
  // A store with another catalog (tests, an edited import) keeps only the words of items it holds.
  const synonyms = new Map([...wordsByItem(shippedSynonyms())].filter(([code]) => penaltyCodes.has(code)));
  const seg = segmenter();
  seg.addWords([...penaltyItems.map((i) => i.name), ...[...synonyms.values()].flat()]);
  return {
    items: new Map(items.map((i) => [i.code, i])),
    penaltyItems,
    regulations: new Map(regulations.map((r) => [r.id, r])),
    articles: new Map(articles.map((a) => [`${a.regulation_id}#${a.number}`, { label: a.label, text: a.text }])),
    book: new BaselineBook(baselines.values()),
    exemptions,
    regionNames: new Map(regions.map((r) => [r.code, r.name])),
    lineNames: new Map(lines.map((l) => [l.code, l.name])),
    synonyms,
    seg,
  };
}

const views = new WeakMap<RealtimeState, Promise<NavReference>>();

/** The navigator's view of the store's catalog, loaded on first use after a start or a catalog change. */
export function navReference(store: Store): Promise<NavReference> {
  const state = realtimeState(store);
  let view = views.get(state);
  if (!view) {
    view = load(store);
    views.set(state, view);
    view.catch(() => views.delete(state));
  }
  return view;
}
