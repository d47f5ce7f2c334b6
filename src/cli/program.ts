// The kedu program: every command, with commander's output and exits routed through io() (io.ts), so
// that a command runs the same in its own process and forwarded to a running server.
import { Command, CommanderError } from 'commander';
import { serveCommand } from './serve-command.ts';
import { auditCommand } from './audit-command.ts';
import { userCommand } from './user-command.ts';
import { importCommand } from './import-command.ts';
import { exportCommand } from './export-command.ts';
import { modelsCommand } from './models-command.ts';
import { demoCommand } from './demo-command.ts';
import { initCommand } from './init-command.ts';
import { backupCommand } from './backup-command.ts';
import { copyStoreCommand } from './copy-store-command.ts';
import { reportCommand } from './report-command.ts';
import { askCommand } from './ask-command.ts';
import { followupCommand } from './followup-command.ts';
import { assessCommand } from './assess-command.ts';
import { plansCommand } from './plans-command.ts';
import { registerFollowupHooks } from '../followup/hooks.ts';
import { CliExit, io } from './io.ts';

// Answers imported from a file are analysed as they land (src/ingest/landed-hooks.ts).
registerFollowupHooks();

export function buildProgram(): Command {
  const program = new Command('kedu')
    .description('Kedu 刻度 — 行政执法协调监督平台 (administrative law-enforcement supervision)')
    .option('--database-url <url>', 'PostgreSQL URL (postgres://…); default: the embedded DuckDB file (or $DATABASE_URL)')
    .option('--duckdb <path>', 'DuckDB file path (default data/kedu.duckdb, or $KEDU_DUCKDB)')
    .showHelpAfterError();
  for (const c of [
    initCommand(),
    serveCommand(),
    importCommand(),
    exportCommand(),
    modelsCommand(),
    userCommand(),
    auditCommand(),
    backupCommand(),
    copyStoreCommand(),
    demoCommand(),
    reportCommand(),
    askCommand(),
    followupCommand(),
    assessCommand(),
    plansCommand(),
  ])
    program.addCommand(c);
  const route = (c: Command) => {
    c.exitOverride().configureOutput({ writeOut: (s) => io().out(s), writeErr: (s) => io().err(s) });
    c.commands.forEach(route);
  };
  route(program);
  return program;
}

/** Runs one command line (argv without node and script) in the current io(); returns its exit code. */
export async function runProgram(args: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(args, { from: 'user' });
    return io().exitCode;
  } catch (e) {
    if (e instanceof CliExit) return e.code;
    if (e instanceof CommanderError) return e.exitCode;
    io().err(`错误：${(e as Error).message}\n`);
    return 1;
  }
}
