// A county as `kedu init` leaves it and its own staff fill it: the shipped reference data, then the
// county's agencies, officers, certificates and entities, all through the public import format (CSV
// files read by the importer, as `kedu import` reads them). Tests add their records the same way.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '../../src/store/store.ts';
import { loadReference } from '../../src/catalog/load-reference.ts';
import { SYSTEM_CALLER, type Caller } from '../../src/auth/caller.ts';
import { importRows, type ImportReport } from '../../src/ingest/import-batch.ts';
import { fileSource } from '../../src/ingest/sources.ts';
import { KIND_SPECS, type Kind } from '../../src/records/registry.ts';
import { withUsccCheck } from '../../src/domain/uscc.ts';
import { sampleIdNumber } from '../fixtures/ingest-samples.ts';

const dir = mkdtempSync(join(tmpdir(), 'kedu-county-'));
let files = 0;

const csvCell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** Rows (field name → text) of a kind as a CSV file with the kind's Chinese headers, as an agency export has them. */
export function csvOf(kind: Kind, rows: Record<string, string>[]): string {
  const fields = KIND_SPECS[kind].fields;
  return (
    [fields.map((f) => f.label), ...rows.map((r) => fields.map((f) => r[f.name] ?? ''))].map((l) => l.map(csvCell).join(',')).join('\r\n') +
    '\r\n'
  );
}

/** Imports rows of a kind through a CSV file, as `kedu import` does. */
export async function importCsv(
  store: Store,
  kind: Kind,
  rows: Record<string, string>[],
  caller: Caller = SYSTEM_CALLER,
): Promise<ImportReport> {
  const path = join(dir, `${kind}-${++files}.csv`);
  writeFileSync(path, csvOf(kind, rows));
  return importRows(store, await fileSource(path), { kind, caller, sourceSystem: 'county-test' });
}

/** Imports and insists that every row landed. */
export async function importAll(
  store: Store,
  kind: Kind,
  rows: Record<string, string>[],
  caller: Caller = SYSTEM_CALLER,
): Promise<ImportReport> {
  const r = await importCsv(store, kind, rows, caller);
  assert.equal(r.rowsBad, 0, `${kind}: ${r.errors.join('; ')}`);
  return r;
}

export const COUNTY = '330106'; // 西湖区
export const MKT = 'AG-330106-MKT';
export const CLE = 'AG-330106-CLE';
export const FIR = 'AG-330106-FIR';

/** The county's entities: USCCs with a valid check character. */
export const entity = (n: number): string => withUsccCheck(`91330106MA${String(n).padStart(7, '0')}`);

/** Officers: OF-M-n of market supervision, OF-C-n of 综合执法, OF-F-n of the fire brigade; all certified through CERTIFIED_UNTIL. */
export const officer = (agency: 'M' | 'C' | 'F', n: number): string => `OF-${agency}-${n}`;

/** The end of the year after next: plans and the tasks drawn from them reach into next year, and need certified officers. */
const CERTIFIED_UNTIL = `${new Date().getUTCFullYear() + 2}-12-31`;

/**
 * A `kedu init` store (the shipped catalog, nothing else) with the county's reference data imported:
 * three agencies, eight officers in each with valid certificates, twenty entities.
 */
export async function initCounty(store: Store): Promise<void> {
  await loadReference(store);
  await importAll(store, 'agencies', [
    { id: MKT, name: '杭州市西湖区市场监督管理局', line_code: 'MKT', region_code: COUNTY, level: 'county', legal_status: 'organ' },
    { id: CLE, name: '杭州市西湖区综合行政执法局', line_code: 'CLE', region_code: COUNTY, level: 'county', legal_status: 'organ' },
    { id: FIR, name: '杭州市西湖区消防救援大队', line_code: 'FIR', region_code: COUNTY, level: 'county', legal_status: 'authorized' },
  ]);
  const officers: Record<string, string>[] = [];
  const certificates: Record<string, string>[] = [];
  for (const [a, agency] of [
    ['M', MKT],
    ['C', CLE],
    ['F', FIR],
  ] as const)
    for (let n = 1; n <= 8; n++) {
      const id = officer(a, n);
      officers.push({ id, name: `执法员${a}${n}`, agency_id: agency, region_code: COUNTY, id_number: sampleIdNumber(officers.length) });
      certificates.push({
        number: `ZJ-${id}`,
        officer_id: id,
        region_code: COUNTY,
        issued_on: '2022-01-01',
        expires_on: CERTIFIED_UNTIL,
        status: 'valid',
      });
    }
  await importAll(store, 'officers', officers);
  await importAll(store, 'certificates', certificates);
  await importAll(
    store,
    'entities',
    Array.from({ length: 20 }, (_, i) => ({ uscc: entity(i + 1), name: `杭州西湖示例${i + 1}号有限公司`, region_code: COUNTY })),
  );
}
