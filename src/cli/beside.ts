// The CLI beside a running server. DuckDB lets one process write a file, so while `kedu serve` holds the
// embedded store, a `kedu` command on the same file is handed to the server instead of opening it:
//  - the server writes `<store file>.serve.json` — its pid, host, port and a secret made at start —
//    readable only by the file's owner (mode 0600), and removes it when it stops;
//  - a command that finds the file (and its process alive) posts its command line, working directory
//    and standard input to http://<host>:<port>/internal/cli with the secret; the server runs the same
//    command (src/cli/program.ts) on its open store, with io() bound to the response, and streams the
//    output back as JSON lines ({"o": stdout text} | {"e": stderr text} | {"exit": code});
//  - the command prints them as they come and exits with the server's code.
// Whoever can read the secret can open the store file itself (same owner): the endpoint grants nothing
// the file system does not. It answers loopback connections only.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { Store } from '../store/store.ts';
import { DEFAULT_DUCKDB_PATH } from '../store/open-store.ts';
import { withIo, type CliIo } from './io.ts';

export const CLI_PATH = '/internal/cli';
const SECRET_HEADER = 'x-kedu-cli-secret';

export interface ServeLock {
  pid: number;
  host: string;
  port: number;
  secret: string;
}

export interface Forwarded {
  argv: string[];
  cwd: string;
  stdin: string;
}

/** The DuckDB file the store options name (absolute), or null for PostgreSQL: the rule of open-store.ts. */
export function duckdbFile(opts: { databaseUrl?: string; duckdb?: string }, cwd = process.cwd(), env = process.env): string | null {
  if (opts.databaseUrl ?? env.DATABASE_URL) return null;
  const path = opts.duckdb ?? env.KEDU_DUCKDB ?? DEFAULT_DUCKDB_PATH;
  return path === ':memory:' ? null : resolve(cwd, path);
}

/** The same, from a command line before commander reads it. */
export function duckdbFileOf(argv: readonly string[], cwd = process.cwd(), env = process.env): string | null {
  const option = (name: string): string | undefined => {
    for (let i = 0; i < argv.length; i++) {
      if (argv[i] === name) return argv[i + 1];
      if (argv[i].startsWith(`${name}=`)) return argv[i].slice(name.length + 1);
    }
    return undefined;
  };
  return duckdbFile({ databaseUrl: option('--database-url'), duckdb: option('--duckdb') }, cwd, env);
}

export const lockFileOf = (duckdbFile: string): string => `${duckdbFile}.serve.json`;

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** The running server of a store file, or null (no file, or the process that wrote it is gone). */
export function runningServer(duckdbFile: string): ServeLock | null {
  const path = lockFileOf(duckdbFile);
  if (!existsSync(path)) return null;
  const lock = JSON.parse(readFileSync(path, 'utf8')) as ServeLock;
  return alive(lock.pid) ? lock : null;
}

/** Written by the server once it listens; the secret is new at every start. */
export function writeServeLock(duckdbFile: string, host: string, port: number): ServeLock {
  const lock: ServeLock = { pid: process.pid, host, port, secret: randomBytes(32).toString('hex') };
  const path = lockFileOf(duckdbFile);
  rmSync(path, { force: true }); // a stale one of a killed server: its mode may be wider than ours
  writeFileSync(path, JSON.stringify(lock), { mode: 0o600, flag: 'wx' });
  return lock;
}

export function removeServeLock(duckdbFile: string, lock: ServeLock): void {
  const path = lockFileOf(duckdbFile);
  try {
    if ((JSON.parse(readFileSync(path, 'utf8')) as ServeLock).secret === lock.secret) rmSync(path, { force: true });
  } catch {
    // already gone
  }
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** The server side: runs forwarded commands on the server's own store. */
export function registerCliEndpoint(app: FastifyInstance, store: Store, lock: () => ServeLock | null): void {
  app.post(CLI_PATH, { schema: { hide: true }, bodyLimit: 64 * 1024 * 1024 }, async (req, reply) => {
    const expected = lock()?.secret ?? '';
    const given = String(req.headers[SECRET_HEADER] ?? '');
    const match = expected.length > 0 && given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
    if (!match || !LOOPBACK.has(req.socket.remoteAddress ?? ''))
      return reply.status(403).send({ error: { code: 'forbidden', message: '无权访问' } });
    const body = req.body as Forwarded;
    const out = new PassThrough();
    const line = (o: object) => out.write(JSON.stringify(o) + '\n');
    const io: CliIo = {
      out: (text) => void line({ o: text }),
      err: (text) => void line({ e: text }),
      isTTY: false,
      cwd: body.cwd,
      stdin: async () => body.stdin,
      store,
      exitCode: 0,
    };
    // The program (every command and what it imports) is loaded here, not by a command that only forwards.
    void withIo(io, async () => (await import('./program.ts')).runProgram(body.argv)).then(
      (code) => {
        line({ exit: code });
        out.end();
      },
      (e: Error) => {
        line({ e: `错误：${e.message}\n` });
        line({ exit: 1 });
        out.end();
      },
    );
    return reply.type('application/x-ndjson; charset=utf-8').send(out);
  });
}

/** The client side: sends a command to the running server, relays its output as it comes; returns its exit code. */
export async function forwardToServer(lock: ServeLock, command: Forwarded): Promise<number> {
  const host = lock.host === '0.0.0.0' || lock.host === '::' ? '127.0.0.1' : lock.host;
  const res = await fetch(`http://${host.includes(':') ? `[${host}]` : host}:${lock.port}${CLI_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [SECRET_HEADER]: lock.secret },
    body: JSON.stringify(command),
  });
  if (!res.ok || !res.body) throw new Error(`服务（进程 ${lock.pid}）拒绝了命令：HTTP ${res.status}`);
  let exit = 1;
  let rest = '';
  const decoder = new TextDecoder();
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    rest += decoder.decode(value, { stream: true });
    let nl: number;
    while ((nl = rest.indexOf('\n')) >= 0) {
      const msg = JSON.parse(rest.slice(0, nl)) as { o?: string; e?: string; exit?: number };
      rest = rest.slice(nl + 1);
      if (msg.o !== undefined) process.stdout.write(msg.o);
      if (msg.e !== undefined) process.stderr.write(msg.e);
      if (msg.exit !== undefined) exit = msg.exit;
    }
  }
  return exit;
}
