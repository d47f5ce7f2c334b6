// The console's only door to the server: a typed fetch wrapper over `/api/v1`.
// Every response error has one shape, {error: {code, message}} (see docs/console.md); a 401 on any
// call but the login itself means the session is gone, so the user is sent to the login page.

export const API_BASE = '/api/v1';

/** Role codes as stored in `users.role` (src/store/migrations/001_schema.sql). */
export type Role =
  | 'supervisor'
  | 'agency_staff'
  | 'officer'
  | 'invited_supervisor'
  | 'discipline_liaison'
  | 'admin';

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** The server's Chinese label of the role; the console falls back to its own table. */
  roleLabel?: string;
  regionCode: string;
  regionName: string;
  agencyId: string | null;
  agencyName: string | null;
}

export interface DashboardTotals {
  licences: number;
  inspections: number;
  cases: number;
  /** 罚没金额, yuan. */
  fines: number;
  serviceVisits: number;
  hotlineTickets: number;
  entities: number;
  agencies: number;
  officers: number;
}

export interface MonthRow {
  /** `YYYY-MM`. */
  month: string;
  licences: number;
  inspections: number;
  cases: number;
}

export interface LineRow {
  lineCode: string;
  lineName: string;
  inspections: number;
  cases: number;
}

export interface RegionRow {
  regionCode: string;
  regionName: string;
  inspections: number;
  cases: number;
  /** yuan */
  fines: number;
}

export interface DashboardSummary {
  scope: { regionCode: string; regionName: string };
  /** The period the server applied (its default when from/to are absent). */
  period?: { from: string; to: string };
  totals: DashboardTotals;
  byMonth: MonthRow[];
  byLine: LineRow[];
  /** The children of the caller's region (cities for the province, counties for a city). */
  byRegion: RegionRow[];
}

export interface ApiErrorBody {
  /** `field` names the bad input of a 400; `id` is the log id of a 500. */
  error: { code: string; message: string; field?: string; id?: string };
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  readonly id: string | undefined;
  constructor(status: number, code: string, message: string, extra: { field?: string; id?: string } = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = extra.field;
    this.id = extra.id;
  }
}

type UnauthorizedHandler = () => void;

/** Default: a full navigation, so that no stale state of the previous session survives. */
let onUnauthorized: UnauthorizedHandler = () => {
  const here = window.location.pathname + window.location.search;
  if (window.location.pathname !== '/login') {
    window.location.assign(loginPath(here));
  }
};

/** The router installs a handler that navigates without reloading. */
export function setUnauthorizedHandler(handler: UnauthorizedHandler): void {
  onUnauthorized = handler;
}

export function loginPath(next: string): string {
  return next === '/' || next === '' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
}

/** Only same-origin absolute paths are followed after login (no `//evil.example`). */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return '/';
  return next;
}

function isErrorBody(body: unknown): body is ApiErrorBody {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'message' in error;
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** Do not redirect on 401 (the login call itself answers 401 for a wrong password). */
  allowUnauthorized?: boolean;
  signal?: AbortSignal;
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(options.query ?? {})) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}${qs ? `?${qs}` : ''}`, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK_ERROR', '无法连接服务器，请检查网络后重试');
  }

  const text = await response.text();
  let body: unknown = undefined;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
  }

  if (response.ok) return body as T;

  if (response.status === 401 && !options.allowUnauthorized) onUnauthorized();
  if (isErrorBody(body)) {
    const { code, message, field, id } = body.error;
    throw new ApiError(response.status, code ?? 'error', message, { field, id });
  }
  throw new ApiError(response.status, `HTTP_${response.status}`, defaultMessage(response.status));
}

function defaultMessage(status: number): string {
  if (status === 401) return '登录已失效，请重新登录';
  if (status === 403) return '无权访问该数据';
  if (status === 404) return '请求的资源不存在';
  if (status >= 500) return `服务器错误（${status}），请稍后重试`;
  return `请求失败（${status}）`;
}

// ── endpoints ─────────────────────────────────────────────────────────────────────────────────

export const api = {
  login: (username: string, password: string) =>
    request<{ user: User }>('/auth/login', {
      method: 'POST',
      body: { username, password },
      allowUnauthorized: true,
    }),
  logout: () => request<unknown>('/auth/logout', { method: 'POST', allowUnauthorized: true }),
  me: (signal?: AbortSignal) => request<{ user: User }>('/auth/me', { signal }),
  dashboardSummary: (range: { from?: string; to?: string }, signal?: AbortSignal) =>
    request<DashboardSummary>('/dashboard/summary', { query: range, signal }),
};

const CJK = /[\u4e00-\u9fff]/;

/**
 * The text to show the user for a failed call: the server's message when it speaks Chinese (it
 * names the field or the reason), otherwise a Chinese sentence chosen by status.
 */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    // The log id lets an administrator find the failure in the server log.
    const suffix = error.id ? `（错误编号：${error.id}）` : '';
    if (CJK.test(error.message)) return error.message + suffix;
    if (error.status === 401) return error.code === 'unauthenticated' ? '登录已失效，请重新登录' : '用户名或密码错误';
    if (error.status === 429) return '操作过于频繁，请稍后再试';
    if (error.status === 400) return '请求参数有误';
    return defaultMessage(error.status) + suffix;
  }
  return '发生未知错误，请稍后重试';
}
