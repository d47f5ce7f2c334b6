// The console's view of the registry: web/src/records/kinds.generated.ts, written by
// `npm run docs:import` (the console never imports server code; test/records.test.ts checks the file
// is current). It carries the kinds the server lists and imports, their Chinese names, and the
// Chinese labels of every coded value.
import { format, resolveConfig } from 'prettier';
import { IMPORT_KINDS, KINDS, KIND_SPECS, LIST_KINDS } from './registry.ts';

export const CONSOLE_MODULE_PATH = 'web/src/records/kinds.generated.ts';

const q = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const list = (xs: readonly string[]) => `[${xs.map(q).join(', ')}]`;

/** The module's text, formatted as `npm run lint` wants it (Prettier with the project's settings). */
export async function consoleModule(root: string): Promise<string> {
  const labels = KINDS.map((k) => `  ${k}: ${q(KIND_SPECS[k].label)},`);
  const enums: string[] = [];
  for (const k of KINDS) {
    const fields = KIND_SPECS[k].fields.filter((f) => f.values?.length);
    if (!fields.length) continue;
    enums.push(`  ${k}: {`);
    for (const f of fields) enums.push(`    ${f.name}: { ${f.values!.map((v) => `${v.code}: ${q(v.label)}`).join(', ')} },`);
    enums.push('  },');
  }
  const text = [
    '// Generated from the record-kind registry (src/records) by `npm run docs:import`; do not edit by hand.',
    '',
    '/** Kinds the server lists under GET /records/{kind}. */',
    `export const LISTED_KINDS = ${list(LIST_KINDS)} as const;`,
    'export type ListedKind = (typeof LISTED_KINDS)[number];',
    '',
    '/** Kinds a file may hold (POST /imports, POST /ingest/{kind}). */',
    `export const IMPORT_KINDS = ${list(IMPORT_KINDS)} as const;`,
    'export type ImportKind = (typeof IMPORT_KINDS)[number];',
    '',
    '/** The Chinese name of every kind. */',
    'export const KIND_LABELS: Record<ListedKind | ImportKind, string> = {',
    ...labels,
    '};',
    '',
    '/** Coded values → Chinese, per kind and column (the enum labels of the import formats). */',
    'export const ENUM_LABELS: Partial<Record<ListedKind | ImportKind, Record<string, Record<string, string>>>> = {',
    ...enums,
    '};',
    '',
  ].join('\n');
  const config = await resolveConfig(`${root}/${CONSOLE_MODULE_PATH}`);
  return format(text, { ...config, parser: 'typescript' });
}
