// The console's view of the registry: web/src/records/kinds.generated.ts, written by
// `npm run docs:import` (the console never imports server code; test/records.test.ts checks the file
// is current). It carries the kinds the server lists and imports, their Chinese names, the Chinese
// labels of every coded value and of the columns, what each list filters on and which names the server
// sends beside a code (list-query.ts), the roles' and the notification kinds' names.
import { format, resolveConfig } from 'prettier';
import { IMPORT_KINDS, KINDS, KIND_SPECS, LIST_KINDS } from './registry.ts';
import { NAME_OF, RECORD_LISTS } from './list-query.ts';
import { COLUMN_LABELS, KIND_COLUMN_LABELS } from '../lists/record-labels.ts';
import { NOTIFICATION_KINDS } from '../notifications/kinds.ts';
import { ROLE_LABELS } from '../auth/caller.ts';

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
    '/** What each list filters on (src/records/list-query.ts): its key, its date column, its coded columns, the names served beside codes. */',
    `export const LIST_SPECS: Record<ListedKind, { key: string; date: string | null; codes: readonly string[]; names: readonly string[] }> = ${JSON.stringify(
      Object.fromEntries(
        LIST_KINDS.map((k) => [
          k,
          {
            key: RECORD_LISTS[k].key,
            date: RECORD_LISTS[k].date,
            codes: RECORD_LISTS[k].codes,
            names: RECORD_LISTS[k].names.map(([as]) => as),
          },
        ]),
      ),
    )};`,
    '',
    '/** A code column → the column of its name the server sends beside it. */',
    `export const NAME_OF: Record<string, string> = ${JSON.stringify(NAME_OF)};`,
    '',
    '/** Column labels (src/lists/record-labels.ts): shared, and where a kind calls a column differently. */',
    `export const COLUMN_LABELS: Record<string, string> = ${JSON.stringify(COLUMN_LABELS)};`,
    `export const KIND_COLUMN_LABELS: Partial<Record<string, Record<string, string>>> = ${JSON.stringify(KIND_COLUMN_LABELS)};`,
    '',
    "/** The roles' Chinese names (src/auth/caller.ts). */",
    `export const ROLE_LABELS = ${JSON.stringify(ROLE_LABELS)} as const;`,
    '',
    "/** The notification kinds' Chinese names (src/notifications/kinds.ts). */",
    `export const NOTIFICATION_KIND_NAMES: Record<string, string> = ${JSON.stringify(Object.fromEntries(Object.entries(NOTIFICATION_KINDS).map(([c, n]) => [c, n.label])))};`,
    '',
  ].join('\n');
  const config = await resolveConfig(`${root}/${CONSOLE_MODULE_PATH}`);
  return format(text, { ...config, parser: 'typescript' });
}
