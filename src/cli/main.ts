// kedu: everything the server does, in batch. Each command is one module under src/cli/; program.ts
// puts them together.
import { runProgram } from './program.ts';

process.exitCode = await runProgram(process.argv.slice(2));
