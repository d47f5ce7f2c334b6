// What every response and every request body passes through, apart from any route: security headers,
// the JSON parser with its depth cap, and the request log. Kept here so that routes stay thin.
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import helmet from '@fastify/helmet';
import type { DestinationStream } from 'pino';
import { JsonProblem, parseJsonText } from '../ingest/json-text.ts';
import { KeduError } from '../domain/errors.ts';

/**
 * Headers of OWASP's secure headers list (helmet), with a Content-Security-Policy the console and the
 * public portal run under: scripts and connections only from the server itself, styles also inline
 * (Ant Design writes its CSS at run time, and index.html has one inline style), images also as
 * data: URIs (the favicon), no plugins, no framing (frame-ancestors 'none' and X-Frame-Options DENY),
 * no referrer. HSTS only on responses that went out over TLS (directly, or behind a trusted proxy
 * that says so): over plain HTTP a browser ignores it, and a test or LAN deployment would be told
 * nothing true. The API documentation (/api/docs) has a policy of its own (API_DOCS_CSP).
 */
/** The API documentation page's policy (Swagger UI writes inline styles, no inline scripts). */
export const API_DOCS_CSP =
  "default-src 'self'; base-uri 'self'; script-src 'self'; script-src-attr 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'";

export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    hsts: false,
  });
  app.addHook('onSend', async (req, reply) => {
    if (req.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    // API answers carry personal data: no cache keeps them (ASVS V8.2.1).
    if (req.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });
}

/** Request bodies in JSON: nesting capped, long integers kept as text (src/ingest/json-text.ts). */
export function registerJsonParser(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    if (body === '') return done(new KeduError('bad_request', '请求体为空：应为 JSON'), undefined);
    try {
      done(null, parseJsonText(body as string));
    } catch (e) {
      done(e instanceof JsonProblem ? new KeduError('bad_request', e.message) : (e as Error), undefined);
    }
  });
}

/**
 * Which proxies' X-Forwarded-* headers to believe (KEDU_TRUST_PROXY): unset or "false" none (the
 * address and scheme are the connection's); "true" any (only when nothing but the proxy can reach
 * the server); otherwise a comma-separated list of the proxies' addresses or CIDR ranges.
 */
export function trustProxySetting(value: string | undefined): boolean | string[] {
  const v = (value ?? '').trim();
  if (v === '' || v === 'false') return false;
  if (v === 'true') return true;
  return v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * The request log: one JSON line per request (pino), with the request id that a 500's answer shows
 * the user, method, path without its query string, status and time. No query strings, headers,
 * cookies, bodies, addresses or names: nothing personal is written to it (the audit log records who
 * did what).
 */
export function loggerOptions(opts: { level?: string; stream?: DestinationStream }): FastifyServerOptions['logger'] {
  return {
    level: opts.level ?? process.env.KEDU_LOG_LEVEL ?? 'info',
    ...(opts.stream ? { stream: opts.stream } : {}),
    serializers: {
      req: (req: { method: string; url: string }) => ({ method: req.method, path: req.url.split('?')[0] }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}
