// Writes everything generated from the record-kind registry: docs/import-formats.md, docs/samples/
// and the console's web/src/records/kinds.generated.ts.
//   npm run docs:import            (node --import tsx src/records/generate.ts)
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeImportDocs } from '../ingest/format-doc.ts';
import { CONSOLE_MODULE_PATH, consoleModule } from './console-module.ts';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
for (const p of await writeImportDocs(root)) process.stdout.write(`wrote ${p}\n`);
writeFileSync(join(root, CONSOLE_MODULE_PATH), await consoleModule(root));
process.stdout.write(`wrote ${CONSOLE_MODULE_PATH}\n`);
