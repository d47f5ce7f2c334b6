// Where a command's output goes and where its input comes from. A command run in its own process
// writes to the terminal; the same command forwarded to a running `kedu serve` (beside.ts) runs inside
// the server with its output sent back to the caller's terminal. Commands never touch process.stdout,
// process.exit or process.stdin directly, so they behave the same in both places: same text, same
// exit code.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Store } from '../store/store.ts';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Whether stderr is a terminal (a progress bar) rather than a pipe or a forwarded call (a line per 10 %). */
  readonly isTTY: boolean;
  /** The caller's working directory: relative paths are resolved against it. */
  readonly cwd: string;
  /** All of standard input (for --password-stdin). */
  stdin(): Promise<string>;
  /** Inside the server: its store, used instead of opening the file (and never closed by a command). */
  readonly store?: Store;
  exitCode: number;
}

/** Ends a command with an exit code (its message, if any, already written to stderr). */
export class CliExit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    stream.setEncoding('utf8');
    stream.on('data', (d: string) => (text += d));
    stream.on('end', () => resolve(text));
    stream.on('error', reject);
  });
}

let stdinText: Promise<string> | null = null;

export const processIo: CliIo = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  get isTTY() {
    return !!process.stderr.isTTY;
  },
  get cwd() {
    return process.cwd();
  },
  stdin: () => (stdinText ??= readAll(process.stdin)),
  exitCode: 0,
};

const current = new AsyncLocalStorage<CliIo>();

export const io = (): CliIo => current.getStore() ?? processIo;

export function withIo<T>(context: CliIo, fn: () => Promise<T>): Promise<T> {
  return current.run(context, fn);
}
