// The reference catalog as the store holds it, so that the demo records name exactly the regions,
// items, inspection items, baselines, exemptions and whitelist entries in the store (an edited catalog
// included). The store loads the shipped catalog first when its reference tables are empty. Two facts
// live only in the shipped catalog (lines' department names and levels); a line the shipped catalog
// does not know gets its own name as department and all three levels.
import { loadReference, readCatalog } from '../catalog/load-reference.ts';
import type {
  Baseline,
  BaselineTier,
  Catalog,
  Exemption,
  InspectionItem,
  Item,
  Line,
  Region,
  ServiceWhitelistEntry,
} from '../catalog/types.ts';
import type { Store } from '../store/store.ts';

/** True when the reference tables hold no items or no regions (a fresh store). */
async function referenceEmpty(store: Store): Promise<boolean> {
  const [items] = await store.query<{ n: number }>('SELECT count(*) AS n FROM items');
  const [regions] = await store.query<{ n: number }>('SELECT count(*) AS n FROM regions WHERE is_demo = FALSE');
  return Number(items.n) === 0 || Number(regions.n) === 0;
}

export async function referenceCatalog(store: Store): Promise<Catalog> {
  const shipped = readCatalog();
  if (await referenceEmpty(store)) await loadReference(store, shipped);
  const shippedLines = new Map(shipped.lines.map((l) => [l.code, l]));

  const regions = await store.query<Region>(
    `SELECT code, name, parent_code, level FROM regions WHERE is_demo = FALSE AND level IN ('province', 'city', 'county')`,
  );
  const lines = (await store.query<{ code: string; name: string }>('SELECT code, name FROM lines ORDER BY code')).map((l): Line => {
    const s = shippedLines.get(l.code);
    return { code: l.code, name: l.name, department: s?.department ?? l.name, levels: s?.levels ?? ['province', 'city', 'county'] };
  });
  // Keep the shipped order of lines (it is the order agencies are generated in, hence their officer ids).
  const order = new Map(shipped.lines.map((l, i) => [l.code, i]));
  lines.sort((a, b) => (order.get(a.code) ?? 1e9) - (order.get(b.code) ?? 1e9) || (a.code < b.code ? -1 : 1));

  const items = await store.query<Item>(`SELECT code, name, kind, line_code, basis_regulation_id, basis_article, penalty_regulation_id,
    penalty_article, fine_min, fine_max, fine_note, time_limit_days FROM items`);
  const inspectionItems = await store.query<InspectionItem>(
    'SELECT code, item_code, name, line_code, region_code, max_per_year FROM inspection_items',
  );
  const tiers = await store.query<BaselineTier>('SELECT baseline_id, tier, fine_min, fine_max, conditions FROM baseline_tiers');
  const byBaseline = new Map<string, BaselineTier[]>();
  for (const t of tiers)
    byBaseline.set(t.baseline_id, [
      ...(byBaseline.get(t.baseline_id) ?? []),
      { ...t, fine_min: Number(t.fine_min), fine_max: Number(t.fine_max) },
    ]);
  const baselines = (
    await store.query<Omit<Baseline, 'tiers'>>('SELECT id, item_code, region_code, title, effective_from FROM baselines')
  ).map((b): Baseline => ({ ...b, tiers: byBaseline.get(b.id) ?? [] }));
  const exemptions =
    await store.query<Exemption>(`SELECT id, item_code, region_code, domain, conditions, basis_regulation_id, basis_article,
    list_regulation_id FROM exemptions`);
  const serviceWhitelist = await store.query<ServiceWhitelistEntry>('SELECT code, name, region_code, line_code FROM service_whitelist');

  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  // Sorted here, by code point, not by the engine's collation: the generator's output depends on the order.
  const by =
    <T>(key: (x: T) => string) =>
    (a: T, b: T) =>
      key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
  return {
    regions: regions.sort(by((r) => r.code)),
    lines,
    regulations: [],
    articles: [],
    items: items
      .map((i) => ({ ...i, fine_min: num(i.fine_min), fine_max: num(i.fine_max), time_limit_days: num(i.time_limit_days) }))
      .sort(by((i) => i.code)),
    inspectionItems: inspectionItems.map((x) => ({ ...x, max_per_year: Number(x.max_per_year) })).sort(by((x) => x.code)),
    baselines: baselines.sort(by((b) => b.id)),
    exemptions: exemptions.sort(by((x) => x.id)),
    serviceWhitelist: serviceWhitelist.sort(by((w) => w.code)),
  };
}
