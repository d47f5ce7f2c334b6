// Outbound webhooks: other systems (the discipline inspection big-data platform, 12345) are told when
// a clue is assigned or closed. A delivery row is written in the same transaction as the change that
// caused it, so an event is never lost and never sent for a change that rolled back; a worker loop
// posts due deliveries, signed with HMAC-SHA256, and retries failures with exponential backoff.
// Receivers: KEDU_WEBHOOK_URL (comma-separated) with KEDU_WEBHOOK_SECRET, and rows of webhook_endpoints.
// docs/webhooks.md describes the payload, the signature and the schedule.
import { startLoop, type Worker } from '../jobs/loop.ts';
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Store } from '../store/store.ts';
import { sql } from '../store/sql.ts';
import { withAudit } from '../audit/audit-log.ts';
import { regionContains } from '../domain/region.ts';
import { CLUE_SETTINGS } from '../clues/settings.ts';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { addressProblem, guardedLookup } from './webhook-target.ts';

/** The events other systems can hear of; the in-app notifications (src/notifications) send theirs here too. */
export const WEBHOOK_EVENTS = [
  'clue.assigned',
  'clue.self_check',
  'clue.closed',
  'clue.returned',
  'clue.submitted',
  'clue.due_soon',
  'clue.overdue',
  'clue.escalated',
  'clue.transferred',
  'notice.answered',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const SIGNATURE_HEADER = 'x-kedu-signature';
export const TIMESTAMP_HEADER = 'x-kedu-timestamp';

export interface Endpoint {
  id: string;
  url: string;
  secret: string;
  events: string[];
  regionCode: string;
}

/** Receivers from the environment: every event of the whole province. */
export function envEndpoints(env: NodeJS.ProcessEnv = process.env): Endpoint[] {
  const urls = (env.KEDU_WEBHOOK_URL ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);
  if (urls.length === 0) return [];
  const secret = env.KEDU_WEBHOOK_SECRET ?? '';
  if (!secret)
    throw new Error(
      'KEDU_WEBHOOK_URL is set but KEDU_WEBHOOK_SECRET is not: webhooks are always signed, set a secret of at least 16 characters',
    );
  return urls.map((url, i) => ({ id: `env:${i}`, url, secret, events: [...WEBHOOK_EVENTS], regionCode: '330000' }));
}

interface EndpointRow {
  id: string;
  region_code: string;
  url: string;
  secret: string;
  events: string;
  active: boolean;
}

async function tableEndpoints(store: Store): Promise<Endpoint[]> {
  const rows = await store.query<EndpointRow>('SELECT * FROM webhook_endpoints WHERE active ORDER BY id');
  return rows.map((r) => ({ id: r.id, url: r.url, secret: r.secret, events: r.events.split(','), regionCode: r.region_code }));
}

/** Signature of a body sent at a timestamp (seconds): "sha256=" + hex HMAC-SHA256 of "<timestamp>.<body>". */
export function signPayload(secret: string, timestamp: string, body: string): string {
  return 'sha256=' + createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** What a receiver does: recompute and compare in constant time (and reject old timestamps). */
export function verifySignature(secret: string, timestamp: string, body: string, signature: string): boolean {
  const expected = Buffer.from(signPayload(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Seconds to wait after the n-th failed attempt: base · 2^(n-1), capped. */
export function backoffSeconds(attempts: number): number {
  const { baseDelaySeconds, maxDelaySeconds } = CLUE_SETTINGS.webhook;
  return Math.min(baseDelaySeconds * 2 ** Math.max(0, attempts - 1), maxDelaySeconds);
}

/**
 * Queues an event for every receiver that wants it, inside the caller's transaction (tx).
 * The body is fixed now — what the receiver gets is what was true when the change committed.
 */
export async function enqueueWebhook(tx: Store, event: WebhookEvent, regionCode: string, data: unknown, now: Date): Promise<number> {
  return enqueueWebhooks(tx, event, [{ regionCode, data }], now);
}

/** Many events of one kind (a batch run's new clues): the receivers are read once. Returns the deliveries queued. */
export async function enqueueWebhooks(
  tx: Store,
  event: WebhookEvent,
  items: readonly { regionCode: string; data: unknown }[],
  now: Date,
): Promise<number> {
  if (items.length === 0) return 0;
  const endpoints = [...envEndpoints(), ...(await tableEndpoints(tx))].filter((e) => e.events.includes(event));
  let queued = 0;
  for (const { regionCode, data } of items) {
    const eventId = randomUUID();
    const body = JSON.stringify({ id: eventId, event, occurredAt: now.toISOString(), data });
    for (const e of endpoints.filter((x) => regionContains(x.regionCode, regionCode))) {
      await tx.exec(sql`INSERT INTO webhook_deliveries (id, region_code, endpoint, url, event, payload, status, attempts, next_at, created_at)
        VALUES (${`WH-${randomUUID()}`}, ${regionCode}, ${e.id}, ${e.url}, ${event}, ${body}, 'pending', 0, ${now.toISOString()}, ${now.toISOString()})`);
      queued++;
    }
  }
  return queued;
}

interface DeliveryRow {
  id: string;
  region_code: string;
  endpoint: string;
  url: string;
  event: string;
  payload: string;
  attempts: number;
  next_at: string;
}

export interface DeliveryOutcome {
  id: string;
  ok: boolean;
  status: number | null;
  error: string | null;
  attempts: number;
  final: boolean;
}

export interface DeliverOptions {
  now?: Date;
  limit?: number;
}

/**
 * One POST, through node's http(s) with a guarded DNS lookup (webhook-target.ts): a receiver whose
 * name resolves to a restricted address at delivery time is refused, whatever it resolved to when it
 * was configured. No redirect is followed.
 */
function post(d: DeliveryRow, secret: string, now: Date): Promise<{ ok: boolean; status: number | null; error: string | null }> {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const url = new URL(d.url);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  // A literal address is connected to without a lookup: checked here instead.
  const literal = isIP(host) ? addressProblem(host) : null;
  if (literal) return Promise.resolve({ ok: false, status: null, error: literal });
  return new Promise((resolve) => {
    const req = (url.protocol === 'https:' ? https : http).request(
      url,
      {
        method: 'POST',
        lookup: guardedLookup,
        timeout: CLUE_SETTINGS.webhook.timeoutMs,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(d.payload),
          'user-agent': 'Kedu-Webhook/1',
          'x-kedu-event': d.event,
          'x-kedu-delivery': d.id,
          [TIMESTAMP_HEADER]: timestamp,
          [SIGNATURE_HEADER]: signPayload(secret, timestamp, d.payload),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          resolve(status >= 200 && status < 300 ? { ok: true, status, error: null } : { ok: false, status, error: `HTTP ${status}` });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`超时（${CLUE_SETTINGS.webhook.timeoutMs} ms）`)));
    req.on('error', (e) => resolve({ ok: false, status: null, error: e.message.slice(0, 500) }));
    req.end(d.payload);
  });
}

/**
 * One pass of the worker: claims the due deliveries (a lease pushes next_at ahead, so a second worker
 * on another server skips them, and a worker that dies mid-delivery leaves them to be retried), posts
 * each, and records the outcome. Success and the last failed attempt are audited; retries are not.
 */
export async function deliverDue(store: Store, opts: DeliverOptions = {}): Promise<DeliveryOutcome[]> {
  const now = opts.now ?? new Date();
  const due = await store.query<DeliveryRow>(sql`
    SELECT id, region_code, endpoint, url, event, payload, attempts, next_at FROM webhook_deliveries
    WHERE status = 'pending' AND next_at <= CAST(${now.toISOString()} AS TIMESTAMPTZ) ORDER BY next_at, id LIMIT ${opts.limit ?? 50}`);
  if (due.length === 0) return [];
  const secrets = new Map([...envEndpoints(), ...(await tableEndpoints(store))].map((e) => [e.id, e.secret]));
  const lease = new Date(now.getTime() + CLUE_SETTINGS.webhook.leaseSeconds * 1000).toISOString();
  const outcomes: DeliveryOutcome[] = [];
  for (const d of due) {
    const claimed = await store.query(sql`UPDATE webhook_deliveries SET next_at = ${lease}
      WHERE id = ${d.id} AND status = 'pending' AND next_at = CAST(${d.next_at} AS TIMESTAMPTZ) RETURNING id`);
    if (claimed.length === 0) continue;
    const attempts = d.attempts + 1;
    const secret = secrets.get(d.endpoint);
    const r =
      secret === undefined ? { ok: false, status: null, error: `回调接收方 ${d.endpoint} 已停用或删除` } : await post(d, secret, now);
    const final = r.ok || secret === undefined || attempts >= CLUE_SETTINGS.webhook.maxAttempts;
    const next = new Date(now.getTime() + backoffSeconds(attempts) * 1000).toISOString();
    const update = sql`UPDATE webhook_deliveries SET attempts = ${attempts}, last_status = ${r.status}, last_error = ${r.error},
      status = ${r.ok ? 'delivered' : final ? 'failed' : 'pending'}, next_at = ${final ? now.toISOString() : next},
      delivered_at = CAST(${r.ok ? now.toISOString() : null} AS TIMESTAMPTZ) WHERE id = ${d.id}`;
    if (final) {
      await withAudit(store, d.region_code, async (tx) => {
        await tx.exec(update);
        return {
          result: null,
          audit: [
            {
              actor: 'system',
              action: r.ok ? 'webhook.delivered' : 'webhook.failed',
              target: d.id,
              regionCode: d.region_code,
              detail: { event: d.event, endpoint: d.endpoint, attempts, status: r.status, error: r.error },
            },
          ],
        };
      });
    } else {
      await store.exec(update);
    }
    outcomes.push({ id: d.id, ok: r.ok, status: r.status, error: r.error, attempts, final });
  }
  return outcomes;
}

/** The delivery worker the server starts. */
export function startWebhookWorker(store: Store, opts: { intervalMs?: number } = {}): Worker {
  return startLoop('webhooks', opts.intervalMs ?? CLUE_SETTINGS.webhook.pollMs, () => deliverDue(store));
}
