// Who may see and do what, hole by hole: agency roles and the records linked to their own cases,
// invited supervisors and discipline liaisons (who read clues, not records), the 12345 intake across
// counties, import error files, and the personal data of entities. Each test failed before the policy
// layer (src/policy) decided these; test/access-matrix.test.ts walks every route the same way.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { openTestStore } from './helpers/store.ts';
import { CASES, ENTITIES, seedWorld, sessionOf } from './helpers/world.ts';
import { quietEnvironment } from './helpers/clues.ts';
import { buildApp } from '../src/api/app.ts';

quietEnvironment();
const t = await openTestStore();
const { store } = t;
let app: FastifyInstance;
const cookies = new Map<string, string>();

before(async () => {
  await seedWorld(store);
  app = await buildApp({ store, checkResponses: true });
});
after(async () => {
  await app.close();
  await t.close();
});

async function as(username: string): Promise<string> {
  const known = cookies.get(username);
  if (known) return known;
  const cookie = await sessionOf(store, username);
  cookies.set(username, cookie);
  return cookie;
}

async function get(username: string, url: string) {
  return app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie: await as(username) } });
}

async function ids(username: string, url: string): Promise<string[]> {
  const res = await get(username, url);
  assert.equal(res.statusCode, 200, `${username} ${url}: ${res.body}`);
  const body = res.json() as { rows: { id?: string; uscc?: string }[] };
  return body.rows.map((r) => String(r.id ?? r.uscc)).sort();
}

/** Refused (403 or 404) without the row: none of the given ids in the answer. */
async function refused(username: string, url: string, ...secrets: string[]) {
  const res = await get(username, url);
  assert.ok([403, 404].includes(res.statusCode), `${username} ${url}: ${res.statusCode} ${res.body}`);
  for (const s of secrets) assert.ok(!res.body.includes(s), `${username} ${url} discloses ${s}`);
}

test("agency staff read their own agency's deliveries, payments and follow-up answers, and only entities it has a record of", async () => {
  assert.deepEqual(await ids('staff_fya', '/records/deliveries'), ['DLV-FYA']);
  assert.deepEqual(await ids('staff_fya', '/records/payments'), ['PAY-FYA']);
  assert.deepEqual(await ids('staff_fya', '/records/followup_answers'), ['FUA-FYA']);
  assert.deepEqual(await ids('officer_fya', '/records/followup_answers'), ['FUA-FYA']);
  assert.deepEqual(await ids('staff_fya', '/records/entities'), [ENTITIES.FYA, ENTITIES.FYS].sort());
  assert.deepEqual(await ids('staff_fyb', '/records/entities'), [ENTITIES.FYB, ENTITIES.FYS].sort());
  // A delivery of another agency's case in the same county: refused, and the row is not disclosed.
  await refused('staff_fya', '/records/deliveries/DLV-FYB', CASES.FYB, '2025-03-21');
  await refused('staff_fya', '/records/payments/PAY-FYB', CASES.FYB);
  await refused('staff_fya', '/records/followup_answers/FUA-FYB', '回访录音转写FYB');
  await refused('staff_fya', `/records/entities/${ENTITIES.FYB}`, '测试主体FYB');
  await refused('staff_fya', `/records/entities/${ENTITIES.FYX}`, '测试主体FYX');
  // Their own agency's rows open.
  assert.equal((await get('staff_fya', '/records/deliveries/DLV-FYA')).statusCode, 200);
  assert.equal((await get('staff_fya', `/records/entities/${ENTITIES.FYS}`)).statusCode, 200);
  // The county's supervisor still reads both agencies'.
  assert.deepEqual(await ids('sup_fy', '/records/deliveries'), ['DLV-FYA', 'DLV-FYB']);
});

test('an invited supervisor sees the clues and reports they filed and aggregate figures, no record-level data, no import, no batches', async () => {
  for (const kind of ['inspections', 'cases', 'officers', 'entities', 'hotline_tickets', 'followup_answers'])
    await refused('invited_hz', `/records/${kind}`, 'INS-FYA', CASES.FYA, 'OF-FYA', ENTITIES.FYA, 'HOT-FYA', 'FUA-FYA');
  await refused('invited_hz', '/records/inspections/INS-FYA', 'OF-FYA');
  await refused('invited_hz', '/imports', 'IMP-');
  await refused('invited_hz', '/imports/IMP-STAFFFYA', '13500004000');
  await refused('invited_hz', '/imports/IMP-STAFFFYA/errors.csv', '13500004000');
  const upload = await app.inject({
    method: 'POST',
    url: '/api/v1/ingest/entities',
    headers: { cookie: await as('invited_hz') },
    payload: { sourceSystem: 'x', records: [{ source_id: 'x' }] },
  });
  assert.equal(upload.statusCode, 403);

  assert.deepEqual(
    (await get('invited_hz', '/clues')).json().rows.map((r: { id: string }) => r.id),
    ['CL-INV1'],
  );
  const mine = (await get('invited_hz', '/clues/CL-INV1')).json();
  assert.deepEqual(
    mine.reports.map((r: { id: string }) => r.id),
    ['RP-CL-INV1'],
    'only the reports they filed, not the public one linked to it',
  );
  await refused('invited_hz', '/clues/CL-INV2', '特邀监督员反映执法人员');
  await refused('invited_hz', '/clues/CL-FYA-ASG', '测试线索');
  // Aggregates of their region.
  const summary = await get('invited_hz', '/dashboard/summary?from=2025-01-01&to=2025-12-31');
  assert.equal(summary.statusCode, 200);
  assert.equal(summary.json().totals.inspections, 6);
});

test('a discipline liaison sees the clues transferred to discipline inspection and the records they cite, nothing else', async () => {
  assert.deepEqual(
    (await get('liaison_hz', '/clues'))
      .json()
      .rows.map((r: { id: string }) => r.id)
      .sort(),
    ['CL-FYA-TRF', 'CL-FYB-TRF', 'CL-XHA-TRF'],
  );
  assert.deepEqual(await ids('liaison_hz', '/records/inspections'), ['INS-FYA', 'INS-FYB', 'INS-XHA']);
  assert.deepEqual(await ids('liaison_hz', '/records/cases'), []);
  assert.deepEqual(await ids('liaison_hz', '/records/officers'), []);
  assert.equal((await get('liaison_hz', '/records/inspections/INS-FYA')).statusCode, 200);
  await refused('liaison_hz', '/records/inspections/INS-HSA', 'OF-HSA');
  await refused('liaison_hz', '/records/licences/LIC-FYA', ENTITIES.FYA);
  await refused('liaison_hz', '/imports', 'IMP-');
  assert.deepEqual(await ids('liaison_nb', '/records/inspections'), ['INS-HSA']);
});

test("a supervisor cannot take in another county's 12345 ticket, and learns nothing of it", async () => {
  const ticket = {
    sourceSystem: '12345',
    sourceId: 'T-FYA',
    regionCode: '330106',
    receivedAt: '2025-03-15T10:00:00+08:00',
    category: '执法投诉',
    content: '反映执法人员态度粗暴。',
    concernsEnforcement: true,
  };
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/hotline-tickets',
    headers: { cookie: await as('sup_xh') },
    payload: ticket,
  });
  assert.ok([403, 404, 409].includes(res.statusCode), `${res.statusCode} ${res.body}`);
  assert.ok(!res.body.includes('HOT-FYA') && !res.body.includes('hot-') && !res.body.includes('CL-'), res.body);
  const [made] = await store.query<{ n: number }>(`SELECT count(*) AS n FROM clues WHERE source = 'hotline'`);
  assert.equal(Number(made.n), 0, 'no clue was created');
  const [row] = await store.query<{ intake: string | null }>(`SELECT intake FROM hotline_tickets WHERE id = 'HOT-FYA'`);
  assert.equal(row.intake, null);
  // The ticket's own county takes it in.
  const own = await app.inject({
    method: 'POST',
    url: '/api/v1/hotline-tickets',
    headers: { cookie: await as('sup_fy') },
    payload: { ...ticket, regionCode: '330111' },
  });
  assert.ok([200, 201].includes(own.statusCode), own.body);
  assert.equal(own.json().ticketId, 'HOT-FYA');
});

test("import error files: the batch's owner and the supervisors over its region, with personal data masked per role", async () => {
  const url = '/imports/IMP-STAFFFYA/errors.csv';
  for (const u of ['staff_fyb', 'officer_fya', 'sup_xh', 'sup_nb', 'invited_hz', 'liaison_hz']) await refused(u, url, '13500004000');
  const owner = await get('staff_fya', url);
  assert.equal(owner.statusCode, 200);
  assert.ok(!owner.body.includes('13500004000') && owner.body.includes('135****4000'), owner.body);
  const sup = await get('sup_fy', url);
  assert.equal(sup.statusCode, 200);
  assert.ok(!sup.body.includes('13500004000') && !sup.body.includes('联系人子某'), sup.body);
  assert.ok((await get('sup_hz', url)).statusCode === 200);
  assert.ok((await get('admin', url)).body.includes('13500004000'));
  // The batch list follows the same rule.
  assert.deepEqual(
    (await get('staff_fya', '/imports')).json().items.map((b: { id: string }) => b.id),
    ['IMP-STAFFFYA'],
  );
  assert.deepEqual(
    (await get('sup_fy', '/imports'))
      .json()
      .items.map((b: { id: string }) => b.id)
      .sort(),
    ['IMP-STAFFFYA', 'IMP-STAFFFYB', 'IMP-SUPFY'],
  );
});

test("agency staff cannot overwrite another agency's delivery by sending its key with their own case", async () => {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/ingest/deliveries',
    headers: { cookie: await as('staff_fya') },
    payload: {
      sourceSystem: 'world',
      records: [{ source_id: 'dlv-FYB', region_code: '330111', case_id: 'case-FYA', method: 'direct', sent_on: '2025-03-22' }],
    },
  });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual([res.json().inserted, res.json().updated, res.json().rowsBad], [0, 0, 1]);
  const [row] = await store.query<{ case_id: string; method: string }>(`SELECT case_id, method FROM deliveries WHERE id = 'DLV-FYB'`);
  assert.deepEqual(row, { case_id: CASES.FYB, method: 'post' });
  // Its own delivery, under its own case, lands.
  const own = await app.inject({
    method: 'POST',
    url: '/api/v1/ingest/deliveries',
    headers: { cookie: await as('staff_fya') },
    payload: {
      sourceSystem: 'world',
      records: [{ source_id: 'dlv-FYA2', region_code: '330111', case_id: 'case-FYA', method: 'direct', sent_on: '2025-03-22' }],
    },
  });
  assert.equal(own.json().inserted, 1, own.body);
});

test("an entity's legal representative and address are masked for supervisors, in clear for its agency and the admin", async () => {
  const legalRep = '法人代表甲某某';
  const address = '浙江省杭州市测试路100号1幢';
  const sup = (await get('sup_fy', `/records/entities/${ENTITIES.FYA}`)).json().record;
  assert.notEqual(sup.legal_rep, legalRep);
  assert.notEqual(sup.address, address);
  assert.match(sup.legal_rep, /^法\*+$/);
  assert.match(sup.address, /^浙江省杭州市\*+$/);
  const list = await get('sup_hz', '/records/entities');
  assert.ok(!list.body.includes(legalRep) && !list.body.includes(address));
  for (const u of ['staff_fya', 'admin', 'liaison_hz']) {
    const r = (await get(u, `/records/entities/${ENTITIES.FYA}`)).json().record;
    assert.deepEqual([r.legal_rep, r.address], [legalRep, address], u);
  }
});
