// 系统管理 over HTTP (docs/admin.md): accounts (list, search, create through createUser — createUserIn,
// the one way an account is made, in a transaction of its own — disable, enable, reset password,
// Excel), roles, regions, and the models' settings and schedule. Who may do what is src/policy's (the
// user and settings resources); the handlers are thin.
import type { FastifyRequest } from 'fastify';
import { Type, type TSchema } from '@sinclair/typebox';
import type { Store } from '../store/store.ts';
import { sql, joinSql, raw, type Sql } from '../store/sql.ts';
import { ROLES, ROLE_LABELS, type Caller, type Role } from '../auth/caller.ts';
import { createUser } from '../auth/users.ts';
import { ROLE_INFO, listUsers, resetPassword, roleCounts, setDisabled } from '../auth/user-admin.ts';
import { writeSetting } from '../settings/system-settings.ts';
import { scheduleState } from '../models/scheduler.ts';
import { MODELS } from '../models/library/index.ts';
import { regionPrefix } from '../domain/region.ts';
import { businessDate } from '../domain/dates.ts';
import type { Clock } from '../clues/clock.ts';
import { MAX_EXPORT_ROWS, XLSX_TYPE, toXlsx, xlsxDisposition } from '../lists/xlsx.ts';
import { callerOf, type Api } from './app.ts';
import { badRequest } from '../domain/errors.ts';
import { authorize } from '../policy/index.ts';
import { ErrorBody as ErrorOut, Literals } from './schemas.ts';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const RoleSchema = Type.Union(ROLES.map((r) => Type.Literal(r)));
const REGION = Type.String({ pattern: '^\\d{6}(\\d{3})?$' });
const errors = { 400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut };

const UserOut = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  role: Type.String(),
  roleLabel: Type.String(),
  regionCode: Type.String(),
  regionName: Type.String(),
  agencyId: Nullable(Type.String()),
  agencyName: Nullable(Type.String()),
  disabled: Type.Boolean(),
  createdAt: Type.String(),
});
const UserQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 50 })),
  role: Type.Optional(RoleSchema),
  regionCode: Type.Optional(REGION),
  disabled: Type.Optional(Type.Boolean()),
  sort: Type.Optional(Literals(['username', 'created_at', 'role', 'region_code'])),
  order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
});
const LEVEL_LABELS: Record<string, string> = { province: '省', city: '设区市', county: '县（市、区）', township: '乡镇（街道）' };

export async function adminRoutes(app: Api, store: Store, opts: { clock: Clock; scheduleMinutes: number }): Promise<void> {
  // Who may is src/policy/system.ts's: accounts (user) and system settings (settings) are the admin's.
  const admin = (req: FastifyRequest, action: 'list' | 'update' = 'list'): Caller => {
    const caller = callerOf(req);
    authorize(caller, action, { type: 'user' });
    return caller;
  };
  const configurer = (req: FastifyRequest): Caller => {
    const caller = callerOf(req);
    authorize(caller, 'configure', { type: 'settings' });
    return caller;
  };

  app.get(
    '/admin/users',
    {
      schema: {
        tags: ['admin'],
        summary: '用户列表（检索、筛选、排序）',
        querystring: UserQuery,
        response: {
          200: Type.Object({ total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer(), rows: Type.Array(UserOut) }),
          ...errors,
        },
      },
    },
    async (req) => {
      return listUsers(store, admin(req), req.query);
    },
  );

  app.get(
    '/admin/users.xlsx',
    {
      schema: {
        tags: ['admin'],
        summary: '导出用户列表（Excel）',
        querystring: Type.Omit(UserQuery, ['page', 'pageSize']),
        produces: [XLSX_TYPE],
        response: { 200: Type.Unknown({ description: 'Excel 工作簿（.xlsx）' }), ...errors },
      },
    },
    async (req, reply) => {
      const { rows } = await listUsers(store, admin(req), { ...req.query, page: 1, pageSize: MAX_EXPORT_ROWS });
      const bytes = await toXlsx(
        '用户',
        [
          { header: '用户名', value: (u) => u.username, width: 18 },
          { header: '姓名', value: (u) => u.displayName, width: 28 },
          { header: '角色', value: (u) => u.roleLabel },
          { header: '区划', value: (u) => u.regionName },
          { header: '执法主体', value: (u) => u.agencyName, width: 36 },
          { header: '状态', value: (u) => (u.disabled ? '已停用' : '正常') },
          { header: '创建时间', value: (u) => u.createdAt, width: 26 },
        ],
        rows,
      );
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', xlsxDisposition('用户', businessDate(opts.clock())))
        .send(bytes);
    },
  );

  app.post(
    '/admin/users',
    {
      schema: {
        tags: ['admin'],
        summary: '创建用户',
        body: Type.Object({
          username: Type.String({ minLength: 1, maxLength: 64 }),
          displayName: Type.String({ minLength: 1, maxLength: 100 }),
          password: Type.String({ minLength: 1, maxLength: 200 }),
          role: RoleSchema,
          regionCode: REGION,
          agencyId: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
        }),
        response: { 201: Type.Object({ user: Type.Object({ id: Type.String(), username: Type.String() }) }), ...errors },
      },
    },
    async (req, reply) => {
      const caller = callerOf(req);
      authorize(caller, 'create', { type: 'user', regionCode: req.body.regionCode });
      try {
        const u = await createUser(store, req.body, caller.userId);
        return reply.status(201).send({ user: { id: u.userId, username: u.username } });
      } catch (e) {
        const field = (e as { field?: string }).field;
        if (field) throw badRequest((e as Error).message, field);
        throw e;
      }
    },
  );

  for (const [path, disabled, summary] of [
    ['disable', true, '停用用户（并结束其会话）'],
    ['enable', false, '启用用户'],
  ] as const) {
    app.post(
      `/admin/users/:id/${path}`,
      {
        schema: {
          tags: ['admin'],
          summary,
          params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
          response: { 200: Type.Object({ ok: Type.Boolean() }), ...errors },
        },
      },
      async (req) => {
        await setDisabled(store, admin(req, 'update'), req.params.id, disabled);
        return { ok: true };
      },
    );
  }

  app.post(
    '/admin/users/:id/password',
    {
      schema: {
        tags: ['admin'],
        summary: '重置密码（并结束其会话）',
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        body: Type.Object({ password: Type.String({ minLength: 1, maxLength: 200 }) }),
        response: { 200: Type.Object({ ok: Type.Boolean() }), ...errors },
      },
    },
    async (req) => {
      await resetPassword(store, admin(req, 'update'), req.params.id, req.body.password);
      return { ok: true };
    },
  );

  app.get(
    '/admin/roles',
    {
      schema: {
        tags: ['admin'],
        summary: '角色及其权限范围',
        response: {
          200: Type.Object({
            rows: Type.Array(
              Type.Object({
                role: Type.String(),
                label: Type.String(),
                scope: Type.String(),
                duties: Type.String(),
                users: Type.Integer(),
                disabled: Type.Integer(),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (req) => {
      const counts = await roleCounts(store, admin(req));
      return {
        rows: ROLES.map((r: Role) => ({
          role: r,
          label: ROLE_LABELS[r],
          ...ROLE_INFO[r],
          users: counts[r].total,
          disabled: counts[r].disabled,
        })),
      };
    },
  );

  app.get(
    '/admin/regions',
    {
      schema: {
        tags: ['admin'],
        summary: '区划（含执法主体数、用户数）',
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 50 })),
          level: Type.Optional(Type.Union(['province', 'city', 'county', 'township'].map((l) => Type.Literal(l)))),
          parentCode: Type.Optional(REGION),
        }),
        response: {
          200: Type.Object({
            rows: Type.Array(
              Type.Object({
                code: Type.String(),
                name: Type.String(),
                level: Type.String(),
                levelLabel: Type.String(),
                parentCode: Nullable(Type.String()),
                parentName: Nullable(Type.String()),
                isDemo: Type.Boolean(),
                agencies: Type.Integer(),
                users: Type.Integer(),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (req) => {
      admin(req);
      const q = req.query;
      const parts: Sql[] = [];
      if (q.q?.trim())
        parts.push(sql`(r.name LIKE ${`%${q.q.trim().replace(/[%_]/g, '')}%`} OR r.code LIKE ${`${q.q.trim().replace(/[%_]/g, '')}%`})`);
      if (q.level) parts.push(sql`r.level = ${q.level}`);
      if (q.parentCode) parts.push(sql`r.code LIKE ${regionPrefix(q.parentCode) + '%'}`);
      const rows = await store.query<{
        code: string;
        name: string;
        level: string;
        parent_code: string | null;
        parent_name: string | null;
        is_demo: boolean;
        agencies: number;
        users: number;
      }>(sql`
        SELECT r.code, r.name, r.level, r.parent_code, p.name AS parent_name, r.is_demo,
               (SELECT count(*) FROM agencies a WHERE a.region_code = r.code) AS agencies,
               (SELECT count(*) FROM users u WHERE u.region_code = r.code) AS users
        FROM regions r LEFT JOIN regions p ON p.code = r.parent_code
        WHERE ${parts.length ? joinSql(parts, ' AND ') : raw('TRUE')} ORDER BY r.code LIMIT 2000`);
      return {
        rows: rows.map((r) => ({
          code: r.code,
          name: r.name,
          level: r.level,
          levelLabel: LEVEL_LABELS[r.level] ?? r.level,
          parentCode: r.parent_code,
          parentName: r.parent_name,
          isDemo: !!r.is_demo,
          agencies: Number(r.agencies),
          users: Number(r.users),
        })),
      };
    },
  );

  const ScheduleOut = Type.Object({
    minutes: Type.Integer(),
    source: Type.String(),
    lastRun: Nullable(Type.String()),
    nextRun: Nullable(Type.String()),
    models: Type.Integer(),
    regionSettings: Type.Array(
      Type.Object({
        modelCode: Type.String(),
        modelName: Type.String(),
        regionCode: Type.String(),
        regionName: Type.String(),
        enabled: Type.Boolean(),
        params: Type.Unknown(),
        updatedAt: Type.String(),
      }),
    ),
  });
  const schedule = async () => {
    const state = await scheduleState(store, opts.scheduleMinutes, opts.clock());
    const settings = await store.query<{
      model_code: string;
      region_code: string;
      region_name: string | null;
      enabled: boolean;
      params: string;
      updated_at: string;
    }>(
      'SELECT s.model_code, s.region_code, r.name AS region_name, s.enabled, s.params, s.updated_at FROM model_settings s LEFT JOIN regions r ON r.code = s.region_code ORDER BY s.model_code, s.region_code',
    );
    const names = new Map(MODELS.map((m) => [m.code, m.name]));
    return {
      ...state,
      models: MODELS.length,
      regionSettings: settings.map((s) => ({
        modelCode: s.model_code,
        modelName: names.get(s.model_code) ?? s.model_code,
        regionCode: s.region_code,
        regionName: s.region_name ?? s.region_code,
        enabled: !!s.enabled,
        params: JSON.parse(s.params) as unknown,
        updatedAt: s.updated_at,
      })),
    };
  };
  app.get(
    '/admin/schedule',
    { schema: { tags: ['admin'], summary: '模型定时运行与按区划的模型设置', response: { 200: ScheduleOut, ...errors } } },
    async (req) => {
      configurer(req);
      return schedule();
    },
  );
  app.put(
    '/admin/schedule',
    {
      schema: {
        tags: ['admin'],
        summary: '设置模型定时运行间隔（分钟，0 为不定时运行）',
        body: Type.Object({ minutes: Type.Integer({ minimum: 0, maximum: 10080 }) }),
        response: { 200: ScheduleOut, ...errors },
      },
    },
    async (req) => {
      await writeSetting(store, configurer(req), 'model_schedule_minutes', req.body.minutes, opts.clock());
      return schedule();
    },
  );
}
