// Login, logout and "who am I".
import type { Store } from '../store/store.ts';
import { login, logout, SESSION_HOURS } from '../auth/users.ts';
import { KeduError } from '../domain/errors.ts';
import { callerOf, type Api } from './app.ts';
import { describeCaller } from './presenters.ts';
import { LoginBody, OkAnswer, UserAnswer } from './auth-schemas.ts';
import { errors } from './schemas.ts';

export const SESSION_COOKIE = 'kedu_session';

export async function authRoutes(app: Api, store: Store): Promise<void> {
  app.post(
    '/auth/login',
    {
      config: { public: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
      // Public: a small body limit of its own (a username and a password).
      bodyLimit: 16 * 1024,
      schema: {
        tags: ['auth'],
        summary: '登录',
        security: [],
        body: LoginBody,
        response: { 200: UserAnswer, ...errors(400, 401, 429) },
      },
    },
    async (req, reply) => {
      const { username, password } = req.body;
      const result = await login(store, username, password);
      if (result.token === null) {
        if (!result.lockedUntil) throw new KeduError('bad_credentials');
        const minutes = Math.max(1, Math.ceil((result.lockedUntil.getTime() - Date.now()) / 60_000));
        throw new KeduError('rate_limited', `登录失败次数过多，该账号已暂时锁定，请${minutes}分钟后再试`);
      }
      reply.setCookie(SESSION_COOKIE, result.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        maxAge: SESSION_HOURS * 3600,
        secure: req.protocol === 'https',
      });
      return { user: await describeCaller(store, result.caller) };
    },
  );

  app.post(
    '/auth/logout',
    { schema: { tags: ['auth'], summary: '退出登录', response: { 200: OkAnswer, ...errors(401) } } },
    async (req, reply) => {
      await logout(store, req.cookies[SESSION_COOKIE] ?? '', callerOf(req));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    },
  );

  app.get(
    '/auth/me',
    { schema: { tags: ['auth'], summary: '当前用户（含其可执行的操作）', response: { 200: UserAnswer, ...errors(401) } } },
    async (req) => ({ user: await describeCaller(store, callerOf(req)) }),
  );
}
