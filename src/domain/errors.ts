// One error catalogue: every error a client can see has a code, an HTTP status and a Chinese message.
// Every route answers errors in one shape: { error: { code, message, field?, id?, details? } }. It lives
// in the domain layer because capabilities throw these errors; src/api only turns them into answers.

export const ERRORS = {
  bad_request: { status: 400, message: '请求参数有误' },
  unauthenticated: { status: 401, message: '请先登录' },
  bad_credentials: { status: 401, message: '用户名或密码错误' },
  forbidden: { status: 403, message: '无权访问该数据' },
  not_found: { status: 404, message: '未找到' },
  conflict: { status: 409, message: '数据冲突' },
  illegal_transition: { status: 409, message: '当前状态下不能执行该操作' },
  too_large: { status: 413, message: '上传内容过大' },
  rate_limited: { status: 429, message: '请求过于频繁，请稍后再试' },
  internal: { status: 500, message: '服务器内部错误' },
} as const;

export type ErrorCode = keyof typeof ERRORS;

export class KeduError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly field?: string,
    /** Structured extras for the client (e.g. the rows of a refused batch). */
    readonly details?: unknown,
  ) {
    super(message ?? ERRORS[code].message);
  }
  get status(): number {
    return ERRORS[this.code].status;
  }
}

export const forbidden = (message?: string) => new KeduError('forbidden', message);
export const notFound = (message?: string) => new KeduError('not_found', message);
export const badRequest = (message: string, field?: string) => new KeduError('bad_request', message, field);
