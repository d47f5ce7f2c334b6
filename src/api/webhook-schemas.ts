// Outbound webhook receivers and their deliveries (the admin's). docs/webhooks.md.
import { Type } from '@sinclair/typebox';
import { WEBHOOK_EVENTS } from '../integration/webhooks.ts';
import { ID, Literals, Nullable } from './schemas.ts';

export const Endpoint = Type.Object({
  id: Type.String(),
  region_code: Type.String(),
  url: Type.String(),
  events: Type.String({ description: '逗号分隔' }),
  active: Type.Boolean(),
  created_by: Type.String(),
  created_at: Type.String(),
});
export const EndpointList = Type.Object({
  endpoints: Type.Array(Endpoint),
  env: Type.Integer({ description: 'KEDU_WEBHOOK_URL 中配置的接收方数' }),
});
export const EndpointBody = Type.Object({
  url: Type.String({ minLength: 8, maxLength: 500 }),
  events: Type.Optional(Type.Array(Literals(WEBHOOK_EVENTS), { minItems: 1 })),
  regionCode: Type.Optional(Type.String({ pattern: '^\\d{6}$' })),
  secret: Type.Optional(Type.String({ minLength: 16, maxLength: 200 })),
});
/** The secret is shown once, at creation. */
export const EndpointCreated = Type.Object({
  id: Type.String(),
  url: Type.String(),
  events: Type.Array(Type.String()),
  regionCode: Type.String(),
  secret: Type.String(),
});
export const EndpointParams = Type.Object({ id: ID });
export const Delivery = Type.Object({
  id: Type.String(),
  region_code: Type.String(),
  endpoint: Type.String(),
  url: Type.String(),
  event: Type.String(),
  status: Literals(['pending', 'delivered', 'failed']),
  attempts: Type.Integer(),
  next_at: Type.String(),
  last_status: Nullable(Type.Integer()),
  last_error: Nullable(Type.String()),
  created_at: Type.String(),
  delivered_at: Nullable(Type.String()),
});
export const DeliveryQuery = Type.Object({
  status: Type.Optional(Literals(['pending', 'delivered', 'failed'])),
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
});
