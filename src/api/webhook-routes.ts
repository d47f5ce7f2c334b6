// Webhook receivers over HTTP (the admin's; docs/webhooks.md): list, add (the secret is shown once),
// disable, and the delivery log.
import { randomBytes } from 'node:crypto';
import { Type, type Static } from '@sinclair/typebox';
import type { Store } from '../store/store.ts';
import { sql } from '../store/sql.ts';
import { withAudit } from '../audit/audit-log.ts';
import { regionProblem } from '../domain/region.ts';
import { badRequest, notFound } from '../domain/errors.ts';
import { systemClock, type Clock } from '../clues/clock.ts';
import { WEBHOOK_EVENTS } from '../integration/webhooks.ts';
import { webhookTargetProblem } from '../integration/webhook-target.ts';
import { authorize } from '../policy/index.ts';
import { callerOf, type Api } from './app.ts';
import { errors } from './schemas.ts';
import { Delivery, DeliveryQuery, Endpoint, EndpointBody, EndpointCreated, EndpointList, EndpointParams } from './webhook-schemas.ts';

export async function webhookRoutes(app: Api, store: Store, opts: { clock?: Clock } = {}): Promise<void> {
  const clock = opts.clock ?? systemClock;
  const admin = (req: Parameters<typeof callerOf>[0]) => {
    const c = callerOf(req);
    authorize(c, 'manage', { type: 'webhook' });
    return c;
  };

  app.get(
    '/webhooks',
    { schema: { tags: ['webhooks'], summary: '回调接收方列表（不含密钥）', response: { 200: EndpointList, ...errors(401, 403) } } },
    async (req) => {
      admin(req);
      const rows = await store.query<Static<typeof Endpoint>>(
        'SELECT id, region_code, url, events, active, created_by, created_at FROM webhook_endpoints ORDER BY created_at, id',
      );
      return { endpoints: rows, env: (process.env.KEDU_WEBHOOK_URL ?? '').split(',').filter(Boolean).length };
    },
  );

  app.post(
    '/webhooks',
    {
      schema: {
        tags: ['webhooks'],
        summary: '新增回调接收方（返回一次密钥）',
        body: EndpointBody,
        response: { 201: EndpointCreated, ...errors(400, 401, 403) },
      },
    },
    async (req, reply) => {
      const caller = admin(req);
      const b = req.body;
      const p = await webhookTargetProblem(b.url);
      if (p) throw badRequest(p, 'url');
      const region = b.regionCode ?? '330000';
      const rp = regionProblem(region);
      if (rp) throw badRequest(rp, 'regionCode');
      const id = `WE-${randomBytes(6).toString('hex')}`;
      const secret = b.secret ?? randomBytes(24).toString('base64url');
      const events = (b.events ?? [...WEBHOOK_EVENTS]).join(',');
      await withAudit(store, region, async (tx) => {
        await tx.exec(sql`INSERT INTO webhook_endpoints (id, region_code, url, secret, events, active, created_by, created_at)
        VALUES (${id}, ${region}, ${b.url}, ${secret}, ${events}, TRUE, ${caller.userId}, ${clock().toISOString()})`);
        return {
          result: null,
          audit: [
            { actor: caller.userId, action: 'webhook.endpoint_create', target: id, regionCode: region, detail: { url: b.url, events } },
          ],
        };
      });
      return reply.status(201).send({ id, url: b.url, events: events.split(','), regionCode: region, secret });
    },
  );

  app.delete(
    '/webhooks/:id',
    {
      schema: {
        tags: ['webhooks'],
        summary: '停用回调接收方',
        params: EndpointParams,
        response: { 200: Type.Object({ ok: Type.Boolean() }), ...errors(401, 403, 404) },
      },
    },
    async (req) => {
      const caller = admin(req);
      const { id } = req.params;
      const [row] = await store.query<{ region_code: string }>(sql`SELECT region_code FROM webhook_endpoints WHERE id = ${id}`);
      if (!row) throw notFound(`未找到回调接收方 ${id}`);
      await withAudit(store, row.region_code, async (tx) => {
        await tx.exec(sql`UPDATE webhook_endpoints SET active = FALSE WHERE id = ${id}`);
        return {
          result: null,
          audit: [{ actor: caller.userId, action: 'webhook.endpoint_disable', target: id, regionCode: row.region_code }],
        };
      });
      return { ok: true };
    },
  );

  app.get(
    '/webhooks/deliveries',
    {
      schema: {
        tags: ['webhooks'],
        summary: '回调投递记录',
        querystring: DeliveryQuery,
        response: { 200: Type.Object({ rows: Type.Array(Delivery) }), ...errors(400, 401, 403) },
      },
    },
    async (req) => {
      admin(req);
      const q = req.query;
      return {
        rows: await store.query<
          Static<typeof Delivery>
        >(sql`SELECT id, region_code, endpoint, url, event, status, attempts, next_at, last_status, last_error, created_at, delivered_at
        FROM webhook_deliveries ${q.status ? sql`WHERE status = ${q.status}` : sql``} ORDER BY created_at DESC, id LIMIT ${q.limit}`),
      };
    },
  );
}
