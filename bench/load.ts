// The load the server holds: CLIENTS concurrent clients for SECONDS against the real HTTP server (buildApp
// listening on loopback, the demo data set behind it), each sending, in turn, the requests of a working
// day: a clue list, the home dashboard, a record list, a push of ten inspection records through the
// ingestion API (judged by the real-time checks in their transaction), and a clue transition (研判, then
// 交办). Reported per request kind: count, p50 and p99 latency, errors (any answer but 2xx: target 0);
// and requests per second overall. Every loop is bounded in time and stops by itself; only 127.0.0.1
// is contacted.
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../src/api/app.ts';
import type { Store } from '../src/store/store.ts';
import { createUser } from '../src/auth/users.ts';
// The figures in docs/ were measured on data ending on this day; a pinned day keeps runs comparable.
const AS_OF_ISO = '2025-12-31';
import { readyAllRealtime } from '../src/models/realtime/check.ts';
import { KIND_SPECS } from '../src/records/registry.ts';

export interface LoadOptions {
  clients: number;
  seconds: number;
}

export interface LoadResult {
  requestsPerSecond: number;
  kinds: Record<string, { count: number; p50: number; p99: number; errors: number; firstError: string | null }>;
  loadAverage: string;
}

const COUNTY = '330111'; // 富阳区: the seed's county, with the demo's most data
const PASSWORD = 'Load-Bench-2025!';
const KINDS = ['clue list', 'home dashboard', 'record list', 'ingest 10 records', 'clue transition'] as const;
type Kind = (typeof KINDS)[number];

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))] : 0;
};

/** Clues waiting for 研判 in the county, one pool per client, so that no two clients move the same clue. */
async function seedClues(store: Store, clients: number, perClient: number): Promise<{ agency: string; pools: string[][] }> {
  const [agency] = await store.query<{ id: string }>(`SELECT id FROM agencies WHERE region_code LIKE '${COUNTY}%' ORDER BY id LIMIT 1`);
  const now = new Date().toISOString();
  const pools: string[][] = [];
  const rows: (string | null)[][] = [];
  for (let c = 0; c < clients; c++) {
    const pool: string[] = [];
    for (let i = 0; i < perClient; i++) {
      const id = `CL-LOAD-${c}-${i}`;
      pool.push(id);
      rows.push([
        id,
        COUNTY,
        agency.id,
        'media',
        id,
        'medium',
        `压力测试线索 ${c}-${i}`,
        '执法检查中存在程序问题，需要核查。',
        'new',
        now,
        now,
      ]);
    }
    pools.push(pool);
  }
  await store.copyIn(
    'clues',
    ['id', 'region_code', 'agency_id', 'source', 'dedupe_key', 'severity', 'title', 'explanation', 'status', 'created_at', 'updated_at'],
    rows,
  );
  return { agency: agency.id, pools };
}

/** Ten inspections of the county as an agency system would push them: real references, fresh source ids. */
async function inspectionTemplates(store: Store): Promise<Record<string, string>[]> {
  const fields = KIND_SPECS.inspections.fields.map((f) => f.name);
  const rows = await store.query<Record<string, unknown>>(
    `SELECT * FROM inspections WHERE region_code LIKE '${COUNTY}%' ORDER BY id LIMIT 200`,
  );
  return rows.map((r) => Object.fromEntries(fields.map((f) => [f, r[f] === null ? '' : String(r[f])])));
}

export async function loadBench(store: Store, opts: LoadOptions): Promise<LoadResult> {
  await createUser(
    store,
    { username: 'load_sup', displayName: '压力测试监督员', password: PASSWORD, role: 'supervisor', regionCode: COUNTY },
    'system',
  );
  const { agency, pools } = await seedClues(store, opts.clients, 400);
  const templates = await inspectionTemplates(store);
  await readyAllRealtime(store, AS_OF_ISO);
  const app = await buildApp({ store, asOf: AS_OF_ISO });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  try {
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'load_sup', password: PASSWORD }),
    });
    if (login.status !== 200) throw new Error(`load bench: login answered ${login.status}`);
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    const latencies = Object.fromEntries(KINDS.map((k) => [k, [] as number[]])) as Record<Kind, number[]>;
    const errors = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
    const firstError = Object.fromEntries(KINDS.map((k) => [k, null])) as Record<Kind, string | null>;
    const deadline = performance.now() + opts.seconds * 1000;
    let pushed = 0;

    const send = async (kind: Kind, path: string, body?: unknown) => {
      const started = performance.now();
      try {
        const res = await fetch(`${base}${path}`, {
          method: body === undefined ? 'GET' : 'POST',
          headers: body === undefined ? { cookie } : { cookie, 'content-type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(30_000),
        });
        const text = await res.text();
        if (res.status < 200 || res.status >= 300) {
          errors[kind]++;
          firstError[kind] ??= `${res.status} ${text.slice(0, 200)}`;
        }
      } catch (e) {
        errors[kind]++;
        firstError[kind] ??= (e as Error).message;
      }
      latencies[kind].push(performance.now() - started);
    };

    const client = async (c: number) => {
      const pool = pools[c];
      let step = c; // clients start at different kinds
      let clue = 0;
      let assignNext = false;
      while (performance.now() < deadline) {
        const kind = KINDS[step++ % KINDS.length];
        if (kind === 'clue list') await send(kind, '/api/v1/clues?page=1&pageSize=20');
        else if (kind === 'home dashboard') await send(kind, '/api/v1/dashboard/summary');
        else if (kind === 'record list') await send(kind, '/api/v1/records/inspections?page=1&pageSize=20');
        else if (kind === 'ingest 10 records') {
          const batch = Array.from({ length: 10 }, (_, i) => ({
            ...templates[(pushed * 10 + i) % templates.length],
            source_id: `LOAD-${c}-${pushed}-${i}`,
          }));
          pushed++;
          await send(kind, '/api/v1/ingest/inspections', { sourceSystem: 'load-bench', records: batch });
        } else if (clue < pool.length) {
          // 研判 a clue, then 交办 it to the county's agency; then the next clue.
          const id = pool[clue];
          if (assignNext) await send(kind, `/api/v1/clues/${id}/transitions`, { action: 'assign', agencyId: agency });
          else await send(kind, `/api/v1/clues/${id}/transitions`, { action: 'triage' });
          if (assignNext) clue++;
          assignNext = !assignNext;
        }
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: opts.clients }, (_, c) => client(c)));
    const seconds = (performance.now() - started) / 1000;
    const total = KINDS.reduce((s, k) => s + latencies[k].length, 0);
    return {
      requestsPerSecond: total / seconds,
      kinds: Object.fromEntries(
        KINDS.map((k) => [
          k,
          {
            count: latencies[k].length,
            p50: percentile(latencies[k], 0.5),
            p99: percentile(latencies[k], 0.99),
            errors: errors[k],
            firstError: firstError[k],
          },
        ]),
      ),
      loadAverage: os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(' '),
    };
  } finally {
    await app.close();
  }
}
