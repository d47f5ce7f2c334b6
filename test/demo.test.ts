import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { openTestStore, TEST_ENGINE } from './helpers/store.ts';
import { DemoError, existingData, generateDemo, type DemoResult } from '../src/demo/generate.ts';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../src/store/open-store.ts';
import { VIOLATIONS, type Violation } from '../src/demo/ground-truth.ts';
import { DEMO_AS_OF as AS_OF_ISO } from './helpers/demo-day.ts';
import { RECORD_TABLES } from '../src/demo/tables.ts';
import { Rng } from '../src/demo/prng.ts';
import { mergeGroupSql } from '../src/catalog/joint-scenarios.ts';
import { pickFine, pickFineOutside, selectTier } from '../src/demo/rules.ts';
import { isValidUscc } from '../src/domain/uscc.ts';
import type { Store, Row } from '../src/store/store.ts';
import { runModels } from '../src/models/runner.ts';
import { findModel } from '../src/models/library/index.ts';

const t = await openTestStore();
const { store } = t;
after(() => t.close());

const d = store.dialect;
/** Inspection kinds the repeat rule leaves out: joint ones, and targeted ones (优化营商环境条例 第五十四条 第二款). */
const ROUTINE_EXCLUDED = "'joint', 'complaint', 'referral', 'monitoring'";
const asOf = `CAST('${AS_OF_ISO}' AS DATE)`;

/** A fingerprint of the data set: counts and the first rows of several tables, in id order. */
async function snapshot(s: Store): Promise<Record<string, Row[]>> {
  const out: Record<string, Row[]> = {};
  for (const [table, key] of [
    ['entities', 'uscc'],
    ['agencies', 'id'],
    ['officers', 'id'],
    ['inspections', 'id'],
    ['cases', 'id'],
    ['licences', 'id'],
    ['payments', 'id'],
    ['hotline_tickets', 'id'],
    ['followup_answers', 'id'],
    ['regions', 'code'],
  ] as const) {
    // The change stamp (changed_at) says when a row was written, not what it holds.
    out[table] = (await s.query(`SELECT * FROM ${table} ORDER BY ${key} LIMIT 40`)).map(({ changed_at: _, ...r }) => r);
  }
  out.totals = await s.query(`SELECT (SELECT count(*) FROM inspections) AS inspections, (SELECT sum(fine_amount) FROM cases) AS fines,
    (SELECT count(*) FROM ground_truth) AS truth, (SELECT max(entity_uscc) FROM inspections) AS last_entity`);
  return out;
}

let first: DemoResult;
let seed1: Record<string, Row[]>;

before(async () => {
  first = await generateDemo(store, { scale: 'demo', seed: 1, asOf: AS_OF_ISO });
  seed1 = await snapshot(store);
});

test(`demo scale on ${TEST_ENGINE}: 100–200k records over every record table, all 11 cities present`, async () => {
  assert.ok(first.records >= 100_000 && first.records <= 200_000, `records ${first.records}`);
  for (const table of RECORD_TABLES) assert.ok(first.counts[table] > 0, `no ${table}`);
  const [cities] = await store.query<{ n: number }>(`SELECT count(DISTINCT substr(region_code, 1, 4)) AS n FROM entities`);
  assert.equal(Number(cities.n), 11);
  const [agencyCities] = await store.query<{ n: number }>(
    `SELECT count(DISTINCT substr(region_code, 1, 4)) AS n FROM agencies WHERE level <> 'province'`,
  );
  assert.equal(Number(agencyCities.n), 11);
  // The counts the generator reports are the rows the store holds.
  for (const table of [...RECORD_TABLES, 'entities', 'agencies', 'officers', 'ground_truth']) {
    const [r] = await store.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`);
    assert.equal(Number(r.n), first.counts[table], table);
  }
});

test('a store that already has records is refused without --reset', async () => {
  await assert.rejects(
    generateDemo(store, { scale: 'demo', seed: 1, asOf: AS_OF_ISO }),
    (e: unknown) => e instanceof DemoError && /--reset/.test(e.message),
  );
});

test('same scale and seed give the same data; another seed gives other data (reset in between)', async () => {
  // Models run on the first data set: a reset empties their hits, clues and notifications with the records.
  await runModels(store, [findModel('PEN_NO_NOTICE')!, findModel('INS_TARGETED_NO_TRIGGER')!], { asOf: AS_OF_ISO });
  const derived = ['model_hits', 'clues', 'notifications'];
  const rows = async (t: string) => Number((await store.query<{ n: number }>(`SELECT count(*) AS n FROM ${t}`))[0].n);
  assert.ok((await rows('model_hits')) > 0 && (await rows('clues')) > 0, 'the models found something to reset');
  const other = await generateDemo(store, { scale: 'demo', seed: 2, reset: true, asOf: AS_OF_ISO });
  for (const t of derived) assert.equal(await rows(t), 0, `${t} left from the data set before the reset`);
  const seed2 = await snapshot(store);
  assert.notDeepEqual(seed2.entities, seed1.entities);
  assert.notDeepEqual(seed2.cases, seed1.cases);
  assert.notDeepEqual(other.counts, first.counts);
  const again = await generateDemo(store, { scale: 'demo', seed: 1, reset: true, asOf: AS_OF_ISO });
  assert.deepEqual(again.counts, first.counts);
  assert.deepEqual(again.planted, first.planted);
  assert.deepEqual(await snapshot(store), seed1);
});

test('every entity has a valid unified social credit code; 个体工商户 carry 92, the county code is its region part', async () => {
  const rows = await store.query<{ uscc: string; region_code: string; name: string }>('SELECT uscc, region_code, name FROM entities');
  for (const r of rows) {
    assert.ok(isValidUscc(r.uscc), r.uscc);
    assert.equal(r.uscc.slice(2, 8), r.region_code.slice(0, 6), r.uscc);
  }
  assert.ok(rows.some((r) => r.uscc.startsWith('92')) && rows.some((r) => r.uscc.startsWith('91')));
});

test('every record names a known region, an existing agency, entity, officer and parent record', async () => {
  const orphans: Record<string, string> = {
    'region of a record': RECORD_TABLES.map((t) => `SELECT region_code FROM ${t}`).join(' UNION ALL '),
    'region of an entity, agency or officer':
      'SELECT region_code FROM entities UNION ALL SELECT region_code FROM agencies UNION ALL SELECT region_code FROM officers',
  };
  for (const [what, q] of Object.entries(orphans)) {
    const [r] = await store.query<{ n: number }>(`SELECT count(*) AS n FROM (${q}) x WHERE region_code NOT IN (SELECT code FROM regions)`);
    assert.equal(Number(r.n), 0, what);
  }
  const checks: [string, string][] = [
    [
      'agency',
      [
        'licences',
        'inspections',
        'cases',
        'coercive_measures',
        'confiscated_goods',
        'service_visits',
        'delegations',
        'officers',
        'review_outcomes',
      ]
        .map((t) => `SELECT agency_id AS k FROM ${t}`)
        .join(' UNION ALL ') +
        ' UNION ALL SELECT agency_id FROM hotline_tickets WHERE agency_id IS NOT NULL) x WHERE k NOT IN (SELECT id FROM agencies',
    ],
    [
      'entity',
      ['licences', 'inspections', 'cases', 'service_visits', 'followup_tasks']
        .map((t) => `SELECT entity_uscc AS k FROM ${t}`)
        .join(' UNION ALL ') +
        ' UNION ALL SELECT entity_uscc FROM hotline_tickets WHERE entity_uscc IS NOT NULL UNION ALL SELECT provider_uscc FROM delegations) x WHERE k NOT IN (SELECT uscc FROM entities',
    ],
    [
      'officer',
      `SELECT lead_officer_id AS k FROM inspections UNION ALL SELECT assist_officer_id FROM inspections WHERE assist_officer_id IS NOT NULL
      UNION ALL SELECT lead_officer_id FROM cases UNION ALL SELECT lead_officer_id FROM coercive_measures UNION ALL SELECT assist_officer_id FROM coercive_measures
      UNION ALL SELECT officer_id FROM service_visits UNION ALL SELECT officer_id FROM certificates) x WHERE k NOT IN (SELECT id FROM officers`,
    ],
    [
      'case',
      'SELECT case_id AS k FROM deliveries UNION ALL SELECT case_id FROM payments UNION ALL SELECT case_id FROM review_outcomes) x WHERE k NOT IN (SELECT id FROM cases',
    ],
    [
      'case of the reviewing agency, decided before the review',
      `SELECT r.id AS k FROM review_outcomes r JOIN cases c ON c.id = r.case_id WHERE c.agency_id <> r.agency_id OR c.decided_on >= r.applied_on
        OR r.decided_on < r.applied_on OR r.carried_out_on < r.decided_on) x WHERE k NOT IN (SELECT 'none'`,
    ],
    [
      'inspection of a case',
      'SELECT inspection_id AS k FROM cases WHERE inspection_id IS NOT NULL) x WHERE k NOT IN (SELECT id FROM inspections',
    ],
    ['case of a measure', 'SELECT case_id AS k FROM coercive_measures WHERE case_id IS NOT NULL) x WHERE k NOT IN (SELECT id FROM cases'],
    [
      'fined case of the same agency and party for confiscated goods',
      `SELECT g.id AS k FROM confiscated_goods g LEFT JOIN cases c ON c.id = g.case_id WHERE c.id IS NULL OR c.agency_id <> g.agency_id
        OR c.entity_uscc <> g.entity_uscc OR c.decision <> 'fine' OR c.decided_on <> g.confiscated_on) x WHERE k NOT IN (SELECT 'none'`,
    ],
    ['campaign', 'SELECT campaign_id AS k FROM followup_tasks) x WHERE k NOT IN (SELECT id FROM campaigns'],
    ['task', 'SELECT task_id AS k FROM followup_answers) x WHERE k NOT IN (SELECT id FROM followup_tasks'],
  ];
  for (const [what, q] of checks) {
    const [r] = await store.query<{ n: number }>(`SELECT count(*) AS n FROM (${q})`);
    assert.equal(Number(r.n), 0, `unknown ${what}`);
  }
  const [towns] = await store.query<{ n: number; bad: number }>(
    `SELECT count(*) AS n, sum(CASE WHEN length(code) = 9 AND substr(code, 1, 6) = parent_code AND (name LIKE '%街道' OR name LIKE '%镇' OR name LIKE '%乡') THEN 0 ELSE 1 END) AS bad
     FROM regions WHERE is_demo = TRUE`,
  );
  assert.ok(Number(towns.n) > 100);
  assert.equal(Number(towns.bad), 0);
});

// ── the rules, in SQL: the set of records that break each rule must be exactly the planted set ─────

const ids = async (q: string): Promise<Set<string>> => new Set((await store.query<{ id: string }>(q)).map((r) => r.id));
const planted = (v: Violation, kind?: string): Promise<Set<string>> =>
  ids(`SELECT record_id AS id FROM ground_truth WHERE violation = '${v}'${kind ? ` AND record_kind = '${kind}'` : ''}`);

function assertSame(actual: Set<string>, expected: Set<string>, what: string): void {
  const missing = [...expected].filter((x) => !actual.has(x));
  const extra = [...actual].filter((x) => !expected.has(x));
  assert.ok(expected.size > 0, `${what}: nothing planted`);
  assert.deepEqual(
    { missing: missing.slice(0, 5), extra: extra.slice(0, 5) },
    { missing: [], extra: [] },
    `${what}: ${missing.length} planted not breaking the rule, ${extra.length} unplanted breaking it`,
  );
}

const LOW_AGENCIES = `
    WITH r AS (SELECT r.id, r.agency_id, CASE WHEN r.score <= 2 THEN 1 ELSE 0 END AS low, r.officer_ids FROM inspection_ratings r),
    top AS (
      SELECT agency_id, max(n) AS top FROM (
        SELECT r.agency_id, o.officer_id, count(*) AS n FROM r JOIN (SELECT id, ${d.unnestCsv('officer_ids')} AS officer_id FROM r) o ON o.id = r.id
        WHERE r.low = 1 GROUP BY r.agency_id, o.officer_id) x GROUP BY agency_id
    )
    SELECT r.agency_id AS id FROM r JOIN top ON top.agency_id = r.agency_id
    GROUP BY r.agency_id, top.top HAVING count(*) >= 20 AND 10 * sum(r.low) >= 3 * count(*) AND 10 * top.top < 7 * sum(r.low)`;

/** Per fine case, its payments paid by the as-of day: 加处罚款 stated, the fine paid where stated, amount not stating it. */
const PAID = `
    SELECT c.id, c.fine_amount, sum(p.surcharge) AS surcharge, COALESCE(sum(p.amount - p.surcharge), 0) AS principal,
           COALESCE(sum(CASE WHEN p.surcharge IS NULL THEN p.amount END), 0) AS unstated, min(p.due_on) AS due_on,
           max(CASE WHEN p.surcharge > 0 THEN p.paid_on END) AS surcharge_paid_on
    FROM cases c JOIN payments p ON p.case_id = c.id
    WHERE c.decision = 'fine' AND c.fine_amount > 0 AND p.paid_on IS NOT NULL AND p.paid_on <= ${asOf}
    GROUP BY c.id, c.fine_amount`;

const RULES: Record<Violation, { kind?: string; sql: string }> = {
  // ≥ 3 different agencies within 7 days (b up to 7 days after a), joint and targeted inspections excluded.
  repeat_inspection: {
    kind: 'entity',
    sql: `
    SELECT DISTINCT a.entity_uscc AS id FROM inspections a JOIN inspections b ON b.entity_uscc = a.entity_uscc
      AND b.inspected_on >= a.inspected_on AND b.inspected_on <= ${d.addDays('a.inspected_on', '7')} AND b.kind NOT IN (${ROUTINE_EXCLUDED})
    WHERE a.kind NOT IN (${ROUTINE_EXCLUDED}) GROUP BY a.entity_uscc, a.id HAVING count(DISTINCT b.agency_id) >= 3`,
  },
  // One agency, one item, one calendar year, more often than the list allows; targeted inspections excluded.
  over_frequency: {
    kind: 'entity',
    sql: `
    SELECT DISTINCT i.entity_uscc AS id FROM inspections i JOIN inspection_items ii ON ii.code = i.inspection_item_code
    WHERE i.kind NOT IN ('complaint', 'referral', 'monitoring')
    GROUP BY i.agency_id, i.entity_uscc, i.inspection_item_code, EXTRACT(YEAR FROM i.inspected_on), ii.max_per_year HAVING count(*) > ii.max_per_year`,
  },
  // Outside the range of the tier the facts select, in the province baseline or the city's refinement.
  fine_outside_tier: {
    kind: 'case',
    sql: `
    WITH k AS (
      SELECT c.*, substr(c.region_code, 1, 4) || '00' AS city, substr(c.region_code, 1, 6) AS county FROM cases c WHERE c.decision = 'fine'
    ), listed AS (
      SELECT DISTINCT k.id FROM k JOIN exemptions x ON x.item_code = k.item_code AND x.region_code IN ('330000', k.city, k.county)
    ), mit AS (
      SELECT DISTINCT b.item_code FROM baselines b JOIN baseline_tiers t ON t.baseline_id = b.id AND t.tier = 'mitigated' WHERE b.region_code = '330000'
    ), sel AS (
      SELECT k.id, k.item_code, k.city, k.fine_amount, CASE
        WHEN l.id IS NOT NULL AND k.first_offence AND k.corrected AND k.harm = 'none' THEN 'exempt'
        WHEN k.harm = 'serious' THEN 'severe'
        WHEN k.first_offence AND k.corrected THEN CASE WHEN m.item_code IS NOT NULL THEN 'mitigated' ELSE 'lenient' END
        WHEN k.first_offence OR k.corrected THEN 'lenient'
        ELSE 'general' END AS tier
      FROM k LEFT JOIN listed l ON l.id = k.id LEFT JOIN mit m ON m.item_code = k.item_code
    )
    SELECT DISTINCT s.id FROM sel s JOIN baselines b ON b.item_code = s.item_code AND b.region_code IN ('330000', s.city)
      JOIN baseline_tiers t ON t.baseline_id = b.id AND t.tier = s.tier
    WHERE s.fine_amount < t.fine_min OR s.fine_amount > t.fine_max`,
  },
  fined_despite_exemption: {
    kind: 'case',
    sql: `
    SELECT DISTINCT c.id FROM cases c JOIN exemptions x ON x.item_code = c.item_code
      AND x.region_code IN ('330000', substr(c.region_code, 1, 4) || '00', substr(c.region_code, 1, 6))
    WHERE c.decision = 'fine' AND c.first_offence AND c.corrected AND c.harm = 'none'`,
  },
  case_overdue: {
    kind: 'case',
    sql: `
    SELECT id FROM cases WHERE ${d.daysBetween('filed_on', `COALESCE(decided_on, ${asOf})`)} > 90`,
  },
  single_officer: {
    sql: `SELECT id FROM inspections WHERE assist_officer_id IS NULL UNION SELECT id FROM cases WHERE assist_officer_id IS NULL`,
  },
  expired_certificate: {
    kind: 'inspection',
    sql: `
    SELECT DISTINCT i.id FROM inspections i JOIN certificates c ON c.officer_id IN (i.lead_officer_id, i.assist_officer_id)
    WHERE c.expires_on < i.inspected_on OR c.issued_on > i.inspected_on`,
  },
  delegation_off_whitelist: {
    kind: 'delegation',
    sql: `
    SELECT d.id FROM delegations d JOIN agencies a ON a.id = d.agency_id WHERE NOT EXISTS (
      SELECT 1 FROM service_whitelist w WHERE w.code = d.service_code AND (w.line_code IS NULL OR w.line_code = a.line_code)
        AND w.region_code IN ('330000', substr(d.region_code, 1, 4) || '00', substr(d.region_code, 1, 6)))`,
  },
  delegation_unapproved: { kind: 'delegation', sql: `SELECT id FROM delegations WHERE NOT approved` },
  fake_service_visit: {
    kind: 'service_visit',
    sql: `
    SELECT DISTINCT v.id FROM service_visits v JOIN followup_tasks t ON t.subject_kind = 'service_visit' AND t.subject_id = v.id
      JOIN followup_answers a ON a.task_id = t.id WHERE a.says_inspection`,
  },
  // Working days (the calendar table) beyond the shorter of the statutory limit (with an approved
  // extension) and the promise, plus the time 第四十五条 leaves out; or pending past it.
  licence_overdue: {
    kind: 'licence',
    sql: `
    SELECT l.id FROM licences l JOIN items i ON i.code = l.item_code
      JOIN calendar_days a ON a.day = l.applied_on JOIN calendar_days e ON e.day = COALESCE(l.decided_on, ${asOf})
    WHERE e.due - a.done > COALESCE(l.excluded_days, 0) + CASE WHEN l.promised_days < i.time_limit_days + COALESCE(l.extended_days, 0)
      THEN l.promised_days ELSE i.time_limit_days + COALESCE(l.extended_days, 0) END`,
  },
  payment_overdue: {
    kind: 'payment',
    sql: `
    SELECT id FROM payments WHERE paid_on > due_on OR (paid_on IS NULL AND due_on < ${asOf})`,
  },
  // Later than the 7th working day after the decision: post and public notice by the day sent.
  delivery_overdue: {
    kind: 'delivery',
    sql: `
    SELECT dl.id FROM deliveries dl JOIN cases c ON c.id = dl.case_id JOIN calendar_days a ON a.day = c.decided_on
      JOIN calendar_days e ON e.day = CASE WHEN dl.method IN ('post', 'notice') THEN dl.sent_on ELSE COALESCE(dl.delivered_on, ${asOf}) END
    WHERE e.due - a.done > 7`,
  },
  // Collected on the spot (第六十八条 至 第七十一条): above 100 yuan; handed over or banked after the 2nd working day; no receipt.
  payment_on_spot_not_allowed: { kind: 'payment', sql: `SELECT id FROM payments WHERE method = 'on_spot' AND amount > 100` },
  payment_handover_late: {
    kind: 'payment',
    sql: `
    SELECT p.id FROM payments p JOIN calendar_days a ON a.day = p.paid_on JOIN calendar_days h ON h.day = COALESCE(p.handed_over_on, ${asOf})
      LEFT JOIN calendar_days b ON b.day = COALESCE(p.banked_on, ${asOf})
    WHERE p.method = 'on_spot' AND (h.due - a.done > 2 OR (p.handed_over_on IS NOT NULL AND b.due - h.done > 2))`,
  },
  payment_no_receipt: { kind: 'payment', sql: `SELECT id FROM payments WHERE method = 'on_spot' AND receipt_no IS NULL` },
  // Money after the decision, per fine case over its payments paid by the as-of day (surcharge: the 加处罚款
  // part of amount): 加处罚款 above the fine; above 3% of the fine a day from the earliest due day to the last
  // paid with 加处罚款; the fine paid (amount − 加处罚款, silent records holding the 加处罚款 still lawful) above
  // the fine; a closed case with less than the fine paid, no court application, no review that altered it.
  surcharge_over_fine: {
    kind: 'case',
    sql: `SELECT s.id FROM (${PAID}) s WHERE s.surcharge > s.fine_amount`,
  },
  surcharge_over_rate: {
    kind: 'case',
    sql: `SELECT s.id FROM (${PAID}) s
    WHERE s.surcharge > 0 AND s.surcharge * 100 > s.fine_amount * 3 * GREATEST(${d.daysBetween('s.due_on', 's.surcharge_paid_on')}, 0)`,
  },
  payment_overpaid: {
    kind: 'case',
    sql: `SELECT s.id FROM (${PAID}) s
    WHERE s.principal + GREATEST(s.unstated - GREATEST(s.fine_amount - COALESCE(s.surcharge, 0), 0), 0) > s.fine_amount`,
  },
  closed_unpaid: {
    kind: 'case',
    sql: `
    SELECT c.id FROM cases c LEFT JOIN payments p ON p.case_id = c.id AND p.paid_on <= ${asOf}
    WHERE c.status = 'closed' AND c.decision = 'fine' AND c.court_applied_on IS NULL
      AND c.id NOT IN (SELECT case_id FROM review_outcomes WHERE outcome IN ('changed', 'revoked', 'confirmed_illegal', 'settled'))
    GROUP BY c.id, c.fine_amount HAVING COALESCE(sum(p.amount - COALESCE(p.surcharge, 0)), 0) < c.fine_amount`,
  },
  // Inspections planned, coded and merged: from 2025 every inspection cites its task's code.
  uncoded_inspection: {
    kind: 'inspection',
    sql: `SELECT id FROM inspections WHERE action_code IS NULL AND inspected_on >= CAST('2025-01-01' AS DATE)`,
  },
  code_mismatch: {
    kind: 'inspection',
    sql: `
    SELECT i.id FROM inspections i LEFT JOIN inspection_tasks k ON k.code = i.action_code
    WHERE i.action_code IS NOT NULL AND (k.id IS NULL OR k.entity_uscc <> i.entity_uscc OR i.inspected_on < k.valid_from OR i.inspected_on > k.valid_to
      OR position(',' || i.lead_officer_id || ',' IN ',' || k.officer_ids || ',') = 0
      OR (i.assist_officer_id IS NOT NULL AND position(',' || i.assist_officer_id || ',' IN ',' || k.officer_ids || ',') = 0))`,
  },
  unplanned_inspection: {
    kind: 'plan_item',
    sql: `
    SELECT DISTINCT i.agency_id || '/2025/' || i.inspection_item_code AS id FROM inspections i
    WHERE i.kind IN ('random', 'planned') AND i.inspected_on >= CAST('2025-01-01' AS DATE) AND NOT EXISTS (
      SELECT 1 FROM inspection_plans p WHERE p.agency_id = i.agency_id AND p.plan_year = 2025 AND p.inspection_item_code = i.inspection_item_code)`,
  },
  // A plan's target at least twice, or at most two thirds of, what was done (normal plans: ±10%).
  plan_off_target: {
    kind: 'plan_item',
    sql: `
    WITH e AS (
      SELECT agency_id, inspection_item_code, count(*) AS n FROM inspections
      WHERE kind IN ('random', 'planned', 'joint') AND inspected_on >= CAST('2025-01-01' AS DATE) AND inspected_on <= CAST('2025-12-31' AS DATE)
      GROUP BY agency_id, inspection_item_code
    )
    SELECT p.agency_id || '/2025/' || p.inspection_item_code AS id FROM inspection_plans p
      JOIN e ON e.agency_id = p.agency_id AND e.inspection_item_code = p.inspection_item_code
    WHERE p.plan_year = 2025 AND (p.target_count >= 2 * e.n OR 3 * p.target_count <= 2 * e.n)`,
  },
  // A 2026 draw of which half or more are entities the agency drew for the item in 2025.
  sampling_bias: {
    kind: 'plan_item',
    sql: `
    WITH s AS (
      SELECT DISTINCT p.agency_id, p.inspection_item_code, p.plan_year, k.entity_uscc FROM inspection_tasks k JOIN inspection_plans p ON p.id = k.plan_id
    )
    SELECT b.agency_id || '/2026/' || b.inspection_item_code AS id FROM s b
      LEFT JOIN s a ON a.agency_id = b.agency_id AND a.inspection_item_code = b.inspection_item_code AND a.plan_year = 2025 AND a.entity_uscc = b.entity_uscc
    WHERE b.plan_year = 2026 GROUP BY b.agency_id, b.inspection_item_code HAVING 2 * count(a.entity_uscc) >= count(*)`,
  },
  // Two agencies' routine visits under their own planned tasks' codes, related items, < 30 days apart,
  // no declined or accepted suggestion holding both tasks.
  unmerged_overlap: {
    kind: 'entity',
    sql: `
    WITH r AS (
      SELECT t.id, t.entity_uscc, t.agency_id, t.inspected_on, k.id AS task_id, ${mergeGroupSql().group.render().text} AS grp
      FROM inspections t JOIN inspection_tasks k ON k.code = t.action_code AND k.origin = 'plan' AND k.entity_uscc = t.entity_uscc AND k.agency_id = t.agency_id
        ${mergeGroupSql().from.render().text}
      WHERE t.kind IN ('random', 'planned')
    )
    SELECT DISTINCT a.entity_uscc AS id FROM r a JOIN r b ON b.entity_uscc = a.entity_uscc AND b.grp = a.grp AND b.agency_id <> a.agency_id
      AND b.inspected_on >= a.inspected_on AND ${d.daysBetween('a.inspected_on', 'b.inspected_on')} < 30
    WHERE NOT EXISTS (SELECT 1 FROM merge_members ma JOIN merge_members mb ON mb.suggestion_id = ma.suggestion_id
      JOIN merge_suggestions s ON s.id = ma.suggestion_id AND s.status IN ('declined', 'accepted') WHERE ma.task_id = a.task_id AND mb.task_id = b.task_id)`,
  },
  // An agency (20 ratings or more) with 30% of them low, not mostly through one officer; an officer
  // (8 or more) rated low every time, in an agency not itself rated low.
  low_rating_agency: { kind: 'agency', sql: LOW_AGENCIES },
  low_rating_officer: {
    kind: 'officer',
    sql: `
    WITH o AS (SELECT r.score, ${d.unnestCsv('r.officer_ids')} AS officer_id FROM inspection_ratings r)
    SELECT o.officer_id AS id FROM o JOIN officers f ON f.id = o.officer_id
    WHERE f.agency_id NOT IN (${LOW_AGENCIES})
    GROUP BY o.officer_id HAVING count(*) >= 8 AND min(o.score) <= 2 AND max(o.score) <= 2`,
  },
  // The follow-up plants, as the analysis of the answers (followup_findings) hears them against the records.
  followup_complaint: {
    kind: 'followup_task',
    sql: `SELECT DISTINCT f.task_id AS id FROM followup_findings f WHERE f.kind = 'complaint' AND f.serious`,
  },
  followup_visit_count: {
    kind: 'followup_task',
    sql: `
    SELECT DISTINCT f.task_id AS id FROM followup_findings f JOIN followup_tasks t ON t.id = f.task_id
    WHERE f.code = 'visit_count' AND f.value >= 3 AND f.value - (SELECT count(DISTINCT COALESCE(i.joint_id, i.id)) FROM inspections i
      WHERE i.entity_uscc = t.entity_uscc AND i.inspected_on >= f.period_from AND i.inspected_on <= f.period_to) >= 2`,
  },
  followup_nobody_came: {
    kind: 'followup_task',
    sql: `
    SELECT DISTINCT f.task_id AS id FROM followup_findings f JOIN followup_tasks t ON t.id = f.task_id
      JOIN inspections i ON t.subject_kind = 'inspection' AND i.id = t.subject_id WHERE f.code = 'nobody_came'`,
  },
  followup_fine_mismatch: {
    kind: 'followup_task',
    sql: `
    SELECT DISTINCT f.task_id AS id FROM followup_findings f JOIN followup_tasks t ON t.id = f.task_id
      JOIN cases c ON t.subject_kind = 'case' AND c.id = t.subject_id
    WHERE f.code = 'fined' AND (c.decision IN ('warning', 'no_penalty')
      OR (c.decision = 'fine' AND f.value IS NOT NULL AND (f.value > 1.3 * c.fine_amount OR f.value < 0.7 * c.fine_amount)))`,
  },
  delegation_enforcement: {
    kind: 'delegation',
    sql: `
    SELECT id FROM delegations WHERE substr(COALESCE(provider_uscc, '9'), 1, 1) = '9' AND (service_name LIKE '%巡查%'
      OR service_name LIKE '%现场检查%' OR service_name LIKE '%调查取证%' OR service_name LIKE '%收缴罚款%' OR service_name LIKE '%责令%'
      OR service_name LIKE '%整改意见%')`,
  },
  // Granted on commitment, 60 working days passed, no verification in them.
  commitment_unverified: {
    kind: 'licence',
    sql: `
    SELECT l.id FROM licences l JOIN calendar_days a ON a.day = l.decided_on JOIN calendar_days n ON n.day = ${asOf}
      LEFT JOIN calendar_days v ON v.day = l.verified_on
    WHERE l.commitment AND n.due - a.done > 60 AND (v.day IS NULL OR v.due - a.done > 60)`,
  },
  // Granted, the certificate issued after the 10th working day (行政许可法 第四十四条); none on record: not judged.
  licence_issue_late: {
    kind: 'licence',
    sql: `
    SELECT l.id FROM licences l JOIN calendar_days a ON a.day = l.decided_on JOIN calendar_days v ON v.day = l.issued_on
    WHERE l.result = 'granted' AND v.due - a.done > 10`,
  },
  // Told what to supplement after the 5th working day from receipt (第三十二条).
  licence_no_one_time_notice: {
    kind: 'licence',
    sql: `
    SELECT l.id FROM licences l JOIN calendar_days a ON a.day = l.received_on JOIN calendar_days v ON v.day = l.supplement_notified_on
    WHERE v.due - a.done > 5`,
  },
  licence_refusal_no_reason: { kind: 'licence', sql: `SELECT id FROM licences WHERE result = 'refused' AND reasons_given = FALSE` },
  // Complete materials (no supplement on record), more than one visit (最多跑一次 第二条).
  licence_more_than_one_visit: {
    kind: 'licence',
    sql: `SELECT id FROM licences WHERE visits > 1 AND COALESCE(supplement_count, 0) = 0 AND supplement_notified_on IS NULL`,
  },
  licence_repeated_supplement: { kind: 'licence', sql: `SELECT id FROM licences WHERE supplement_count >= 2` },
  // Granted, published after the 7th working day (行政许可法 第四十条; the term a setting); none on record: not judged.
  licence_not_published: {
    kind: 'licence',
    sql: `
    SELECT l.id FROM licences l JOIN calendar_days a ON a.day = l.decided_on JOIN calendar_days v ON v.day = l.published_on
    WHERE l.result = 'granted' AND v.due - a.done > 7`,
  },
  // A renewal applied for 30 days or more before the old licence expired, decided after it (第五十条).
  licence_renewal_late: {
    kind: 'licence',
    sql: `
    SELECT id FROM licences WHERE renews_licence_no IS NOT NULL AND decided_on > prior_valid_until
      AND prior_valid_until - applied_on >= 30`,
  },
  penalty_no_notice: {
    kind: 'case',
    sql: `SELECT id FROM cases WHERE decision IN ('fine', 'warning') AND (notified_on IS NULL OR notified_on > decided_on)`,
  },
  penalty_no_legal_review: {
    kind: 'case',
    sql: `SELECT id FROM cases WHERE decision = 'fine' AND fine_amount >= 50000 AND (legal_review_on IS NULL OR legal_review_on > decided_on)`,
  },
  // 加处罚款 above 3% a day of the days late outside reconsideration (counted once) — within 3% a day of all of them.
  surcharge_during_review: {
    kind: 'case',
    sql: `WITH pd AS (SELECT case_id, sum(surcharge) AS s, min(due_on) AS due, max(CASE WHEN surcharge > 0 THEN paid_on END) AS paid
        FROM payments WHERE paid_on IS NOT NULL GROUP BY case_id),
      dd AS (SELECT DISTINCT pd.case_id, d.day FROM pd JOIN review_outcomes r ON r.case_id = pd.case_id
        JOIN calendar_days d ON d.day > pd.due AND d.day <= pd.paid AND d.day >= r.applied_on AND d.day <= COALESCE(r.decided_on, ${asOf})),
      x AS (SELECT case_id, count(*) AS n FROM dd GROUP BY case_id)
      SELECT c.id FROM pd JOIN x ON x.case_id = pd.case_id JOIN cases c ON c.id = pd.case_id
      WHERE c.decision = 'fine' AND pd.s > 0
        AND pd.s * 100 > c.fine_amount * 3 * (${d.daysBetween('pd.due', 'pd.paid')} - x.n)
        AND pd.s * 100 <= c.fine_amount * 3 * ${d.daysBetween('pd.due', 'pd.paid')}`,
  },
  // A hearing held, no legal review by the decision, whatever the amount.
  heard_no_legal_review: {
    kind: 'case',
    sql: `SELECT id FROM cases WHERE hearing_held_on IS NOT NULL AND decided_on IS NOT NULL AND (legal_review_on IS NULL OR legal_review_on > decided_on)`,
  },
  // Filed after the same date two years on.
  penalty_past_limitation: {
    kind: 'case',
    sql: `SELECT id FROM cases WHERE filed_on > occurred_on + 2 * INTERVAL '1 year'`,
  },
  // An amount involved of 50,000 yuan or more, fined or warned, no transfer to the police.
  case_not_transferred: {
    kind: 'case',
    sql: `SELECT id FROM cases WHERE decision IN ('fine', 'warning') AND amount_involved >= 50000 AND transferred_on IS NULL`,
  },
  // A fine or warning by an agency whose line is not the item's, and not comprehensive enforcement.
  agency_not_competent: {
    kind: 'case',
    sql: `SELECT c.id FROM cases c JOIN agencies a ON a.id = c.agency_id JOIN items i ON i.code = c.item_code
      WHERE c.decision IN ('fine', 'warning') AND a.line_code <> i.line_code AND a.line_code <> 'CLE'`,
  },
  // A case officer whose certificate, valid on the filing day, states a scope covering neither the item nor its line.
  cert_out_of_scope: {
    kind: 'case',
    sql: `SELECT DISTINCT c.id FROM cases c JOIN items i ON i.code = c.item_code JOIN agencies a ON a.id = c.agency_id
      JOIN certificates ce ON ce.officer_id IN (c.lead_officer_id, c.assist_officer_id) AND ce.status = 'valid'
        AND ce.issued_on <= c.filed_on AND ce.expires_on >= c.filed_on AND ce.scope IS NOT NULL
      WHERE strpos('、' || ce.scope || '、', '、' || i.line_code || '、') = 0 AND strpos('、' || ce.scope || '、', '、' || c.item_code || '、') = 0
        AND NOT (a.line_code = 'CLE' AND strpos('、' || ce.scope || '、', '、CLE、') > 0)`,
  },
  // A sealing started while another agency's sealing of the same entity was in force (started before, not ended by then).
  coercion_repeat_seal: {
    kind: 'coercive_measure',
    sql: `SELECT m.id FROM coercive_measures m JOIN coercive_measures o ON o.entity_uscc = m.entity_uscc AND o.id <> m.id
      AND o.agency_id <> m.agency_id AND o.measure = 'seal' AND (o.started_on < m.started_on OR (o.started_on = m.started_on AND o.id < m.id))
      AND (o.ended_on IS NULL OR o.ended_on > m.started_on)
      WHERE m.measure = 'seal'`,
  },
  // An act of 强制执行 (not 查封/扣押/冻结), not urgent, begun on a day off of the holiday arrangement or at 22:00–05:59.
  coercion_night_holiday: {
    kind: 'coercive_measure',
    sql: `SELECT m.id FROM coercive_measures m LEFT JOIN calendar_days cd ON cd.day = m.started_on
      WHERE m.measure NOT IN ('seal', 'seize', 'freeze') AND NOT m.urgent
        AND (cd.holiday OR m.started_at >= '22:00' OR m.started_at < '06:00')`,
  },
  // An urgent 查封/扣押/冻结 approved more than 24 hours after its start.
  coercion_urgent_late_approval: {
    kind: 'coercive_measure',
    sql: `SELECT id FROM coercive_measures WHERE urgent AND measure IN ('seal', 'seize', 'freeze') AND approved_at IS NOT NULL
      AND CAST(approved_at AS TIMESTAMP) > CAST(CAST(started_on AS VARCHAR) || ' ' || started_at AS TIMESTAMP) + INTERVAL '24 hours'`,
  },
  // A storage fee charged by the agency, its unit, or a keeper it commissioned or named, to an enterprise it sealed or seized before.
  coercion_storage_fee: {
    sql: `SELECT f.id FROM enterprise_charges f WHERE f.fee_kind = 'storage'
      AND (f.charger_kind IN ('authority', 'affiliated') OR f.commissioned_by_agency OR f.designated_by_agency)
      AND EXISTS (SELECT 1 FROM coercive_measures m WHERE m.agency_id = f.agency_id AND m.entity_uscc = f.entity_uscc
        AND m.measure IN ('seal', 'seize') AND m.started_on <= f.charged_on)`,
  },
  // An act of 强制执行 of a case, not an urgent 代履行, with no 催告 on the act or its case on or before its start.
  coercion_enforcement_no_demand: {
    kind: 'coercive_measure',
    sql: `SELECT m.id FROM coercive_measures m JOIN cases c ON c.id = m.case_id
      WHERE m.measure NOT IN ('seal', 'seize', 'freeze') AND NOT (m.measure = 'substitute' AND m.urgent)
        AND (m.demand_served_on IS NULL OR m.demand_served_on > m.started_on)
        AND (c.demand_served_on IS NULL OR c.demand_served_on > m.started_on)`,
  },
  // An auction or 划拨 of a fine case begun 1-30 days after the earliest due day of its payments unpaid that day.
  coercion_fine_enforced_early: {
    kind: 'coercive_measure',
    sql: `SELECT m.id FROM coercive_measures m JOIN cases c ON c.id = m.case_id AND c.decision = 'fine'
      JOIN (SELECT m2.id, min(p.due_on) AS due_on FROM coercive_measures m2 JOIN payments p ON p.case_id = m2.case_id
            WHERE p.paid_on IS NULL OR p.paid_on > m2.started_on GROUP BY m2.id) u ON u.id = m.id
      WHERE m.measure IN ('transfer_funds', 'auction') AND m.started_on > u.due_on AND m.started_on <= u.due_on + 30`,
  },
  // A 强制拆除 with no announcement before its start, or begun on or before the deadline the announcement set.
  coercion_demolition_not_announced: {
    kind: 'coercive_measure',
    sql: `SELECT id FROM coercive_measures WHERE measure = 'remove' AND demolition
      AND (announced_on IS NULL OR announced_on >= started_on OR deadline_on >= started_on)`,
  },
  // A 强制拆除 of a case with no review, begun within six months of the decision's first delivery (the decision day when undelivered).
  coercion_demolition_before_appeal_period: {
    kind: 'coercive_measure',
    sql: `SELECT m.id FROM coercive_measures m JOIN cases c ON c.id = m.case_id
      WHERE m.measure = 'remove' AND m.demolition AND c.id NOT IN (SELECT case_id FROM review_outcomes)
        AND m.started_on <= CAST(COALESCE((SELECT min(d.delivered_on) FROM deliveries d WHERE d.case_id = c.id), c.decided_on) + INTERVAL '6 months' AS DATE)`,
  },
  // A fine unpaid nine months after its delivery (the decision when undelivered), no review, never taken to court.
  no_court_application: {
    kind: 'case',
    sql: `SELECT c.id FROM cases c
      WHERE c.decision = 'fine' AND c.court_applied_on IS NULL
        AND CAST(COALESCE((SELECT min(d.delivered_on) FROM deliveries d WHERE d.case_id = c.id), c.decided_on) + INTERVAL '9 months' AS DATE) < ${asOf}
        AND COALESCE((SELECT sum(p.amount - COALESCE(p.surcharge, 0)) FROM payments p WHERE p.case_id = c.id AND p.paid_on IS NOT NULL), 0) < c.fine_amount
        AND NOT EXISTS (SELECT 1 FROM review_outcomes r WHERE r.case_id = c.id)`,
  },
  // A court application with no demand, or one served fewer than ten days before.
  court_no_demand: {
    kind: 'case',
    sql: `SELECT id FROM cases WHERE court_applied_on IS NOT NULL AND (demand_served_on IS NULL OR ${d.daysBetween('demand_served_on', 'court_applied_on')} < 10)`,
  },
  // A fine of 10,000 yuan or more published after the 7th working day of its decision, or not at all by the as-of day.
  penalty_not_published: {
    kind: 'case',
    sql: `SELECT c.id FROM cases c JOIN calendar_days f ON f.day = c.decided_on
      JOIN calendar_days x ON x.day = COALESCE(c.published_on, ${asOf})
      WHERE c.decision = 'fine' AND c.fine_amount >= 10000 AND x.due > f.done + 7`,
  },
  // A fine (noticed or decided) of 10,000 yuan or more, or with a sanction of 第六十三条, decided by the 5th
  // working day after its notice, no hearing asked for.
  decided_in_hearing_period: {
    kind: 'case',
    sql: `SELECT c.id FROM cases c JOIN calendar_days f ON f.day = c.notified_on JOIN calendar_days x ON x.day = c.decided_on
      WHERE c.decision = 'fine' AND c.hearing_requested_on IS NULL AND c.decided_on >= c.notified_on AND x.due <= f.done + 5
        AND (c.fine_amount >= 10000 OR c.proposed_fine >= 10000
          OR ${['lower_qualification', 'revoke_licence', 'suspend_business', 'close_down', 'bar_practice'].map((k) => `';' || c.sanctions || ';' LIKE '%;${k};%'`).join(' OR ')})`,
  },
  // A hearing asked for on a fine (noticed or decided) of 10,000 yuan or more, or with a sanction of 第六十三条, none held by the decision day.
  hearing_not_held: {
    kind: 'case',
    sql: `SELECT id FROM cases WHERE decision = 'fine' AND hearing_requested_on IS NOT NULL
      AND (fine_amount >= 10000 OR proposed_fine >= 10000
        OR ${['lower_qualification', 'revoke_licence', 'suspend_business', 'close_down', 'bar_practice'].map((k) => `';' || sanctions || ';' LIKE '%;${k};%'`).join(' OR ')})
      AND (hearing_held_on IS NULL OR hearing_held_on > decided_on)`,
  },
  // A fine above the amount its notice named.
  heavier_after_defence: {
    kind: 'case',
    sql: `SELECT id FROM cases WHERE decision = 'fine' AND proposed_fine IS NOT NULL AND fine_amount > proposed_fine`,
  },
  // A fine above 3,000 yuan decided under the summary procedure.
  summary_over_limit: {
    kind: 'case',
    sql: `SELECT id FROM cases WHERE procedure = 'summary' AND decision = 'fine' AND fine_amount > 3000`,
  },
  // A kind of penalty besides a fine or a warning decided on the spot.
  summary_sanction: {
    kind: 'case',
    sql: `SELECT id FROM cases WHERE procedure = 'summary' AND sanctions IS NOT NULL AND decision <> 'no_penalty'`,
  },
  // A hearing held before the 7th working day after its notice.
  hearing_notice_late: {
    kind: 'case',
    sql: `SELECT c.id FROM cases c JOIN calendar_days n ON n.day = c.hearing_notified_on JOIN calendar_days h ON h.day = c.hearing_held_on
      WHERE h.done < n.done + 7`,
  },
  // A hearing hosted by the case's lead or assisting officer.
  hearing_host_investigator: {
    kind: 'case',
    sql: `SELECT id FROM cases WHERE hearing_host_id = lead_officer_id OR hearing_host_id = assist_officer_id`,
  },
  // A hearing fee charged on a party that had asked the agency for a hearing by then.
  hearing_fee: {
    kind: 'enterprise_charge',
    sql: `SELECT f.id FROM enterprise_charges f WHERE f.fee_kind = 'hearing' AND EXISTS (SELECT 1 FROM cases c
      WHERE c.agency_id = f.agency_id AND c.entity_uscc = f.entity_uscc AND c.hearing_requested_on <= f.charged_on)`,
  },
  // 30 days from the start (day not counted), 60 with an approved extension, plus testing days for 查封、扣押.
  coercion_over_long: {
    kind: 'coercive_measure',
    sql: `SELECT id FROM coercive_measures WHERE ${d.daysBetween('started_on', `COALESCE(ended_on, ${asOf})`)} >
      30 + CASE WHEN extended AND extension_approved THEN 30 ELSE 0 END + CASE WHEN measure = 'freeze' THEN 0 ELSE COALESCE(testing_days, 0) END`,
  },
  coercion_no_decision: {
    kind: 'coercive_measure',
    sql: `SELECT id FROM coercive_measures WHERE COALESCE(decision_no, '') = ''
      AND (measure <> 'freeze' OR ${d.daysBetween('started_on', asOf)} > 3)`,
  },
  coercion_goods_not_returned: {
    kind: 'coercive_measure',
    sql: `SELECT id FROM coercive_measures WHERE measure IN ('seal', 'seize') AND status = 'released'
      AND ${d.daysBetween('ended_on', `COALESCE(goods_returned_on, ${asOf})`)} > 3`,
  },
  // An auction of a case whose first review to revoke or change the decision was decided by the as-of day,
  // nothing returned within 30 days of that day (of the auction, if later).
  coercion_not_restored: {
    kind: 'coercive_measure',
    sql: `WITH r AS (
        SELECT case_id, decided_on, row_number() OVER (PARTITION BY case_id ORDER BY decided_on, id) AS rn
        FROM review_outcomes WHERE outcome IN ('revoked', 'changed') AND decided_on <= ${asOf})
      SELECT m.id FROM coercive_measures m JOIN r ON r.case_id = m.case_id AND r.rn = 1
      WHERE m.measure IN ('transfer_funds', 'auction')
        AND ${d.daysBetween('CASE WHEN m.started_on > r.decided_on THEN m.started_on ELSE r.decided_on END', `CASE WHEN m.goods_returned_on IS NULL OR m.goods_returned_on > ${asOf} THEN ${asOf} ELSE m.goods_returned_on END`)} > 30`,
  },
  // A sealing or seizure of a case decided 不予处罚.
  coercion_on_minor_case: {
    kind: 'coercive_measure',
    sql: `SELECT m.id FROM coercive_measures m JOIN cases c ON c.id = m.case_id WHERE m.measure IN ('seal', 'seize') AND c.decision = 'no_penalty'`,
  },
  // A sealing or seizure of a case decided with a warning or 不予处罚, in force or released more than 7 days after the decision.
  coercion_not_released: {
    kind: 'coercive_measure',
    sql: `SELECT m.id FROM coercive_measures m JOIN cases c ON c.id = m.case_id
      WHERE m.measure IN ('seal', 'seize') AND m.status IN ('in_force', 'released') AND c.decision IN ('warning', 'no_penalty')
        AND ${d.daysBetween('c.decided_on', `COALESCE(m.ended_on, ${asOf})`)} > 7`,
  },
  targeted_no_trigger: {
    kind: 'inspection',
    sql: `SELECT id FROM inspections WHERE kind IN ('complaint', 'referral', 'monitoring') AND trigger_ref IS NULL`,
  },
  // First offence, corrected, harm none or minor, fined at or above the lower bound of the province's 从重 tier.
  light_fined_heavily: {
    kind: 'case',
    sql: `
    SELECT DISTINCT c.id FROM cases c JOIN baselines b ON b.item_code = c.item_code AND b.region_code = '330000'
      JOIN baseline_tiers t ON t.baseline_id = b.id AND t.tier = 'severe'
    WHERE c.decision = 'fine' AND c.first_offence AND c.corrected AND c.harm IN ('none', 'minor') AND c.fine_amount >= t.fine_min`,
  },
  // Lead and assisting officer (if any) both auxiliary staff.
  auxiliary_only: {
    kind: 'case',
    sql: `
    SELECT c.id FROM cases c JOIN officers l ON l.id = c.lead_officer_id LEFT JOIN officers a ON a.id = c.assist_officer_id
    WHERE l.staff_type = 'auxiliary' AND (c.assist_officer_id IS NULL OR a.staff_type = 'auxiliary')`,
  },
  // Three or more fines of one entity for one item filed within 365 days, none corrected.
  fined_without_correction: {
    kind: 'entity',
    sql: `
    SELECT DISTINCT a.entity_uscc AS id FROM cases a JOIN cases b ON b.entity_uscc = a.entity_uscc AND b.item_code = a.item_code
      AND b.filed_on >= a.filed_on AND b.filed_on <= ${d.addDays('a.filed_on', '365')} AND b.decision = 'fine'
    WHERE a.decision = 'fine' GROUP BY a.entity_uscc, a.id HAVING count(*) >= 3 AND sum(CASE WHEN b.corrected THEN 1 ELSE 0 END) = 0`,
  },
  // An agency's fines of one item in one year (six or more): one amount in 80% of them, its cases of two facts tiers or more.
  uniform_fine: {
    kind: 'agency',
    sql: `
    WITH f AS (
      SELECT agency_id, item_code, EXTRACT(YEAR FROM decided_on) AS y, fine_amount,
        CASE WHEN harm = 'serious' THEN 'severe' WHEN first_offence AND corrected THEN 'light' WHEN first_offence OR corrected THEN 'lenient' ELSE 'general' END AS tier
      FROM cases WHERE decision = 'fine'
    ), n AS (SELECT agency_id, item_code, y, count(*) AS n FROM f GROUP BY agency_id, item_code, y HAVING count(*) >= 6)
    SELECT DISTINCT f.agency_id AS id FROM f JOIN n ON n.agency_id = f.agency_id AND n.item_code = f.item_code AND n.y = f.y
    GROUP BY f.agency_id, f.item_code, f.y, f.fine_amount, n.n HAVING 5 * count(*) >= 4 * n.n AND count(DISTINCT f.tier) >= 2`,
  },
  // One agency, item, year and facts: two or more let off and two or more fined at 90% of the statutory maximum or more.
  selective_enforcement: {
    kind: 'agency',
    sql: `
    SELECT DISTINCT c.agency_id AS id FROM cases c JOIN items i ON i.code = c.item_code WHERE c.decided_on IS NOT NULL
    GROUP BY c.agency_id, c.item_code, EXTRACT(YEAR FROM c.decided_on), c.first_offence, c.corrected, c.harm
    HAVING sum(CASE WHEN c.decision IN ('warning', 'no_penalty') THEN 1 ELSE 0 END) >= 2
      AND sum(CASE WHEN c.decision = 'fine' AND c.fine_amount >= 0.9 * i.fine_max THEN 1 ELSE 0 END) >= 2`,
  },
  // A reconsideration revoking, changing or ordering to act: carried out more than 30 days after it, or not by then.
  review_not_carried_out: {
    kind: 'review_outcome',
    sql: `SELECT id FROM review_outcomes WHERE route = 'reconsideration' AND outcome IN ('revoked', 'changed', 'ordered_to_act')
      AND ${d.daysBetween('decided_on', `COALESCE(carried_out_on, ${asOf})`)} > 30`,
  },
  // A correction withdrawn after the third working day after it, or not by then.
  review_not_withdrawn: {
    kind: 'review_outcome',
    sql: `SELECT r.id FROM review_outcomes r JOIN calendar_days f ON f.day = r.decided_on
      JOIN calendar_days w ON w.day = COALESCE(r.case_withdrawn_on, ${asOf})
      WHERE r.outcome IN ('revoked', 'changed', 'confirmed_illegal') AND w.due > f.done + 3`,
  },
  // Per agency and item, outcomes (not settled) decided in the 365 days before the as-of day: ≥ 5, more than 30% correcting.
  review_correction_rate: {
    kind: 'agency_item',
    sql: `SELECT r.agency_id || '/' || c.item_code AS id FROM review_outcomes r JOIN cases c ON c.id = r.case_id
      WHERE r.outcome IS NOT NULL AND r.outcome <> 'settled' AND r.decided_on >= ${d.addDays(asOf, '-365')}
      GROUP BY r.agency_id, c.item_code
      HAVING count(*) >= 5 AND 10 * sum(CASE WHEN r.outcome IN ('revoked', 'changed', 'confirmed_illegal') THEN 1 ELSE 0 END) > 3 * count(*)`,
  },
  review_repeat_corrected: {
    kind: 'agency_item',
    sql: `SELECT r.agency_id || '/' || c.item_code AS id FROM review_outcomes r JOIN cases c ON c.id = r.case_id
      WHERE r.outcome IN ('revoked', 'changed', 'confirmed_illegal') AND r.decided_on >= ${d.addDays(asOf, '-365')}
      GROUP BY r.agency_id, c.item_code HAVING count(*) >= 3`,
  },
  // An answer after the tenth working day (reconsideration) or the fifteenth day (lawsuit) from the copy,
  // or none by the as-of day while the review is pending.
  review_late_answer: {
    kind: 'review_outcome',
    sql: `SELECT r.id FROM review_outcomes r JOIN calendar_days f ON f.day = r.copy_received_on
      JOIN calendar_days w ON w.day = COALESCE(r.answered_on, ${asOf})
      WHERE (r.answered_on IS NOT NULL OR r.decided_on IS NULL)
        AND CASE WHEN r.route = 'litigation' THEN ${d.daysBetween('r.copy_received_on', `COALESCE(r.answered_on, ${asOf})`)} > 15
                 ELSE w.due > f.done + 10 END`,
  },
  // An agency and year (sued) with ≥ 3 lawsuits whose appearance is stated, the head absent from more than half.
  review_head_absent: {
    kind: 'agency',
    sql: `SELECT DISTINCT agency_id AS id FROM review_outcomes WHERE route = 'litigation' AND head_appeared IS NOT NULL
      GROUP BY agency_id, EXTRACT(YEAR FROM applied_on)
      HAVING count(*) >= 3 AND 2 * sum(CASE WHEN head_appeared THEN 0 ELSE 1 END) > count(*)`,
  },
  // Filed by the police: materials handed over more than 3 days after the notice, or not by the as-of day.
  case_materials_handover_late: {
    kind: 'case',
    sql: `SELECT id FROM cases WHERE police_decision = 'filed'
      AND ${d.daysBetween('police_decided_on', `COALESCE(materials_handed_over_on, ${asOf})`)} > 3`,
  },
  // Declined by the police: decided more than 30 days after the notice, or not by the as-of day.
  case_declined_not_handled: {
    kind: 'case',
    sql: `SELECT id FROM cases WHERE police_decision = 'declined'
      AND ${d.daysBetween('police_decided_on', `COALESCE(decided_on, ${asOf})`)} > 30`,
  },
  // A case decided with a fine or a warning on a device's records (行政处罚法 第四十一条).
  device_unpublished: {
    sql: `SELECT c.id FROM cases c JOIN monitoring_devices m ON m.id = c.device_id WHERE c.decision IN ('fine', 'warning')
      AND (m.published_on IS NULL OR m.published_on > c.occurred_on)`,
  },
  device_uncalibrated: {
    sql: `SELECT c.id FROM cases c JOIN monitoring_devices m ON m.id = c.device_id WHERE c.decision IN ('fine', 'warning')
      AND (m.reviewed_on IS NULL OR m.reviewed_on > c.occurred_on OR m.calibrated_until < c.occurred_on)`,
  },
  // The later of two fines of one party for one item on one device's records, the violations at most a day apart.
  device_repeat_same_day: {
    sql: `SELECT DISTINCT b.id FROM cases b JOIN cases a ON a.entity_uscc = b.entity_uscc AND a.item_code = b.item_code
      AND a.device_id = b.device_id AND a.id < b.id AND ${d.daysBetween('a.occurred_on', 'b.occurred_on')} BETWEEN 0 AND 1
      WHERE a.decision = 'fine' AND b.decision = 'fine'`,
  },
  // Charges on enterprises (优化营商环境条例 第十七条、第二十五条、第四十三条).
  fee_off_catalogue: {
    sql: `SELECT id FROM enterprise_charges WHERE fee_kind IN ('admin_fee', 'fund', 'deposit') AND catalogue_no IS NULL`,
  },
  fee_passed_on: { sql: `SELECT id FROM enterprise_charges WHERE fee_kind = 'intermediary' AND commissioned_by_agency` },
  fee_designated_intermediary: { sql: `SELECT id FROM enterprise_charges WHERE designated_by_agency AND fee_kind <> 'storage'` },
  fee_training_charged: {
    sql: `SELECT id FROM enterprise_charges WHERE fee_kind IN ('training', 'rating') AND (licence_id IS NOT NULL OR inspection_id IS NOT NULL)`,
  },
  licence_supervision_fee: {
    sql: `SELECT id FROM enterprise_charges WHERE charger_kind IN ('authority', 'affiliated') AND (licence_id IS NOT NULL OR inspection_id IS NOT NULL)
      AND fee_kind IN ('service', 'intermediary', 'other') AND catalogue_no IS NULL`,
  },
  // Goods confiscated by a fine (行政处罚法 第七十四条): disposed of within 90 days, proceeds paid within 30,
  // goods of 5,000 yuan or more auctioned, for at least half their valuation.
  conf_not_disposed: {
    kind: 'confiscated_goods',
    sql: `SELECT id FROM confiscated_goods WHERE ${d.daysBetween('confiscated_on', `COALESCE(disposed_on, ${asOf})`)} > 90`,
  },
  conf_proceeds_not_paid: {
    kind: 'confiscated_goods',
    sql: `SELECT id FROM confiscated_goods WHERE proceeds > 0 AND ${d.daysBetween('disposed_on', `COALESCE(proceeds_paid_on, ${asOf})`)} > 30`,
  },
  // A 双随机 or joint inspection, of an agency that sends reported_on at all, reported after it or never.
  not_reported: {
    kind: 'inspection',
    sql: `SELECT i.id FROM inspections i WHERE i.kind IN ('random', 'joint')
      AND (i.reported_on IS NULL OR i.reported_on > i.inspected_on)
      AND i.agency_id IN (SELECT agency_id FROM inspections WHERE reported_on IS NOT NULL)`,
  },
  // An entity its agency's directory classes A, inspected by that agency by 双随机 more than twice in a calendar year.
  good_credit_overchecked: {
    kind: 'entity',
    sql: `SELECT DISTINCT i.entity_uscc AS id FROM inspections i
      JOIN inspection_objects o ON o.agency_id = i.agency_id AND o.entity_uscc = i.entity_uscc AND o.credit_class = 'A'
      WHERE i.kind = 'random' AND i.inspected_on <= ${asOf}
      GROUP BY i.agency_id, i.entity_uscc, EXTRACT(YEAR FROM i.inspected_on) HAVING count(*) > 2`,
  },
  // An agency whose 双随机 inspections of classed entities in a year (20 or more) fall on C/D less than half as often as its directory holds them.
  risk_inverted: {
    kind: 'agency',
    sql: `WITH d AS (SELECT agency_id, count(*) AS listed, sum(CASE WHEN credit_class IN ('C', 'D') THEN 1 ELSE 0 END) AS poor
        FROM inspection_objects WHERE credit_class IS NOT NULL GROUP BY agency_id),
      g AS (SELECT i.agency_id, EXTRACT(YEAR FROM i.inspected_on) AS y, count(*) AS n,
          sum(CASE WHEN o.credit_class IN ('C', 'D') THEN 1 ELSE 0 END) AS k
        FROM inspections i JOIN inspection_objects o ON o.agency_id = i.agency_id AND o.entity_uscc = i.entity_uscc AND o.credit_class IS NOT NULL
        WHERE i.kind = 'random' AND i.inspected_on <= ${asOf} GROUP BY i.agency_id, EXTRACT(YEAR FROM i.inspected_on))
      SELECT DISTINCT g.agency_id AS id FROM g JOIN d ON d.agency_id = g.agency_id
      WHERE g.n >= 20 AND d.poor > 0 AND g.k * d.listed < 0.5 * d.poor * g.n`,
  },
  // A 双随机 inspection, of an agency that sends published_on at all, published after its 20th working day or not by the as-of day.
  random_not_published: {
    kind: 'inspection',
    sql: `SELECT i.id FROM inspections i JOIN calendar_days f ON f.day = i.inspected_on
      JOIN calendar_days x ON x.day = COALESCE(i.published_on, ${asOf})
      WHERE i.kind = 'random' AND x.due > f.done + 20
        AND i.agency_id IN (SELECT agency_id FROM inspections WHERE published_on IS NOT NULL)`,
  },
  conf_irregular_disposal: {
    kind: 'confiscated_goods',
    sql: `SELECT id FROM confiscated_goods WHERE disposal IN ('sold', 'other') AND estimated_value >= 5000
      OR disposal IN ('auction', 'sold', 'other') AND estimated_value > 0 AND COALESCE(proceeds, 0) * 2 < estimated_value`,
  },
};

for (const v of VIOLATIONS) {
  test(`planted ${v}: the records that break the rule are exactly the planted ones`, async () => {
    const rule = RULES[v];
    assertSame(await ids(rule.sql), await planted(v, rule.kind), v);
  });
}

test('ground truth points at existing records of its kind, in their region', async () => {
  const tables: Record<string, [string, string]> = {
    inspection: ['inspections', 'id'],
    case: ['cases', 'id'],
    licence: ['licences', 'id'],
    delivery: ['deliveries', 'id'],
    payment: ['payments', 'id'],
    delegation: ['delegations', 'id'],
    service_visit: ['service_visits', 'id'],
    coercive_measure: ['coercive_measures', 'id'],
    enterprise_charge: ['enterprise_charges', 'id'],
    confiscated_goods: ['confiscated_goods', 'id'],
    entity: ['entities', 'uscc'],
    officer: ['officers', 'id'],
    agency: ['agencies', 'id'],
    followup_task: ['followup_tasks', 'id'],
    review_outcome: ['review_outcomes', 'id'],
  };
  const kinds = await store.query<{ record_kind: string }>(
    `SELECT DISTINCT record_kind FROM ground_truth WHERE record_kind NOT IN ('plan_item', 'agency_item')`,
  );
  // A plan item (agency/year/item) is an agency's: the agency exists, in the region the truth names.
  const [items] = await store.query<{
    n: number;
  }>(`SELECT count(*) AS n FROM ground_truth g LEFT JOIN agencies a ON a.id = split_part(g.record_id, '/', 1)
    WHERE g.record_kind IN ('plan_item', 'agency_item') AND (a.id IS NULL OR a.region_code <> g.region_code)`);
  assert.equal(Number(items.n), 0, 'plan_item, agency_item');
  for (const { record_kind } of kinds) {
    const [table, key] = tables[record_kind];
    assert.ok(table, `unknown record kind ${record_kind}`);
    const [r] = await store.query<{ n: number }>(`SELECT count(*) AS n FROM ground_truth g LEFT JOIN ${table} x ON x.${key} = g.record_id
      WHERE g.record_kind = '${record_kind}' AND (x.${key} IS NULL OR x.region_code <> g.region_code)`);
    assert.equal(Number(r.n), 0, record_kind);
  }
});

test('each kind is planted at roughly 0.5–2% of its subjects (plans, agencies and officers, being few, up to a fifth)', async () => {
  const [p] = await store.query<{
    y25: number;
    y26: number;
    officers: number;
    agencies: number;
    reviewed: number;
    device_cases: number;
    transferred: number;
  }>(`
    SELECT (SELECT count(*) FROM inspection_plans WHERE plan_year = 2025) AS y25, (SELECT count(*) FROM inspection_plans WHERE plan_year = 2026) AS y26,
           (SELECT count(*) FROM officers) AS officers, (SELECT count(*) FROM agencies) AS agencies,
           (SELECT count(*) FROM (SELECT DISTINCT r.agency_id, c.item_code FROM review_outcomes r JOIN cases c ON c.id = r.case_id) x) AS reviewed,
           (SELECT count(*) FROM cases WHERE device_id IS NOT NULL) AS device_cases,
           (SELECT count(*) FROM cases WHERE transferred_on IS NOT NULL) AS transferred`);
  const subjects: Record<Violation, number> = {
    repeat_inspection: first.counts.entities,
    over_frequency: first.counts.entities,
    fine_outside_tier: first.counts.cases,
    fined_despite_exemption: first.counts.cases,
    case_overdue: first.counts.cases,
    single_officer: first.counts.inspections + first.counts.cases,
    expired_certificate: first.counts.inspections,
    delegation_off_whitelist: first.counts.delegations,
    delegation_unapproved: first.counts.delegations,
    fake_service_visit: first.counts.service_visits,
    licence_overdue: first.counts.licences,
    payment_overdue: first.counts.payments,
    delivery_overdue: first.counts.deliveries,
    payment_on_spot_not_allowed: first.counts.payments,
    payment_handover_late: first.counts.payments,
    payment_no_receipt: first.counts.payments,
    surcharge_over_fine: first.counts.payments,
    surcharge_over_rate: first.counts.payments,
    payment_overpaid: first.counts.payments,
    closed_unpaid: first.counts.payments,
    uncoded_inspection: first.counts.inspections,
    code_mismatch: first.counts.inspections,
    unplanned_inspection: Number(p.y25) + first.planted.unplanned_inspection,
    plan_off_target: Number(p.y25),
    sampling_bias: Number(p.y26),
    unmerged_overlap: first.counts.entities,
    low_rating_officer: Number(p.officers),
    low_rating_agency: Number(p.agencies),
    followup_complaint: first.counts.followup_tasks,
    followup_visit_count: first.counts.followup_tasks,
    followup_nobody_came: first.counts.followup_tasks,
    followup_fine_mismatch: first.counts.followup_tasks,
    delegation_enforcement: first.counts.delegations,
    commitment_unverified: first.counts.licences,
    licence_issue_late: first.counts.licences,
    licence_no_one_time_notice: first.counts.licences,
    licence_refusal_no_reason: first.counts.licences,
    licence_more_than_one_visit: first.counts.licences,
    licence_repeated_supplement: first.counts.licences,
    licence_not_published: first.counts.licences,
    licence_renewal_late: first.counts.licences,
    targeted_no_trigger: first.counts.inspections,
    penalty_no_notice: first.counts.cases,
    penalty_no_legal_review: first.counts.cases,
    penalty_past_limitation: first.counts.cases,
    case_not_transferred: first.counts.cases,
    agency_not_competent: first.counts.cases,
    cert_out_of_scope: first.counts.cases,
    no_court_application: first.counts.payments,
    court_no_demand: first.counts.payments,
    penalty_not_published: first.counts.cases,
    decided_in_hearing_period: first.counts.payments,
    hearing_not_held: first.counts.payments,
    heavier_after_defence: first.counts.cases,
    summary_over_limit: first.counts.cases,
    summary_sanction: first.counts.cases,
    hearing_notice_late: first.counts.payments,
    hearing_host_investigator: first.counts.payments,
    hearing_fee: first.counts.payments,
    heard_no_legal_review: first.counts.payments,
    surcharge_during_review: first.counts.review_outcomes,
    coercion_over_long: first.counts.coercive_measures,
    coercion_no_decision: first.counts.coercive_measures,
    coercion_goods_not_returned: first.counts.coercive_measures,
    coercion_repeat_seal: first.counts.coercive_measures,
    coercion_night_holiday: first.counts.coercive_measures,
    coercion_urgent_late_approval: first.counts.coercive_measures,
    coercion_storage_fee: first.counts.coercive_measures,
    coercion_not_released: first.counts.coercive_measures,
    coercion_on_minor_case: first.counts.coercive_measures,
    coercion_enforcement_no_demand: first.counts.coercive_measures,
    coercion_fine_enforced_early: first.counts.coercive_measures,
    coercion_demolition_not_announced: first.counts.coercive_measures,
    coercion_demolition_before_appeal_period: first.counts.coercive_measures,
    coercion_not_restored: first.counts.coercive_measures,
    light_fined_heavily: first.counts.cases,
    auxiliary_only: first.counts.cases,
    fined_without_correction: first.counts.entities,
    uniform_fine: Number(p.agencies),
    selective_enforcement: Number(p.agencies),
    review_not_carried_out: first.counts.review_outcomes,
    review_not_withdrawn: first.counts.review_outcomes,
    review_correction_rate: Number(p.reviewed),
    review_repeat_corrected: Number(p.reviewed),
    review_late_answer: first.counts.review_outcomes,
    review_head_absent: Number(p.agencies),
    case_materials_handover_late: Number(p.transferred),
    case_declined_not_handled: Number(p.transferred),
    device_unpublished: Number(p.device_cases),
    device_uncalibrated: Number(p.device_cases),
    device_repeat_same_day: Number(p.device_cases),
    fee_off_catalogue: first.counts.enterprise_charges,
    fee_passed_on: first.counts.enterprise_charges,
    fee_designated_intermediary: first.counts.enterprise_charges,
    fee_training_charged: first.counts.enterprise_charges,
    licence_supervision_fee: first.counts.enterprise_charges,
    conf_not_disposed: first.counts.confiscated_goods,
    conf_proceeds_not_paid: first.counts.confiscated_goods,
    conf_irregular_disposal: first.counts.confiscated_goods,
    not_reported: first.counts.inspections,
    random_not_published: first.counts.inspections,
    good_credit_overchecked: first.counts.entities,
    risk_inverted: Number(p.agencies),
  };
  // Review outcomes are few (a few percent of decided cases), and so are the agencies and items they name.
  const few = new Set<Violation>([
    'surcharge_during_review',
    'risk_inverted',
    'unplanned_inspection',
    'plan_off_target',
    'sampling_bias',
    'low_rating_officer',
    'low_rating_agency',
    'uniform_fine',
    'selective_enforcement',
    'review_not_carried_out',
    'review_not_withdrawn',
    'review_correction_rate',
    'review_repeat_corrected',
    'review_late_answer',
    'review_head_absent',
    'case_materials_handover_late',
    'case_declined_not_handled',
  ]);
  for (const v of VIOLATIONS) {
    const share = first.planted[v] / subjects[v];
    const [lo, hi] = few.has(v) ? [0.001, 0.2] : [0.003, 0.03];
    assert.ok(share >= lo && share <= hi, `${v}: ${first.planted[v]} of ${subjects[v]} (${(share * 100).toFixed(2)}%)`);
  }
});

test('fines of unplanted decided cases lie inside the tier they state, in every applicable baseline', async () => {
  const [r] = await store.query<{ n: number; bad: number }>(`
    SELECT count(*) AS n, sum(CASE WHEN c.fine_amount < t.fine_min OR c.fine_amount > t.fine_max THEN 1 ELSE 0 END) AS bad
    FROM cases c JOIN baselines b ON b.item_code = c.item_code AND b.region_code IN ('330000', substr(c.region_code, 1, 4) || '00')
      JOIN baseline_tiers t ON t.baseline_id = b.id AND t.tier = c.tier
    WHERE c.decision = 'fine' AND c.id NOT IN (SELECT record_id FROM ground_truth WHERE record_kind = 'case' AND violation <> 'similar_case_family')`);
  assert.ok(Number(r.n) > 1000);
  assert.equal(Number(r.bad), 0);
  const [odd] = await store.query<{
    n: number;
  }>(`SELECT count(*) AS n FROM cases WHERE decision = 'fine' AND (fine_amount IS NULL OR fine_amount <= 0)
    OR decision IN ('warning', 'no_penalty') AND fine_amount IS NOT NULL`);
  assert.equal(Number(odd.n), 0);
});

test('joint inspections share a joint_id among two or more agencies; most inspections are registered by code', async () => {
  const [j] = await store.query<{
    bad: number;
    n: number;
  }>(`SELECT sum(CASE WHEN agencies < 2 THEN 1 ELSE 0 END) AS bad, count(*) AS n FROM (
    SELECT joint_id, count(DISTINCT agency_id) AS agencies FROM inspections WHERE kind = 'joint' GROUP BY joint_id) x`);
  assert.ok(Number(j.n) > 0);
  assert.equal(Number(j.bad), 0);
  const [c] = await store.query<{ share: number }>(`SELECT avg(CASE WHEN via_code THEN 1.0 ELSE 0.0 END) AS share FROM inspections`);
  assert.ok(Number(c.share) > 0.85);
});

test('rules: the tier the facts select, fines inside a range and planted fines outside it', () => {
  assert.equal(selectTier({ firstOffence: true, corrected: true, harm: 'none' }, true, true), 'exempt');
  assert.equal(selectTier({ firstOffence: true, corrected: true, harm: 'none' }, false, true), 'mitigated');
  assert.equal(selectTier({ firstOffence: true, corrected: true, harm: 'serious' }, true, true), 'severe');
  assert.equal(selectTier({ firstOffence: true, corrected: true, harm: 'minor' }, true, false), 'lenient');
  assert.equal(selectTier({ firstOffence: false, corrected: true, harm: 'minor' }, true, true), 'lenient');
  assert.equal(selectTier({ firstOffence: false, corrected: false, harm: 'minor' }, true, true), 'general');
  const rng = new Rng(42);
  for (let i = 0; i < 2000; i++) {
    const f = pickFine(rng, { min: 46_000, max: 100_000 });
    assert.ok(f >= 46_000 && f <= 100_000 && f % 100 === 0, String(f));
    const small = pickFine(rng, { min: 15, max: 35 });
    assert.ok(small >= 15 && small <= 35, String(small));
    const out = pickFineOutside(rng, { min: 10_000, max: 46_000 }, { min: 10_000, max: 500_000 });
    assert.ok(out > 46_000 && out <= 500_000, String(out));
    const below = pickFineOutside(rng, { min: 100_000, max: 500_000 }, { min: 10_000, max: 500_000 });
    assert.ok(below < 100_000 && below > 0, String(below));
  }
});

test('a hangzhou-scale generation with a heap too small for it is refused at the start, naming the setting, and writes nothing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kedu-demo-heap-'));
  try {
    const file = join(dir, 'hz.duckdb');
    const r = spawnSync(
      process.execPath,
      [
        '--max-old-space-size=512',
        join(import.meta.dirname, '..', 'bin', 'kedu.mjs'),
        '--duckdb',
        file,
        'demo',
        '--scale',
        'hangzhou',
        '--no-history',
      ],
      { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' }, timeout: 120_000 },
    );
    assert.notEqual(r.status, 0, r.stdout);
    assert.match(r.stderr, /NODE_OPTIONS=--max-old-space-size=6144/);
    const s = await openStore({ databaseUrl: '', duckdbPath: file });
    try {
      assert.deepEqual(await existingData(s), []);
    } finally {
      await s.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
