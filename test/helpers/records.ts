// Builders for hand-made records in model tests: each fills every required column with a plain
// default, so a test states only what its case is about.
import type { Store, Value } from '../../src/store/store.ts';

let seq = 0;
const next = (p: string) => `${p}-${++seq}`;

async function put(store: Store, table: string, row: Record<string, Value>): Promise<string> {
  const cols = Object.keys(row);
  await store.copyIn(table, cols, [cols.map((c) => row[c])]);
  return String(row.id ?? row.uscc);
}

export const inspection = (store: Store, r: Record<string, Value>) => put(store, 'inspections', {
  id: next('INS'), source_system: 'test', source_id: next('s'), region_code: '330111', agency_id: 'AG-FY-ZHZF',
  inspection_item_code: 'II-1', entity_uscc: '91330100470102706G', inspected_on: '2025-03-10', kind: 'random',
  joint_id: null, lead_officer_id: 'OF-1', assist_officer_id: 'OF-3', via_code: true, result: 'compliant', ...r,
});

export const caseRecord = (store: Store, r: Record<string, Value>) => put(store, 'cases', {
  id: next('CASE'), source_system: 'test', source_id: next('s'), region_code: '330111', agency_id: 'AG-FY-ZHZF',
  item_code: 'IT-1', entity_uscc: '91330100470102706G', inspection_id: null, filed_on: '2025-03-01', first_offence: false,
  corrected: false, harm: 'minor', facts: null, lead_officer_id: 'OF-1', assist_officer_id: 'OF-3', decided_on: '2025-03-20',
  decision: 'fine', tier: 'general', fine_amount: 1000, status: 'decided', ...r,
});

export const agency = (store: Store, id: string, regionCode = '330111', line = 'CLE') =>
  put(store, 'agencies', { id, name: `测试部门${id}`, line_code: line, region_code: regionCode, level: 'county' });
