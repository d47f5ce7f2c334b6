// The real-time state's packed ids (src/models/realtime/packed-ids.ts), the known hits' key set
// (key-set.ts), and the inspection log and the case table built on them: every id format the import accepts comes back as it went in, is found
// again, and a re-sent inspection or case takes its row instead of adding one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IdIndex, PackedIds } from '../src/models/realtime/packed-ids.ts';
import { KeySet } from '../src/models/realtime/key-set.ts';
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
  // Kedu's derived ids and other ids ending in a run of hex digits: stored as a prefix and the digits.
  'insp-0123456789abcdef0a1b',
  'case-00ff00ff00ff00ff00ff',
  'insp-0123456789abcdef0a1c',
  'x123456',
  '0123456789',
  '330106-2025-JC-000123',
  // A run too short to number, upper-case digits, a control character first.
  'IN-12345',
  'IN-ABCDEF',
  '\u0001abcdef',
  '\u0002',
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
  const all = [
    ...IDS,
    'CS000000002',
    'CS00000000',
    'insp-𝒳',
    'insp-ｘ',
    'insp-ｘ1',
    '检查-1',
    '检查-2',
    '检',
    // One prefix, runs of other lengths and parities; a run beside the same text kept raw.
    'insp-0123456789abcdef0a1',
    'insp-0123456789abcdef0a1ba',
    'insp-1',
    'insp-fffffffffffffffffff',
    'CS0000000010',
    'CS00000000a',
    'CS00000000A',
  ];
  const ids = new PackedIds();
  for (const id of all) ids.add(id);
  for (const [a, s] of all.entries())
    for (const [b, t] of all.entries()) {
      const want = s < t ? -1 : s > t ? 1 : 0;
      assert.equal(Math.sign(ids.compare(a, b)), want, `${s} against ${t}`);
    }
  assert.ok(ids.compare(all.indexOf('insp-𝒳'), all.indexOf('insp-ｘ')) < 0);
});

test('packed ids: past the prefixes it numbers, ids of new prefixes are kept whole and still found and ordered', () => {
  // 20,000 prefixes: the first 16,384 numbered (one byte below 128, two above), the rest kept raw.
  const all = Array.from({ length: 20_000 }, (_, i) => `p${i}-${String(i * 7919).padStart(8, '0')}`);
  all.push('p5-000395950', 'p19999-00000000', 'p19999-1583720810', 'p0-0000000');
  const index = new IdIndex();
  for (const [i, id] of all.entries()) assert.equal(index.add(id), i);
  for (const [i, id] of all.entries()) {
    assert.equal(index.id(i), id);
    assert.equal(index.rowOf(id), i);
  }
  assert.equal(index.rowOf('p20000-00000000'), -1);
  assert.equal(index.rowOf('p5-00039596'), -1);
  const picks = [0, 1, 5, 127, 128, 129, 16_383, 16_384, 19_999, 20_000, 20_001, 20_002, 20_003];
  for (const a of picks)
    for (const b of picks) {
      const [s, t] = [all[a], all[b]];
      assert.equal(Math.sign(index.compare(a, b)), s < t ? -1 : s > t ? 1 : 0, `${s} against ${t}`);
    }
});

test('packed ids: ids of one stored length, then one of another length, then more: each found and ordered', () => {
  const hex = (i: number) => (i * 2654435761).toString(16).padStart(20, '0').slice(-20);
  const uniform = Array.from({ length: 3000 }, (_, i) => `insp-${hex(i)}`);
  const all = ['', ...uniform, 'IN000051913', ...uniform.map((id) => id.replace('insp-', 'case-')), 'insp-1'];
  const index = new IdIndex();
  for (const [i, id] of all.entries()) assert.equal(index.add(id), i);
  for (const [i, id] of all.entries()) {
    assert.equal(index.id(i), id);
    assert.equal(index.rowOf(id), i);
  }
  for (const a of [0, 1, 2, 3000, 3001, 3002, 6001, 6002])
    for (const b of [0, 1, 2999, 3001, 3002, 6002]) {
      const [s, t] = [all[a], all[b]];
      assert.equal(Math.sign(index.compare(a, b)), s < t ? -1 : s > t ? 1 : 0, `${s} against ${t}`);
    }
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
  // Days in two bytes up to 2149-06-06 (65,535); one before 1970 or past that widens the column, and
  // every day stays as it was.
  log.put(row('IN4', 'E2', 65_535), true);
  assert.equal(log.day[3], 65_535);
  log.put(row('IN5', 'E2', -3), true);
  log.put(row('IN6', 'E2', 70_000), true);
  assert.deepEqual([...log.day.subarray(0, 6)], [12, 11, 9, 65_535, -3, 70_000]);
  assert.deepEqual(
    log
      .of('E2')
      .sort(log.byDateThenId)
      .map((i) => log.id(i)),
    ['IN5', 'IN2', 'IN4', 'IN6'],
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

test("known keys: every key added is found, past the set's growth; none of 300,000 other keys is, near neighbours included", () => {
  const key = (i: number) => `INS_SAME_AGENCY_REPEAT|inspection|IN${String(i).padStart(9, '0')}|`;
  const set = new KeySet();
  for (let i = 0; i < 300_000; i += 2) set.add(key(i));
  set.add(key(0)); // again: counted once
  assert.equal(set.size, 150_000);
  for (let i = 0; i < 300_000; i++) assert.equal(set.has(key(i)), i % 2 === 0, key(i));
  for (const k of ['', '|', 'INS_SAME_AGENCY_REPEAT|inspection|IN000000000', 'ins_same_agency_repeat|inspection|IN000000000|'])
    assert.equal(set.has(k), false, k);
  set.add('');
  assert.equal(set.has(''), true);
  assert.equal(new KeySet(['a|b|c|', '一企一档|浙江|']).has('一企一档|浙江|'), true);
});
