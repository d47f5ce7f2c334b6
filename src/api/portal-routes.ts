// The public portal's API: no account. A form token first (GET /portal/form-token), then the report
// (POST /portal/reports, at most reportsPerHour per IP), then its status by follow-up code. The form
// also reads the counties and their agencies to fill its two selects. See src/clues/portal.ts.
import type { Store } from '../store/store.ts';
import { sql } from '../store/sql.ts';
import { regionPrefix } from '../domain/region.ts';
import { systemClock, type Clock } from '../clues/clock.ts';
import { CLUE_SETTINGS } from '../clues/settings.ts';
import { issueFormToken, portalStatus, submitPortalReport } from '../clues/portal.ts';
import { badRequest } from '../domain/errors.ts';
import { authorize } from '../policy/index.ts';
import type { Api } from './app.ts';
import { errors } from './schemas.ts';
import {
  FollowCodeParams,
  FormToken,
  PortalAgencies,
  PortalAgencyQuery,
  PortalReceipt,
  PortalRegions,
  PortalReportBody,
  PortalStatus,
} from './portal-schemas.ts';

const P = CLUE_SETTINGS.portal;

export async function portalRoutes(app: Api, store: Store, opts: { clock?: Clock } = {}): Promise<void> {
  const clock = opts.clock ?? systemClock;

  app.get(
    '/portal/form-token',
    {
      config: { public: true, rateLimit: { max: 60, timeWindow: '1 hour' } },
      schema: {
        tags: ['portal'],
        summary: '举报表单令牌（公开；一次有效，须在领取后至少数秒再提交）',
        security: [],
        response: { 200: FormToken, ...errors(429) },
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
        response: { 200: PortalRegions },
      },
    },
    async () => ({
      rows: await store.query<{
        code: string;
        name: string;
        cityName: string;
      }>(`SELECT r.code, r.name, coalesce(p.name, '') AS "cityName" FROM regions r LEFT JOIN regions p ON p.code = r.parent_code
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
        querystring: PortalAgencyQuery,
        response: { 200: PortalAgencies, ...errors(400) },
      },
    },
    async (req) => {
      const { regionCode } = req.query;
      return {
        rows: await store.query<{ id: string; name: string }>(
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
        body: PortalReportBody,
        response: { 201: PortalReceipt, ...errors(400, 429) },
      },
    },
    async (req, reply) => {
      authorize(null, 'report', { type: 'portal' });
      const body = { ...req.body };
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
        params: FollowCodeParams,
        response: { 200: PortalStatus, ...errors(400, 404, 429) },
      },
    },
    async (req) => {
      authorize(null, 'follow', { type: 'portal' });
      const { code } = req.params;
      if (!/^[0-9A-Za-z]+$/.test(code)) throw badRequest('查询码格式有误', 'code');
      return portalStatus(store, code);
    },
  );
}
