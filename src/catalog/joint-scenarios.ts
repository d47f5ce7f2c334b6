// Which inspection items are "the same or related" for 综合查一次: the joint-inspection scenarios of
// data/catalog/joint-scenarios.json. Two tasks' items are related when they are the same item, belong
// to the same enforcement item, or lie in one scenario. Each item belongs to at most one scenario, so
// relatedness is a partition (a merge group per item) and a cluster of related tasks never chains
// through an item that joins two unrelated ones.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_DATA_DIR } from './read-catalog.ts';
import { raw, type Sql } from '../store/sql.ts';

export interface Scenario {
  code: string;
  name: string;
  items: string[];
}

const FILE = 'data/catalog/joint-scenarios.json';
let cached: Scenario[] | null = null;

/** The scenarios, checked: known inspection items, each in one scenario at most, codes unique. */
export function readScenarios(dir = DEFAULT_DATA_DIR): Scenario[] {
  if (cached && dir === DEFAULT_DATA_DIR) return cached;
  const doc = JSON.parse(readFileSync(join(dir, 'catalog', 'joint-scenarios.json'), 'utf8')) as { scenarios?: unknown };
  const known = new Set(
    (
      JSON.parse(readFileSync(join(dir, 'catalog', 'inspection-items.json'), 'utf8')) as { inspection_items: { code: string }[] }
    ).inspection_items.map((i) => i.code),
  );
  if (!Array.isArray(doc.scenarios)) throw new Error(`${FILE}: scenarios must be an array`);
  const owner = new Map<string, string>();
  const codes = new Set<string>();
  const list = (doc.scenarios as Record<string, unknown>[]).map((s, i) => {
    const where = `${FILE} scenarios[${i}]`;
    if (typeof s.code !== 'string' || !/^[a-z_]+$/.test(s.code)) throw new Error(`${where}.code: lower-case letters and _`);
    if (codes.has(s.code)) throw new Error(`${where}.code: "${s.code}" twice`);
    codes.add(s.code);
    if (typeof s.name !== 'string' || !s.name) throw new Error(`${where}.name: a Chinese name`);
    if (!Array.isArray(s.items) || s.items.length < 2) throw new Error(`${where}.items: two items at least`);
    for (const item of s.items as unknown[]) {
      if (typeof item !== 'string' || !known.has(item)) throw new Error(`${where}.items: unknown inspection item ${String(item)}`);
      const prev = owner.get(item);
      if (prev) throw new Error(`${where}.items: ${item} is already in scenario ${prev}`);
      owner.set(item, s.code);
    }
    return { code: s.code, name: s.name, items: s.items as string[] };
  });
  if (dir === DEFAULT_DATA_DIR) cached = list;
  return list;
}

/**
 * The merge group of the inspection item of alias `t` (a task or an inspection record) as SQL: its
 * scenario's code, or else 'item:' and its enforcement item's code (or its own code, unknown to the
 * catalog). `from` joins what `group` reads (aliases ii and sg).
 */
export function mergeGroupSql(scenarios: readonly Scenario[] = readScenarios(), alias = 't'): { from: Sql; group: Sql } {
  const rows = scenarios.flatMap((s) => s.items.map((i) => `('${i.replace(/'/g, "''")}', '${s.code}')`));
  return {
    from: raw(
      `LEFT JOIN inspection_items ii ON ii.code = ${alias}.inspection_item_code LEFT JOIN (VALUES ${rows.join(', ')}) AS sg(item, grp) ON sg.item = ${alias}.inspection_item_code`,
    ),
    group: raw(`COALESCE(sg.grp, 'item:' || COALESCE(ii.item_code, ${alias}.inspection_item_code))`),
  };
}

/** The same group in code, from an item's scenario or its enforcement item (the demo and tests). */
export function mergeGroupOf(item: string, parentItem: string | null, scenarios: readonly Scenario[] = readScenarios()): string {
  return scenarios.find((s) => s.items.includes(item))?.code ?? `item:${parentItem ?? item}`;
}

export function scenarioName(group: string, scenarios: readonly Scenario[] = readScenarios()): string {
  const s = scenarios.find((x) => x.code === group);
  return s ? s.name : `同一执法事项（${group.replace(/^item:/, '')}）`;
}
