// The public portal's API: no account. A form token first (GET /portal/form-token), then the report
// (POST /portal/reports, at most reportsPerHour per IP), then its status by follow-up code. The form
// also reads the counties and their agencies to fill its two selects. See src/clues/portal.ts.
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Store } from '../store/store.ts';
import { sql } from '../store/sql.ts';
import { regionPrefix } from '../domain/region.ts';
import { systemClock, type Clock } from '../clues/clock.ts';
import { CLUE_SETTINGS } from '../clues/settings.ts';
import { issueFormToken, portalStatus, submitPortalReport, type PortalReportInput } from '../clues/portal.ts';
import { badRequest } from './errors.ts';
import { ErrorOut } from './clue-routes.ts';

const P = CLUE_SETTINGS.portal;

export async function portalRoutes(app: FastifyInstance, store: Store, opts: { clock?: Clock } = {}): Promise<void> {
  const clock = opts.clock ?? systemClock;

  app.get(
    '/portal/form-token',
    {
      config: { public: true, rateLimit: { max: 60, timeWindow: '1 hour' } },
      schema: {
        tags: ['portal'],
        summary: '举报表单令牌（公开；一次有效，须在领取后至少数秒再提交）',
        security: [],
        response: { 200: Type.Object({ token: Type.String(), minFillSeconds: Type.Integer(), expiresInSeconds: Type.Integer() }) },
      },
    },
    async (_req, reply) => {
      reply.header('cache-control', 'no-store');
      return { token: issueFormToken(clock().getTime()), minFillSeconds: P.minFillSeconds, expiresInSeconds: P.tokenTtlMinutes * 60 };
    },
  );

  app.get(
    '/portal/regions',
    {
      config: { public: true },
      schema: {
        tags: ['portal'],
        summary: '可选的县（市、区）',
        security: [],
        response: {
          200: Type.Object({ rows: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), cityName: Type.String() })) }),
        },
      },
    },
    async () => ({
      rows: await store.query(`SELECT r.code, r.name, coalesce(p.name, '') AS "cityName" FROM regions r LEFT JOIN regions p ON p.code = r.parent_code
      WHERE r.level = 'county' AND r.code LIKE '33%' AND NOT r.is_demo ORDER BY r.code`),
    }),
  );

  app.get(
    '/portal/agencies',
    {
      config: { public: true },
      schema: {
        tags: ['portal'],
        summary: '某县（市、区）的执法部门',
        security: [],
        querystring: Type.Object({ regionCode: Type.String({ pattern: '^\\d{6}$' }) }),
        response: { 200: Type.Object({ rows: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })) }) },
      },
    },
    async (req) => {
      const { regionCode } = req.query as { regionCode: string };
      return {
        rows: await store.query(
          sql`SELECT id, name FROM agencies WHERE region_code LIKE ${regionPrefix(regionCode) + '%'} ORDER BY name, id LIMIT 500`,
        ),
      };
    },
  );

  app.post(
    '/portal/reports',
    {
      config: { public: true, rateLimit: { max: P.reportsPerHour, timeWindow: '1 hour' } },
      // Public: a report's text and a few fields, never more than this.
      bodyLimit: 64 * 1024,
      schema: {
        tags: ['portal'],
        summary: '群众举报执法问题（公开，无需账号；每个IP每小时限次）',
        security: [],
        body: Type.Object({
          formToken: Type.String({ minLength: 1, maxLength: 200 }),
          regionCode: Type.String({ pattern: '^\\d{6}(\\d{3})?$' }),
          content: Type.String({ minLength: 1, maxLength: P.maxLength * 2 }),
          agencyId: Type.Optional(Type.String({ maxLength: 64 })),
          subjectName: Type.Optional(Type.String({ maxLength: 200 })),
          contact: Type.Optional(Type.String({ maxLength: 200 })),
          website: Type.Optional(Type.String({ maxLength: 500, description: '留空（防机器人字段，页面不显示）' })),
        }),
        response: { 201: Type.Object({ followCode: Type.String(), message: Type.String() }), 400: ErrorOut, 429: ErrorOut },
      },
    },
    async (req, reply) => {
      const body = req.body as PortalReportInput;
      if (body.agencyId === '') delete body.agencyId;
      const { followCode } = await submitPortalReport(store, body, clock);
      return reply.status(201).send({ followCode, message: `已受理。请保存查询码 ${followCode}，凭码查询办理进度。` });
    },
  );

  app.get(
    '/portal/reports/:code',
    {
      config: { public: true, rateLimit: { max: P.statusLookupsPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: ['portal'],
        summary: '凭查询码查询举报办理进度（不含个人信息）',
        security: [],
        params: Type.Object({ code: Type.String({ minLength: 6, maxLength: 20 }) }),
        response: {
          200: Type.Object({
            code: Type.String(),
            receivedAt: Type.String(),
            stage: Type.String(),
            updatedOn: Type.String(),
            steps: Type.Array(Type.Object({ on: Type.String(), stage: Type.String() })),
          }),
          404: ErrorOut,
          429: ErrorOut,
        },
      },
    },
    async (req) => {
      const { code } = req.params as { code: string };
      if (!/^[0-9A-Za-z]+$/.test(code)) throw badRequest('查询码格式有误', 'code');
      return portalStatus(store, code);
    },
  );
}
