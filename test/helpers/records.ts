// Builders for hand-made records in model tests: each fills every required column with a plain
// default, so a test states only what its case is about.
import type { Store, Value } from '../../src/store/store.ts';
import { countyColumn } from '../../src/records/county.ts';
import { rebuildTallies, TALLY_PARTS } from '../../src/records/month-tallies.ts';

/**
 * Rows into a table the way Kedu's writers write them: a record table's county_code filled from
 * region_code (src/records/county.ts), and the month tallies counted again when the table is tallied
 * (rows written around the import, as the demo generator does).
 */
export async function copyRows(store: Store, table: string, columns: string[], rows: Value[][]): Promise<number> {
  const county = countyColumn(table, columns);
  const n = await store.copyIn(table, county?.columns ?? columns, county ? rows.map((r) => county.add([...r])) : rows);
  if (TALLY_PARTS.some((p) => p.table === table)) await rebuildTallies(store);
  return n;
}

let seq = 0;
const next = (p: string) => `${p}-${++seq}`;

async function put(store: Store, table: string, row: Record<string, Value>): Promise<string> {
  const cols = Object.keys(row);
  await copyRows(store, table, cols, [cols.map((c) => row[c])]);
  return String(row.id ?? row.uscc);
}

export const inspection = (store: Store, r: Record<string, Value>) =>
  put(store, 'inspections', {
    id: next('INS'),
    source_system: 'test',
    source_id: next('s'),
    region_code: '330111',
    agency_id: 'AG-FY-ZHZF',
    inspection_item_code: 'II-1',
    entity_uscc: '91330100470102706G',
    inspected_on: '2025-03-10',
    kind: 'random',
    joint_id: null,
    lead_officer_id: 'OF-1',
    assist_officer_id: 'OF-3',
    via_code: true,
    result: 'compliant',
    ...r,
  });

export const caseRecord = (store: Store, r: Record<string, Value>) =>
  put(store, 'cases', {
    id: next('CASE'),
    source_system: 'test',
    source_id: next('s'),
    region_code: '330111',
    agency_id: 'AG-FY-ZHZF',
    item_code: 'IT-1',
    entity_uscc: '91330100470102706G',
    inspection_id: null,
    filed_on: '2025-03-01',
    first_offence: false,
    corrected: false,
    harm: 'minor',
    facts: null,
    lead_officer_id: 'OF-1',
    assist_officer_id: 'OF-3',
    decided_on: '2025-03-20',
    decision: 'fine',
    tier: 'general',
    fine_amount: 1000,
    status: 'decided',
    // A normal procedure: the violation before filing, the party told before the decision.
    occurred_on: '2025-02-20',
    notified_on: '2025-03-10',
    ...r,
  });

export const agency = (store: Store, id: string, regionCode = '330111', line = 'CLE') =>
  put(store, 'agencies', { id, name: `测试部门${id}`, line_code: line, region_code: regionCode, level: 'county' });

export const delivery = (store: Store, r: Record<string, Value>) =>
  put(store, 'deliveries', {
    id: next('DL'),
    source_system: 'test',
    source_id: next('s'),
    region_code: '330111',
    case_id: 'CASE-FY-1',
    method: 'post',
    sent_on: '2025-03-21',
    delivered_on: '2025-03-23',
    ...r,
  });

export const payment = (store: Store, r: Record<string, Value>) =>
  put(store, 'payments', {
    id: next('PM'),
    source_system: 'test',
    source_id: next('s'),
    region_code: '330111',
    case_id: 'CASE-FY-1',
    amount: 1000,
    due_on: '2025-04-07',
    paid_on: '2025-04-01',
    ...r,
  });

export const serviceVisit = (store: Store, r: Record<string, Value>) =>
  put(store, 'service_visits', {
    id: next('SV'),
    source_system: 'test',
    source_id: next('s'),
    region_code: '330111',
    agency_id: 'AG-FY-ZHZF',
    entity_uscc: '91330100470102706G',
    visited_on: '2025-03-10',
    topic: '政策宣讲',
    officer_id: 'OF-1',
    ...r,
  });

export const hotlineTicket = (store: Store, r: Record<string, Value>) =>
  put(store, 'hotline_tickets', {
    id: next('HT'),
    source_system: 'test',
    source_id: next('s'),
    region_code: '330111',
    received_at: '2025-03-10T02:00:00Z',
    category: '城市管理',
    content: '反映路边有人随意倾倒建筑垃圾。',
    entity_uscc: null,
    agency_id: null,
    status: 'open',
    ...r,
  });

export const followupTask = (store: Store, r: Record<string, Value>) =>
  put(store, 'followup_tasks', {
    id: next('FT'),
    campaign_id: 'CP-1',
    region_code: '330111',
    subject_kind: 'case',
    subject_id: 'CASE-FY-1',
    entity_uscc: '91330100470102706G',
    channel: 'link',
    status: 'answered',
    ...r,
  });

export const followupAnswer = (store: Store, r: Record<string, Value>) =>
  put(store, 'followup_answers', {
    id: next('FA'),
    source_system: 'test',
    source_id: next('s'),
    task_id: 'FT-0',
    region_code: '330111',
    answered_at: '2025-04-01T02:00:00Z',
    satisfaction: 5,
    says_inspection: null,
    transcript: null,
    ...r,
  });

/** A clue as the workflow leaves it (status, deadline, timestamps); its events come from clueEvent. */
export const clue = (store: Store, r: Record<string, Value>) => {
  const id = String(r.id ?? next('CL'));
  return put(store, 'clues', {
    id,
    region_code: '330111',
    agency_id: null,
    source: 'model',
    model_code: 'PEN_OVERDUE',
    dedupe_key: `test|${id}`,
    severity: 'medium',
    title: `测试线索${id}`,
    explanation: '测试',
    evidence: null,
    params: null,
    status: 'new',
    deadline: null,
    created_at: '2025-05-01T02:00:00Z',
    updated_at: '2025-05-01T02:00:00Z',
    ...r,
  });
};

export const clueEvent = (store: Store, r: Record<string, Value>) =>
  put(store, 'clue_events', {
    id: next('EV'),
    clue_id: 'CL-0',
    region_code: '330111',
    actor_user_id: 'sup',
    action: 'triage',
    from_status: 'new',
    to_status: 'triaged',
    comment: null,
    occurred_at: '2025-05-01T02:00:00Z',
    ...r,
  });

/**
 * A decided case as an agency's system pushes it to POST /api/v1/ingest/cases (the import's Chinese
 * yes/no): a general-tier fine of CLE-P022 by 富阳's urban management, not a first offence, not
 * corrected, minor harm; `r` says what the test's case is about.
 */
export const pushedCase = (sourceId: string, r: Record<string, string>) => ({
  source_id: sourceId,
  region_code: '330111',
  agency_id: 'AG-FY-ZHZF',
  item_code: 'CLE-P022',
  entity_uscc: '91330100470102706G',
  filed_on: '2025-11-20',
  first_offence: '否',
  corrected: '否',
  harm: 'minor',
  lead_officer_id: 'OF-1',
  assist_officer_id: 'OF-2',
  decided_on: '2025-12-05',
  decision: 'fine',
  tier: 'general',
  status: 'decided',
  ...r,
});

/** A seizure started 2025-03-01, released on the 20th with the goods returned that day, with its decision document. */
export const coerciveMeasure = (store: Store, r: Record<string, Value>) =>
  put(store, 'coercive_measures', {
    id: next('CM'),
    source_system: 'test',
    source_id: next('s'),
    region_code: '330111',
    agency_id: 'AG-FY-ZHZF',
    entity_uscc: '91330100470102706G',
    case_id: null,
    measure: 'seize',
    decision_no: '富综执强制〔2025〕1号',
    started_on: '2025-03-01',
    urgent: false,
    extended: false,
    extension_approved: false,
    testing_days: null,
    ended_on: '2025-03-20',
    goods_returned_on: '2025-03-20',
    lead_officer_id: 'OF-1',
    assist_officer_id: 'OF-3',
    status: 'released',
    ...r,
  });

/** Goods CASE-FY-1 confiscated on 2025-03-01, valued 4,000 yuan, auctioned on 2025-04-01 for 3,000, paid to the treasury on the 10th. */
export const confiscatedGoods = (store: Store, r: Record<string, Value>) =>
  put(store, 'confiscated_goods', {
    id: next('CONF'),
    source_system: 'test',
    source_id: next('s'),
    region_code: '330111',
    agency_id: 'AG-FY-ZHZF',
    case_id: 'CASE-FY-1',
    entity_uscc: '91330100470102706G',
    description: '占道经营用三轮车',
    quantity: 2,
    unit: '辆',
    estimated_value: 4000,
    confiscated_on: '2025-03-01',
    disposal: 'auction',
    disposed_on: '2025-04-01',
    proceeds: 3000,
    proceeds_paid_on: '2025-04-10',
    ...r,
  });

/** A reconsideration of CASE-FY-1 that upheld it, decided (in force) on 2025-03-20. */
export const reviewOutcome = (store: Store, r: Record<string, Value>) =>
  put(store, 'review_outcomes', {
    id: next('FY'),
    source_system: 'test',
    source_id: next('s'),
    region_code: '330111',
    agency_id: 'AG-FY-ZHZF',
    case_id: 'CASE-FY-1',
    route: 'reconsideration',
    applied_on: '2025-02-20',
    decided_on: '2025-03-20',
    outcome: 'upheld',
    carried_out_on: null,
    case_withdrawn_on: null,
    ...r,
  });

/** A camera of 富阳's comprehensive enforcement bureau, reviewed and its place published before it went into use on 2025-01-10, calibrated through 2025. */
export const monitoringDevice = (store: Store, r: Record<string, Value>) =>
  put(store, 'monitoring_devices', {
    id: next('DEV'),
    source_system: 'test',
    source_id: next('s'),
    region_code: '330111',
    agency_id: 'AG-FY-ZHZF',
    device_kind: 'camera',
    location: '金桥北路与江滨西大道交叉口',
    reviewed_on: '2025-01-05',
    published_on: '2025-01-08',
    calibrated_until: '2025-12-31',
    in_use_from: '2025-01-10',
    retired_on: null,
    ...r,
  });

/** An intermediary's fee 杭州示例酒坊 paid on 2025-03-05 for a service it commissioned itself, relating to 富阳's comprehensive enforcement bureau. */
export const enterpriseCharge = (store: Store, r: Record<string, Value>) =>
  put(store, 'enterprise_charges', {
    id: next('FEE'),
    source_system: 'test',
    source_id: next('s'),
    region_code: '330111',
    agency_id: 'AG-FY-ZHZF',
    entity_uscc: '91330100470102706G',
    charged_by: '杭州示例检测技术有限公司',
    charger_kind: 'intermediary',
    fee_kind: 'intermediary',
    catalogue_no: null,
    amount: 12000,
    charged_on: '2025-03-05',
    licence_id: null,
    inspection_id: null,
    commissioned_by_agency: false,
    designated_by_agency: false,
    ...r,
  });
