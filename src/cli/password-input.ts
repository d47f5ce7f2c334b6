// Passwords reach the CLI from standard input (--password-stdin, for scripts) or from a prompt on a
// terminal that does not echo them — never from the command line, where `ps` and the shell history
// would keep them.
import { createInterface } from 'node:readline/promises';
import { io } from './io.ts';

/** Whether the command may ask questions: its own process, with a terminal on stdin and stderr. */
export const interactive = (): boolean => !io().store && !!process.stdin.isTTY && !!process.stderr.isTTY;

/** The first line of standard input, without its line break. */
export async function passwordFromStdin(): Promise<string> {
  const text = await io().stdin();
  return text.split(/\r?\n/)[0];
}

/** Asks a question on the terminal; the answer is echoed. */
export async function ask(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return (await rl.question(question)).trim();
  } finally {
    rl.close();
  }
}

/** Asks for a secret on the terminal without echoing it (raw mode: each key is read as typed). */
export function askHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    let value = '';
    const done = (result: string | Error) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done(value);
        if (ch === '\u0003') return done(new Error('已取消'));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else if (ch >= ' ') value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

/** A new password typed twice on the terminal; null when the two differ. */
export async function askNewPassword(label: string): Promise<string | null> {
  const first = await askHidden(`${label}：`);
  const second = await askHidden(`再次输入${label}：`);
  return first === second ? first : null;
}
