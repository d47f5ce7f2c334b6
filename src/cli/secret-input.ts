// A secret read without showing it: typed at a terminal with echo off (asked twice), or the first
// line of standard input when that is a pipe or a file.
import { createInterface } from 'node:readline';

/** Reads the first line of a non-terminal standard input. */
async function firstLine(): Promise<string> {
  const rl = createInterface({ input: process.stdin, terminal: false });
  for await (const line of rl) {
    rl.close();
    return line.replace(/\r$/, '');
  }
  throw new Error('标准输入为空：未收到密码');
}

/** One line typed at the terminal, echoing nothing. */
function typed(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const input = process.stdin;
    process.stderr.write(prompt);
    input.setRawMode(true);
    input.resume();
    input.setEncoding('utf8');
    let value = '';
    const done = (err: Error | null) => {
      input.setRawMode(false);
      input.pause();
      input.off('data', onData);
      process.stderr.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done(null);
        if (ch === '\u0003') return done(new Error('已取消'));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else if (ch >= ' ') value += ch;
      }
    };
    input.on('data', onData);
  });
}

export async function readSecret(prompt: string, confirmPrompt: string): Promise<string> {
  if (!process.stdin.isTTY) return firstLine();
  const first = await typed(prompt);
  const second = await typed(confirmPrompt);
  if (first !== second) throw new Error('两次输入的密码不一致');
  return first;
}
