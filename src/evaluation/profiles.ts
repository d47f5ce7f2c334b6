// Profiles (执法画像) of an agency, an officer and an enterprise over a period: their figures beside the
// same period a year earlier, the trend by month, the clues, notices and follow-up answers about them,
// and, for agencies and officers, where they stand among their peers. Every read is scoped: the caller
// decides the jurisdiction, agency roles see their own agency only (checked by the caller of these).
import type { Store } from '../store/store.ts';
import { raw, sql, type Sql } from '../store/sql.ts';
import type { Caller } from '../auth/caller.ts';
import { aggregateScope, isRecordKind, maskFor } from '../policy/index.ts';
import { revealValue } from '../privacy/personal-data.ts';
import { findModel } from '../models/library/index.ts';
import { INDICATORS } from './indicators/index.ts';
import { indicatorValues, scorecard, valueOf, type EvaluationScope } from './scorecard.ts';
import { periodContaining, samePeriodLastYear, shiftPeriod, type Period } from './period.ts';

export interface Figure {
  key: string;
  label: string;
  value: number;
  lastYear: number;
  /** Change against the same period a year earlier, % (null when that was 0). */
  yoy: number | null;
}

const pct = (now: number, before: number): number | null => (before === 0 ? null : Math.round(((now - before) / before) * 10000) / 100);

/** A count (or sum) of a table's rows in a period, under a condition. */
async function measure(store: Store, table: string, dateExpr: string, measureExpr: string, where: Sql, p: Period): Promise<number> {
  const [r] = await store.query<{ v: number | null }>(sql`
    SELECT ${raw(measureExpr)} AS v FROM ${raw(table)} t WHERE ${where} AND ${raw(dateExpr)} BETWEEN CAST(${p.from} AS DATE) AND CAST(${p.to} AS DATE)`);
  return Number(r?.v ?? 0);
}

interface FigureSpec {
  key: string;
  label: string;
  table: string;
  date: string;
  measure?: string;
}

async function figures(store: Store, specs: FigureSpec[], where: (table: string) => Sql, p: Period): Promise<Figure[]> {
  const before = samePeriodLastYear(p);
  const out: Figure[] = [];
  for (const s of specs) {
    const value = await measure(store, s.table, s.date, s.measure ?? 'count(*)', where(s.table), p);
    const lastYear = await measure(store, s.table, s.date, s.measure ?? 'count(*)', where(s.table), before);
    out.push({ key: s.key, label: s.label, value, lastYear, yoy: pct(value, lastYear) });
  }
  return out;
}

/** Counts by month over the twelve months that end with the period. */
async function monthly(store: Store, specs: FigureSpec[], where: (table: string) => Sql, p: Period) {
  const last = periodContaining('month', p.to);
  const from = shiftPeriod(last, -11).from;
  const months = new Map<string, Record<string, number | string>>();
  for (let i = -11; i <= 0; i++) {
    const m = shiftPeriod(last, i).code;
    months.set(m, { month: m, ...Object.fromEntries(specs.map((s) => [s.key, 0])) });
  }
  for (const s of specs) {
    const rows = await store.query<{ month: string; v: number }>(sql`
      SELECT ${raw(store.dialect.monthKey(s.date))} AS month, ${raw(s.measure ?? 'count(*)')} AS v FROM ${raw(s.table)} t
      WHERE ${where(s.table)} AND ${raw(s.date)} BETWEEN CAST(${from} AS DATE) AND CAST(${p.to} AS DATE) GROUP BY 1`);
    for (const r of rows) {
      const m = months.get(r.month);
      if (m) m[s.key] = Number(r.v);
    }
  }
  return [...months.values()];
}

const RECORD_FIGURES: FigureSpec[] = [
  { key: 'inspections', label: '行政检查', table: 'inspections', date: 't.inspected_on' },
  { key: 'cases', label: '处罚案件', table: 'cases', date: 't.filed_on' },
  { key: 'fines', label: '罚没金额（元）', table: 'cases', date: 't.decided_on', measure: 'COALESCE(sum(t.fine_amount), 0)' },
  { key: 'licences', label: '行政许可', table: 'licences', date: 't.applied_on' },
  { key: 'serviceVisits', label: '服务走访', table: 'service_visits', date: 't.visited_on' },
];

/** Clues by model (model clues) and by source (the others), of a condition on the clue alias c. */
async function cluesByModel(store: Store, where: Sql) {
  const rows = await store.query<{ model_code: string | null; source: string; n: number; open: number }>(sql`
    SELECT c.model_code, c.source, count(*) AS n, sum(CASE WHEN c.status IN ('closed', 'dismissed', 'transferred') THEN 0 ELSE 1 END) AS open
    FROM clues c WHERE ${where} GROUP BY c.model_code, c.source ORDER BY count(*) DESC`);
  return rows.map((r) => ({
    modelCode: r.model_code,
    name: r.model_code ? (findModel(r.model_code)?.name ?? r.model_code) : `${r.source}`,
    source: r.source,
    clues: Number(r.n),
    open: Number(r.open),
  }));
}

async function satisfaction(store: Store, answers: Sql, p: Period) {
  const [r] = await store.query<{ n: number; mean: number | null; satisfied: number | null; says: number | null }>(sql`
    SELECT count(*) AS n, avg(a.satisfaction) AS mean, sum(CASE WHEN a.satisfaction >= 4 THEN 1 ELSE 0 END) AS satisfied,
           sum(CASE WHEN a.says_inspection THEN 1 ELSE 0 END) AS says
    FROM followup_answers a JOIN followup_tasks ft ON ft.id = a.task_id
    WHERE ${answers} AND CAST(a.answered_at AS DATE) BETWEEN CAST(${p.from} AS DATE) AND CAST(${p.to} AS DATE)`);
  const n = Number(r?.n ?? 0);
  return {
    answers: n,
    meanScore: r?.mean === null || r?.mean === undefined ? null : Math.round(Number(r.mean) * 100) / 100,
    satisfiedShare: n ? Math.round((Number(r?.satisfied ?? 0) / n) * 10000) / 100 : null,
    saysInspection: Number(r?.says ?? 0),
  };
}

/** Answers about an agency's records (its inspections, cases and service visits), as a condition on a / ft. */
const answersAbout = (agencyId: string) => sql`(
  (ft.subject_kind = 'inspection' AND ft.subject_id IN (SELECT i.id FROM inspections i WHERE i.agency_id = ${agencyId}))
  OR (ft.subject_kind = 'case' AND ft.subject_id IN (SELECT c.id FROM cases c WHERE c.agency_id = ${agencyId}))
  OR (ft.subject_kind = 'service_visit' AND ft.subject_id IN (SELECT v.id FROM service_visits v WHERE v.agency_id = ${agencyId})))`;

export interface AgencyRow {
  id: string;
  name: string;
  line_code: string;
  region_code: string;
  level: string;
}

/** The rows of a record table behind a profile's figures, as the records policy scopes them for the caller. */
function scoped(caller: Caller, table: string): Sql {
  if (!isRecordKind(table)) throw new Error(`${table} is not a record kind`);
  return aggregateScope(caller, table, 't');
}

export async function agencyProfile(store: Store, caller: Caller, agency: AgencyRow, period: Period, asOf: string) {
  const [region] = await store.query<{ name: string }>(sql`SELECT name FROM regions WHERE code = ${agency.region_code}`);
  const [line] = await store.query<{ name: string }>(sql`SELECT name FROM lines WHERE code = ${agency.line_code}`);
  const own = (table: string) => sql`${scoped(caller, table)} AND t.agency_id = ${agency.id}`;
  const notices = await store.query<{
    id: string;
    kind: string;
    number: string;
    title: string | null;
    issued_on: string;
    deadline: string | null;
    status: string;
    responded_on: string | null;
  }>(sql`
    SELECT id, kind, number, title, issued_on, deadline, status, responded_on FROM notices
    WHERE agency_id = ${agency.id} AND kind <> 'transfer' ORDER BY issued_on DESC, id LIMIT 20`);
  // Score history: the agency among the agencies of its region, over the period and the three before it.
  const history = [];
  for (let i = 3; i >= 0; i--) {
    const p = shiftPeriod(period, -i);
    const card = await scorecard(store, 'agency', { regionCode: agency.region_code, period: p, asOf: p.to < asOf ? p.to : asOf });
    const row = card.rows.find((r) => r.subject.id === agency.id);
    history.push({
      period: p.code,
      label: p.label,
      score: row?.score ?? null,
      rank: row?.rank ?? null,
      of: card.rows.filter((r) => r.rank !== null).length,
    });
  }
  return {
    agency: {
      id: agency.id,
      name: agency.name,
      lineCode: agency.line_code,
      lineName: line?.name ?? agency.line_code,
      regionCode: agency.region_code,
      regionName: region?.name ?? agency.region_code,
      level: agency.level,
    },
    period,
    figures: await figures(store, RECORD_FIGURES, own, period),
    byMonth: await monthly(
      store,
      RECORD_FIGURES.filter((f) => f.key === 'inspections' || f.key === 'cases'),
      own,
      period,
    ),
    cluesByModel: await cluesByModel(store, sql`c.agency_id = ${agency.id}`),
    notices: notices.map((n) => ({
      id: n.id,
      kind: n.kind,
      number: n.number,
      title: n.title,
      issuedOn: n.issued_on,
      deadline: n.deadline,
      status: n.status,
      respondedOn: n.responded_on,
    })),
    satisfaction: await satisfaction(store, answersAbout(agency.id), period),
    scoreHistory: history,
  };
}

export interface OfficerRow {
  id: string;
  name: string;
  agency_id: string;
  region_code: string;
  id_number: string | null;
  phone: string | null;
}

/** Peers' values of the officer-level indicators: the officer's place, and an outlier where |z| ≥ 2 among at least 5 peers. */
async function outliers(store: Store, officer: OfficerRow, scope: EvaluationScope) {
  const out = [];
  for (const def of INDICATORS.filter((d) => d.levels.includes('officer'))) {
    const values = await indicatorValues(store, def, 'officer', scope);
    const peers = [...values.entries()]
      .map(([id, v]) => [id, valueOf(def, v)] as const)
      .filter((x): x is readonly [string, number] => x[1] !== null);
    const mine = peers.find(([id]) => id === officer.id)?.[1];
    if (mine === undefined || peers.length < 5) continue;
    const xs = peers.map(([, v]) => v);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
    const z = sd === 0 ? 0 : (mine - mean) / sd;
    const worse = def.direction === 'higher' ? z < 0 : z > 0;
    out.push({
      code: def.code,
      name: def.name,
      unit: def.unit,
      value: mine,
      peerMean: Math.round(mean * 100) / 100,
      peers: xs.length,
      z: Math.round(z * 100) / 100,
      outlier: Math.abs(z) >= 2 && worse,
    });
  }
  return out.sort((a, b) => Number(b.outlier) - Number(a.outlier) || Math.abs(b.z) - Math.abs(a.z));
}

export async function officerProfile(store: Store, caller: Caller, officer: OfficerRow, period: Period, asOf: string) {
  const [agency] = await store.query<{ name: string }>(sql`SELECT name FROM agencies WHERE id = ${officer.agency_id}`);
  const certificates = await store.query<{ number: string; issued_on: string; expires_on: string; status: string }>(sql`
    SELECT number, issued_on, expires_on, status FROM certificates WHERE officer_id = ${officer.id} ORDER BY issued_on DESC`);
  const led = (table: string) =>
    sql`${scoped(caller, table)} AND t.${raw(table === 'service_visits' ? 'officer_id' : 'lead_officer_id')} = ${officer.id}`;
  const specs = RECORD_FIGURES.filter((f) => ['inspections', 'cases', 'fines', 'serviceVisits'].includes(f.key));
  const recent = async (table: string, date: string, cols: string) =>
    store.query<Record<string, unknown>>(sql`
      SELECT ${raw(cols)} FROM ${raw(table)} t WHERE ${led(table)} AND t.${raw(date)} BETWEEN CAST(${period.from} AS DATE) AND CAST(${period.to} AS DATE)
      ORDER BY t.${raw(date)} DESC, t.id LIMIT 20`);
  // The clues holding a model hit on the officer or on a record they led (a clue bundles a subject's hits: model_hits).
  const clueWhere = sql`c.id IN (SELECT h.clue_id FROM model_hits h WHERE h.clue_id IS NOT NULL AND (
    (h.subject_kind = 'officer' AND h.subject_id = ${officer.id})
    OR (h.subject_kind = 'inspection' AND h.subject_id IN (SELECT i.id FROM inspections i WHERE i.lead_officer_id = ${officer.id}))
    OR (h.subject_kind = 'case' AND h.subject_id IN (SELECT k.id FROM cases k WHERE k.lead_officer_id = ${officer.id}))))`;
  return {
    officer: {
      id: officer.id,
      name: officer.name,
      agencyId: officer.agency_id,
      agencyName: agency?.name ?? officer.agency_id,
      regionCode: officer.region_code,
      idNumber: revealValue(caller, 'officers', 'id_number', officer.id_number),
      phone: revealValue(caller, 'officers', 'phone', officer.phone),
    },
    period,
    certificates: certificates.map((c) => ({
      number: c.number,
      issuedOn: c.issued_on,
      expiresOn: c.expires_on,
      status: c.status,
      validAtPeriodEnd: c.status === 'valid' && c.issued_on <= period.to && c.expires_on >= period.to,
    })),
    figures: await figures(store, specs, led, period),
    inspections: await recent('inspections', 'inspected_on', 't.id, t.inspected_on, t.entity_uscc, t.kind, t.result, t.via_code'),
    cases: await recent('cases', 'filed_on', 't.id, t.filed_on, t.decided_on, t.item_code, t.decision, t.fine_amount, t.status'),
    cluesByModel: await cluesByModel(store, clueWhere),
    outliers: await outliers(store, officer, { regionCode: officer.region_code, period, asOf, agencyId: officer.agency_id }),
  };
}

export interface EntityRow {
  uscc: string;
  name: string;
  region_code: string;
  industry: string | null;
  legal_rep: string | null;
  phone: string | null;
  registered_on: string | null;
}

export async function entityProfile(store: Store, caller: Caller, entity: EntityRow, period: Period) {
  const mine = (table: string) => sql`${scoped(caller, table)} AND t.entity_uscc = ${entity.uscc}`;
  const byAgency = await store.query<{ agency_id: string; name: string; n: number }>(sql`
    SELECT t.agency_id, a.name, count(*) AS n FROM inspections t JOIN agencies a ON a.id = t.agency_id
    WHERE ${mine('inspections')} AND t.inspected_on BETWEEN CAST(${period.from} AS DATE) AND CAST(${period.to} AS DATE)
    GROUP BY t.agency_id, a.name ORDER BY count(*) DESC, t.agency_id`);
  // The burden beside the enterprises of its county: inspections per enterprise over the same period.
  const county = entity.region_code.slice(0, 6);
  const [avg] = await store.query<{ ins: number; ents: number }>(sql`
    SELECT (SELECT count(*) FROM inspections t WHERE t.region_code LIKE ${county + '%'}
              AND t.inspected_on BETWEEN CAST(${period.from} AS DATE) AND CAST(${period.to} AS DATE)) AS ins,
           (SELECT count(*) FROM entities e WHERE e.region_code LIKE ${county + '%'}) AS ents`);
  const inspected = byAgency.reduce((s, r) => s + Number(r.n), 0);
  const cases = await store.query<Record<string, unknown>>(sql`
    SELECT t.id, t.agency_id, a.name AS agency_name, t.item_code, t.filed_on, t.decided_on, t.decision, t.fine_amount, t.status
    FROM cases t LEFT JOIN agencies a ON a.id = t.agency_id WHERE ${mine('cases')} ORDER BY t.filed_on DESC LIMIT 50`);
  const complaints = await store.query<{
    id: string;
    received_at: string;
    category: string;
    content: string;
    status: string;
    agency_id: string | null;
  }>(sql`
    SELECT t.id, t.received_at, t.category, t.content, t.status, t.agency_id FROM hotline_tickets t
    WHERE ${scoped(caller, 'hotline_tickets')} AND t.entity_uscc = ${entity.uscc} ORDER BY t.received_at DESC LIMIT 50`);
  const answers = await store.query<{
    id: string;
    answered_at: string;
    satisfaction: number | null;
    says_inspection: boolean | null;
    subject_kind: string;
    subject_id: string;
  }>(sql`
    SELECT a.id, a.answered_at, a.satisfaction, a.says_inspection, ft.subject_kind, ft.subject_id
    FROM followup_answers a JOIN followup_tasks ft ON ft.id = a.task_id
    WHERE ${aggregateScope(caller, 'followup_answers', 'a')} AND ft.entity_uscc = ${entity.uscc} ORDER BY a.answered_at DESC LIMIT 50`);
  const ents = Number(avg?.ents ?? 0);
  return {
    entity: {
      uscc: entity.uscc,
      name: entity.name,
      regionCode: entity.region_code,
      industry: entity.industry,
      legalRep: revealValue(caller, 'entities', 'legal_rep', entity.legal_rep),
      phone: revealValue(caller, 'entities', 'phone', entity.phone),
      registeredOn: entity.registered_on,
    },
    period,
    burden: {
      inspections: inspected,
      agencies: byAgency.length,
      countyMeanPerEntity: ents ? Math.round((Number(avg?.ins ?? 0) / ents) * 100) / 100 : null,
      byAgency: byAgency.map((r) => ({ agencyId: r.agency_id, agencyName: r.name, inspections: Number(r.n) })),
    },
    byMonth: await monthly(
      store,
      RECORD_FIGURES.filter((f) => f.key === 'inspections' || f.key === 'cases'),
      mine,
      period,
    ),
    cases,
    complaints: complaints.map((c) => ({
      id: c.id,
      receivedAt: c.received_at,
      category: c.category,
      content: maskFor(caller, 'free_text', c.content),
      status: c.status,
      agencyId: c.agency_id,
    })),
    followupAnswers: answers.map((a) => ({
      id: a.id,
      answeredAt: a.answered_at,
      satisfaction: a.satisfaction,
      saysInspection: a.says_inspection,
      subjectKind: a.subject_kind,
      subjectId: a.subject_id,
    })),
  };
}
