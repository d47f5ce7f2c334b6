// How the importer reads the names of columns and keys: a header is compared width-folded,
// case-folded, without spaces, `*`, `_` and `-`, against every field's name, label and aliases
// (src/records). Also the importer's fixed names: the pattern of source-system codes and the error
// file's own columns.
import type { RecordKindSpec } from '../records/registry.ts';

/** Source systems are codes, so `source_system|source_id` is unambiguous in the record id. */
export const SOURCE_SYSTEM_PATTERN = /^[A-Za-z0-9_.:-]{1,64}$/;

/** Columns of the error file that the importer skips, so a corrected error file imports as is. */
export const ERROR_FILE_COLUMNS = ['行号', '错误信息'] as const;

/** A header as compared: width-folded, case-folded, without spaces, `*`, `_` and `-`. */
export function normaliseHeader(h: string): string {
  return h
    .replace(/^\uFEFF/, '')
    .normalize('NFKC')
    .replace(/[\s*_-]/g, '')
    .toLowerCase();
}

/** The field a record's key names (headerIndex), as the row shaper maps it: also without a trailing `(…)`. */
export function fieldOfKey(index: ReadonlyMap<string, string>, key: string): string | undefined {
  const h = normaliseHeader(key);
  return index.get(h) ?? index.get(h.replace(/\([^()]*\)$/, ''));
}

/** Header (normalised) → field name, for one kind: names, camelCase names, labels and aliases. */
export function headerIndex(spec: RecordKindSpec): Map<string, string> {
  const index = new Map<string, string>();
  for (const f of spec.fields) {
    for (const h of [f.name, f.label, ...(f.aliases ?? [])]) {
      const key = normaliseHeader(h);
      if (!index.has(key)) index.set(key, f.name);
    }
  }
  return index;
}
