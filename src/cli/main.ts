// kedu: everything the server does, in batch. Each command is one module under src/cli/; program.ts
// puts them together. A command on a DuckDB file that a running `kedu serve` holds is handed to that
// server (beside.ts) with what it needs from this terminal: its working directory, its standard input,
// and a password typed here at a prompt.
import { duckdbFileOf, forwardToServer, runningServer } from './beside.ts';
import { processIo } from './io.ts';
import { askNewPassword } from './password-input.ts';

const argv = process.argv.slice(2);

/** The first two words that are not options: the command and its subcommand. */
function commandOf(args: readonly string[]): string[] {
  const words: string[] = [];
  for (let i = 0; i < args.length && words.length < 2; i++) {
    if (args[i] === '--duckdb' || args[i] === '--database-url') i++;
    else if (!args[i].startsWith('-')) words.push(args[i]);
  }
  return words;
}

async function forwarded(): Promise<number | null> {
  const file = duckdbFileOf(argv);
  const lock = file ? runningServer(file) : null;
  if (!lock) return null;
  const [command, sub] = commandOf(argv);
  if (command === 'serve') {
    process.stderr.write(`错误：已有服务在使用该存储文件（进程 ${lock.pid}，端口 ${lock.port}）\n`);
    return 2;
  }
  let args = argv;
  let stdin = '';
  const userAdd = command === 'user' && sub === 'add';
  // kedu user add reads a password piped to it without --password-stdin too (user-command.ts).
  if (argv.includes('--password-stdin') || (userAdd && !process.stdin.isTTY)) stdin = await processIo.stdin();
  else if ((command === 'init' || userAdd) && process.stdin.isTTY && process.stderr.isTTY) {
    // The server cannot ask: the password is typed here and handed over as standard input.
    const password = await askNewPassword(command === 'init' ? '管理员密码' : '密码');
    if (password === null) {
      process.stderr.write('错误：两次输入的密码不一致\n');
      return 2;
    }
    args = [...argv, '--password-stdin'];
    stdin = `${password}\n`;
  }
  try {
    return await forwardToServer(lock, { argv: args, cwd: process.cwd(), stdin });
  } catch (e) {
    // Nobody listens: the server died without removing its file (its pid not yet reaped, or reused).
    if (((e as Error).cause as NodeJS.ErrnoException | undefined)?.code === 'ECONNREFUSED') return null;
    throw e;
  }
}

try {
  // The program (every command and all it imports) is loaded only when the command runs here.
  process.exitCode = (await forwarded()) ?? (await (await import('./program.ts')).runProgram(argv));
} catch (e) {
  process.stderr.write(`错误：${(e as Error).message}\n`);
  process.exitCode = 1;
}
