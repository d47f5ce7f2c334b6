// npm run bench -- --only inspections: a city's year of inspections planned, on a fresh store per engine.
// A city of 13 counties, 200,000 entities and 8 agencies per county (one per line that publishes
// inspection items) with 20 certified officers each, every agency's directory of inspection objects
// (about half its county's entities, with risk and credit classes), and a plan item per agency:
//   - merge suggestions (综合查一次) over 520,000 planned tasks of the city's year, and the burden
//     before and after;
//   - the city's draws: every plan drawn (双随机, a stored seed per draw), 400 entities each;
//   - resampling: every draw computed again from its seed and compared rank by rank with its tasks
//     (what `kedu plans resample --verify` does).
// Generated tasks carry unique placeholder codes: suggesting merges reads no code, and signing is not
// what is measured here.
import type { Store, Value } from '../src/store/store.ts';
import { loadReference } from '../src/catalog/load-reference.ts';
import { SYSTEM_CALLER } from '../src/auth/caller.ts';
import { checkDraw, drawPlan, drawsOf } from '../src/inspections/draw.ts';
import { burden, suggestMerges } from '../src/inspections/merge.ts';
import { PLAN_COLUMNS } from '../src/inspections/plans.ts';
import { TASK_COLUMNS } from '../src/inspections/tasks.ts';
import { Rng } from '../src/demo/prng.ts';

const CITY = '330100';
const COUNTIES = 13;
const ENTITIES = 200_000;
const LINES = 8;
const OFFICERS = 20;
const PLANS_PER_AGENCY = 1;
const DRAWN_PER_PLAN = 400;
const TASKS = 520_000;

type Put = (row: string, engine: string, value: string) => void;

export async function inspectionsBench(store: Store, engine: string, put: Put, year: number): Promise<void> {
  // A key of the bench's own, so that no key file is written into the working folder.
  process.env.KEDU_CODE_KEY ||= 'c'.repeat(64);
  const rng = new Rng(20261205);
  await loadReference(store);
  const items = await store.query<{ code: string; line_code: string }>('SELECT code, line_code FROM inspection_items ORDER BY code');
  const byLine = new Map<string, string[]>();
  for (const i of items) byLine.set(i.line_code, [...(byLine.get(i.line_code) ?? []), i.code]);
  const lines = [...byLine.keys()].sort((a, b) => byLine.get(b)!.length - byLine.get(a)!.length || (a < b ? -1 : 1)).slice(0, LINES);
  const counties = Array.from({ length: COUNTIES }, (_, i) => `3301${String(i + 2).padStart(2, '0')}`);

  const t0 = performance.now();
  const entities: Value[][] = [];
  const entitiesOf = counties.map(() => [] as string[]);
  for (let i = 0; i < ENTITIES; i++) {
    const c = i % COUNTIES;
    const uscc = `91${counties[c]}B${String(i).padStart(9, '0')}`;
    entities.push([uscc, `企业${i}`, `${counties[c]}001`]);
    entitiesOf[c].push(uscc);
  }
  await store.copyIn('entities', ['uscc', 'name', 'region_code'], entities);
  const agencies: Value[][] = [],
    officers: Value[][] = [],
    certificates: Value[][] = [],
    objects: Value[][] = [],
    plans: Value[][] = [];
  const agencyIds: { id: string; county: number; line: string }[] = [];
  const risk = ['low', 'medium', 'high', 'severe'],
    credit = ['A', 'B', 'C', 'D'];
  counties.forEach((county, c) =>
    lines.forEach((line, l) => {
      const id = `AG-${county}-${line}`;
      agencyIds.push({ id, county: c, line });
      agencies.push([id, `${county}${line}`, line, county, 'county']);
      for (let o = 0; o < OFFICERS; o++) {
        const oid = `OF-${county}-${line}-${o}`;
        officers.push([oid, `执法人员${o}`, id, county]);
        certificates.push([`CT-${oid}`, oid, county, `ZJ${county}${l}${o}`, '2022-01-01', `${year + 3}-12-31`, 'valid']);
      }
      entitiesOf[c].forEach((u, k) => {
        if ((k + l) % 2 === 0) objects.push([`obj-${id}-${k}`, 'bench', `${county}001`, id, u, null, risk[rng.int(4)], credit[rng.int(4)]]);
      });
      for (let p = 0; p < PLANS_PER_AGENCY; p++) {
        const item = byLine.get(line)![p % byLine.get(line)!.length];
        const weighting = ['none', 'risk', 'credit'][p % 3];
        plans.push([
          `PL-${id}-${p}`,
          'bench',
          `${id}-${p}`,
          county,
          id,
          year,
          `${year}年${item}`,
          item,
          'random',
          DRAWN_PER_PLAN,
          weighting,
          null,
          null,
          null,
          2,
          15,
          `${year}-01-01`,
          `${year}-12-31`,
        ]);
      }
    }),
  );
  await store.copyIn('agencies', ['id', 'name', 'line_code', 'region_code', 'level'], agencies);
  await store.copyIn('officers', ['id', 'name', 'agency_id', 'region_code'], officers);
  await store.copyIn('certificates', ['id', 'officer_id', 'region_code', 'number', 'issued_on', 'expires_on', 'status'], certificates);
  await store.copyIn(
    'inspection_objects',
    ['id', 'source_system', 'region_code', 'agency_id', 'entity_uscc', 'object_type', 'risk_class', 'credit_class'],
    objects,
  );
  await store.copyIn('inspection_plans', PLAN_COLUMNS, plans);
  for (const s of store.dialect.afterBulkLoad) await store.exec(s);
  process.stdout.write(
    `  ${engine}: city of ${COUNTIES} counties, ${ENTITIES} entities, ${agencies.length} agencies, ${objects.length} directory entries, ${plans.length} plans (set up in ${((performance.now() - t0) / 1000).toFixed(1)} s)\n`,
  );

  // The year's planned tasks, on the city's entities, agencies and items.
  const drawAt = new Date(`${year - 1}-12-20T02:00:00Z`);
  const [{ next_serial: next }] = await store.query<{ next_serial: number }>(
    `SELECT next_serial FROM inspection_code_counter WHERE name = 'task'`,
  );
  const rows: Value[][] = [];
  for (let i = 0, serial = Number(next); i < TASKS; i++, serial++) {
    const a = agencyIds[rng.int(agencyIds.length)];
    const pool = entitiesOf[a.county];
    const item = byLine.get(a.line)![rng.int(Math.min(6, byLine.get(a.line)!.length))];
    const day = new Date(Date.UTC(year, 0, 1) + rng.int(350) * 86_400_000).toISOString().slice(0, 10);
    const to = new Date(Date.parse(day) + 14 * 86_400_000).toISOString().slice(0, 10);
    rows.push([
      `T${String(serial).padStart(10, '0')}`,
      serial,
      `B${serial}`,
      `${counties[a.county]}001`,
      a.id,
      'plan',
      null,
      null,
      null,
      null,
      null,
      item,
      pool[rng.int(pool.length)],
      day,
      day,
      to,
      `OF-${counties[a.county]}-${a.line}-0,OF-${counties[a.county]}-${a.line}-1`,
      'open',
      null,
      null,
      'bench',
      drawAt,
    ]);
    if (rows.length === 100_000) await store.copyIn('inspection_tasks', TASK_COLUMNS, rows.splice(0));
  }
  await store.copyIn('inspection_tasks', TASK_COLUMNS, rows);
  await store.exec(`UPDATE inspection_code_counter SET next_serial = $1 WHERE name = 'task'`, [Number(next) + TASKS]);
  for (const s of store.dialect.afterBulkLoad) await store.exec(s);

  let t = performance.now();
  const r = await suggestMerges(store, SYSTEM_CALLER, { regionCode: CITY, from: `${year}-01-01`, now: drawAt });
  const total = performance.now() - t;
  put(`inspections: merge suggestions over ${r.tasks} planned tasks`, engine, secs(total));
  put(
    `inspections: … of which query / cluster / write`,
    engine,
    `${(r.millis.query / 1000).toFixed(1)} / ${(r.millis.cluster / 1000).toFixed(1)} / ${(r.millis.write / 1000).toFixed(1)} s`,
  );
  put(`inspections: … candidates → suggestions (visits saved)`, engine, `${r.candidates} → ${r.suggestions} (${r.visitsSaved})`);
  t = performance.now();
  const b = await burden(store, SYSTEM_CALLER, CITY, year, 3);
  put(`inspections: burden of the city (before/after, > 3 visits)`, engine, secs(performance.now() - t));
  put(`inspections: … entities over 3 visits planned → if all accepted`, engine, `${b.planned.over} → ${b.ifAccepted.over}`);

  process.stdout.write(`  ${engine}: merge suggestions over ${r.tasks} tasks in ${secs(total)}; burden computed\n`);

  // The draws, as agencies make them at the start of the year.
  t = performance.now();
  for (const p of plans) await drawPlan(store, SYSTEM_CALLER, String(p[0]), drawAt);
  put(
    `inspections: draw ${plans.length} plans × ${DRAWN_PER_PLAN} (pools ≈ ${Math.round(objects.length / agencies.length)})`,
    engine,
    secs(performance.now() - t),
  );

  t = performance.now();
  const draws = await drawsOf(store, SYSTEM_CALLER, { year });
  let ok = 0;
  for (const d of draws) if ((await checkDraw(store, d)).ok) ok++;
  if (ok !== draws.length) throw new Error(`resampling: ${draws.length - ok} draws did not reproduce`);
  put(`inspections: resample --verify ${draws.length} draws of the city`, engine, secs(performance.now() - t));
}

const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
