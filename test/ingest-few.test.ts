// A few records pushed through the API take a shorter road than a file: their references are looked up
// by value instead of loaded whole, and they are staged by one INSERT … VALUES instead of part files or
// COPY. The road must not change the answer: the same records, pushed and imported as a file, give the
// same report (counts, every error's text, the notes) and the same stored rows — good rows, bad ones,
// values typed the way people type them (lower case, full width, spaces, numbers), keys that are labels,
// an agency account writing outside its agency, and the same records again (unchanged, then changed).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTestStore } from './helpers/store.ts';
import { sampleJsonl, sampleRow, sampleRows, seedIngestReference } from './fixtures/ingest-samples.ts';
import type { Store } from '../src/store/store.ts';
import { SYSTEM_CALLER, type Caller } from '../src/auth/caller.ts';
import { createUser } from '../src/auth/users.ts';
import { IMPORT_KINDS, KIND_SPECS, type Kind } from '../src/records/registry.ts';
import { importRows, type ImportReport } from '../src/ingest/import-batch.ts';
import { fileSource, recordsSource } from '../src/ingest/sources.ts';
import { personalColumns } from '../src/privacy/personal-data.ts';
import { LOOKUP_RECORDS } from '../src/ingest/validate.ts';
import { VALUES_ROWS } from '../src/ingest/stage.ts';
import { Rng } from '../src/demo/prng.ts';

const pushed = await openTestStore(); // records through recordsSource: the short road
const filed = await openTestStore(); // the same records as a JSON Lines file: the bulk road
const dir = mkdtempSync(join(tmpdir(), 'kedu-ingest-few-'));
after(async () => {
  await pushed.close();
  await filed.close();
  rmSync(dir, { recursive: true, force: true });
});

const staff: Record<string, Caller> = {};
for (const [name, t] of [
  ['pushed', pushed],
  ['filed', filed],
] as const) {
  await seedIngestReference(t.store);
  staff[name] = await createUser(
    t.store,
    {
      username: 'xh_staff',
      displayName: '西湖区市场监管',
      password: 'Few-Records-2025',
      role: 'agency_staff',
      regionCode: '330106',
      agencyId: 'AG-330106-SCJG',
    },
    'system',
  );
}

const rng = new Rng(20251206);
const rand = () => rng.next();
const FULL_WIDTH = (s: string) => s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** A value as a person might type it: lower case, full width, padded, or a number where it is digits. */
function retyped(v: string): unknown {
  switch (Math.floor(rand() * 12)) {
    case 0:
      return v.toLowerCase();
    case 1:
      return FULL_WIDTH(v);
    case 2:
      return ` ${v} `;
    case 3:
      return /^[1-9]\d{0,14}$/.test(v) ? Number(v) : v;
    default:
      return v;
  }
}

/** Good rows, one made bad in each of a few ways, reference values retyped, some keyed by their Chinese labels. */
function batch(kind: Kind, from: number): Record<string, unknown>[] {
  const spec = KIND_SPECS[kind];
  const refFields = spec.fields.filter((f) => f.ref || f.listedIn || f.type === 'region');
  const rows: Record<string, unknown>[] = sampleRows(kind, 5, from);
  const bad = (set: Record<string, string>) => rows.push({ ...sampleRow(kind, from + rows.length), ...set });
  for (const f of refFields) {
    bad({ [f.name]: `${f.type === 'region' ? '3399' : 'NOPE-'}${from}` }); // names nothing
    if (f.type === 'region') bad({ [f.name]: '330203' }); // exists, outside Xihu
  }
  return rows.map((r, i) => {
    const out: Record<string, unknown> = {};
    for (const f of spec.fields) {
      const v = r[f.name];
      if (v === undefined) continue;
      const key = i % 2 ? f.label : f.name;
      out[key] = typeof v === 'string' && refFields.includes(f) ? retyped(v) : v;
    }
    return out;
  });
}

let fileNo = 0;
async function both(kind: Kind, records: Record<string, unknown>[], who: 'system' | 'staff') {
  const callerOf = (name: 'pushed' | 'filed') => (who === 'system' ? SYSTEM_CALLER : staff[name]);
  const short = await importRows(pushed.store, recordsSource(records), { kind, caller: callerOf('pushed') });
  const path = join(dir, `few-${++fileNo}.jsonl`);
  writeFileSync(path, sampleJsonl(records));
  const bulk = await importRows(filed.store, await fileSource(path), { kind, caller: callerOf('filed') });
  return { short, bulk };
}

const answer = (r: ImportReport) => ({
  counts: [r.rowsRead, r.rowsOk, r.rowsBad, r.inserted, r.updated, r.unchanged, r.duplicates],
  // A file counts 第N行, a push 第N条: the rest of each message is the same.
  errors: r.errors.map((e) => e.text.replace(/^第(\d+)[行条]/, '第$1')),
  notes: r.notes,
});

/**
 * The stored rows of a kind: whole where nothing in them is sealed or random, otherwise their ids; the
 * change stamp (when a row was written, not what it holds) left out.
 */
async function stored(store: Store, kind: Kind): Promise<unknown[]> {
  const spec = KIND_SPECS[kind];
  const whole = kind !== 'users' && personalColumns(spec.table).length === 0;
  const rows = await store.query<Record<string, unknown>>(
    `SELECT ${whole ? '*' : spec.idColumn} FROM ${spec.table} ORDER BY ${spec.idColumn}`,
  );
  return rows.map(({ changed_at: _, ...r }) => r);
}

test('a few records pushed get the same answer and land the same rows as the same records imported as a file', async () => {
  assert.ok(LOOKUP_RECORDS < VALUES_ROWS, 'the batches below exercise both short cuts and the staging alone');
  let errors = 0;
  for (const kind of IMPORT_KINDS) {
    const records = batch(kind, 300);
    const first = await both(kind, records, 'system');
    assert.deepEqual(answer(first.short), answer(first.bulk), `${kind}: first push`);
    errors += first.short.errors.length;
    // Again as they were (unchanged), then with every good row changed where a free-text field allows (updated).
    const again = await both(kind, records, 'system');
    assert.deepEqual(answer(again.short), answer(again.bulk), `${kind}: pushed again`);
    const text = KIND_SPECS[kind].fields.find((f) => f.type === 'string' && !f.ref && !f.required && f.stored !== false);
    if (text) {
      const changed = records.map((r) => ({ ...r, [text.name]: `改${String(r[text.name] ?? '')}`.slice(0, 20) }));
      const third = await both(kind, changed, 'system');
      assert.deepEqual(answer(third.short), answer(third.bulk), `${kind}: changed`);
    }
    assert.deepEqual(await stored(pushed.store, kind), await stored(filed.store, kind), `${kind}: stored rows`);
  }
  assert.ok(errors >= IMPORT_KINDS.length * 2, `bad rows were refused (${errors} errors)`);
});

test('an agency account pushing a few records: refused outside its agency the same way as in a file', async () => {
  const kinds = IMPORT_KINDS.filter((k) => KIND_SPECS[k].agencyMayImport);
  assert.ok(kinds.length >= 3);
  for (const kind of kinds) {
    const records = batch(kind, 600);
    // Half of them under another county's agency.
    records.forEach((r, i) => {
      if (i % 2 === 0)
        for (const k of ['agency_id', KIND_SPECS[kind].fields.find((f) => f.name === 'agency_id')?.label ?? ''])
          if (k in r) r[k] = 'AG-330102-SCJG';
    });
    const r = await both(kind, records, 'staff');
    assert.deepEqual(answer(r.short), answer(r.bulk), kind);
    assert.deepEqual(await stored(pushed.store, kind), await stored(filed.store, kind), `${kind}: stored rows`);
  }
});

test('a push above the look-up size still stages by value and agrees with the file', async () => {
  const n = LOOKUP_RECORDS + 30;
  assert.ok(n <= VALUES_ROWS);
  const records = sampleRows('inspections', n, 5000).map((r, i) => (i % 7 === 0 ? { ...r, agency_id: 'AG-NOWHERE' } : r));
  const r = await both('inspections', records, 'system');
  assert.deepEqual(answer(r.short), answer(r.bulk));
  assert.equal(r.short.rowsBad, Math.ceil(n / 7));
  assert.deepEqual(await stored(pushed.store, 'inspections'), await stored(filed.store, 'inspections'));
});

test('the short cuts of a push agree with the file: twins in one push, a record new to the store, a county conflict asked with the match', async () => {
  // Twins: the key known in JavaScript says there are two of one record; the last one wins, as in a file.
  const [a, b] = sampleRows('inspections', 2, 7000);
  const twins = [a, b, { ...a, result: a.result === 'issues' ? 'compliant' : 'issues' }];
  const t = await both('inspections', twins, 'system');
  assert.deepEqual(answer(t.short), answer(t.bulk));
  assert.equal(t.short.duplicates, 1);
  assert.equal(t.short.inserted, 2);
  // A payment in another county than its stored case is refused (the county checks, asked in the statement
  // that looks for stored matches), one in its county lands; a case re-sent into another county is refused.
  const first = await both('cases', [sampleRow('cases', 7100)], 'system');
  assert.deepEqual(answer(first.short), answer(first.bulk));
  const [c] = await pushed.store.query<{ county_code: string }>(`SELECT county_code FROM cases WHERE source_id = 'AJ7100'`);
  const other = c.county_code === '330203' ? '330106' : '330203';
  const far = await both('payments', [{ ...sampleRow('payments', 7100), region_code: other }], 'system');
  assert.deepEqual(answer(far.short), answer(far.bulk));
  assert.equal(far.short.rowsBad, 1);
  assert.match(far.short.errors[0].text, /不在同一县/);
  const near = await both('payments', [sampleRow('payments', 7100)], 'system');
  assert.equal(near.short.inserted, 1);
  const moved = await both('cases', [{ ...sampleRow('cases', 7100), region_code: other, agency_id: `AG-${other}-SCJG` }], 'system');
  assert.deepEqual(answer(moved.short), answer(moved.bulk));
  assert.equal(moved.short.rowsBad, 1);
  assert.match(moved.short.errors[0].text, /已登记的关联.+记录不在同一县/);
  for (const kind of ['inspections', 'cases', 'payments'] as Kind[])
    assert.deepEqual(await stored(pushed.store, kind), await stored(filed.store, kind), `${kind}: stored rows`);
});
