// Models a county writes itself: the template compiler (exact SQL; unknown kinds, columns, operators and
// values refused with the field named), preview on the live data, versions, switching on, and the clues
// a local model raises through triage, over its own region only. Both engines.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { openTestStore } from './helpers/store.ts';
import { addUser, seedTwoCounties } from './helpers/fixtures.ts';
import { caseRecord, coerciveMeasure, inspection } from './helpers/records.ts';
import { login, quietEnvironment } from './helpers/clues.ts';
import { compileTemplate, templateKinds, templateProblem, type Template } from '../src/models/local/template.ts';
import { KIND_SPECS } from '../src/records/registry.ts';
import { duckdbDialect } from '../src/store/dialect.ts';
import { sql, raw } from '../src/store/sql.ts';
import { buildApp } from '../src/api/app.ts';
import { runModels } from '../src/models/runner.ts';
import { enabledLocalModels } from '../src/models/local/local-models.ts';

const t = await openTestStore();
const { store } = t;
const FY = '91330100470102706G';
const XH = '91330000733796106P';
let app: FastifyInstance;
let admin = '';
let xhAdmin = '';
let sup = '';

/** Complaint-prompted inspections of one enterprise: three or more in 90 days. */
const TEMPLATE: Template = {
  name: '投诉检查过密',
  description: '同一企业90天内因投诉举报被检查3次以上。',
  kind: 'inspections',
  filters: [
    { field: 'kind', op: 'eq', value: 'complaint' },
    { field: 'result', op: 'in', value: ['compliant', 'issues'] },
  ],
  groupBy: 'entity_uscc',
  dateField: 'inspected_on',
  windowDays: 90,
  threshold: 3,
  severity: 'high',
  explanation:
    '数据显示，该企业{first_on}至{last_on}因投诉举报被检查{record_count}次（{window_days}天内不少于{threshold}次），请核实检查是否必要。',
  basis: { regulationId: 'xingzheng-chufa-fa', article: 5 },
};

before(async () => {
  quietEnvironment();
  await seedTwoCounties(store);
  await store.copyIn(
    'regulations',
    ['id', 'title', 'kind', 'status'],
    [['xingzheng-chufa-fa', '中华人民共和国行政处罚法', 'law', 'verbatim']],
  );
  await store.copyIn('articles', ['regulation_id', 'number', 'label', 'text'], [['xingzheng-chufa-fa', 5, '第五条', null]]);
  for (const [uscc, region, agency] of [
    [FY, '330111', 'AG-FY-ZHZF'],
    [XH, '330106', 'AG-XH-SCJG'],
  ])
    for (const d of ['2025-10-15', '2025-11-01', '2025-12-01'])
      await inspection(store, { entity_uscc: uscc, region_code: region, agency_id: agency, kind: 'complaint', inspected_on: d });
  // Near misses: a random inspection, and a complaint one a day before the 90 days.
  await inspection(store, { entity_uscc: FY, kind: 'random', inspected_on: '2025-12-02' });
  await inspection(store, { entity_uscc: FY, kind: 'complaint', inspected_on: '2025-10-02' });
  await addUser(store, 'fy-admin', 'admin', '330111');
  await addUser(store, 'xh-admin', 'admin', '330106');
  await addUser(store, 'fy-sup', 'supervisor', '330111');
  app = await buildApp({ store, asOf: '2025-12-31' });
  admin = await login(app, 'fy-admin');
  xhAdmin = await login(app, 'xh-admin');
  sup = await login(app, 'fy-sup');
});
after(async () => {
  await app.close();
  await t.close();
});

test('a template compiles to the SQL shape of the shipped models: registry columns, values as parameters', () => {
  const q = compileTemplate(TEMPLATE)({
    dialect: duckdbDialect,
    params: {},
    asOf: '2025-12-31',
    where: (a) => sql`${raw(a)}.region_code LIKE ${'3301%'}`,
  }).render();
  assert.equal(
    q.text.replace(/\s+/g, ' ').trim(),
    "SELECT h.*, (SELECT e.name FROM entities e WHERE e.uscc = h.subject_id) AS subject_name FROM ( SELECT 'entity' AS subject_kind, CAST(r.entity_uscc AS VARCHAR) AS subject_id, min(r.region_code) AS region_code, min(r.agency_id) AS agency_id, '2025' AS window_key, " +
      duckdbDialect.stringAgg('r.id', ',', ['r.inspected_on', 'r.id']) +
      ' AS evidence_ids, CAST(count(*) AS INTEGER) AS record_count, CAST(min(r.inspected_on) AS VARCHAR) AS first_on, CAST(max(r.inspected_on) AS VARCHAR) AS last_on FROM inspections r WHERE r.region_code LIKE $1 AND r.inspected_on >= ' +
      duckdbDialect.addDays(`DATE '2025-12-31'`, '-89') +
      ' AND r.inspected_on <= CAST($2 AS DATE) AND r.kind = $3 AND r.result IN ($4, $5) AND r.entity_uscc IS NOT NULL GROUP BY r.entity_uscc HAVING count(*) >= $6 ) h',
  );
  assert.deepEqual(q.params, ['3301%', '2025-12-31', 'complaint', 'compliant', 'issues', 3]);
});

test('unknown kinds, columns, operators and values are refused, naming the field', () => {
  const bad = (change: Partial<Template>) => templateProblem({ ...TEMPLATE, ...change });
  assert.equal(templateProblem(TEMPLATE), null);
  assert.equal(bad({ kind: 'users' })?.[0], 'kind');
  assert.equal(bad({ filters: [{ field: 'password_hash', op: 'eq', value: 'x' }] })?.[0], 'filters[0].field');
  assert.equal(bad({ filters: [{ field: 'kind; DROP TABLE clues', op: 'eq', value: 'x' }] })?.[0], 'filters[0].field');
  assert.equal(bad({ filters: [{ field: 'kind', op: 'like' as 'eq', value: '%' }] })?.[0], 'filters[0].op');
  assert.equal(bad({ filters: [{ field: 'kind', op: 'eq', value: 'night' }] })?.[0], 'filters[0].value');
  assert.equal(bad({ filters: [{ field: 'inspected_on', op: 'gt', value: 'yesterday' }] })?.[0], 'filters[0].value');
  assert.equal(bad({ groupBy: 'kind' })?.[0], 'groupBy');
  assert.equal(bad({ dateField: 'entity_uscc' })?.[0], 'dateField');
  assert.equal(bad({ windowDays: 0 })?.[0], 'windowDays');
  assert.equal(bad({ explanation: '共{record_count}次，{password}' })?.[0], 'explanation');
  assert.match(bad({ filters: [{ field: 'kind', op: 'like' as 'eq', value: '%' }] })![1], /不支持的比较方式/);
});

// Record kinds of agencies' acts a template leaves out, and why.
const NOT_FOR_TEMPLATES: Readonly<Record<string, string>> = {
  inspection_plans: 'a plan is not an act on an enterprise: the plan models read it with its tasks',
};

test("every record kind of an agency's acts, with a region, an agency column and a date, is one a template may read", () => {
  const acts = Object.values(KIND_SPECS)
    .filter(
      (k) =>
        !k.reference &&
        k.agencyScope !== null &&
        'column' in k.agencyScope &&
        k.fields.some((f) => f.name === 'region_code') &&
        k.fields.some((f) => f.type === 'date'),
    )
    .map((k) => k.kind)
    .filter((k) => !(k in NOT_FOR_TEMPLATES));
  assert.ok(acts.includes('coercive_measures') && acts.includes('monitoring_devices'), acts.join());
  assert.deepEqual(
    templateKinds()
      .map((k) => k.kind)
      .sort(),
    acts.sort(),
  );
});

test('a template over 行政强制措施: seizures of one enterprise in a year, counted on the store', async () => {
  const seizures: Template = {
    ...TEMPLATE,
    name: '同一企业多次扣押',
    description: '同一企业一年内被扣押2次以上。',
    kind: 'coercive_measures',
    filters: [{ field: 'measure', op: 'eq', value: 'seize' }],
    groupBy: 'entity_uscc',
    dateField: 'started_on',
    windowDays: 365,
    threshold: 2,
    explanation: '数据显示，该企业{first_on}至{last_on}被扣押{record_count}次，请核实。',
  };
  assert.equal(templateProblem(seizures), null);
  for (const [id, measure, on] of [
    ['CM-T1', 'seize', '2025-03-01'],
    ['CM-T2', 'seize', '2025-11-20'],
    ['CM-T3', 'seal', '2025-11-21'],
  ])
    await coerciveMeasure(store, { id, entity_uscc: XH, region_code: '330106', agency_id: 'AG-XH-SCJG', measure, started_on: on });
  const hits = await store.query<{ subject_id: string; record_count: number; evidence_ids: string }>(
    compileTemplate(seizures)({
      dialect: store.dialect,
      params: {},
      asOf: '2025-12-31',
      where: (a) => sql`${raw(a)}.region_code LIKE ${'33%'}`,
    }),
  );
  assert.deepEqual(
    hits.map((h) => [h.subject_id, Number(h.record_count), h.evidence_ids]),
    [[XH, 2, 'CM-T1,CM-T2']],
  );
});

test('a field with several codes in a cell (其他处罚种类) is compared per code: 包含, 不包含, 包含其一', async () => {
  const revoked: Template = {
    ...TEMPLATE,
    name: '吊销许可证件的案件',
    description: '决定中含吊销许可证件的案件。',
    kind: 'cases',
    filters: [{ field: 'sanctions', op: 'eq', value: 'revoke_licence' }],
    groupBy: undefined,
    dateField: 'decided_on',
    windowDays: 365,
    threshold: 1,
    explanation: '数据显示，该案件于{first_on}作出含吊销许可证件的决定，请核实。',
  };
  assert.equal(templateProblem(revoked), null);
  assert.match(
    templateProblem({ ...revoked, filters: [{ field: 'sanctions', op: 'gt', value: 'revoke_licence' }] })![1],
    /包含、不包含或包含其一/,
  );
  // 等于 on this field reads as 包含: a cell holding the code among others matches, an empty cell does not.
  for (const [id, sanctions] of [
    ['CASE-S1', 'confiscate_goods;revoke_licence'],
    ['CASE-S2', 'revoke_licence'],
    ['CASE-S3', 'confiscate_goods;suspend_licence'],
    ['CASE-S4', null],
  ])
    await caseRecord(store, { id, entity_uscc: XH, region_code: '330106', agency_id: 'AG-XH-SCJG', sanctions, decided_on: '2025-11-01' });
  const ids = async (filters: Template['filters']) =>
    (
      await store.query<{ evidence_ids: string }>(
        compileTemplate({ ...revoked, filters })({
          dialect: store.dialect,
          params: {},
          asOf: '2025-12-31',
          where: (a) => sql`${raw(a)}.region_code LIKE ${'330106%'}`,
        }),
      )
    )
      .map((h) => h.evidence_ids)
      .filter((id) => id.startsWith('CASE-S')) // the fixture's own cases of the county aside
      .sort();
  assert.deepEqual(await ids(revoked.filters), ['CASE-S1', 'CASE-S2']);
  assert.deepEqual(await ids([{ field: 'sanctions', op: 'ne', value: 'revoke_licence' }]), ['CASE-S3', 'CASE-S4']);
  assert.deepEqual(await ids([{ field: 'sanctions', op: 'in', value: ['suspend_licence', 'revoke_licence'] }]), [
    'CASE-S1',
    'CASE-S2',
    'CASE-S3',
  ]);
  assert.deepEqual(await ids([{ field: 'sanctions', op: 'eq', value: 'confiscate_goods' }]), ['CASE-S1', 'CASE-S3']);
});

test('preview, save, versions, switch on: the local model raises its clues through triage over its own region', async () => {
  const post = (cookie: string, url: string, payload: unknown, method: 'POST' | 'PUT' = 'POST') =>
    app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, payload: payload as object });
  // Preview on the live data: 富阳区's enterprise only (西湖区 is outside the caller's region).
  const preview = await post(admin, '/local-models/preview', { regionCode: '330111', template: TEMPLATE });
  assert.equal(preview.statusCode, 200, preview.body);
  assert.equal(preview.json().hits, 1);
  assert.equal(preview.json().sample[0].subjectId, FY);
  assert.equal(
    preview.json().sample[0].explanation,
    '数据显示，该企业2025-10-15至2025-12-01因投诉举报被检查3次（90天内不少于3次），请核实检查是否必要。',
  );
  assert.equal((await store.query('SELECT id FROM model_hits')).length, 0, 'a preview writes nothing');
  // A refused template: 400 with the field; a supervisor or another county's admin may not write.
  const refused = await post(admin, '/local-models/preview', { regionCode: '330111', template: { ...TEMPLATE, groupBy: 'kind' } });
  assert.equal(refused.statusCode, 400);
  assert.equal(refused.json().error.field, 'groupBy');
  assert.equal((await post(sup, '/local-models', { regionCode: '330111', template: TEMPLATE })).statusCode, 403);
  assert.equal((await post(xhAdmin, '/local-models', { regionCode: '330111', template: TEMPLATE })).statusCode, 403);

  const created = await post(admin, '/local-models', { regionCode: '330111', template: { ...TEMPLATE, threshold: 4 } });
  assert.equal(created.statusCode, 201, created.body);
  const code = created.json().code as string;
  assert.equal(created.json().enabled, false);
  const v2 = await post(admin, `/local-models/${code}`, { regionCode: '330111', template: TEMPLATE }, 'PUT');
  assert.equal(v2.json().version, 2);
  assert.deepEqual(
    v2.json().versions.map((v: { version: number; template: Template }) => [v.version, v.template.threshold]),
    [
      [2, 3],
      [1, 4],
    ],
  );
  // Off: not run.
  assert.equal((await enabledLocalModels(store)).length, 0);
  const on = await post(admin, `/local-models/${code}/enabled`, { enabled: true }, 'PUT');
  assert.equal(on.json().enabled, true);
  const audit = await store.query<{ action: string }>(`SELECT action FROM audit_log WHERE target = '${code}' ORDER BY seq`);
  assert.deepEqual(
    audit.map((a) => a.action),
    ['local_model.create', 'local_model.update', 'local_model.enable'],
  );

  // Run over the province: the model runs over 富阳区 only; its hit is triaged and kept.
  const reports = await runModels(store, await enabledLocalModels(store), { asOf: '2025-12-31' });
  assert.equal(reports[0].hits, 1);
  const [hit] = await store.query<{ subject_id: string; bundle_subject: string; score: number }>(
    `SELECT subject_id, bundle_subject, score FROM model_hits WHERE model_code = '${code}'`,
  );
  assert.equal(hit.subject_id, FY);
  assert.equal(hit.bundle_subject, `entity|${FY}|`);
  assert.equal(Number(hit.score), 55); // high 40 + a pattern of records 15: a 预警 under the defaults
  // The county lowers its 简易 line and the next hit opens a clue its agency closes itself.
  const th = await app.inject({
    method: 'PUT',
    url: '/api/v1/triage/settings/330111',
    headers: { cookie: admin },
    payload: { simpleMin: 50, generalMin: 80, generalSeverity: 'high', simpleDays: 15 },
  });
  assert.equal(th.statusCode, 200, th.body);
  await inspection(store, { entity_uscc: FY, kind: 'complaint', inspected_on: '2025-12-20' });
  await store.exec(`DELETE FROM model_hits WHERE model_code = '${code}'`);
  await runModels(store, await enabledLocalModels(store), { asOf: '2025-12-31' });
  const clues = await app.inject({ method: 'GET', url: `/api/v1/clues?modelCode=${code}`, headers: { cookie: sup } });
  assert.equal(clues.json().total, 1, clues.body);
  assert.equal(clues.json().rows[0].procedure, 'simple');
});
