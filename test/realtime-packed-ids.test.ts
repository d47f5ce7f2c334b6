// The real-time state's packed ids (src/models/realtime/packed-ids.ts) and the inspection log and the
// case table built on them: every id format the import accepts comes back as it went in, is found
// again, and a re-sent inspection or case takes its row instead of adding one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IdIndex, PackedIds } from '../src/models/realtime/packed-ids.ts';
import { InspectionLog } from '../src/models/realtime/inspection-log.ts';
import { CaseFacts, CaseTable, type CaseInput } from '../src/models/realtime/state.ts';

/** Ids as records carry them: the demo's, ids a push derives from source ids, source ids of any length, Chinese, empty. */
const IDS = [
  'IN000051913',
  'insp-HZ-SCJG-2025-000123',
  'insp-' + 'x'.repeat(300),
  '浙江省杭州市市场监管局检查记录第一号',
  'a',
  '',
  'emoji-😀-id',
  'CS000000001',
];

test('packed ids: every id format round-trips, and is told apart from its neighbours', () => {
  const ids = new PackedIds();
  const rows = IDS.map((id) => ids.add(id));
  assert.deepEqual(rows, [...IDS.keys()]);
  assert.equal(ids.size, IDS.length);
  for (const [row, id] of IDS.entries()) {
    assert.equal(ids.get(row), id);
    assert.equal(ids.is(row, id), true);
    // A prefix, an extension and another id are not it.
    assert.equal(ids.is(row, id + 'x'), false);
    if (id.length) assert.equal(ids.is(row, id.slice(0, -1)), false);
    assert.equal(ids.is(row, IDS[(row + 1) % IDS.length]), false);
  }
});

test('packed ids compare as JS strings do, past ASCII too (UTF-16 order, not UTF-8 bytes)', () => {
  // 𝒳 (U+1D4B3) is two UTF-16 units from D835 and four UTF-8 bytes from F0: before ｘ (U+FF58, EF BD
  // 98) as JS strings compare, after it as bytes.
  const all = [...IDS, 'CS000000002', 'CS00000000', 'insp-𝒳', 'insp-ｘ', 'insp-ｘ1', '检查-1', '检查-2', '检'];
  const ids = new PackedIds();
  for (const id of all) ids.add(id);
  for (const [a, s] of all.entries())
    for (const [b, t] of all.entries()) {
      const want = s < t ? -1 : s > t ? 1 : 0;
      assert.equal(Math.sign(ids.compare(a, b)), want, `${s} against ${t}`);
    }
  assert.ok(ids.compare(all.indexOf('insp-𝒳'), all.indexOf('insp-ｘ')) < 0);
});

test('id index: finds each id once, past its growth, and nothing else', () => {
  const index = new IdIndex();
  const many = Array.from({ length: 5000 }, (_, i) => (i % 3 ? `IN${String(i).padStart(9, '0')}` : `检查-${i}`));
  for (const [i, id] of [...IDS, ...many].entries()) assert.equal(index.add(id), i);
  // Added again: the same row, no new one.
  assert.equal(index.add(IDS[1]), 1);
  assert.equal(index.size, IDS.length + many.length);
  for (const [i, id] of [...IDS, ...many].entries()) {
    assert.equal(index.rowOf(id), i);
    assert.equal(index.id(i), id);
  }
  assert.equal(index.rowOf('IN000005000'), -1);
  assert.equal(index.has('检查-1'), false);
  assert.equal(index.has('检查-3'), true);
});

test("inspection log: an entity's rows in arrival order; a re-sent inspection overwrites its row", () => {
  const log = new InspectionLog();
  const row = (id: string, entity: string, day: number, result = 'compliant') => ({
    id,
    entity_uscc: entity,
    agency_id: 'AG-1',
    region_code: '330102',
    inspection_item_code: 'X',
    day,
    kind: 'routine',
    result,
    joint_id: null,
  });
  log.put(row('insp-甲', 'E1', 10), true);
  log.put(row('IN2', 'E2', 11), true);
  log.put(row('IN3', 'E1', 9), true);
  assert.deepEqual(
    log.of('E1').map((i) => log.id(i)),
    ['insp-甲', 'IN3'],
  );
  assert.deepEqual(log.of('E3'), []);
  const again = log.put(row('insp-甲', 'E1', 12, 'violation'));
  assert.equal(again, 0);
  assert.equal(log.size, 3);
  assert.equal(log.day[0], 12);
  assert.deepEqual(
    log
      .of('E1')
      .sort(log.byDateThenId)
      .map((i) => log.id(i)),
    ['IN3', 'insp-甲'],
  );
});

test('case table: each case found by its id, its id and entity read back; a case sent again takes its row', () => {
  const entities = new IdIndex(['91330100MA2AAAAA1X']);
  const table = new CaseTable(entities);
  const input = (id: string, entity: string, fine: number): CaseInput => ({
    id,
    region: '330102',
    agency: 'AG-1',
    item: 'X',
    entity,
    filed: 20_000,
    decided: 20_010,
    decision: 'fine',
    fine,
    tier: 'general',
    firstOffence: false,
    corrected: true,
    harm: 'minor',
    delivered: false,
    paid: true,
  });
  const many = Array.from({ length: 3000 }, (_, i) => `AJ${String(i).padStart(9, '0')}`);
  const cases = [...IDS, ...many].map((id, i) => new CaseFacts(input(id, i % 2 ? '91330100MA2AAAAA1X' : `E-${i}`, i), table));
  for (const c of cases) table.set(c);
  table.shrinkToFit();
  assert.equal(table.size, cases.length);
  for (const [i, c] of cases.entries()) {
    assert.equal(table.get(c.id), c);
    assert.equal(c.row, i);
    assert.equal(c.id, [...IDS, ...many][i]);
    assert.equal(c.entity, i % 2 ? '91330100MA2AAAAA1X' : `E-${i}`);
    assert.equal(c.fine, i);
  }
  // The entity index is the one given: an entity new to it got a row there.
  assert.equal(entities.rowOf('E-0'), cases[0].entityRow);
  assert.equal(table.get('AJ000003000'), undefined);

  // An entity's cases in the order learnt.
  const shared = cases.filter((_, i) => i % 2);
  assert.deepEqual(table.ofEntity(entities.rowOf('91330100MA2AAAAA1X')), shared);
  assert.deepEqual(table.ofEntity(entities.rowOf('E-2')), [cases[2]]);
  assert.deepEqual(table.ofEntity(-1), []);

  // Sent again, under another entity: the new object at the old row, the old one still reads its id;
  // one case, not two; it leaves the first entity's cases and is the new one's last.
  const again = new CaseFacts(input('insp-' + 'x'.repeat(300), 'E-1', 7), table);
  assert.equal(again.row, 2);
  assert.equal(table.get(again.id), cases[2]);
  table.set(again);
  assert.equal(table.get('insp-' + 'x'.repeat(300)), again);
  assert.equal(cases[2].id, again.id);
  assert.equal(table.size, cases.length);
  assert.deepEqual(table.ofEntity(entities.rowOf('E-2')), []);
  assert.deepEqual(table.ofEntity(entities.rowOf('E-1')), [again]);
  // A case in the middle of a chain sent again, same entity: it moves to the end.
  const middle = new CaseFacts(input(shared[5].id, '91330100MA2AAAAA1X', 8), table);
  table.set(middle);
  assert.deepEqual(table.ofEntity(entities.rowOf('91330100MA2AAAAA1X')), [...shared.slice(0, 5), ...shared.slice(6), middle]);
  // Past the fitted length the table grows again.
  const late = new CaseFacts(input('CS-late', 'E-late', 1), table);
  table.set(late);
  assert.equal(table.get('CS-late'), late);
  assert.equal(table.size, cases.length + 1);

  assert.throws(() => new CaseTable(entities).set(late), /another case table/);
});
