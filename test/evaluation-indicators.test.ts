// Every indicator's value equals an independent computation over the same demo store: the raw rows are
// read into JavaScript and counted there, by each indicator's definition text, without its SQL (the
// discretion deviation is checked against the 过罚不当 model's own hits instead). The demo has no clue
// loop history, no notices and no case reviews, so those are added by hand, in and out of the period
// and of the region. Both engines.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openDemoStore } from './helpers/demo-store.ts';
import { DEMO_AS_OF } from './helpers/demo-day.ts';
import { INDICATORS, findIndicator } from '../src/evaluation/indicators/index.ts';
import { definitionProblem, type Level } from '../src/evaluation/indicators/indicator.ts';
import { indicatorRecords, indicatorValues, type EvaluationScope } from '../src/evaluation/scorecard.ts';
import { periodOf } from '../src/evaluation/period.ts';
import { findModel } from '../src/models/library/index.ts';
import { queryHits } from '../src/models/runner.ts';
import { runGroups } from '../src/models/settings.ts';
import { businessDate } from '../src/domain/dates.ts';
import { HOTLINE_ENFORCEMENT } from '../src/clues/settings.ts';
import type { Store } from '../src/store/store.ts';

const t = await openDemoStore({ seed: 1, asOf: DEMO_AS_OF });
const { store } = t;
const PERIOD = periodOf('2025Q4');
const REGION = '330100';
const AS_OF = '2025-12-20'; // inside the period: deadlines after it have not run out
const scope: EvaluationScope = { regionCode: REGION, period: PERIOD, asOf: AS_OF };

type Row = Record<string, unknown>;
const rows = (q: string) => store.query<Row>(q);
const s = (v: unknown) => (v === null || v === undefined ? null : String(v));
const inPeriod = (d: unknown) => typeof d === 'string' && d >= PERIOD.from && d <= PERIOD.to;
const inRegion = (code: unknown) => String(code).startsWith('3301');
const days = (a: unknown, b: unknown) => Math.round((Date.parse(String(b)) - Date.parse(String(a))) / 86_400_000);
const dayOf = (instant: unknown) => businessDate(new Date(String(instant)));

/** Per subject: Σnum and Σden. */
type Tally = Map<string, { num: number; den: number }>;
function tally(items: { key: string | null; num: number; den?: number }[]): Tally {
  const m: Tally = new Map();
  for (const i of items) {
    if (i.key === null) continue;
    const v = m.get(i.key) ?? { num: 0, den: 0 };
    v.num += i.num;
    v.den += i.den ?? 1;
    m.set(i.key, v);
  }
  return m;
}

let data: Record<string, Row[]>;

before(async () => {
  await addLoopHistory(store);
  data = {
    inspections: await rows('SELECT * FROM inspections'),
    cases: await rows('SELECT * FROM cases'),
    deliveries: await rows('SELECT * FROM deliveries'),
    payments: await rows('SELECT * FROM payments'),
    licences: await rows('SELECT * FROM licences'),
    items: await rows('SELECT * FROM items'),
    inspectionItems: await rows('SELECT * FROM inspection_items'),
    exemptions: await rows('SELECT * FROM exemptions'),
    whitelist: await rows('SELECT * FROM service_whitelist'),
    delegations: await rows('SELECT * FROM delegations'),
    agencies: await rows('SELECT * FROM agencies'),
    officers: await rows('SELECT * FROM officers'),
    certificates: await rows('SELECT * FROM certificates'),
    entities: await rows('SELECT * FROM entities'),
    visits: await rows('SELECT * FROM service_visits'),
    tickets: await rows('SELECT * FROM hotline_tickets'),
    answers: await rows('SELECT * FROM followup_answers'),
    tasks: await rows('SELECT * FROM followup_tasks'),
    clues: await rows('SELECT * FROM clues'),
    events: await rows('SELECT * FROM clue_events'),
    notices: await rows('SELECT * FROM notices'),
    reviews: await rows('SELECT * FROM review_files'),
  };
});
after(() => t.close());

/**
 * Clues, events, notices and reviews for two agencies of Hangzhou and one of another city: on time,
 * late, returned once, escalated, dismissed, merged; notices answered on time, late and not at all.
 */
async function addLoopHistory(store: Store): Promise<void> {
  const [a, b] = await store.query<{ id: string; region_code: string }>(
    "SELECT id, region_code FROM agencies WHERE region_code LIKE '3301%' AND level = 'county' AND id IN (SELECT agency_id FROM cases) ORDER BY id LIMIT 2",
  );
  const [other] = await store.query<{ id: string; region_code: string }>(
    "SELECT id, region_code FROM agencies WHERE region_code NOT LIKE '3301%' AND level = 'county' ORDER BY id LIMIT 1",
  );
  const clue = (
    id: string,
    ag: { id: string; region_code: string },
    status: string,
    deadline: string | null,
    created: string,
    extra = '',
  ) =>
    store.exec(`INSERT INTO clues (id, region_code, agency_id, source, model_code, dedupe_key, severity, title, explanation, status, deadline,
      created_at, updated_at, case_id) VALUES ('${id}', '${ag.region_code}', '${ag.id}', 'model', 'INS_REPEAT', '${id}', 'high', '测试', '测试线索',
      '${status}', ${deadline ? `CAST('${deadline}' AS DATE)` : 'NULL'}, CAST('${created}' AS TIMESTAMPTZ), CAST('${created}' AS TIMESTAMPTZ), ${extra || 'NULL'})`);
  let n = 0;
  const event = (clueId: string, action: string, at: string) =>
    store.exec(`INSERT INTO clue_events (id, clue_id, region_code, action, occurred_at) VALUES ('EV-${++n}', '${clueId}', '3301', '${action}',
      CAST('${at}' AS TIMESTAMPTZ))`);
  await clue('C1', a, 'closed', '2025-11-10', '2025-10-20T02:00:00Z');
  await event('C1', 'close', '2025-11-09T03:00:00Z'); // on time
  await clue('C2', a, 'closed', '2025-11-10', '2025-10-21T02:00:00Z');
  await event('C2', 'return', '2025-11-05T03:00:00Z');
  await event('C2', 'close', '2025-11-12T03:00:00Z'); // late, returned once
  await clue('C3', a, 'rectifying', '2025-12-01', '2025-11-01T02:00:00Z');
  await event('C3', 'escalate', '2025-12-02T01:00:00Z'); // overdue, escalated
  await clue('C4', a, 'assigned', '2025-12-28', '2025-12-01T02:00:00Z'); // deadline after the evaluation day: not yet counted on time
  await clue('C5', a, 'dismissed', '2025-11-15', '2025-10-02T02:00:00Z'); // dismissed: not the agency's to fix
  await clue('C6', b, 'closed', '2025-12-10', '2025-11-20T02:00:00Z');
  await event('C6', 'close', '2025-12-10T15:30:00Z'); // 23:30 in Shanghai on the deadline: on time
  await clue('C7', b, 'closed', '2025-12-10', '2025-11-20T02:00:00Z', "'C6'"); // a member of C6's case
  await event('C7', 'close', '2025-12-10T15:30:00Z');
  await clue('C8', b, 'closed', '2025-09-10', '2025-08-20T02:00:00Z');
  await event('C8', 'close', '2025-09-09T03:00:00Z'); // before the period
  await clue('C9', other, 'closed', '2025-11-10', '2025-10-20T02:00:00Z');
  await event('C9', 'close', '2025-11-09T03:00:00Z'); // another city
  const notice = (id: string, ag: { id: string; region_code: string }, kind: string, deadline: string, responded: string | null) =>
    store.exec(`INSERT INTO notices (id, region_code, kind, number, agency_id, clue_ids, issued_on, deadline, responded_on, status)
      VALUES ('${id}', '${ag.region_code}', '${kind}', '${id}', '${ag.id}', '[]', CAST('2025-10-01' AS DATE), CAST('${deadline}' AS DATE),
      ${responded ? `CAST('${responded}' AS DATE)` : 'NULL'}, '${responded ? 'answered' : 'issued'}')`);
  await notice('N1', a, 'supervision', '2025-11-01', '2025-10-30');
  await notice('N2', a, 'advisory', '2025-11-01', '2025-11-03');
  await notice('N3', a, 'advisory', '2025-12-05', null);
  await notice('N4', b, 'transfer', '2025-11-01', null); // a transfer letter is not the agency's to answer
  await notice('N5', b, 'supervision', '2025-12-30', null); // not yet due
  const review = (id: string, ag: { id: string; region_code: string }, score: number, at: string, status = 'scored') =>
    store.exec(`INSERT INTO review_files (id, round_id, case_id, agency_id, region_code, reviewer_id, status, score, scored_at)
      VALUES ('${id}', 'R1', (SELECT min(id) FROM cases WHERE agency_id = '${ag.id}'), '${ag.id}', '${ag.region_code}', 'U1', '${status}', ${score},
      CAST('${at}' AS TIMESTAMPTZ))`);
  await review('F1', a, 92, '2025-11-01T02:00:00Z');
  await review('F2', a, 71.5, '2025-12-01T02:00:00Z');
  await review('F3', b, 88, '2025-12-01T02:00:00Z');
  await review('F4', b, 40, '2025-09-01T02:00:00Z'); // before the period
  await review('F5', b, 0, '2025-12-01T02:00:00Z', 'pending');
}

function validOn(officerId: unknown, day: unknown): boolean {
  return data.certificates.some(
    (k) => k.officer_id === officerId && k.status === 'valid' && String(k.issued_on) <= String(day) && String(k.expires_on) >= String(day),
  );
}

const single = (r: Row) => (r.assist_officer_id === null || r.assist_officer_id === r.lead_officer_id ? 1 : 0);
const levelKey = (level: Level, r: { agency: unknown; officer: unknown; region: unknown }) =>
  s(level === 'agency' ? r.agency : level === 'officer' ? r.officer : String(r.region).slice(0, 6));

/** The expected Σnum/Σden per subject of a level, computed from the raw rows by the definition. */
function expected(code: string, level: Level): Tally {
  const ins = data.inspections.filter((r) => inRegion(r.region_code));
  const insP = ins.filter((r) => inPeriod(r.inspected_on));
  const cases = data.cases.filter((r) => inRegion(r.region_code));
  const decided = cases.filter((r) => r.decided_on !== null && inPeriod(r.decided_on));
  const filed = cases.filter((r) => inPeriod(r.filed_on));
  const caseById = new Map(data.cases.map((c) => [c.id, c]));
  const key = (r: Row, agency = r.agency_id, officer: unknown = r.lead_officer_id) =>
    levelKey(level, { agency, officer, region: r.region_code });
  const officersP = data.officers.filter((o) => inRegion(o.region_code));
  const loopClues = data.clues.filter(
    (c) =>
      inRegion(c.region_code) &&
      c.agency_id !== null &&
      (c.case_id === null || c.case_id === c.id) &&
      !['dismissed', 'transferred'].includes(String(c.status)),
  );
  const closedOn = (id: unknown) => {
    const closes = data.events.filter((e) => e.clue_id === id && e.action === 'close').map((e) => dayOf(e.occurred_at));
    return closes.length ? closes.sort().at(-1)! : null;
  };
  switch (code) {
    case 'INS_CODE_RATE':
      return tally(insP.map((r) => ({ key: key(r), num: r.via_code ? 1 : 0 })));
    case 'INS_SINGLE_OFFICER_RATE':
      return tally(insP.map((r) => ({ key: key(r), num: single(r) })));
    case 'INS_CERTIFIED_RATE':
      return tally(insP.map((r) => ({ key: key(r), num: validOn(r.lead_officer_id, r.inspected_on) ? 1 : 0 })));
    case 'INS_REPEAT_RATE': {
      const byEntity = new Map<unknown, Row[]>();
      for (const r of ins) (byEntity.get(r.entity_uscc) ?? byEntity.set(r.entity_uscc, []).get(r.entity_uscc)!).push(r);
      return tally(
        insP.map((r) => ({
          key: key(r),
          num: byEntity
            .get(r.entity_uscc)!
            .some(
              (p) =>
                p.id !== r.id &&
                p.agency_id !== r.agency_id &&
                days(p.inspected_on, r.inspected_on) >= 0 &&
                days(p.inspected_on, r.inspected_on) <= 7 &&
                (r.joint_id === null || p.joint_id === null || p.joint_id !== r.joint_id),
            )
            ? 1
            : 0,
        })),
      );
    }
    case 'INS_OVER_FREQUENCY_RATE': {
      const limit = new Map(data.inspectionItems.map((i) => [i.code, Number(i.max_per_year)]));
      const year = ins
        .filter((r) => String(r.inspected_on).startsWith('2025'))
        .sort((x, y) => String(x.inspected_on).localeCompare(String(y.inspected_on)) || String(x.id).localeCompare(String(y.id)));
      const seen = new Map<string, number>();
      const nth = new Map<unknown, number>();
      for (const r of year) {
        const k = `${String(r.entity_uscc)}|${String(r.inspection_item_code)}`;
        seen.set(k, (seen.get(k) ?? 0) + 1);
        nth.set(r.id, seen.get(k)!);
      }
      return tally(insP.map((r) => ({ key: key(r), num: nth.get(r.id)! > (limit.get(r.inspection_item_code) ?? Infinity) ? 1 : 0 })));
    }
    case 'CASE_OVERDUE_RATE':
      return tally(decided.map((r) => ({ key: key(r), num: days(r.filed_on, r.decided_on) > 90 ? 1 : 0 })));
    case 'EXEMPTION_APPLIED_RATE':
      return tally(
        decided
          .filter((r) => {
            const code = String(r.region_code);
            const levels = [code.slice(0, 2) + '0000', code.slice(0, 4) + '00', code.slice(0, 6)];
            return (
              r.first_offence &&
              r.corrected &&
              r.harm === 'none' &&
              data.exemptions.some((x) => x.item_code === r.item_code && levels.includes(String(x.region_code)))
            );
          })
          .map((r) => ({ key: key(r), num: r.decision === 'no_penalty' ? 1 : 0 })),
      );
    case 'CASE_SINGLE_OFFICER_RATE':
      return tally(filed.map((r) => ({ key: key(r), num: single(r) })));
    case 'CASE_CERTIFIED_RATE':
      return tally(filed.map((r) => ({ key: key(r), num: validOn(r.lead_officer_id, r.filed_on) ? 1 : 0 })));
    case 'DELIVERY_ON_TIME_RATE':
      return tally(
        data.deliveries
          .filter((d) => inRegion(d.region_code))
          .map((d) => ({ d, c: caseById.get(d.case_id)! }))
          .filter(({ c }) => c.decided_on !== null && inPeriod(c.decided_on))
          .map(({ d, c }) => ({
            key: key(d, c.agency_id, c.lead_officer_id),
            num: d.delivered_on !== null && days(c.decided_on, d.delivered_on) <= 7 ? 1 : 0,
          })),
      );
    case 'PAYMENT_OVERDUE_RATE':
    case 'FINE_COLLECTION_RATE':
      return tally(
        data.payments
          .filter((p) => inRegion(p.region_code) && inPeriod(p.due_on) && String(p.due_on) < AS_OF)
          .map((p) => {
            const c = caseById.get(p.case_id)!;
            return code === 'PAYMENT_OVERDUE_RATE'
              ? { key: key(p, c.agency_id, c.lead_officer_id), num: p.paid_on === null || String(p.paid_on) > String(p.due_on) ? 1 : 0 }
              : { key: key(p, c.agency_id, null), num: p.paid_on !== null ? Number(p.amount) : 0, den: Number(p.amount) };
          }),
      );
    case 'CASE_AVERAGE_DAYS':
      return tally(decided.map((r) => ({ key: key(r), num: days(r.filed_on, r.decided_on) })));
    case 'INS_FINDING_RATE':
      return tally(insP.map((r) => ({ key: key(r), num: r.result !== 'compliant' ? 1 : 0 })));
    case 'JOINT_INSPECTION_RATE':
      return tally(insP.map((r) => ({ key: key(r), num: r.kind === 'joint' ? 1 : 0 })));
    case 'SERVICE_VISIT_SHARE':
      return tally([
        ...data.visits
          .filter((v) => inRegion(v.region_code) && inPeriod(v.visited_on))
          .map((v) => ({ key: key(v, v.agency_id, v.officer_id), num: 1 })),
        ...insP.map((r) => ({ key: key(r), num: 0 })),
      ]);
    case 'LICENCE_ON_TIME_RATE': {
      const limit = new Map(data.items.map((i) => [i.code, i.time_limit_days]));
      return tally(
        data.licences
          .filter((l) => inRegion(l.region_code) && l.decided_on !== null && inPeriod(l.decided_on))
          .map((l) => {
            const lim = limit.get(l.item_code);
            return {
              key: key(l, l.agency_id, null),
              num: lim === null || lim === undefined || days(l.applied_on, l.decided_on) <= Number(lim) ? 1 : 0,
            };
          }),
      );
    }
    case 'DELEGATION_APPROVED_RATE':
    case 'DELEGATION_LISTED_RATE': {
      const lineOf = new Map(data.agencies.map((a) => [a.id, a.line_code]));
      return tally(
        data.delegations
          .filter((d) => inRegion(d.region_code) && inPeriod(d.signed_on))
          .map((d) => {
            const region = String(d.region_code);
            const listed = data.whitelist.some(
              (w) =>
                w.code === d.service_code &&
                [region.slice(0, 2) + '0000', region.slice(0, 4) + '00', region.slice(0, 6)].includes(String(w.region_code)) &&
                (w.line_code === null || w.line_code === lineOf.get(d.agency_id)),
            );
            return { key: key(d, d.agency_id, null), num: (code === 'DELEGATION_APPROVED_RATE' ? d.approved : listed) ? 1 : 0 };
          }),
      );
    }
    case 'CERTIFIED_OFFICER_RATE':
      return tally(officersP.map((o) => ({ key: key(o, o.agency_id, o.id), num: validOn(o.id, PERIOD.to) ? 1 : 0 })));
    case 'ACTIVE_OFFICER_RATE': {
      const active = new Set([
        ...insP.map((r) => r.lead_officer_id),
        ...filed.map((r) => r.lead_officer_id),
        ...data.visits.filter((v) => inRegion(v.region_code) && inPeriod(v.visited_on)).map((v) => v.officer_id),
      ]);
      return tally(officersP.map((o) => ({ key: key(o, o.agency_id, o.id), num: active.has(o.id) ? 1 : 0 })));
    }
    case 'INS_PER_HUNDRED':
      return tally([
        ...insP.map((r) => ({ key: key(r), num: 1, den: 0 })),
        ...data.entities
          .filter((e) => inRegion(e.region_code) && (e.registered_on === null || String(e.registered_on) <= PERIOD.to))
          .map((e) => ({ key: key(e, null, null), num: 0 })),
      ]);
    case 'INS_COVERAGE': {
      const seen = new Set(insP.map((r) => r.entity_uscc));
      return tally(
        data.entities
          .filter((e) => inRegion(e.region_code) && (e.registered_on === null || String(e.registered_on) <= PERIOD.to))
          .map((e) => ({ key: key(e, null, null), num: seen.has(e.uscc) ? 1 : 0 })),
      );
    }
    case 'HOTLINE_CLOSED_RATE':
    case 'ENFORCEMENT_COMPLAINT_RATE': {
      const tickets = data.tickets.filter((h) => inRegion(h.region_code) && h.agency_id !== null && inPeriod(dayOf(h.received_at)));
      if (code === 'HOTLINE_CLOSED_RATE')
        return tally(
          tickets.map((h) => ({ key: key(h, h.agency_id, null), num: ['answered', 'closed'].includes(String(h.status)) ? 1 : 0 })),
        );
      const about = tickets.filter(
        (h) =>
          HOTLINE_ENFORCEMENT.categories.includes(String(h.category)) ||
          HOTLINE_ENFORCEMENT.keywords.some((k) => String(h.content).includes(k)),
      );
      return tally([
        ...about.map((h) => ({ key: key(h, h.agency_id, null), num: 1, den: 0 })),
        ...insP.map((r) => ({ key: key(r, r.agency_id, null), num: 0 })),
        ...filed.map((r) => ({ key: key(r, r.agency_id, null), num: 0 })),
      ]);
    }
    case 'FOLLOWUP_SATISFACTION':
    case 'FAKE_SERVICE_RATE': {
      const task = new Map(data.tasks.map((x) => [x.id, x]));
      const insById = new Map(data.inspections.map((r) => [r.id, r]));
      const visitById = new Map(data.visits.map((v) => [v.id, v]));
      const out: { key: string | null; num: number }[] = [];
      for (const a of data.answers) {
        if (!inRegion(a.region_code) || !inPeriod(dayOf(a.answered_at))) continue;
        const tk = task.get(a.task_id)!;
        const subject =
          tk.subject_kind === 'inspection'
            ? insById.get(tk.subject_id)
            : tk.subject_kind === 'case'
              ? caseById.get(tk.subject_id)
              : visitById.get(tk.subject_id);
        if (!subject) continue;
        const officer = tk.subject_kind === 'service_visit' ? subject.officer_id : subject.lead_officer_id;
        if (code === 'FOLLOWUP_SATISFACTION' && a.satisfaction !== null)
          out.push({ key: key(a, subject.agency_id, officer), num: Number(a.satisfaction) >= 4 ? 1 : 0 });
        if (code === 'FAKE_SERVICE_RATE' && tk.subject_kind === 'service_visit' && a.says_inspection !== null)
          out.push({ key: key(a, subject.agency_id, officer), num: a.says_inspection ? 1 : 0 });
      }
      return tally(out);
    }
    case 'CLUE_ON_TIME_RATE':
      return tally(
        loopClues
          .filter((c) => inPeriod(c.deadline) && (String(c.deadline) < AS_OF || c.status === 'closed'))
          .map((c) => ({ key: key(c, c.agency_id, null), num: c.status === 'closed' && closedOn(c.id)! <= String(c.deadline) ? 1 : 0 })),
      );
    case 'RECTIFY_FIRST_PASS_RATE':
      return tally(
        loopClues
          .filter((c) => c.status === 'closed' && inPeriod(closedOn(c.id)))
          .map((c) => ({
            key: key(c, c.agency_id, null),
            num: data.events.some((e) => e.clue_id === c.id && e.action === 'return') ? 0 : 1,
          })),
      );
    case 'CLUE_ESCALATION_RATE':
      return tally(
        loopClues
          .filter((c) => inPeriod(c.deadline))
          .map((c) => ({
            key: key(c, c.agency_id, null),
            num: data.events.some((e) => e.clue_id === c.id && e.action === 'escalate') ? 1 : 0,
          })),
      );
    case 'MODEL_CLUE_RATE':
      return tally([
        ...data.clues
          .filter((c) => inRegion(c.region_code) && c.source === 'model' && inPeriod(dayOf(c.created_at)))
          .map((c) => ({ key: key(c, c.agency_id, null), num: 1, den: 0 })),
        ...insP.map((r) => ({ key: key(r, r.agency_id, null), num: 0 })),
        ...filed.map((r) => ({ key: key(r, r.agency_id, null), num: 0 })),
      ]);
    case 'NOTICE_ANSWERED_RATE':
      return tally(
        data.notices
          .filter(
            (n) =>
              inRegion(n.region_code) &&
              ['advisory', 'supervision'].includes(String(n.kind)) &&
              inPeriod(n.deadline) &&
              (String(n.deadline) < AS_OF || n.responded_on !== null),
          )
          .map((n) => ({
            key: key(n, n.agency_id, null),
            num: n.responded_on !== null && String(n.responded_on) <= String(n.deadline) ? 1 : 0,
          })),
      );
    case 'CASE_REVIEW_SCORE':
      return tally(
        data.reviews
          .filter((f) => inRegion(f.region_code) && f.status === 'scored' && inPeriod(dayOf(f.scored_at)))
          .map((f) => ({ key: key(f, f.agency_id, caseById.get(f.case_id)?.lead_officer_id), num: Number(f.score) })),
      );
    default:
      throw new Error(`no independent computation for ${code}`);
  }
}

/** The 过罚不当 model's hits among the fined cases decided in the period: its own SQL, not the indicator's. */
async function deviationFromModel(level: Level): Promise<Tally> {
  const model = findModel('PEN_OUT_OF_TIER')!;
  const hits = new Set((await queryHits(store, model, runGroups(model, [], REGION)[0], AS_OF)).map((h) => h.subject_id));
  const fined = data.cases.filter(
    (c) => inRegion(c.region_code) && c.decision === 'fine' && Number(c.fine_amount) > 0 && c.decided_on !== null && inPeriod(c.decided_on),
  );
  return tally(
    fined.map((c) => ({
      key: levelKey(level, { agency: c.agency_id, officer: c.lead_officer_id, region: c.region_code }),
      num: hits.has(String(c.id)) ? 1 : 0,
    })),
  );
}

function assertSame(code: string, level: Level, got: Map<string, { num: number; den: number }>, want: Tally): void {
  const keys = new Set([...got.keys(), ...want.keys()]);
  assert.ok(want.size > 0, `${code}/${level}: the independent computation found nothing to compare`);
  for (const k of keys) {
    const g = got.get(k) ?? { num: 0, den: 0 };
    const w = want.get(k) ?? { num: 0, den: 0 };
    assert.ok(
      Math.abs(g.num - w.num) < 0.005 && Math.abs(g.den - w.den) < 0.005,
      `${code}/${level} ${k}: got ${g.num}/${g.den}, expected ${w.num}/${w.den}`,
    );
  }
}

test('the library: at least 30 indicators with unique codes, in all six groups, each with a Chinese definition and a rule its defaults satisfy', () => {
  assert.ok(INDICATORS.length >= 30, `${INDICATORS.length}`);
  assert.equal(new Set(INDICATORS.map((d) => d.code)).size, INDICATORS.length);
  assert.deepEqual(
    new Set(INDICATORS.map((d) => d.group)),
    new Set(['team', 'mechanism', 'coordination', 'conduct', 'effectiveness', 'satisfaction']),
  );
  for (const d of INDICATORS) {
    assert.equal(definitionProblem(d), null, d.code);
    assert.match(d.definition, /\p{Script=Han}{10}/u, d.code);
  }
  for (const named of [
    '检查覆盖率',
    '重复检查率',
    '亮码检查率',
    '处罚决定超期率',
    '裁量偏离率',
    '首违不罚适用率',
    '线索按期办结率',
    '回访满意度',
    '案卷评查得分',
    '执法人员持证率',
  ])
    assert.ok(
      INDICATORS.some((d) => d.name === named),
      named,
    );
});

for (const def of INDICATORS) {
  test(`${def.code} ${def.name}: equals the independent computation at every level it has`, async () => {
    for (const level of def.levels) {
      const got = await indicatorValues(store, def, level, scope);
      const want = def.code === 'PENALTY_DEVIATION_RATE' ? await deviationFromModel(level) : expected(def.code, level);
      assertSame(def.code, level, got, want);
    }
  });
}

test('the loop indicators read the hand-made history as defined: on time, returned, escalated, answered, reviewed', async () => {
  const agency = async (code: string) => {
    const values = await indicatorValues(store, findIndicator(code)!, 'agency', scope);
    return [...values.values()].reduce((s, v) => ({ num: s.num + v.num, den: s.den + v.den }), { num: 0, den: 0 });
  };
  // C1 on time, C2 late, C3 overdue; C4 not yet due, C5 dismissed, C7 a case member, C8 before, C9 elsewhere; C6 closed at 23:30 on the day.
  assert.deepEqual(await agency('CLUE_ON_TIME_RATE'), { num: 2, den: 4 });
  assert.deepEqual(await agency('RECTIFY_FIRST_PASS_RATE'), { num: 2, den: 3 });
  assert.deepEqual(await agency('CLUE_ESCALATION_RATE'), { num: 1, den: 5 });
  assert.deepEqual(await agency('NOTICE_ANSWERED_RATE'), { num: 1, den: 3 });
  assert.deepEqual(await agency('CASE_REVIEW_SCORE'), { num: 92 + 71.5 + 88, den: 3 });
});

test('the drill-down lists exactly the rows of the figure, those in the numerator first', async () => {
  const def = findIndicator('INS_REPEAT_RATE')!;
  const values = await indicatorValues(store, def, 'agency', scope);
  const [agencyId, v] = [...values.entries()].sort((a, b) => b[1].num - a[1].num)[0];
  assert.ok(v.num > 0);
  const page = await indicatorRecords(store, def, 'agency', agencyId, scope, { limit: 10_000, offset: 0 });
  assert.equal(page.total, v.records);
  assert.equal(page.numerator, v.num);
  assert.ok(page.rows.slice(0, v.num).every((r) => r.num === 1));
  assert.ok(page.rows.every((r) => r.agencyId === agencyId));
  const only = await indicatorRecords(store, def, 'agency', agencyId, scope, { limit: 10_000, offset: 0, numeratorOnly: true });
  assert.equal(only.rows.length, v.num);
});
