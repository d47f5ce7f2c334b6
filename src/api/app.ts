// The HTTP application, built in a function so tests can drive it with app.inject() and the CLI can
// listen. Chain per route: rate limit → auth (session cookie) → schema validation → handler.
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Value } from '@sinclair/typebox/value';
import type { TSchema } from '@sinclair/typebox';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import type { Store } from '../store/store.ts';
import type { Caller } from '../auth/caller.ts';
import { callerForToken } from '../auth/users.ts';
import { ERRORS, KeduError } from '../domain/errors.ts';
import { authRoutes, SESSION_COOKIE } from './auth-routes.ts';
import { dashboardRoutes } from './dashboard-routes.ts';
import { recordRoutes } from './record-routes.ts';
import { catalogRoutes } from './catalog-routes.ts';
import { modelRoutes } from './model-routes.ts';
import { clueRoutes } from './clue-routes.ts';
import { noticeRoutes } from './notice-routes.ts';
import { webhookRoutes } from './webhook-routes.ts';
import { portalRoutes } from './portal-routes.ts';
import { ingestRoutes } from './ingest-routes.ts';
import { notificationRoutes } from './notification-routes.ts';
import { adminRoutes } from './admin-routes.ts';
import { auditRoutes } from './audit-routes.ts';
import { clockFor, type Clock } from '../clues/clock.ts';
import { API_DOCS_CSP, loggerOptions, registerJsonParser, registerSecurityHeaders, trustProxySetting } from './hardening.ts';
import type { DestinationStream } from 'pino';
import { evaluationRoutes } from './evaluation-routes.ts';
import { reportRoutes } from './report-routes.ts';
import { reviewRoutes } from './review-routes.ts';
import { assistantRoutes } from './assistant-routes.ts';
import { inspectionRoutes } from './inspection-routes.ts';
import { followupRoutes } from './followup-routes.ts';
import { triageRoutes } from './triage-routes.ts';
import { localModelRoutes } from './local-model-routes.ts';
import { navigatorRoutes } from './navigator-routes.ts';

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller | null;
  }
  interface FastifyContextConfig {
    public?: boolean;
  }
  interface FastifyInstance {
    /** Every API route as registered (method, URL pattern, public or not): the route registry tests walk. */
    apiRoutes: readonly ApiRoute[];
  }
}

export interface ApiRoute {
  method: string;
  url: string;
  public: boolean;
}

/** The app as every route module sees it: requests and replies typed from each route's TypeBox schemas. */
export type Api = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

export interface AppOptions {
  store: Store;
  /** Folder of the built console (web/dist); not served when absent. */
  webRoot?: string;
  /** The request log (JSON lines, hardening.ts): off unless given; `stream` for tests. */
  log?: { level?: string; stream?: DestinationStream };
  /** Proxies whose X-Forwarded-* headers are believed; default KEDU_TRUST_PROXY (hardening.ts). */
  trustProxy?: boolean | string[];
  /** The business day the server judges as of — models, deadlines, overdue — (a pinned demo data set's day); default today. */
  asOf?: string;
  /** The clock of the clue loop (tests); default: clockFor(asOf). */
  clock?: Clock;
  /** The model schedule's interval from the server's start option (an administrator's setting overrides it). */
  scheduleMinutes?: number;
  /** Tests: every JSON answer is checked against its route's response schema (a mismatch answers 500). */
  checkResponses?: boolean;
}

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

const hasBody = (req: FastifyRequest) => Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  // 1 MB for a request body; the routes that take more (ingestion batches, uploads) say so themselves.
  const app = Fastify({
    logger: opts.log ? loggerOptions(opts.log) : false,
    bodyLimit: DEFAULT_BODY_LIMIT,
    genReqId: () => randomUUID(),
    trustProxy: opts.trustProxy ?? trustProxySetting(process.env.KEDU_TRUST_PROXY),
  });
  const { store } = opts;
  const clock = opts.clock ?? clockFor(opts.asOf);

  registerJsonParser(app);
  await registerSecurityHeaders(app);
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Kedu 刻度 API', version: '1', description: '行政执法协调监督平台接口' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
      security: [{ session: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: API_DOCS_CSP });

  const apiRoutes: ApiRoute[] = [];
  app.decorate('apiRoutes', apiRoutes);
  app.addHook('onRoute', (r) => {
    if (!r.url.startsWith('/api/v1/')) return;
    for (const method of [r.method].flat()) if (method !== 'HEAD') apiRoutes.push({ method, url: r.url, public: !!r.config?.public });
  });

  app.decorateRequest('caller', null);

  if (opts.checkResponses) {
    app.addHook('preSerialization', async (req, reply, payload) => {
      if (!req.routeOptions.url?.startsWith('/api/v1/')) return payload;
      const schemas = req.routeOptions.schema?.response as Record<string, TSchema> | undefined;
      const schema = schemas?.[reply.statusCode] ?? schemas?.[`${String(reply.statusCode)[0]}xx`];
      if (!schema) throw new Error(`${req.method} ${req.routeOptions.url}: no response schema for ${reply.statusCode}`);
      const wrong = Value.Errors(schema, payload).First();
      if (wrong) throw new Error(`${req.method} ${req.routeOptions.url} ${reply.statusCode}: ${wrong.path} ${wrong.message}`);
      return payload;
    });
  }

  app.setErrorHandler((err: Error & { validation?: ValidationIssue[]; validationContext?: string; statusCode?: number }, req, reply) => {
    if (err instanceof KeduError) {
      return reply.status(err.status).send({
        error: {
          code: err.code,
          message: err.message,
          ...(err.field ? { field: err.field } : {}),
          ...(err.details ? { details: err.details } : {}),
        },
      });
    }
    if (err.validation) {
      // The schema's verdict, with the field it concerns (body.password, query.page …) for the form to point at.
      const first = err.validation[0];
      const field = (first?.params?.missingProperty as string | undefined) ?? first?.instancePath?.replace(/^\//, '').replace(/\//g, '.');
      return reply.status(400).send({
        error: {
          code: 'bad_request',
          message: `请求参数有误：${err.message}`,
          ...(field ? { field } : {}),
          details: err.validation.map((v) => ({ in: err.validationContext, path: v.instancePath, rule: v.keyword, message: v.message })),
        },
      });
    }
    if (err.statusCode === 429) return reply.status(429).send({ error: { code: 'rate_limited', message: ERRORS.rate_limited.message } });
    if (err.statusCode === 413) return reply.status(413).send({ error: { code: 'too_large', message: ERRORS.too_large.message } });
    if (err.statusCode && err.statusCode < 500) {
      return reply.status(err.statusCode).send({ error: { code: 'bad_request', message: err.message } });
    }
    req.log.error({ err, id: req.id }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'internal', message: ERRORS.internal.message, id: req.id } });
  });

  await app.register(
    async (plain) => {
      const api = plain.withTypeProvider<TypeBoxTypeProvider>();
      // The guard belongs to the routes of this scope, not to a URL prefix: however a path is spelled
      // (/%61pi/v1/…), a request that reaches one of these routes meets it, before its body is read.
      api.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
        const token = req.cookies[SESSION_COOKIE];
        if (token) req.caller = await callerForToken(store, token);
        if (req.caller || req.routeOptions.config?.public) return;
        // Close rather than drain an anonymous body: the 401 goes out without reading what follows.
        if (hasBody(req)) reply.header('connection', 'close');
        throw new KeduError('unauthenticated');
      });
      await authRoutes(api, store);
      await dashboardRoutes(api, store, clock);
      await recordRoutes(api, store);
      await catalogRoutes(api, store);
      await modelRoutes(api, store, opts.asOf);
      await clueRoutes(api, store, { clock });
      await noticeRoutes(api, store, { clock });
      await webhookRoutes(api, store);
      await portalRoutes(api, store);
      await ingestRoutes(api, store, opts.asOf);
      await notificationRoutes(api, store, clock);
      await adminRoutes(api, store, { clock, scheduleMinutes: opts.scheduleMinutes ?? 0 });
      await auditRoutes(api, store, clock);
      await evaluationRoutes(api, store, opts.asOf);
      await reportRoutes(api, store, opts.asOf);
      await reviewRoutes(api, store);
      await assistantRoutes(api, store, opts.asOf);
      await inspectionRoutes(api, store);
      await followupRoutes(api, store, opts.asOf);
      await triageRoutes(api, store);
      await localModelRoutes(api, store, opts.asOf);
      await navigatorRoutes(api, store, opts.asOf);
    },
    { prefix: '/api/v1' },
  );

  const webRoot = opts.webRoot ? resolve(opts.webRoot) : undefined;
  if (webRoot && existsSync(webRoot)) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false });
    // The console is a single-page app: unknown non-API paths get index.html.
    app.setNotFoundHandler((req, reply) => {
      // API paths and missing build assets are real 404s; any other path is a console route.
      if (req.url.startsWith('/api/') || req.url.startsWith('/assets/'))
        return reply.status(404).send({ error: { code: 'not_found', message: ERRORS.not_found.message } });
      return reply.sendFile('index.html');
    });
  } else {
    app.setNotFoundHandler((_req, reply) => reply.status(404).send({ error: { code: 'not_found', message: ERRORS.not_found.message } }));
  }
  return app;
}

interface ValidationIssue {
  instancePath?: string;
  keyword?: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** The caller of an authenticated route (the onRequest hook guarantees one). */
export function callerOf(req: { caller: Caller | null }): Caller {
  if (!req.caller) throw new KeduError('unauthenticated');
  return req.caller;
}
