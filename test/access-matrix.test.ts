// The route × role matrix. It walks every route the app registers (app.apiRoutes, filled by Fastify's
// onRoute hook) for every person of the world fixture (test/helpers/world.ts: two cities, two counties
// in one city, two agencies in one county, a record of each kind for each, cross links) and without a
// session, with targets inside and outside each person's jurisdiction, and fails on:
// - a route it does not know how to exercise (a new route must be added to EXERCISERS below);
// - a 5xx, a 2xx on a forbidden call, a refusal of an allowed one;
// - an id (or a personal value) in any response that the person may not see, unless they sent it;
// - a row in a list that the person may not read.
// Who may see and do what is stated here again, independently of src/policy, from the rules in
// docs/security.md: the test holds the code to the statement, not to itself.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions } from 'fastify';
import ExcelJS from 'exceljs';
import { openTestStore } from './helpers/store.ts';
import { quietEnvironment } from './helpers/clues.ts';
import {
  AGENCIES,
  CASES,
  ENTITIES,
  PEOPLE,
  PERSONAL,
  THINGS,
  put,
  seedWorld,
  sessionOf,
  type Person,
  type Thing,
} from './helpers/world.ts';
import { sampleRow } from './fixtures/ingest-samples.ts';
import { withUsccCheck } from '../src/domain/uscc.ts';
import { regionContains } from '../src/domain/region.ts';
import { buildApp } from '../src/api/app.ts';
import { IMPORT_KINDS, type Kind } from '../src/records/registry.ts';
import { sql } from '../src/store/sql.ts';
import { generateReport } from '../src/evaluation/report/reports.ts';
import { parsePeriod, type Period } from '../src/evaluation/period.ts';
import type { Store } from '../src/store/store.ts';
import { SYSTEM_CALLER } from '../src/auth/caller.ts';
import { saveLocalModel } from '../src/models/local/local-models.ts';
import type { Template } from '../src/models/local/template.ts';

const attachmentsDir = quietEnvironment();
const t = await openTestStore();
const { store } = t;
let app: FastifyInstance;
let users: Record<string, string> = {};
const cookies = new Map<string, string>();

// ── the statement of the rules ───────────────────────────────────────────────────────────────────
const RECORD_TABLES = [
  'licences',
  'inspections',
  'cases',
  'deliveries',
  'payments',
  'service_visits',
  'hotline_tickets',
  'delegations',
  'followup_answers',
  'review_outcomes',
];
const AGENCY_STATUSES = ['self_check', 'assigned', 'rectifying', 'submitted', 'returned', 'closed'];
const isAgencyRole = (p: Person) => p.role === 'agency_staff' || p.role === 'officer';
const within = (p: Person, region: string) => regionContains(p.region, region);
const supervises = (p: Person, region: string) => p.role === 'admin' || (p.role === 'supervisor' && within(p, region));
const navigates = (p: Person) => p.role !== 'invited_supervisor' && p.role !== 'discipline_liaison';
const readsInspections = (p: Person) => ['admin', 'supervisor', 'agency_staff', 'officer'].includes(p.role);
const staffOf = (p: Person, agency: string) => p.role === 'admin' || (p.role === 'agency_staff' && p.agency === agency);
const byId = (id: string) => THINGS.find((x) => x.id === id);

/** Whether the person may read the thing (its row, in a list or alone). */
function visible(p: Person, x: Thing): boolean {
  // A conversation with the assistant and its answers are their asker's own, the admin's too.
  if (x.kind === 'conversations' || x.kind === 'asks') return x.owner === p.username;
  // A notification is its desk's: an agency's staff and officers, exactly its region's supervisors, the
  // liaisons over its region. The admin has no desk, and is told nothing.
  if (x.kind === 'notifications') {
    if (x.audience === 'agency') return isAgencyRole(p) && x.agency === p.agency;
    if (x.audience === 'supervisor') return p.role === 'supervisor' && p.region === x.region;
    return p.role === 'discipline_liaison' && within(p, x.region);
  }
  if (p.role === 'admin') return true;
  const inRegion = within(p, x.region);
  const clue = x.clue ? byId(x.clue) : undefined;
  switch (x.kind) {
    case 'entities':
      if (p.role === 'supervisor') return inRegion;
      if (isAgencyRole(p)) return !!x.agencies?.includes(p.agency!);
      return p.role === 'discipline_liaison' && !!x.cited && inRegion;
    case 'agencies':
      return isAgencyRole(p) ? x.id === p.agency : inRegion;
    case 'officers':
      if (p.role === 'supervisor') return inRegion;
      return isAgencyRole(p) && x.agency === p.agency;
    case 'clues':
      if (p.role === 'supervisor') return inRegion;
      if (isAgencyRole(p)) return x.agency === p.agency && AGENCY_STATUSES.includes(x.status!);
      // An invited supervisor follows the clues they filed, and those their report was joined to as a duplicate.
      if (p.role === 'invited_supervisor')
        return (
          inRegion && (x.owner === p.username || THINGS.some((r) => r.kind === 'clue_reports' && r.clue === x.id && r.owner === p.username))
        );
      return inRegion && x.status === 'transferred';
    case 'clue_reports':
      return !!clue && visible(p, clue) && (p.role !== 'invited_supervisor' || x.owner === p.username);
    case 'attachments':
      return !!clue && visible(p, clue) && p.role !== 'invited_supervisor';
    case 'notices':
      // A supervisor reads their own office's notices and those the levels above sent to their region's agencies.
      if (p.role === 'supervisor') return inRegion || (!!x.agency && within(p, AGENCIES.find((a) => a.id === x.agency)!.region));
      if (isAgencyRole(p)) return x.agency === p.agency && x.noticeKind !== 'transfer';
      return p.role === 'discipline_liaison' && x.noticeKind === 'transfer' && inRegion;
    case 'import_batches':
      if (p.role === 'supervisor') return inRegion;
      return p.role === 'agency_staff' && x.owner === p.username;
    case 'model_runs':
      return inRegion || regionContains(x.region, p.region);
    case 'webhooks':
      return false;
    // Follow-up: campaigns are the supervising office's; a task is also read by its record's agency (an answer names it).
    case 'campaigns':
      return p.role === 'supervisor' && inRegion;
    case 'followup_tasks':
      if (p.role === 'supervisor') return inRegion;
      return isAgencyRole(p) && x.agency === p.agency;
    // Case reviews: the region's supervisors; a file also its reviewer (an invited supervisor may be one); rounds the invited supervisors of the region.
    case 'review_rounds':
      return (p.role === 'supervisor' || p.role === 'invited_supervisor') && inRegion;
    case 'review_files':
      return (p.role === 'supervisor' && inRegion) || x.owner === p.username;
    case 'situation_reports':
      return !isAgencyRole(p) && inRegion;
    default: // the record tables
      if (p.role === 'supervisor') return inRegion;
      if (isAgencyRole(p)) return x.agency === p.agency;
      return p.role === 'discipline_liaison' && !!x.cited && inRegion;
  }
}

/**
 * Whether the thing's id must not appear in anything the person receives. Agency names are public
 * (the portal lists them); an officer within the person's jurisdiction may be named by a record they
 * read (the inspection a liaison's clue cites names its officer), though the officer's row stays closed.
 */
function secretFrom(p: Person | null, x: Thing): boolean {
  if (x.kind === 'agencies') return false;
  if (!p) return true;
  if (visible(p, x)) return false;
  if (reviewed.get(p.username)?.has(x.id)) return false;
  if (x.kind === 'officers') return isAgencyRole(p) ? x.agency !== p.agency : !within(p, x.region);
  return true;
}

/**
 * What a case file's reviewer is shown with it (the file's page: the case, its entity and inspection,
 * its deliveries and payments), by username. An invited supervisor drawn as a reviewer reads the file
 * assigned to them (docs/security.md), though these rows stay closed to them everywhere else.
 * Filled once the world is seeded: every GET runs before any call that could add to a reviewed case.
 */
const reviewed = new Map<string, Set<string>>();

async function readReviewed(s: Store): Promise<void> {
  const linked = await s.query<{ reviewer: string; id: string }>(`
    SELECT f.reviewer_id AS reviewer, c.id FROM review_files f JOIN cases c ON c.id = f.case_id
    UNION SELECT f.reviewer_id, c.entity_uscc FROM review_files f JOIN cases c ON c.id = f.case_id
    UNION SELECT f.reviewer_id, c.inspection_id FROM review_files f JOIN cases c ON c.id = f.case_id WHERE c.inspection_id IS NOT NULL
    UNION SELECT f.reviewer_id, d.id FROM review_files f JOIN deliveries d ON d.case_id = f.case_id
    UNION SELECT f.reviewer_id, y.id FROM review_files f JOIN payments y ON y.case_id = f.case_id`);
  for (const { reviewer, id } of linked) {
    const username = Object.entries(users).find(([, v]) => v === reviewer)![0];
    reviewed.set(username, (reviewed.get(username) ?? new Set()).add(id));
  }
}

const IN_CLEAR: Record<string, string[]> = {
  id_number: ['admin', 'discipline_liaison'],
  phone: ['admin', 'discipline_liaison'],
  name: ['admin', 'discipline_liaison', 'agency_staff', 'officer'],
  address: ['admin', 'discipline_liaison', 'agency_staff', 'officer'],
};

// ── probes ───────────────────────────────────────────────────────────────────────────────────────
interface Probe {
  request: InjectOptions & { url: string };
  /** true: a 2xx; false: refused (403/404); 'any': anything but a 5xx (checked further by `check`). */
  allowed: boolean | 'any';
  /** The ids of the rows the answer lists, to be held against visible(). */
  rows?: (body: unknown) => string[];
  /**
   * Checks after the call: the state changed exactly when the call was allowed, and the like. The body
   * is the JSON answer, or an Excel export's cells (rows of text, the header first).
   */
  check?: (status: number, body: unknown) => Promise<void> | void;
  /** A session of its own (logout ends it). */
  cookie?: string;
}

type Exerciser = (p: Person) => Promise<Probe[]> | Probe[];

const get = (url: string, allowed: boolean | 'any', rows?: Probe['rows']): Probe => ({ request: { method: 'GET', url }, allowed, rows });
const post = (url: string, payload: unknown, allowed: boolean | 'any', check?: Probe['check']): Probe => ({
  request: { method: 'POST', url, payload: payload as InjectOptions['payload'] },
  allowed,
  check,
});
const listOf =
  (...keys: string[]) =>
  (body: unknown): string[] => {
    const b = body as Record<string, unknown>;
    const list = keys.map((k) => b[k]).find(Array.isArray) as { id?: string; uscc?: string }[] | undefined;
    return (list ?? []).map((r) => String(r.id ?? r.uscc));
  };
const things = (kind: string) => THINGS.filter((x) => x.kind === kind);
const api = (path: string) => `/api/v1${path}`;

let seq = 0;
const nextId = (prefix: string) => `${prefix}-${String(++seq).padStart(5, '0')}`;
const at = '2025-05-01T02:00:00.000Z';
const future = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A fresh clue for one probe, registered in THINGS so the leak scan knows it. */
async function freshClue(agency: (typeof AGENCIES)[number], status: string, extra: { caseId?: string } = {}): Promise<string> {
  const id = nextId('CLX');
  const deadline = ['assigned', 'rectifying', 'returned', 'submitted'].includes(status) ? future(5) : null;
  await store.exec(sql`INSERT INTO clues (id, region_code, agency_id, source, model_code, dedupe_key, severity, title, explanation, evidence, params,
      status, deadline, created_at, updated_at, case_id)
    VALUES (${id}, ${agency.region}, ${agency.id}, 'model', 'INS_SINGLE_OFFICER', ${id}, 'high', ${`矩阵线索${id}`}, '执法检查中存在程序问题，需要核查。',
      NULL, NULL, ${status}, CAST(${deadline} AS DATE), ${at}, ${at}, ${extra.caseId ?? null})`);
  THINGS.push({ kind: 'clues', id, region: agency.region, agency: agency.id, status });
  return id;
}

async function freshNotice(agency: (typeof AGENCIES)[number], kind: 'advisory' | 'transfer'): Promise<string> {
  const id = nextId('NTX');
  await store.exec(sql`INSERT INTO notices (id, region_code, kind, number, agency_id, clue_ids, issued_on, deadline, response, responded_on, status,
      title, addressee, issuer, content, created_by, created_at, responded_by)
    VALUES (${id}, ${agency.region}, ${kind}, ${`矩阵〔2025〕${seq}号`}, ${kind === 'transfer' ? null : agency.id}, '[]', CAST('2025-05-02' AS DATE),
      CAST('2099-01-01' AS DATE), NULL, NULL, 'issued', '测试文书', '测试', '测试司法局', '{"opening":"","facts":[],"basis":[],"requirement":""}',
      ${users.admin}, ${at}, NULL)`);
  THINGS.push({
    kind: 'notices',
    id,
    number: `矩阵〔2025〕${seq}号`,
    region: agency.region,
    agency: kind === 'transfer' ? null : agency.id,
    noticeKind: kind,
  });
  return id;
}

async function statusOf(id: string): Promise<string> {
  const [r] = await store.query<{ status: string }>(sql`SELECT status FROM clues WHERE id = ${id}`);
  return r.status;
}

/** Rows written by allowed calls (intake, notices, reports…) become things too, with the facts the store holds. */
async function syncThings(s: Store): Promise<void> {
  const known = new Set(THINGS.map((x) => x.id));
  const username = (id: string | null) => Object.entries(users).find(([, v]) => v === id)?.[0];
  for (const c of await s.query<{
    id: string;
    number: string | null;
    region_code: string;
    agency_id: string | null;
    status: string;
    created_by: string | null;
  }>('SELECT id, number, region_code, agency_id, status, created_by FROM clues')) {
    const x = THINGS.find((y) => y.id === c.id);
    if (x) {
      x.status = c.status; // transitions move clues
      x.number = c.number ?? undefined;
    } else
      THINGS.push({
        kind: 'clues',
        id: c.id,
        number: c.number ?? undefined,
        region: c.region_code,
        agency: c.agency_id,
        status: c.status,
        owner: username(c.created_by),
      });
  }
  for (const r of await s.query<{ id: string; clue_id: string; region_code: string; source_ref: string | null }>(
    'SELECT id, clue_id, region_code, source_ref FROM clue_reports',
  ))
    if (!known.has(r.id))
      THINGS.push({
        kind: 'clue_reports',
        id: r.id,
        region: r.region_code,
        agency: null,
        clue: r.clue_id,
        owner: username(r.source_ref) ?? 'other',
      });
  for (const a of await s.query<{ id: string; clue_id: string; region_code: string }>(
    'SELECT id, clue_id, region_code FROM clue_attachments',
  ))
    if (!known.has(a.id)) THINGS.push({ kind: 'attachments', id: a.id, region: a.region_code, agency: null, clue: a.clue_id });
  for (const n of await s.query<{ id: string; number: string; region_code: string; agency_id: string | null; kind: string }>(
    'SELECT id, number, region_code, agency_id, kind FROM notices',
  )) {
    const x = THINGS.find((y) => y.id === n.id);
    if (x) x.number = n.number;
    else THINGS.push({ kind: 'notices', id: n.id, number: n.number, region: n.region_code, agency: n.agency_id, noticeKind: n.kind });
  }
  for (const n of await s.query<{ id: string; audience: Thing['audience']; agency_id: string | null; region_code: string }>(
    'SELECT id, audience, agency_id, region_code FROM notifications',
  ))
    if (!known.has(n.id))
      THINGS.push({ kind: 'notifications', id: n.id, region: n.region_code, agency: n.agency_id, audience: n.audience });
  for (const b of await s.query<{ id: string; region_code: string; created_by: string | null }>(
    'SELECT id, region_code, created_by FROM import_batches',
  ))
    if (!known.has(b.id))
      THINGS.push({ kind: 'import_batches', id: b.id, region: b.region_code, agency: null, owner: username(b.created_by) });
  // Records the API landed: their agency through their own column or their case.
  for (const table of RECORD_TABLES) {
    const agency = ['deliveries', 'payments'].includes(table)
      ? `(SELECT k.agency_id FROM cases k WHERE k.id = t.case_id)`
      : table === 'followup_answers'
        ? 'NULL'
        : 't.agency_id';
    for (const r of await s.query<{ id: string; region_code: string; agency: string | null }>(
      `SELECT t.id, t.region_code, ${agency} AS agency FROM ${table} t`,
    ))
      if (!known.has(r.id)) THINGS.push({ kind: table, id: r.id, region: r.region_code, agency: r.agency });
  }
  for (const e of await s.query<{ uscc: string; region_code: string }>('SELECT uscc, region_code FROM entities'))
    if (!known.has(e.uscc)) THINGS.push({ kind: 'entities', id: e.uscc, region: e.region_code, agency: null, agencies: [] });
  for (const w of await s.query<{ id: string; region_code: string }>('SELECT id, region_code FROM webhook_endpoints'))
    if (!known.has(w.id)) THINGS.push({ kind: 'webhooks', id: w.id, region: w.region_code, agency: null });
}

const FY = AGENCIES.find((a) => a.tag === 'FYA')!;
const TARGET_AGENCIES = AGENCIES; // FYA, FYB (same county), XHA (same city), HSA (another city)
const REGIONS = ['330111', '330106', '330203'];

/** One record of a kind for the ingestion API, inside the agency's county and naming its world references. */
function ingestRecord(kind: Kind, agency: (typeof AGENCIES)[number], n: number): Record<string, string> {
  const row: Record<string, string> = { ...sampleRow(kind, 90_000 + n, 'world'), region_code: agency.region };
  const tag = agency.tag as keyof typeof ENTITIES;
  if ('agency_id' in row) row.agency_id = agency.id;
  if ('entity_uscc' in row) row.entity_uscc = ENTITIES[tag];
  if ('item_code' in row) row.item_code = 'IT-1';
  if ('inspection_item_code' in row) row.inspection_item_code = 'II-1';
  if ('case_id' in row) row.case_id = `case-${agency.tag}`;
  if ('inspection_id' in row) row.inspection_id = '';
  if ('service_code' in row) row.service_code = '';
  if ('line_code' in row) row.line_code = agency.line;
  if (kind === 'entities') row.uscc = withUsccCheck(`91330199MA${String(n).padStart(7, '0')}`);
  // Reference kinds name the world's own references: a township under the agency's county, its officer and line.
  if (kind === 'regions') Object.assign(row, { code: `${agency.region}${String(n % 1000).padStart(3, '0')}`, parent_code: agency.region });
  if (kind === 'certificates') Object.assign(row, { officer_id: `OF-${agency.tag}`, scope: agency.line });
  if (kind === 'inspection_items') row.item_code = 'IT-1';
  return row;
}

/** Who may land a record of the kind in the agency's county (supervisors and admins every kind, staff their agency's). */
const AGENCY_IMPORTS = new Set([
  'licences',
  'inspections',
  'cases',
  'deliveries',
  'payments',
  'coercive_measures',
  'review_outcomes',
  'service_visits',
  'delegations',
  'inspection_plans',
  'inspection_objects',
  'monitoring_devices',
  'enterprise_charges',
  'confiscated_goods',
]);
/** Kinds whose rows name things the world does not hold (certified officers, a directory of objects): a row may be refused on its facts, never landed out of reach. */
const FACT_CHECKED_IMPORTS = new Set(['inspection_plans', 'inspection_objects']);
const mayImport = (p: Person, kind: Kind, agency: (typeof AGENCIES)[number]) =>
  supervises(p, agency.region) || (p.role === 'agency_staff' && p.agency === agency.id && AGENCY_IMPORTS.has(kind));
const importsAtAll = (p: Person) => ['admin', 'supervisor', 'agency_staff'].includes(p.role);

function ingestProbes(kind: Kind): Exerciser {
  return (p) =>
    TARGET_AGENCIES.map((a) => {
      const record = ingestRecord(kind, a, ++seq);
      return post(api(`/ingest/${kind}`), { sourceSystem: 'world', records: [record] }, 'any', (status, body) => {
        const b = body as { inserted?: number; updated?: number };
        if (!importsAtAll(p) || (p.role === 'agency_staff' && !AGENCY_IMPORTS.has(kind)))
          assert.equal(status, 403, `${p.username} may not import ${kind}`);
        else assert.equal(status, 200);
        const landed = status === 200 && (b.inserted ?? 0) + (b.updated ?? 0) > 0;
        if (FACT_CHECKED_IMPORTS.has(kind)) assert.ok(!landed || mayImport(p, kind, a), `${p.username} lands a ${kind} record of ${a.id}`);
        else assert.equal(landed, mayImport(p, kind, a), `${p.username} lands a ${kind} record of ${a.id}: ${JSON.stringify(body)}`);
      });
    });
}

function multipart(fields: Record<string, string>, file: { name: string; type: string; content: string }) {
  const boundary = '----kedu-matrix';
  const parts = Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
  parts.push(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n${file.content}\r\n--${boundary}--\r\n`,
  );
  return { payload: parts.join(''), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** An export holds what its list holds: as many rows as the list's total, for the same person and filters. */
const sameAsList = (p: Person, listUrl: string) => async (status: number, body: unknown) => {
  if (status !== 200) return;
  const list = await app.inject({ method: 'GET', url: listUrl, headers: { cookie: cookies.get(p.username)! } });
  assert.equal((body as string[][]).length - 1, (list.json() as { total: number }).total, `${p.username}'s export of ${listUrl}`);
};

/**
 * An export of officers or entities: the row of every holder of personal data the person reads carries
 * each value in clear exactly where the role sees it so, and masked (with *) otherwise.
 */
const maskedForRole = (p: Person, kind: string) => (status: number, body: unknown) => {
  if (status !== 200) return;
  const cells = body as string[][];
  const held = PERSONAL.filter((v) => byId(v.owner)?.kind === kind && visible(p, byId(v.owner)!));
  // The world plants personal data on every officer and entity: a check that found none would hold nothing.
  if (PERSONAL_KINDS.includes(kind) && things(kind).some((x) => visible(p, x))) assert.ok(held.length > 0, `personal data of ${kind}`);
  for (const v of held) {
    const row = cells.find((r) => r.includes(v.owner));
    assert.ok(row, `${p.username}'s ${kind} export has the row of ${v.owner}`);
    const clear = IN_CLEAR[v.kind].includes(p.role);
    assert.equal(row.includes(v.value), clear, `${p.username} sees the ${v.kind} of ${v.owner} ${clear ? 'in clear' : 'masked'}`);
    if (!clear)
      assert.ok(
        row.some((c) => c.includes('*')),
        `a masked ${v.kind} of ${v.owner} for ${p.username}`,
      );
  }
};
const PERSONAL_KINDS = ['officers', 'entities'];

const both =
  (...checks: NonNullable<Probe['check']>[]): Probe['check'] =>
  async (status, body) => {
    for (const c of checks) await c(status, body);
  };

/** An account to disable, enable or reset (one per probe: the world's own stay signed in). */
async function freshUser(disabled: boolean): Promise<string> {
  const id = nextId('USX');
  await store.exec(sql`INSERT INTO users (id, username, display_name, password_hash, role, region_code, agency_id, disabled, created_at)
    VALUES (${id}, ${`matrix_${id.toLowerCase()}`}, '矩阵账号', 'matrix-no-login', 'supervisor', '330111', NULL, ${disabled}, ${at})`);
  return id;
}

async function userRow(id: string): Promise<{ disabled: boolean; password_hash: string }> {
  const [u] = await store.query<{ disabled: boolean; password_hash: string }>(
    sql`SELECT disabled, password_hash FROM users WHERE id = ${id}`,
  );
  return u;
}

const CATALOG_TABLES = ['regions', 'lines', 'regulations', 'items', 'inspection-items', 'whitelist'];
const RECORD_KINDS = [...RECORD_TABLES, 'entities', 'agencies', 'officers'];

const supervising = (p: Person) => p.role === 'admin' || p.role === 'supervisor';
const readsTriage = (p: Person) => supervising(p) || (isAgencyRole(p) && !!p.agency);
const onPath = (p: Person, region: string) => within(p, region) || regionContains(region, p.region);
/** A local model of 富阳, saved before the walk (its code is the first of the region). */
const LOCAL_MODEL = 'LOC-330111-001';
const LOCAL_TEMPLATE: Template = {
  name: '投诉检查过密',
  description: '同一企业90天内因投诉举报被检查3次以上。',
  kind: 'inspections',
  filters: [{ field: 'kind', op: 'eq', value: 'complaint' }],
  groupBy: 'entity_uscc',
  dateField: 'inspected_on',
  windowDays: 90,
  threshold: 3,
  severity: 'high',
  explanation: '数据显示，该企业{first_on}至{last_on}因投诉举报被检查{record_count}次，请核实检查是否必要。',
  basis: { regulationId: 'xingzheng-chufa-fa' },
};

const EXERCISERS: Record<string, Exerciser> = {
  // ── accounts ──
  // A wrong password for a username nobody has: on a world user, the 15 failures would lock the account
  // (src/auth/lockout.ts), and the logout probe next could not open the admin's session.
  'POST /api/v1/auth/login': () => [post(api('/auth/login'), { username: 'matrix-nobody', password: 'not-the-password-1' }, 'any')],
  'POST /api/v1/auth/logout': async (p) => [{ ...post(api('/auth/logout'), {}, true), cookie: await sessionOf(store, p.username) }],
  'GET /api/v1/auth/me': () => [get(api('/auth/me'), true)],
  // ── figures and the catalog: every role, its own jurisdiction ──
  'GET /api/v1/dashboard/summary': () => [get(api('/dashboard/summary?from=2025-01-01&to=2025-12-31'), true)],
  ...Object.fromEntries(CATALOG_TABLES.map((x) => [`GET /api/v1/catalog/${x}`, () => [get(api(`/catalog/${x}`), true)]])),
  'GET /api/v1/catalog/regulations/:id': () => [get(api('/catalog/regulations/xingzheng-chufa-fa'), true)],
  'GET /api/v1/catalog/baselines': () => [get(api('/catalog/baselines'), true)],
  'GET /api/v1/catalog/exemptions': () => [get(api('/catalog/exemptions'), true)],
  // ── records ──
  'GET /api/v1/records/:kind': (p) =>
    RECORD_KINDS.map((k) => get(api(`/records/${k}?pageSize=500`), p.role !== 'invited_supervisor' || k === 'agencies', listOf('rows'))),
  // An export is a bulk read of the same rows, masked alike; not for the liaison, who reads their cited records one by one.
  'GET /api/v1/records/:kind.xlsx': (p) =>
    RECORD_KINDS.map((k) => ({
      ...get(api(`/records/${k}.xlsx`), (p.role !== 'invited_supervisor' || k === 'agencies') && p.role !== 'discipline_liaison'),
      check: both(sameAsList(p, api(`/records/${k}?pageSize=1`)), maskedForRole(p, k)),
    })),
  'GET /api/v1/records/:kind/:id': (p) =>
    THINGS.filter((x) => RECORD_KINDS.includes(x.kind)).map((x) =>
      get(api(`/records/${x.kind}/${encodeURIComponent(x.id)}`), visible(p, x)),
    ),
  // ── models ──
  'GET /api/v1/models': () => [get(api('/models'), true)],
  'GET /api/v1/models/:code': () => [get(api('/models/INS_SINGLE_OFFICER'), true)],
  'PUT /api/v1/models/:code/settings': (p) =>
    REGIONS.map((r) => ({
      request: { method: 'PUT', url: api('/models/INS_SINGLE_OFFICER/settings'), payload: { regionCode: r, enabled: true, params: {} } },
      allowed: p.role === 'admin',
    })),
  'POST /api/v1/models/run': (p) => [
    post(api('/models/run'), { model: 'INS_SINGLE_OFFICER' }, p.role === 'admin' || p.role === 'supervisor'),
  ],
  // ── clues ──
  'GET /api/v1/clues/workflow': () => [get(api('/clues/workflow'), true)],
  'GET /api/v1/clues/stats': () => [get(api('/clues/stats'), true)],
  'GET /api/v1/clues': () => [get(api('/clues?pageSize=500'), true, listOf('rows'))],
  'GET /api/v1/clues.xlsx': (p) => [{ ...get(api('/clues.xlsx'), true), check: sameAsList(p, api('/clues?pageSize=1')) }],
  'GET /api/v1/clues/supervision': () => [get(api('/clues/supervision'), true)],
  'GET /api/v1/clues/:id': (p) => things('clues').map((x) => get(api(`/clues/${x.id}`), visible(p, x))),
  'POST /api/v1/clues': (p) =>
    REGIONS.map((r) =>
      post(
        api('/clues'),
        {
          source: p.role === 'invited_supervisor' ? 'invited' : 'media',
          regionCode: r,
          content: `矩阵测试：执法人员未出示执法证件（${r}）。`,
        },
        p.role === 'invited_supervisor' ? within(p, r) : supervises(p, r),
      ),
    ),
  'POST /api/v1/clues/:id/transitions': async (p) => {
    const probes: Probe[] = [];
    for (const a of TARGET_AGENCIES) {
      const fresh = await freshClue(a, 'new');
      const triage = supervises(p, a.region);
      probes.push(
        post(api(`/clues/${fresh}/transitions`), { action: 'triage' }, triage, async () =>
          assert.equal(await statusOf(fresh), triage ? 'triaged' : 'new'),
        ),
      );
      const assigned = await freshClue(a, 'assigned');
      const accept = staffOf(p, a.id);
      probes.push(
        post(api(`/clues/${assigned}/transitions`), { action: 'accept' }, accept, async () =>
          assert.equal(await statusOf(assigned), accept ? 'rectifying' : 'assigned'),
        ),
      );
    }
    return probes;
  },
  'POST /api/v1/clues/:id/deadline': async (p) =>
    Promise.all(
      TARGET_AGENCIES.map(async (a) =>
        post(
          api(`/clues/${await freshClue(a, 'assigned')}/deadline`),
          { deadline: future(10), reason: '矩阵测试延期' },
          supervises(p, a.region),
        ),
      ),
    ),
  'POST /api/v1/clues/bulk-assign': async (p) =>
    Promise.all(
      TARGET_AGENCIES.map(async (a) => {
        const id = await freshClue(a, 'new');
        const manages = p.role === 'admin' || p.role === 'supervisor';
        return post(api('/clues/bulk-assign'), { clueIds: [id], agencyId: a.id }, 'any', async (status, body) => {
          assert.equal(status, manages ? 200 : 403, `${p.username} bulk-assign`);
          if (manages) assert.equal((body as { results: { ok: boolean }[] }).results[0].ok, supervises(p, a.region));
          assert.equal(await statusOf(id), supervises(p, a.region) ? 'assigned' : 'new');
        });
      }),
    ),
  'POST /api/v1/clues/merge': async (p) =>
    Promise.all(
      TARGET_AGENCIES.map(async (a) =>
        post(api('/clues/merge'), { clueIds: [await freshClue(a, 'new'), await freshClue(a, 'new')] }, supervises(p, a.region)),
      ),
    ),
  'POST /api/v1/clues/escalate': (p) => [post(api('/clues/escalate'), {}, p.role === 'admin')],
  'POST /api/v1/clues/:id/attachments': async (p) =>
    Promise.all(
      TARGET_AGENCIES.map(async (a) => {
        const id = await freshClue(a, 'rectifying');
        const body = multipart({}, { name: '整改报告.txt', type: 'text/plain', content: '整改完成' });
        return {
          request: { method: 'POST', url: api(`/clues/${id}/attachments`), payload: body.payload, headers: body.headers },
          allowed: staffOf(p, a.id) || supervises(p, a.region),
        } satisfies Probe;
      }),
    ),
  'GET /api/v1/attachments/:id': (p) => things('attachments').map((x) => get(api(`/attachments/${x.id}`), visible(p, x))),
  'POST /api/v1/hotline-tickets': (p) =>
    ['FYA', 'XHA', 'HSA'].map((tag) => {
      const region = AGENCIES.find((a) => a.tag === tag)!.region;
      // The attack of the 12345 hole: another county's ticket key, sent under the caller's own region.
      return post(
        api('/hotline-tickets'),
        {
          sourceSystem: '12345',
          sourceId: `T-${tag}`,
          regionCode: p.region,
          receivedAt: '2025-03-15T10:00:00+08:00',
          category: '执法投诉',
          content: '反映执法人员态度粗暴。',
          concernsEnforcement: true,
        },
        supervises(p, region),
      );
    }),
  'POST /api/v1/hotline-tickets/intake': (p) => [post(api('/hotline-tickets/intake'), {}, p.role === 'admin' || p.role === 'supervisor')],
  // ── notices ──
  'POST /api/v1/notices': async (p) =>
    Promise.all(
      TARGET_AGENCIES.map(async (a) =>
        post(api('/notices'), { kind: 'advisory', clueIds: [await freshClue(a, 'assigned')] }, supervises(p, a.region)),
      ),
    ),
  'GET /api/v1/notices': () => [get(api('/notices?pageSize=500'), true, listOf('rows'))],
  'GET /api/v1/notices.xlsx': (p) => [{ ...get(api('/notices.xlsx'), true), check: sameAsList(p, api('/notices?pageSize=1')) }],
  'GET /api/v1/notices/:id': (p) => things('notices').map((x) => get(api(`/notices/${x.id}`), visible(p, x))),
  'GET /api/v1/notices/:id.docx': (p) => things('notices').map((x) => get(api(`/notices/${x.id}.docx`), visible(p, x))),
  'POST /api/v1/notices/:id/response': async (p) => {
    const probes: Probe[] = [];
    for (const a of TARGET_AGENCIES) {
      const advisory = await freshNotice(a, 'advisory');
      probes.push(post(api(`/notices/${advisory}/response`), { text: '已按要求完成整改。' }, supervises(p, a.region) || staffOf(p, a.id)));
      const transfer = await freshNotice(a, 'transfer');
      const liaison = p.role === 'discipline_liaison' && within(p, a.region);
      probes.push(post(api(`/notices/${transfer}/response`), { text: '已收到移送材料。' }, supervises(p, a.region) || liaison));
    }
    return probes;
  },
  // ── notifications: every signed-in role reads its desk's, and marks only those read ──
  'GET /api/v1/notifications': (p) => [
    {
      ...get(api('/notifications?pageSize=100'), true, listOf('rows')),
      check: (_status, body) =>
        assert.equal(
          (body as { total: number }).total,
          things('notifications').filter((x) => visible(p, x)).length,
          `${p.username}'s desk`,
        ),
    },
  ],
  'GET /api/v1/notifications/count': (p) => [
    {
      ...get(api('/notifications/count'), true),
      check: (_status, body) =>
        assert.equal(
          (body as { unread: number }).unread,
          things('notifications').filter((x) => visible(p, x)).length,
          `${p.username}'s badge`,
        ),
    },
  ],
  'POST /api/v1/notifications/read': (p) => {
    const all = things('notifications').map((x) => x.id);
    return [
      post(api('/notifications/read'), { ids: all }, true, async () => {
        const read = await store.query<{ id: string }>(
          sql`SELECT notification_id AS id FROM notification_reads WHERE user_id = ${users[p.username]}`,
        );
        const mine = all.filter((id) => visible(p, byId(id)!));
        assert.deepEqual(read.map((r) => r.id).sort(), mine.sort(), `${p.username} marks read their desk's notifications only`);
      }),
    ];
  },
  // ── 系统管理: accounts, roles, regions and the models' schedule are the admin's ──
  'GET /api/v1/admin/users': (p) => [get(api('/admin/users?pageSize=200'), p.role === 'admin')],
  'GET /api/v1/admin/users.xlsx': (p) => [get(api('/admin/users.xlsx'), p.role === 'admin')],
  'GET /api/v1/admin/roles': (p) => [get(api('/admin/roles'), p.role === 'admin')],
  'GET /api/v1/admin/regions': (p) => [get(api('/admin/regions?level=county'), p.role === 'admin')],
  'GET /api/v1/admin/schedule': (p) => [get(api('/admin/schedule'), p.role === 'admin')],
  'PUT /api/v1/admin/schedule': (p) => [
    { request: { method: 'PUT', url: api('/admin/schedule'), payload: { minutes: 0 } }, allowed: p.role === 'admin' },
  ],
  'POST /api/v1/admin/users': (p) =>
    REGIONS.map((r) => {
      const username = `matrix_new_${++seq}`;
      const payload = { username, displayName: '矩阵新账号', password: 'Matrix-Account-2025', role: 'supervisor', regionCode: r };
      return post(api('/admin/users'), payload, p.role === 'admin', async () => {
        const made = await store.query(sql`SELECT id FROM users WHERE username = ${username}`);
        assert.equal(made.length, p.role === 'admin' ? 1 : 0, `${p.username} creates ${username}`);
      });
    }),
  'POST /api/v1/admin/users/:id/disable': async (p) => {
    const id = await freshUser(false);
    return [
      post(api(`/admin/users/${id}/disable`), {}, p.role === 'admin', async () =>
        assert.equal(!!(await userRow(id)).disabled, p.role === 'admin'),
      ),
    ];
  },
  'POST /api/v1/admin/users/:id/enable': async (p) => {
    const id = await freshUser(true);
    return [
      post(api(`/admin/users/${id}/enable`), {}, p.role === 'admin', async () =>
        assert.equal(!!(await userRow(id)).disabled, p.role !== 'admin'),
      ),
    ];
  },
  'POST /api/v1/admin/users/:id/password': async (p) => {
    const id = await freshUser(false);
    return [
      post(api(`/admin/users/${id}/password`), { password: 'Matrix-Reset-2025' }, p.role === 'admin', async () =>
        assert.equal((await userRow(id)).password_hash !== 'matrix-no-login', p.role === 'admin'),
      ),
    ];
  },
  // ── 审计日志: the admin reads every entry, a supervisor their region's subtree; verifying is the admin's ──
  'GET /api/v1/audit': (p) => [
    {
      ...get(api('/audit?pageSize=200'), p.role === 'admin' || p.role === 'supervisor'),
      check: (status, body) => {
        if (status !== 200 || p.role === 'admin') return;
        for (const r of (body as { rows: { seq: number; regionCode: string | null }[] }).rows)
          assert.ok(r.regionCode && within(p, r.regionCode), `${p.username} reads audit entry ${r.seq} of ${r.regionCode}`);
      },
    },
  ],
  'GET /api/v1/audit.xlsx': (p) => [
    { ...get(api('/audit.xlsx'), p.role === 'admin' || p.role === 'supervisor'), check: sameAsList(p, api('/audit?pageSize=1')) },
  ],
  'POST /api/v1/audit/verify': (p) => [post(api('/audit/verify'), {}, p.role === 'admin')],
  // ── webhooks: the admin's ──
  'GET /api/v1/webhooks': (p) => [get(api('/webhooks'), p.role === 'admin')],
  // A public address literal: the receiver check resolves a host name, and there is no DNS here.
  'POST /api/v1/webhooks': (p) => [post(api('/webhooks'), { url: 'https://1.2.4.8/matrix' }, p.role === 'admin')],
  'DELETE /api/v1/webhooks/:id': async (p) => {
    const id = nextId('WEX');
    await store.exec(sql`INSERT INTO webhook_endpoints (id, region_code, url, secret, events, active, created_by, created_at)
      VALUES (${id}, '330000', 'https://hooks.example.com/x', 'matrix-secret-000000', 'clue.assigned', TRUE, ${users.admin}, ${at})`);
    THINGS.push({ kind: 'webhooks', id, region: '330000', agency: null });
    return [{ request: { method: 'DELETE', url: api(`/webhooks/${id}`) }, allowed: p.role === 'admin' }];
  },
  'GET /api/v1/webhooks/deliveries': (p) => [get(api('/webhooks/deliveries'), p.role === 'admin')],
  // ── the public portal: anyone, rate-limited ──
  'GET /api/v1/portal/form-token': () => [get(api('/portal/form-token'), 'any')],
  'GET /api/v1/portal/regions': () => [get(api('/portal/regions'), true)],
  'GET /api/v1/portal/agencies': () => [get(api('/portal/agencies?regionCode=330111'), true)],
  'POST /api/v1/portal/reports': () => [
    post(api('/portal/reports'), { formToken: 'x.y.z', regionCode: '330111', content: '矩阵测试举报内容，反映执法问题。' }, 'any'),
  ],
  'GET /api/v1/portal/reports/:code': () => [get(api('/portal/reports/WORLDCODE1'), 'any')],
  // ── imports ──
  ...Object.fromEntries(IMPORT_KINDS.map((k) => [`POST /api/v1/ingest/${k}`, ingestProbes(k)])),
  'POST /api/v1/imports': (p) =>
    TARGET_AGENCIES.map((a) => {
      const r = ingestRecord('inspections', a, ++seq);
      const file = multipart(
        { kind: 'inspections' },
        { name: 'matrix.csv', type: 'text/csv', content: `${Object.keys(r).join(',')}\r\n${Object.values(r).join(',')}\r\n` },
      );
      return {
        request: { method: 'POST', url: api('/imports'), payload: file.payload, headers: file.headers },
        allowed: 'any',
        check: (status: number, body: unknown) => {
          assert.equal(status, importsAtAll(p) ? 200 : 403, `${p.username} upload`);
          const b = body as { inserted?: number };
          assert.equal(status === 200 && (b.inserted ?? 0) > 0, mayImport(p, 'inspections', a), `${p.username} lands an upload of ${a.id}`);
        },
      } satisfies Probe;
    }),
  'GET /api/v1/imports': (p) => [get(api('/imports?limit=200'), importsAtAll(p), listOf('items'))],
  'GET /api/v1/imports/:id': (p) => things('import_batches').map((x) => get(api(`/imports/${x.id}`), visible(p, x))),
  'GET /api/v1/imports/:id/errors.csv': (p) => things('import_batches').map((x) => get(api(`/imports/${x.id}/errors.csv`), visible(p, x))),
  // ── the assistant: every role asks; a conversation and its answers are their asker's ──
  'POST /api/v1/assistant/ask': () => [post(api('/assistant/ask'), { question: '富阳区今年有多少行政检查？' }, true)],
  'GET /api/v1/assistant/conversations': () => [get(api('/assistant/conversations'), true, listOf('rows'))],
  'GET /api/v1/assistant/conversations/:id': (p) =>
    things('conversations').map((x) => get(api(`/assistant/conversations/${x.id}`), visible(p, x))),
  'GET /api/v1/assistant/asks/:id/answers/:index/table.xlsx': (p) =>
    things('asks').map((x) => get(api(`/assistant/asks/${x.id}/answers/0/table.xlsx`), visible(p, x))),
  // ── the navigator: those who decide or supervise cases; one case's guide if they may read it; the review list for supervisors ──
  'POST /api/v1/navigator/assess': (p) =>
    ['330111', '330203'].map((regionCode) =>
      post(
        api('/navigator/assess'),
        { item: 'IT-1', regionCode, facts: { firstOffence: false, corrected: false, harm: 'minor' } },
        navigates(p) && within(p, regionCode),
      ),
    ),
  'GET /api/v1/navigator/items': (p) => [get(api('/navigator/items?q=%E5%9E%83%E5%9C%BE'), navigates(p))],
  'GET /api/v1/navigator/cases/:id': (p) => things('cases').map((x) => get(api(`/navigator/cases/${x.id}`), navigates(p) && visible(p, x))),
  'GET /api/v1/navigator/review': (p) => [get(api('/navigator/review'), p.role === 'admin' || p.role === 'supervisor')],
  // ── triage: the 预警 files and counts for supervisors, admins and agency roles (their agency's); thresholds read by supervisors and admins, set by admins ──
  'GET /api/v1/triage/settings': (p) => [get(api('/triage/settings'), supervising(p))],
  'PUT /api/v1/triage/settings/:regionCode': (p) =>
    REGIONS.map((r) => ({
      request: {
        method: 'PUT',
        url: api(`/triage/settings/${r}`),
        payload: { simpleMin: 60, generalMin: 75, generalSeverity: 'high', simpleDays: 15 },
      },
      allowed: p.role === 'admin' && within(p, r),
    })),
  'DELETE /api/v1/triage/settings/:regionCode': (p) =>
    REGIONS.map((r) => ({ request: { method: 'DELETE', url: api(`/triage/settings/${r}`) }, allowed: p.role === 'admin' && within(p, r) })),
  'GET /api/v1/triage/summary': (p) => [get(api('/triage/summary'), readsTriage(p))],
  'GET /api/v1/triage/warnings': (p) => [get(api('/triage/warnings?pageSize=200'), readsTriage(p))],
  // ── local models: read by supervisors and admins on their region's path; written by admins inside their region ──
  'GET /api/v1/local-models/schema': (p) => [get(api('/local-models/schema'), supervising(p))],
  'GET /api/v1/local-models': (p) => [get(api('/local-models'), supervising(p))],
  'GET /api/v1/local-models/:code': (p) => [get(api(`/local-models/${LOCAL_MODEL}`), supervising(p) && onPath(p, '330111'))],
  'POST /api/v1/local-models/preview': (p) =>
    REGIONS.map((r) => post(api('/local-models/preview'), { regionCode: r, template: LOCAL_TEMPLATE }, p.role === 'admin' && within(p, r))),
  'POST /api/v1/local-models': (p) =>
    REGIONS.map((r) => post(api('/local-models'), { regionCode: r, template: LOCAL_TEMPLATE }, p.role === 'admin' && within(p, r))),
  'PUT /api/v1/local-models/:code': (p) => [
    {
      request: { method: 'PUT', url: api(`/local-models/${LOCAL_MODEL}`), payload: { regionCode: '330111', template: LOCAL_TEMPLATE } },
      allowed: p.role === 'admin' && within(p, '330111'),
    },
  ],
  'PUT /api/v1/local-models/:code/enabled': (p) => [
    {
      request: { method: 'PUT', url: api(`/local-models/${LOCAL_MODEL}/enabled`), payload: { enabled: false } },
      allowed: p.role === 'admin' && within(p, '330111'),
    },
  ],
  // ── evaluation: figures for every role in its scope; rows and profiles not for invited supervisors and liaisons ──
  'GET /api/v1/evaluation/indicators': () => [get(api('/evaluation/indicators'), true)],
  'PUT /api/v1/evaluation/indicators/:code/settings': (p) =>
    REGIONS.map((r) => ({
      request: { method: 'PUT', url: api('/evaluation/indicators/CASE_OVERDUE_RATE/settings'), payload: { regionCode: r, weight: 5 } },
      allowed: p.role === 'admin',
    })),
  'POST /api/v1/evaluation/groups': (p) => [
    post(api('/evaluation/groups'), { code: `g${++seq}`, name: `矩阵分组${seq}` }, p.role === 'admin'),
  ],
  'GET /api/v1/evaluation/scorecard': (p) =>
    (['region', 'agency', 'officer'] as const).map((level) =>
      get(
        api(`/evaluation/scorecard?level=${level}&period=2025`),
        level === 'region' ? !isAgencyRole(p) : !['invited_supervisor', 'discipline_liaison'].includes(p.role),
      ),
    ),
  'GET /api/v1/evaluation/records': (p) =>
    TARGET_AGENCIES.map((a) =>
      get(
        api(`/evaluation/records?indicator=CASE_OVERDUE_RATE&level=agency&subject=${a.id}&regionCode=${a.region}&period=2025`),
        p.role === 'admin' || (p.role === 'supervisor' && within(p, a.region)) || (isAgencyRole(p) && p.agency === a.id),
      ),
    ),
  'GET /api/v1/evaluation/profiles/agencies/:id': (p) =>
    TARGET_AGENCIES.map((a) =>
      get(api(`/evaluation/profiles/agencies/${a.id}?period=2025`), supervises(p, a.region) || (isAgencyRole(p) && p.agency === a.id)),
    ),
  'GET /api/v1/evaluation/profiles/officers/:id': (p) =>
    things('officers').map((x) =>
      get(api(`/evaluation/profiles/officers/${x.id}?period=2025`), supervises(p, x.region) || (isAgencyRole(p) && p.agency === x.agency)),
    ),
  'GET /api/v1/evaluation/profiles/entities/:uscc': (p) =>
    things('entities').map((x) =>
      get(
        api(`/evaluation/profiles/entities/${x.id}?period=2025`),
        visible(p, x) && !['invited_supervisor', 'discipline_liaison'].includes(p.role),
      ),
    ),
  'GET /api/v1/cockpit': (p) => REGIONS.map((r) => get(api(`/cockpit?regionCode=${r}`), within(p, r))),
  // ── situation reports: not for the agencies reported on ──
  'GET /api/v1/reports': (p) => [get(api('/reports'), !isAgencyRole(p), listOf('rows'))],
  'POST /api/v1/reports': (p) =>
    REGIONS.slice(0, 2).map((r) => post(api('/reports'), { regionCode: r, period: '2025-04' }, supervises(p, r))),
  'GET /api/v1/reports/:id': (p) => things('situation_reports').map((x) => get(api(`/reports/${x.id}`), visible(p, x))),
  'GET /api/v1/reports/:id.docx': (p) => things('situation_reports').map((x) => get(api(`/reports/${x.id}.docx`), visible(p, x))),
  'GET /api/v1/reports/:id.pdf': (p) =>
    things('situation_reports')
      .slice(0, 1)
      .map((x) => get(api(`/reports/${x.id}.pdf`), visible(p, x) ? 'any' : false)),
  // ── case reviews ──
  'GET /api/v1/reviews/checklist': (p) => [get(api('/reviews/checklist'), !isAgencyRole(p) && p.role !== 'discipline_liaison')],
  'PUT /api/v1/reviews/checklist/:code': (p) => [
    {
      request: {
        method: 'PUT',
        url: api('/reviews/checklist/Z9'),
        payload: { section: 'subject', name: '矩阵测试项', points: 1, serious: false, sort: 999, active: false },
      },
      allowed: p.role === 'admin',
    },
  ],
  'GET /api/v1/reviews/rounds': (p) => [get(api('/reviews/rounds'), !isAgencyRole(p) && p.role !== 'discipline_liaison', listOf('rows'))],
  'POST /api/v1/reviews/rounds': (p) =>
    REGIONS.slice(0, 2).map((r) =>
      post(
        api('/reviews/rounds'),
        { regionCode: r, name: '矩阵评查', decidedFrom: '2025-01-01', decidedTo: '2025-12-31', perAgency: 1, reviewers: [users.sup_zj] },
        'any',
        (status) => assert.equal(status < 300, supervises(p, r), `${p.username} draws a review round in ${r}: ${status}`),
      ),
    ),
  'GET /api/v1/reviews/rounds/:id': (p) =>
    things('review_rounds').map((x) => get(api(`/reviews/rounds/${x.id}`), visible(p, x), listOf('files'))),
  'GET /api/v1/reviews/files/:id': (p) => things('review_files').map((x) => get(api(`/reviews/files/${x.id}`), visible(p, x))),
  'POST /api/v1/reviews/files/:id/score': (p) =>
    things('review_files').map((x) =>
      post(api(`/reviews/files/${x.id}/score`), { items: [], summary: '矩阵评分' }, 'any', (status) =>
        assert.ok(x.owner === p.username || [403, 404].includes(status), `${p.username} scores ${x.id}: ${status}`),
      ),
    ),
  // ── follow-up: campaigns for their region's supervisors; results and the duty list also for agencies, their own ──
  'GET /api/v1/followup/meta': () => [get(api('/followup/meta'), true)],
  'GET /api/v1/followup/campaigns': (p) => [get(api('/followup/campaigns?pageSize=500'), supervises(p, p.region), listOf('rows'))],
  'POST /api/v1/followup/campaigns': (p) =>
    REGIONS.map((r) =>
      post(
        api('/followup/campaigns'),
        { name: '矩阵回访', regionCode: r, subjectKind: 'case', method: 'random', periodFrom: '2025-01-01', periodTo: '2025-12-31' },
        supervises(p, r),
      ),
    ),
  'GET /api/v1/followup/campaigns/:id': (p) => things('campaigns').map((x) => get(api(`/followup/campaigns/${x.id}`), visible(p, x))),
  'POST /api/v1/followup/campaigns/:id/draw': async (p) =>
    Promise.all(
      TARGET_AGENCIES.map(async (a) => {
        const id = nextId('CPX');
        await store.exec(sql`INSERT INTO campaigns (id, region_code, name, level, subject_kind, mode, created_at, status, period_from, period_to)
          VALUES (${id}, ${a.region}, '矩阵抽取', 'county', 'case', 'random', ${at}, 'draft', CAST('2025-01-01' AS DATE), CAST('2025-12-31' AS DATE))`);
        THINGS.push({ kind: 'campaigns', id, region: a.region, agency: null });
        return post(api(`/followup/campaigns/${id}/draw`), { seed: 'matrix-seed-0001' }, supervises(p, a.region));
      }),
    ),
  'GET /api/v1/followup/campaigns/:id/verify': (p) =>
    things('campaigns').map((x) => get(api(`/followup/campaigns/${x.id}/verify`), visible(p, x) ? 'any' : false)),
  'GET /api/v1/followup/campaigns/:id/tasks': (p) =>
    things('campaigns').map((x) => get(api(`/followup/campaigns/${x.id}/tasks?pageSize=500`), visible(p, x), listOf('rows'))),
  'GET /api/v1/followup/campaigns/:id/call-list': (p) =>
    things('campaigns').map((x) => get(api(`/followup/campaigns/${x.id}/call-list?which=all`), visible(p, x))),
  'GET /api/v1/followup/campaigns/:id/call-list.csv': (p) =>
    things('campaigns').map((x) => get(api(`/followup/campaigns/${x.id}/call-list.csv?which=all`), visible(p, x))),
  // The world's campaigns are 云调研 without invitations: the owner gets an empty list, the rest a refusal.
  'GET /api/v1/followup/campaigns/:id/invitations': (p) =>
    things('campaigns').map((x) => get(api(`/followup/campaigns/${x.id}/invitations`), visible(p, x) ? 'any' : false)),
  'GET /api/v1/followup/campaigns/:id/invitations.csv': (p) =>
    things('campaigns').map((x) => get(api(`/followup/campaigns/${x.id}/invitations.csv`), visible(p, x) ? 'any' : false)),
  'GET /api/v1/followup/campaigns/:id/invitations/:taskId/qr.svg': (p) =>
    things('followup_tasks').map((x) =>
      get(api(`/followup/campaigns/CP-${x.id.slice(3)}/invitations/${x.id}/qr.svg`), visible(p, x) ? 'any' : false),
    ),
  'GET /api/v1/followup/campaigns/:id/answers': (p) =>
    things('campaigns').map((x) => get(api(`/followup/campaigns/${x.id}/answers?pageSize=500`), visible(p, x), listOf('rows'))),
  'GET /api/v1/followup/campaigns/:id/report': (p) =>
    things('campaigns').map((x) => get(api(`/followup/campaigns/${x.id}/report`), visible(p, x))),
  'GET /api/v1/followup/campaigns/:id/report.docx': (p) =>
    things('campaigns')
      .slice(0, 2)
      .map((x) => get(api(`/followup/campaigns/${x.id}/report.docx`), visible(p, x))),
  'POST /api/v1/followup/outcomes': (p) =>
    things('followup_tasks').map((x) =>
      post(
        api('/followup/outcomes'),
        {
          sourceSystem: 'matrix',
          outcomes: [{ callId: nextId('CALL'), taskId: x.id, calledAt: '2025-04-03T02:00:00Z', outcome: 'unreachable' }],
        },
        'any',
        (status, body) => {
          const landed = status === 200 && ((body as { inserted?: number }).inserted ?? 0) > 0;
          assert.equal(landed, supervises(p, x.region), `${p.username} lands an outcome of ${x.id}: ${status}`);
        },
      ),
    ),
  'GET /api/v1/followup/duty-list': (p) => [
    get(api('/followup/duty-list'), !['invited_supervisor', 'discipline_liaison'].includes(p.role)),
  ],
  'GET /api/v1/followup/results': (p) => [
    get(api('/followup/results?from=2025-01-01&to=2025-12-31'), !['invited_supervisor', 'discipline_liaison'].includes(p.role)),
  ],
  // The public survey: its token is the permission; a forged one is refused whoever asks, with the 400
  // naming the token that the survey page shows (test/followup.test.ts).
  'GET /api/v1/survey/:campaignId': () => [
    {
      ...get(api('/survey/CP-FYA?t=forged.token'), 'any'),
      check: (status, body) =>
        assert.ok(status === 400 && (body as { error?: { field?: string } }).error?.field === 'token', `a forged token: ${status}`),
    },
  ],
  'POST /api/v1/survey/:campaignId': () => [post(api('/survey/CP-FYA'), { token: 'forged.token', answers: {} }, 'any')],
  // ── inspections: plans and tasks for supervisors and the agencies' own people; merges and the burden the supervisors' ──
  'GET /api/v1/plans': (p) => [get(api('/plans?pageSize=200'), readsInspections(p))],
  'GET /api/v1/plans/:id': () => [get(api('/plans/PL-MATRIX-NONE'), false)],
  'POST /api/v1/plans/:id/draw': () => [post(api('/plans/PL-MATRIX-NONE/draw'), {}, false)],
  'GET /api/v1/plans/:id/draw-check': () => [get(api('/plans/PL-MATRIX-NONE/draw-check'), false)],
  'POST /api/v1/plans/:id/adjustments': () => [
    post(api('/plans/PL-MATRIX-NONE/adjustments'), { kind: 'target', targetCount: 5, reason: '矩阵测试调整' }, false),
  ],
  'GET /api/v1/inspection-tasks': (p) => [get(api('/inspection-tasks?pageSize=200'), readsInspections(p))],
  'GET /api/v1/inspection-tasks/:id': () => [get(api('/inspection-tasks/IT-MATRIX-NONE'), false)],
  'GET /api/v1/inspection-tasks/:id/notice': () => [get(api('/inspection-tasks/IT-MATRIX-NONE/notice'), false)],
  // The world has no certified officers for inspections: even its own staff are refused on the facts (400), never let through.
  'POST /api/v1/inspection-tasks': (p) =>
    TARGET_AGENCIES.map((a) =>
      post(
        api('/inspection-tasks'),
        {
          agencyId: a.id,
          entityUscc: ENTITIES[a.tag as keyof typeof ENTITIES],
          inspectionItemCode: 'II-1',
          officerIds: [],
          validFrom: future(1),
          validTo: future(10),
          origin: 'adhoc',
          reason: '矩阵临时检查',
        },
        'any',
        (status) => {
          if (!(p.role === 'admin' || (p.role === 'agency_staff' && p.agency === a.id)))
            assert.equal(status, 403, `${p.username} codes a task for ${a.id}: ${status}`);
        },
      ),
    ),
  'POST /api/v1/inspection-tasks/:id/revoke': () => [
    post(api('/inspection-tasks/IT-MATRIX-NONE/revoke'), { reason: '矩阵测试撤销' }, false),
  ],
  'POST /api/v1/merge-suggestions/run': (p) =>
    REGIONS.map((r) =>
      post(api('/merge-suggestions/run'), { regionCode: r }, 'any', (status) =>
        assert.equal(status < 300, supervises(p, r), `${p.username} computes merges in ${r}: ${status}`),
      ),
    ),
  'GET /api/v1/merge-suggestions': (p) => [get(api('/merge-suggestions?pageSize=200'), readsInspections(p))],
  'GET /api/v1/merge-suggestions/:id': () => [get(api('/merge-suggestions/MS-MATRIX-NONE'), false)],
  'POST /api/v1/merge-suggestions/:id/decision': () => [
    post(api('/merge-suggestions/MS-MATRIX-NONE/decision'), { decision: 'accept', reason: '矩阵测试' }, false),
  ],
  'GET /api/v1/inspection-burden': (p) => REGIONS.map((r) => get(api(`/inspection-burden?year=2025&regionCode=${r}`), supervises(p, r))),
  // Public: a code's verification answers anyone (a malformed code is an answer, not an error); a forged rating is refused.
  'GET /api/v1/action-codes/:code': () => [get(api('/action-codes/NOT-A-CODE'), true)],
  'POST /api/v1/action-codes/:code/ratings': () => [
    // A forged form is refused whoever sends it: 400 naming the form token, or 429 once the rating's
    // per-address limit is reached (the whole matrix calls from one address).
    {
      ...post(api('/action-codes/NOT-A-CODE/ratings'), { formToken: 'forged', entityUscc: ENTITIES.FYA, score: 5 }, 'any'),
      check: (status) => assert.ok(status === 400 || status === 429, `a forged rating: ${status}`),
    },
  ],
};

before(async () => {
  ({ users } = await seedWorld(store));
  await readReviewed(store);
  // A closed case of each agency: a review round draws from closed cases only (the world's are decided),
  // and a round with nothing to draw is a 409 whoever asks.
  for (const a of AGENCIES) {
    const id = `CSC-${a.tag}`;
    await put(store, 'cases', {
      id,
      source_system: 'world',
      source_id: `closed-${a.tag}`,
      region_code: a.region,
      agency_id: a.id,
      item_code: 'IT-1',
      entity_uscc: ENTITIES[a.tag as keyof typeof ENTITIES],
      filed_on: '2025-02-03',
      first_offence: true,
      corrected: true,
      harm: 'minor',
      lead_officer_id: `OF-${a.tag}`,
      decided_on: '2025-02-20',
      decision: 'fine',
      tier: 'general',
      fine_amount: 500,
      status: 'closed',
    });
    THINGS.push({ kind: 'cases', id, region: a.region, agency: a.id });
  }
  // The evidence files of the world's attachments, where the store says they are.
  for (const a of AGENCIES) {
    mkdirSync(join(attachmentsDir, 'world'), { recursive: true });
    writeFileSync(join(attachmentsDir, 'world', `AT-${a.tag}`), 'test');
  }
  // Two situation reports, generated as the server does (富阳 and 海曙).
  for (const regionCode of ['330111', '330203']) {
    const r = await generateReport(store, {
      regionCode,
      period: parsePeriod('2025-04') as Period,
      asOf: '2025-05-01',
      actor: users.admin,
      trigger: 'cli',
    });
    THINGS.push({ kind: 'situation_reports', id: r.id, region: regionCode, agency: null });
  }
  // A notification for every desk: each agency's, the supervisors of three counties and a city, the liaisons over 富阳.
  const desks: { audience: NonNullable<Thing['audience']>; agency: string | null; region: string }[] = [
    ...AGENCIES.map((a) => ({ audience: 'agency' as const, agency: a.id, region: a.region })),
    ...['330111', '330106', '330100', '330203'].map((region) => ({ audience: 'supervisor' as const, agency: null, region })),
    { audience: 'liaison', agency: null, region: '330111' },
  ];
  for (const [i, d] of desks.entries()) {
    const id = `NF-${i}`;
    await put(store, 'notifications', {
      id,
      kind: 'assigned',
      audience: d.audience,
      agency_id: d.agency,
      region_code: d.region,
      clue_id: null,
      notice_id: null,
      title: `矩阵消息${i}`,
      body: '矩阵测试消息',
      link: '/clues',
      dedupe_key: `matrix-${i}`,
      created_at: at,
    });
    THINGS.push({ kind: 'notifications', id, region: d.region, agency: d.agency, audience: d.audience });
  }
  await saveLocalModel(store, { ...SYSTEM_CALLER, userId: users.admin }, { regionCode: '330111', template: LOCAL_TEMPLATE });
  app = await buildApp({ store, checkResponses: true });
  await app.ready();
  for (const p of PEOPLE) cookies.set(p.username, await sessionOf(store, p.username));
});
after(async () => {
  await app.close();
  await t.close();
});

/** Every id and personal value in the text that the person may not see and did not send. */
function leaks(p: Person | null, text: string, sent: string): string[] {
  const found: string[] = [];
  const shows = (s: string | undefined) => !!s && text.includes(s) && !sent.includes(s);
  // By id, and by the number a clue or notice is named by (a clue's number stands in its place in an export).
  for (const x of THINGS) if (secretFrom(p, x) && (shows(x.id) || shows(x.number))) found.push(`${x.kind} ${x.number ?? x.id}`);
  for (const v of PERSONAL) {
    const owner = byId(v.owner);
    const clear = !!p && IN_CLEAR[v.kind].includes(p.role) && !!owner && visible(p, owner);
    if (!clear && text.includes(v.value) && !sent.includes(v.value)) found.push(`personal ${v.kind} of ${v.owner}`);
  }
  return found;
}

const key = (method: string, url: string) => `${method} ${url}`;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The cells of an Excel answer's sheets as text, row by row (the header row first). */
async function sheetCells(bytes: Buffer): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const out: string[][] = [];
  for (const sheet of book.worksheets)
    sheet.eachRow((row) => out.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
  return out;
}

test('every registered route is exercised, for every role and without a session, in and out of jurisdiction, and leaks nothing', async (ctx) => {
  const routes = [...app.apiRoutes].sort((a, b) => key(a.method, a.url).localeCompare(key(b.method, b.url)));
  const unknown = routes.filter((r) => !EXERCISERS[key(r.method, r.url)]).map((r) => key(r.method, r.url));
  assert.deepEqual(unknown, [], 'routes the matrix does not know how to exercise: add them to EXERCISERS');
  const stale = Object.keys(EXERCISERS).filter((k) => !routes.some((r) => key(r.method, r.url) === k));
  assert.deepEqual(stale, [], 'exercisers of routes that no longer exist');

  const failures: string[] = [];
  let calls = 0;
  for (const route of routes) {
    const exercise = EXERCISERS[key(route.method, route.url)];
    // Without a session: a public route answers, any other refuses with 401 before reading anything.
    for (const probe of (await exercise(PEOPLE[0])).slice(0, 1)) {
      const res = await app.inject(probe.request);
      calls++;
      const unauthenticated = res.statusCode === 401 && res.body.includes('"unauthenticated"');
      if (route.public ? unauthenticated || res.statusCode >= 500 : !unauthenticated)
        failures.push(`anonymous ${key(route.method, probe.request.url)} → ${res.statusCode}`);
      for (const l of leaks(null, res.body, JSON.stringify(probe.request))) failures.push(`anonymous ${probe.request.url} leaks ${l}`);
    }
    for (const p of PEOPLE) {
      for (const probe of await exercise(p)) {
        const headers = { ...(probe.request.headers as Record<string, string>), cookie: probe.cookie ?? cookies.get(p.username)! };
        const res = await app.inject({ ...probe.request, headers });
        calls++;
        // What the call wrote is known before the answer is judged (a report joined to a clue opens it to its
        // reporter). A refused write is not read back at once (most of the 3,234 writes, each 18 queries):
        // anything one wrote all the same is known after the next accepted write.
        if (probe.request.method !== 'GET' && res.statusCode < 400) await syncThings(store);
        const where = `${p.username} ${probe.request.method} ${probe.request.url}`;
        const ok = res.statusCode >= 200 && res.statusCode < 300;
        if (res.statusCode >= 500) failures.push(`${where} → ${res.statusCode} ${res.body.slice(0, 200)}`);
        else if (probe.allowed === true && !ok) failures.push(`${where}: allowed, got ${res.statusCode} ${res.body.slice(0, 200)}`);
        else if (probe.allowed === false && ![403, 404].includes(res.statusCode))
          failures.push(`${where}: forbidden, got ${res.statusCode} ${res.body.slice(0, 200)}`);
        // An export is read as its cells: the leak scan then holds its rows and its masking to the rules.
        const cells = ok && String(res.headers['content-type']).startsWith(XLSX) ? await sheetCells(res.rawPayload) : null;
        const text = cells ? cells.map((r) => r.join('\t')).join('\n') : res.body;
        for (const l of leaks(p, text, JSON.stringify(probe.request))) failures.push(`${where} leaks ${l}`);
        const json = (res.headers['content-type'] ?? '').toString().startsWith('application/json') ? (res.json() as unknown) : cells;
        if (ok && probe.rows && json)
          for (const id of probe.rows(json)) {
            const x = byId(id);
            if (x && !visible(p, x)) failures.push(`${where} lists ${x.kind} ${id}`);
          }
        if (probe.check) {
          try {
            await probe.check(res.statusCode, json);
          } catch (e) {
            failures.push(`${where}: ${(e as Error).message.split('\n')[0]}`);
          }
        }
      }
    }
  }
  ctx.diagnostic(`${routes.length} routes, ${PEOPLE.length} people and anonymous, ${calls} calls`);
  assert.deepEqual(failures, [], `${failures.length} failures in ${calls} calls`);
  assert.ok(calls > 2000, `${calls} calls`);
});

test('the world is big enough: two cities, two counties in one city, two agencies in one county, a record of each kind for each', () => {
  const agencies = (region: string) => AGENCIES.filter((a) => a.region === region).length;
  assert.ok(agencies('330111') >= 2);
  assert.ok(new Set(AGENCIES.map((a) => a.region.slice(0, 4))).size >= 2);
  for (const kind of RECORD_TABLES)
    for (const a of AGENCIES)
      assert.ok(
        THINGS.some((x) => x.kind === kind && x.agency === a.id),
        `${kind} of ${a.id}`,
      );
  assert.ok(CASES.FYB && FY);
});
