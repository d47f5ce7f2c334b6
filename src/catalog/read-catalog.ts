// Reads the shipped reference data (data/law, data/regions, data/catalog) into memory and checks it:
// every field's type, every code's uniqueness, and every cross-reference (an item's article exists, a
// baseline tier lies inside its item's statutory range, …). A bad file fails loudly with the file, the
// record and the field, so a broken edit never reaches a store. Nothing here reads /work/shared or the
// network: the product ships its own copy of the corpus.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { regionLevel } from '../domain/region.ts';
import { completenessStatus, parseLaw } from './law.ts';
import {
  TIERS,
  type Article,
  type Baseline,
  type BaselineTier,
  type Catalog,
  type Exemption,
  type InspectionItem,
  type Item,
  type ItemKind,
  type Line,
  type Region,
  type RegionLevel,
  type Regulation,
  type RegulationKind,
  type ServiceWhitelistEntry,
  type TierName,
} from './types.ts';

export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../data', import.meta.url));

export class CatalogError extends Error {
  constructor(file: string, where: string, message: string) {
    super(`${file}: ${where}: ${message}`);
    this.name = 'CatalogError';
  }
}

// ── field checks ────────────────────────────────────────────────────────────────────────────────

type FieldType = 'string' | 'string?' | 'int' | 'int?' | 'number?' | readonly string[];

function checkRecord(
  file: string,
  where: string,
  raw: unknown,
  fields: Record<string, FieldType>,
  optional: string[] = [],
): Record<string, unknown> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new CatalogError(file, where, 'expected an object');
  const rec = raw as Record<string, unknown>;
  for (const key of Object.keys(rec)) {
    if (!(key in fields) && !optional.includes(key)) throw new CatalogError(file, where, `unknown field "${key}"`);
  }
  for (const [key, type] of Object.entries(fields)) {
    const v = rec[key];
    const fail = (what: string) => {
      throw new CatalogError(file, `${where}.${key}`, `expected ${what}, got ${JSON.stringify(v)}`);
    };
    if (Array.isArray(type)) {
      if (typeof v !== 'string' || !type.includes(v)) fail(`one of ${type.join(' | ')}`);
      continue;
    }
    const nullable = (type as string).endsWith('?');
    if (v === undefined || v === null) {
      if (!nullable) fail(type as string);
      continue;
    }
    switch ((type as string).replace('?', '')) {
      case 'string':
        if (typeof v !== 'string' || v.trim() === '') fail('a non-empty string');
        break;
      case 'int':
        if (typeof v !== 'number' || !Number.isInteger(v)) fail('an integer');
        break;
      case 'number':
        if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) fail('a non-negative number');
        break;
    }
  }
  return rec;
}

function readJson(dir: string, name: string, key: string): unknown[] {
  const file = `data/catalog/${name}`;
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(join(dir, 'catalog', name), 'utf8'));
  } catch (e) {
    throw new CatalogError(file, 'file', (e as Error).message);
  }
  const list = (doc as Record<string, unknown> | null)?.[key];
  if (!Array.isArray(list)) throw new CatalogError(file, key, 'expected an array');
  return list;
}

function unique<T>(file: string, records: T[], key: (r: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  for (const r of records) {
    const k = key(r);
    if (map.has(k)) throw new CatalogError(file, k, 'appears twice');
    map.set(k, r);
  }
  return map;
}

// ── sources ─────────────────────────────────────────────────────────────────────────────────────

/** Regions from the GB/T 2260 TSV; the TSV's 'prefecture' (地级市) is our 'city'. */
export function readRegions(dir = DEFAULT_DATA_DIR): Region[] {
  const file = 'data/regions/zhejiang-divisions.tsv';
  const lines = readFileSync(join(dir, 'regions', 'zhejiang-divisions.tsv'), 'utf8').split('\n');
  const regions: Region[] = [];
  let header = true;
  for (const [i, line] of lines.entries()) {
    if (line.startsWith('#') || line.trim() === '') continue;
    if (header) {
      header = false;
      continue;
    } // code	name	parent_code	level
    const [code, name, parent, level] = line.split('\t');
    const where = `line ${i + 1}`;
    if (!/^\d{6}$/.test(code ?? '')) throw new CatalogError(file, where, `bad code "${code}"`);
    const mapped: RegionLevel | undefined =
      level === 'prefecture' ? 'city' : level === 'province' || level === 'county' ? level : undefined;
    if (!mapped) throw new CatalogError(file, where, `bad level "${level}"`);
    if (regionLevel(code) !== mapped) throw new CatalogError(file, where, `level ${level} does not match code ${code}`);
    regions.push({ code, name, parent_code: parent || null, level: mapped });
  }
  const byCode = unique(file, regions, (r) => r.code);
  for (const r of regions) {
    if (r.level === 'province' ? r.parent_code !== null : !byCode.has(r.parent_code ?? '')) {
      throw new CatalogError(file, r.code, `bad parent "${r.parent_code}"`);
    }
  }
  return regions;
}

/** Regulations and articles of every law file listed in data/law/MANIFEST.tsv. */
export function readLaws(dir = DEFAULT_DATA_DIR): { regulations: Regulation[]; articles: Article[] } {
  const file = 'data/law/MANIFEST.tsv';
  const regulations: Regulation[] = [];
  const articles: Article[] = [];
  const rows = readFileSync(join(dir, 'law', 'MANIFEST.tsv'), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'));
  const cols = rows[0].split('\t');
  const at = (name: string) => {
    const i = cols.indexOf(name);
    if (i < 0) throw new CatalogError(file, 'header', `no column "${name}"`);
    return i;
  };
  const [fileCol, statusCol] = [at('file'), at('status')];
  for (const row of rows.slice(1)) {
    const f = row.split('\t');
    const name = f[fileCol];
    if (!name.endsWith('.md') || f[statusCol] === 'reference') continue; // uscc.md, the divisions TSV: not laws
    const id = name.replace(/\.md$/, '');
    let parsed;
    try {
      parsed = parseLaw(id, readFileSync(join(dir, 'law', name), 'utf8'), completenessStatus(f[statusCol]));
    } catch (e) {
      throw new CatalogError(`data/law/${name}`, 'parse', (e as Error).message);
    }
    regulations.push(parsed.regulation);
    articles.push(...parsed.articles);
  }
  return { regulations, articles };
}

const REGULATION_KINDS: readonly RegulationKind[] = ['law', 'administrative_regulation', 'local_regulation', 'rule', 'normative'];
const ITEM_KINDS: readonly ItemKind[] = ['licence', 'inspection', 'penalty', 'coercion'];
const LEVELS: readonly RegionLevel[] = ['province', 'city', 'county'];

/** The whole reference catalog, parsed and cross-checked. dir: the data directory (default: the shipped one). */
export function readCatalog(dir = DEFAULT_DATA_DIR): Catalog {
  const regions = readRegions(dir);
  const regionCodes = new Set(regions.map((r) => r.code));
  const laws = readLaws(dir);

  let file = 'data/catalog/lines.json';
  const lines: Line[] = readJson(dir, 'lines.json', 'lines').map((raw, i) => {
    const r = checkRecord(file, `lines[${i}]`, raw, { code: 'string', name: 'string', department: 'string' }, ['levels']);
    if (!Array.isArray(r.levels) || r.levels.length === 0 || !r.levels.every((l) => LEVELS.includes(l as RegionLevel))) {
      throw new CatalogError(file, `lines[${i}].levels`, `expected a list of ${LEVELS.join(' | ')}`);
    }
    return r as unknown as Line;
  });
  const lineCodes = unique(file, lines, (l) => l.code);

  file = 'data/catalog/regulations.json';
  const unavailable: Regulation[] = readJson(dir, 'regulations.json', 'regulations').map((raw, i) => {
    const r = checkRecord(file, `regulations[${i}]`, raw, {
      id: 'string',
      title: 'string',
      kind: REGULATION_KINDS,
      version_date: 'string?',
      source: 'string?',
      status: ['unavailable'],
    });
    return r as unknown as Regulation;
  });
  const regulations = [...laws.regulations, ...unavailable];
  const regulationById = unique('data/law + data/catalog/regulations.json', regulations, (r) => r.id);
  const articleKeys = new Set(laws.articles.map((a) => `${a.regulation_id}#${a.number}`));

  /** A citation must name a known regulation; its article must exist unless the regulation's text is unavailable. */
  const checkCitation = (f: string, where: string, regulationId: unknown, article: unknown, required: boolean) => {
    if (regulationId === null || regulationId === undefined) {
      if (required || (article !== null && article !== undefined)) throw new CatalogError(f, where, 'needs a regulation');
      return;
    }
    const reg = regulationById.get(String(regulationId));
    if (!reg) throw new CatalogError(f, where, `unknown regulation "${regulationId}"`);
    if (reg.status === 'unavailable') return;
    if (article === null || article === undefined) throw new CatalogError(f, where, `${reg.title}: needs an article number`);
    if (!articleKeys.has(`${reg.id}#${article}`)) throw new CatalogError(f, where, `${reg.title} has no article ${article} in data/law`);
  };

  file = 'data/catalog/items.json';
  const items: Item[] = readJson(dir, 'items.json', 'items').map((raw, i) => {
    const r = checkRecord(
      file,
      `items[${i}]`,
      raw,
      {
        code: 'string',
        name: 'string',
        kind: ITEM_KINDS,
        line_code: 'string',
        basis_regulation_id: 'string?',
        basis_article: 'int?',
        penalty_regulation_id: 'string?',
        penalty_article: 'int?',
        fine_min: 'number?',
        fine_max: 'number?',
        fine_note: 'string?',
        time_limit_days: 'int?',
      },
      ['serious_from'],
    );
    const where = `items[${i}] (${r.code})`;
    if (!lineCodes.has(r.line_code as string)) throw new CatalogError(file, where, `unknown line "${r.line_code}"`);
    checkCitation(file, `${where}.basis`, r.basis_regulation_id, r.basis_article, r.kind !== 'inspection');
    checkCitation(file, `${where}.penalty`, r.penalty_regulation_id, r.penalty_article, r.kind === 'penalty');
    if (r.kind !== 'penalty' && (r.penalty_regulation_id != null || r.fine_max != null))
      throw new CatalogError(file, where, 'only penalty items carry a penalty article or fines');
    if ((r.fine_min == null) !== (r.fine_max == null)) throw new CatalogError(file, where, 'fine_min and fine_max go together');
    if (r.fine_min != null && (r.fine_min as number) > (r.fine_max as number))
      throw new CatalogError(file, where, 'fine_min exceeds fine_max');
    const s = r.serious_from;
    if (s != null && (typeof s !== 'number' || r.fine_min == null || s <= (r.fine_min as number) || s >= (r.fine_max as number))) {
      throw new CatalogError(file, `${where}.serious_from`, 'must lie strictly inside the fine range');
    }
    if (r.kind === 'licence' && r.time_limit_days == null) throw new CatalogError(file, where, 'a licence needs time_limit_days');
    return { serious_from: null, ...r } as unknown as Item;
  });
  const itemByCode = unique(file, items, (it) => it.code);

  file = 'data/catalog/inspection-items.json';
  const inspectionItems: InspectionItem[] = readJson(dir, 'inspection-items.json', 'inspection_items').map((raw, i) => {
    const r = checkRecord(file, `inspection_items[${i}]`, raw, {
      code: 'string',
      item_code: 'string',
      name: 'string',
      line_code: 'string',
      region_code: 'string',
      max_per_year: 'int',
    });
    const where = `inspection_items[${i}] (${r.code})`;
    const item = itemByCode.get(r.item_code as string);
    if (!item || item.kind !== 'inspection') throw new CatalogError(file, where, `item "${r.item_code}" is not an inspection item`);
    if (item.line_code !== r.line_code)
      throw new CatalogError(file, where, `line ${r.line_code} differs from its item's line ${item.line_code}`);
    if (!regionCodes.has(r.region_code as string)) throw new CatalogError(file, where, `unknown region "${r.region_code}"`);
    if ((r.max_per_year as number) < 1) throw new CatalogError(file, where, 'max_per_year must be at least 1');
    return r as unknown as InspectionItem;
  });
  unique(file, inspectionItems, (x) => x.code);

  file = 'data/catalog/baselines.json';
  const baselines: Baseline[] = readJson(dir, 'baselines.json', 'baselines').map((raw, i) => {
    const r = checkRecord(
      file,
      `baselines[${i}]`,
      raw,
      {
        id: 'string',
        item_code: 'string',
        region_code: 'string',
        title: 'string',
        effective_from: 'string',
      },
      ['tiers'],
    );
    const where = `baselines[${i}] (${r.id})`;
    const item = itemByCode.get(r.item_code as string);
    if (!item || item.kind !== 'penalty' || item.fine_min == null || item.fine_max == null) {
      throw new CatalogError(file, where, `item "${r.item_code}" is not a penalty item with a fine range`);
    }
    if (!regionCodes.has(r.region_code as string)) throw new CatalogError(file, where, `unknown region "${r.region_code}"`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(r.effective_from as string))
      throw new CatalogError(file, `${where}.effective_from`, 'expected YYYY-MM-DD');
    if (!Array.isArray(r.tiers) || r.tiers.length === 0) throw new CatalogError(file, `${where}.tiers`, 'expected a non-empty array');
    const tiers = r.tiers.map((rawTier, j) => {
      const t = checkRecord(file, `${where}.tiers[${j}]`, rawTier, {
        baseline_id: 'string',
        tier: TIERS,
        fine_min: 'number?',
        fine_max: 'number?',
        conditions: 'string',
      }) as unknown as BaselineTier;
      const tw = `${where}.tiers[${j}] (${t.tier})`;
      if (t.baseline_id !== r.id) throw new CatalogError(file, tw, `baseline_id "${t.baseline_id}" is not ${r.id}`);
      if (t.fine_min == null || t.fine_max == null || t.fine_min > t.fine_max)
        throw new CatalogError(file, tw, 'needs fine_min ≤ fine_max');
      const [lo, hi] = tierBounds(t.tier, item);
      if (t.fine_min < lo || t.fine_max > hi)
        throw new CatalogError(file, tw, `${t.fine_min}–${t.fine_max} leaves the allowed ${lo}–${hi}`);
      return t;
    });
    unique(file, tiers, (t) => `${where}.${t.tier}`);
    return { ...r, tiers } as unknown as Baseline;
  });
  unique(file, baselines, (b) => b.id);
  unique(file, baselines, (b) => `${b.item_code}@${b.region_code}`);

  file = 'data/catalog/exemptions.json';
  const exemptions: Exemption[] = readJson(dir, 'exemptions.json', 'exemptions').map((raw, i) => {
    const r = checkRecord(file, `exemptions[${i}]`, raw, {
      id: 'string',
      item_code: 'string',
      region_code: 'string',
      domain: 'string',
      conditions: 'string',
      basis_regulation_id: 'string',
      basis_article: 'int',
      list_regulation_id: 'string?',
    });
    const where = `exemptions[${i}] (${r.id})`;
    const item = itemByCode.get(r.item_code as string);
    if (!item || item.kind !== 'penalty') throw new CatalogError(file, where, `item "${r.item_code}" is not a penalty item`);
    if (!regionCodes.has(r.region_code as string)) throw new CatalogError(file, where, `unknown region "${r.region_code}"`);
    checkCitation(file, `${where}.basis`, r.basis_regulation_id, r.basis_article, true);
    if (r.list_regulation_id != null && !regulationById.has(r.list_regulation_id as string)) {
      throw new CatalogError(file, where, `unknown list regulation "${r.list_regulation_id}"`);
    }
    return r as unknown as Exemption;
  });
  unique(file, exemptions, (x) => x.id);

  file = 'data/catalog/service-whitelist.json';
  const serviceWhitelist: ServiceWhitelistEntry[] = readJson(dir, 'service-whitelist.json', 'service_whitelist').map((raw, i) => {
    const r = checkRecord(file, `service_whitelist[${i}]`, raw, {
      code: 'string',
      name: 'string',
      region_code: 'string',
      line_code: 'string?',
    });
    const where = `service_whitelist[${i}] (${r.code})`;
    if (!regionCodes.has(r.region_code as string)) throw new CatalogError(file, where, `unknown region "${r.region_code}"`);
    if (r.line_code != null && !lineCodes.has(r.line_code as string)) throw new CatalogError(file, where, `unknown line "${r.line_code}"`);
    return r as unknown as ServiceWhitelistEntry;
  });
  unique(file, serviceWhitelist, (x) => x.code);
  unique(file, serviceWhitelist, (x) => `${x.region_code}:${x.name}`);

  return { regions, lines, regulations, articles: laws.articles, items, inspectionItems, baselines, exemptions, serviceWhitelist };
}

/**
 * The fines a tier may hold for an item. exempt: none (0). mitigated (减轻, 行政处罚法 第三十二条): below the
 * statutory minimum, down to 0. lenient / general / severe: inside the statutory range.
 */
export function tierBounds(tier: TierName, item: Pick<Item, 'fine_min' | 'fine_max'>): [number, number] {
  const min = item.fine_min ?? 0;
  const max = item.fine_max ?? 0;
  switch (tier) {
    case 'exempt':
      return [0, 0];
    case 'mitigated':
      return [0, min];
    default:
      return [min, max];
  }
}
