// kedu: everything the server does, in batch. Each command is one module under src/cli/.
import { Command } from 'commander';
import { serveCommand } from './serve-command.ts';
import { auditCommand } from './audit-command.ts';
import { userCommand } from './user-command.ts';
import { importCommand } from './import-command.ts';
import { exportCommand } from './export-command.ts';
import { modelsCommand } from './models-command.ts';
import { demoCommand } from './demo-command.ts';
import { reportCommand } from './report-command.ts';
import { askCommand } from './ask-command.ts';
import { followupCommand } from './followup-command.ts';
import { registerFollowupHooks } from '../followup/hooks.ts';
import { assessCommand } from './assess-command.ts';

// Answers imported from a file are analysed as they land (src/ingest/landed-hooks.ts).
registerFollowupHooks();

const program = new Command('kedu')
  .description('Kedu 刻度 — 行政执法协调监督平台 (administrative law-enforcement supervision)')
  .option('--database-url <url>', 'PostgreSQL URL (postgres://…); default: the embedded DuckDB file (or $DATABASE_URL)')
  .option('--duckdb <path>', 'DuckDB file path (default data/kedu.duckdb, or $KEDU_DUCKDB)')
  .showHelpAfterError();

program.addCommand(serveCommand());
program.addCommand(auditCommand());
program.addCommand(userCommand());
program.addCommand(importCommand());
program.addCommand(exportCommand());
program.addCommand(modelsCommand());
program.addCommand(demoCommand());
program.addCommand(reportCommand());
program.addCommand(askCommand());
program.addCommand(followupCommand());
program.addCommand(assessCommand());

await program.parseAsync(process.argv);
