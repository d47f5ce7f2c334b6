// One place for CLI output: knows whether it writes to a terminal, prints JSON on --json, and names
// its exit codes. Everything goes through io() (io.ts), so a command forwarded to a running server
// prints the same text.
import cliProgress from 'cli-progress';
import { CliExit, io, processIo } from './io.ts';

export const EXIT = { ok: 0, failure: 1, usage: 2, verificationFailed: 3 } as const;

export function fail(message: string, code: number = EXIT.failure): never {
  io().err(`错误：${message}\n`);
  throw new CliExit(code);
}

export const print = (text: string): void => io().out(text);

export function setExitCode(code: number): void {
  io().exitCode = code;
}

export interface Progress {
  update(done: number, total?: number): void;
  stop(): void;
}

/** A progress bar on a terminal; on a pipe (or forwarded to the server), a line every 10%. */
export function progress(label: string, total: number): Progress {
  const out = io();
  if (out === processIo && out.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: `${label} [{bar}] {percentage}% | {value}/{total} | {rate}/s | 剩余 {eta_formatted}`,
        stream: process.stderr,
      },
      cliProgress.Presets.shades_classic,
    );
    const started = Date.now();
    bar.start(total, 0, { rate: 0 });
    return {
      update(done, t) {
        if (t !== undefined) bar.setTotal(t);
        bar.update(done, { rate: Math.round(done / Math.max(0.001, (Date.now() - started) / 1000)) });
      },
      stop() {
        bar.stop();
      },
    };
  }
  let lastDecile = -1;
  return {
    update(done, t) {
      const decile = Math.floor((done / Math.max(1, t ?? total)) * 10);
      if (decile > lastDecile) {
        lastDecile = decile;
        out.err(`${label} ${decile * 10}%\n`);
      }
    },
    stop() {},
  };
}
