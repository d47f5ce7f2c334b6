// Row validation: maps a file's header onto a kind's fields, then turns each row into the staging
// values or into errors that name the row and the field in Chinese. Referential checks (every region
// field exists and lies in the caller's jurisdiction, agency exists and is the caller's own for agency
// roles, catalog codes exist) use reference sets loaded once per batch (reference.ts).
import { regionContains, regionProblem } from '../domain/region.ts';
import type { Caller } from '../auth/caller.ts';
import { importScope } from '../policy/index.ts';
import type { FieldSpec, Kind, RecordKindSpec, RowRule } from '../records/registry.ts';
import { isRecordId, recordId } from '../records/record-id.ts';
import { ERROR_FILE_COLUMNS, SOURCE_SYSTEM_PATTERN, fieldOfKey, headerIndex, normaliseHeader } from './headers.ts';
import {
  Bad,
  codeParser,
  codeTest,
  enumParser,
  enumSetParser,
  enumSetTest,
  enumTest,
  isCanonicalBoolean,
  isCanonicalDate,
  isCanonicalUscc,
  parseBoolean,
  parseDate,
  parseInteger,
  parseMoney,
  parseTimestamp,
  parseUscc,
  stringParser,
  textTest,
  type CanonicalTest,
  type Cell,
  type Parsed,
} from './values.ts';
import { MISSING, canonicalCode, type References } from './reference.ts';
import { personalColumns } from '../privacy/personal-data.ts';
import { seal } from '../privacy/sm4.ts';

/**
 * Why a row was refused, as a code a program can act on (the message says it in Chinese):
 * required — an empty required field; invalid — a value of the wrong form or breaking a rule;
 * unknown_reference — a region, agency, item or record that does not exist; outside_jurisdiction —
 * a value the caller may not write (another region, another agency, a record not theirs); unreadable —
 * a line that is not a record at all.
 */
export const ROW_ERROR_CODES = ['required', 'invalid', 'unknown_reference', 'outside_jurisdiction', 'unreadable'] as const;
export type RowErrorCode = (typeof ROW_ERROR_CODES)[number];

export interface FieldError {
  row: number;
  field: string;
  code: RowErrorCode;
  message: string;
}

/** A refused row's error as reports and the API carry it: the field's Chinese label, and the line a person reads. */
export interface RowError extends FieldError {
  label: string | null;
  /** 第12行 entity_uscc（统一社会信用代码）：统一社会信用代码校验位错误 */
  text: string;
}

export function rowError(spec: RecordKindSpec, e: FieldError, unit: '行' | '条' = '行'): RowError {
  return {
    row: e.row,
    field: e.field,
    code: e.code ?? 'invalid',
    message: e.message,
    label: spec.fields.find((f) => f.name === e.field)?.label ?? null,
    text: formatError(spec, e, unit),
  };
}

/** A problem with the file as a whole (a missing column): nothing is imported. */
export class FileProblem extends Error {}

export interface HeaderMapping {
  /** For each field of the kind, the column it is read from, or -1. */
  columnOf: number[];
  /** Notes for the report (ignored columns). */
  notes: string[];
}

/** The full label of a field in messages: `entity_uscc（统一社会信用代码）`. */
export const fieldLabel = (f: Pick<FieldSpec, 'name' | 'label'>) => `${f.name}（${f.label}）`;

/** `entity_uscc（统一社会信用代码）：统一社会信用代码校验位错误` (the error file's 错误信息 column). */
export function describeError(spec: RecordKindSpec, e: Pick<FieldError, 'field' | 'message'>): string {
  const f = spec.fields.find((x) => x.name === e.field);
  const where = f ? fieldLabel(f) : e.field;
  return where ? `${where}：${e.message}` : e.message;
}

/** `第12行 entity_uscc（统一社会信用代码）：统一社会信用代码校验位错误`. unit: 行 for files, 条 for API records. */
export function formatError(spec: RecordKindSpec, e: FieldError, unit: '行' | '条' = '行'): string {
  const d = describeError(spec, e);
  return e.field ? `第${e.row}${unit} ${d}` : `第${e.row}${unit}：${d}`;
}

const META_COLUMNS = new Set(ERROR_FILE_COLUMNS.map(normaliseHeader));

export function mapHeader(spec: RecordKindSpec, header: string[], hasDefaultSourceSystem: boolean): HeaderMapping {
  const index = headerIndex(spec);
  const columnOf = spec.fields.map(() => -1);
  const ignored: string[] = [];
  header.forEach((raw, col) => {
    const h = normaliseHeader(String(raw ?? ''));
    if (h === '' || META_COLUMNS.has(h)) return;
    // A template's note after the label: 检查日期（必填）, 罚款金额(元).
    const name = index.get(h) ?? index.get(h.replace(/\([^()]*\)$/, ''));
    if (!name) {
      ignored.push(String(raw).trim());
      return;
    }
    const i = spec.fields.findIndex((f) => f.name === name);
    if (columnOf[i] >= 0) {
      throw new FileProblem(
        `第${columnOf[i] + 1}列“${String(header[columnOf[i]]).trim()}”与第${col + 1}列“${String(raw).trim()}”都对应字段 ${fieldLabel(spec.fields[i])}，请删除其中一列`,
      );
    }
    columnOf[i] = col;
  });
  const missing = spec.fields.filter((f, i) => columnOf[i] < 0 && (f.required || (f.name === 'source_system' && !hasDefaultSourceSystem)));
  if (missing.length) {
    const hint = missing.some((f) => f.name === 'source_system') ? '；来源系统也可在导入时指定（--source-system 或 sourceSystem）' : '';
    throw new FileProblem(`${spec.label}文件缺少必填列：${missing.map(fieldLabel).join('、')}${hint}`);
  }
  const notes = ignored.length ? [`以下列不属于${spec.label}格式，已忽略：${ignored.join('、')}`] : [];
  return { columnOf, notes };
}

type FieldParser = (v: Cell) => Parsed;

/** Records pushed at once up to which their references are looked up by value (reference.ts). */
export const LOOKUP_RECORDS = 50;

/**
 * Every value the validator could look a reference up under for these records, per table it could look
 * it up in ('region', or the ReferenceTable a field names by ref or listedIn): each record's value under
 * a key that names such a field (as the row shaper maps keys: fieldOfKey), read by that field's parser
 * — or null when there are too many records to bother (the batch then loads the lists whole). Values
 * under other keys are never looked up: taking every value under every reference field's parser (as
 * before) made the folded look-up run for a pushed record's dates and USCC in the officers' table.
 */
export function referenceCandidates(spec: RecordKindSpec, records: readonly unknown[]): Map<string, Set<string>> | null {
  if (records.length > LOOKUP_RECORDS) return null;
  const index = headerIndex(spec);
  // Per field that names a table: its parser and the tables it names.
  const named = new Map(
    spec.fields.flatMap((f) => {
      const tables = [...new Set([f.type === 'region' ? 'region' : null, f.ref ?? null, f.listedIn ?? null])].filter(
        (t): t is string => t !== null,
      );
      return tables.length ? [[f.name, { parse: parserFor(f), tables }] as const] : [];
    }),
  );
  const found = new Map<string, Set<string>>();
  for (const { tables } of named.values()) for (const t of tables) found.set(t, new Set());
  const byKey = new Map<string, { parse: FieldParser; tables: string[] } | null>();
  for (const record of records) {
    if (record === null || typeof record !== 'object') continue; // unreadable: refused before any lookup
    for (const [k, raw] of Object.entries(record)) {
      let field = byKey.get(k);
      if (field === undefined) byKey.set(k, (field = named.get(fieldOfKey(index, k) ?? '') ?? null));
      if (!field) continue;
      // As the row shaper hands a value to the parsers (row-shaper.ts).
      const v = raw !== null && typeof raw === 'object' && !(raw instanceof Date) ? JSON.stringify(raw) : (raw as Cell);
      const s = field.parse(v);
      if (typeof s === 'string') for (const t of field.tables) found.get(t)!.add(s);
    }
  }
  return found;
}

function parserFor(f: FieldSpec): FieldParser {
  switch (f.type) {
    case 'date':
      return parseDate;
    case 'timestamp':
      return parseTimestamp;
    case 'decimal':
      return parseMoney;
    case 'boolean':
      return parseBoolean;
    case 'integer':
      return (v) => parseInteger(v, f.min, f.max);
    case 'uscc':
      return parseUscc;
    case 'enum':
      return f.multiple ? enumSetParser(f.values ?? []) : enumParser(f.values ?? []);
    case 'region':
      return stringParser(64); // the form is regionProblem's to judge, with its own message
    case 'string':
      return stringParser(f.maxLength);
    case 'code':
      return codeParser(f.maxLength);
  }
}

function canonicalTestFor(f: FieldSpec, parse: FieldParser): CanonicalTest {
  switch (f.type) {
    case 'date':
      return isCanonicalDate;
    case 'boolean':
      return isCanonicalBoolean;
    case 'uscc':
      return isCanonicalUscc;
    case 'enum':
      return f.multiple ? enumSetTest(f.values ?? []) : enumTest(f.values ?? []);
    case 'region':
      return textTest(64);
    case 'string':
      return textTest(f.maxLength);
    case 'code':
      return codeTest(f.maxLength);
    default:
      return (s) => parse(s) === s;
  }
}

// What the fast path checks a canonical value against (the slow path's checks, same order).
const NO_CHECK = 0,
  SOURCE_CHECK = 1,
  REGION_CHECK = 2,
  AGENCY_CHECK = 3,
  CODE_CHECK = 4;

export interface RowValidator {
  readonly spec: RecordKindSpec;
  /**
   * Field-ordered cells → the staged values, written into `out` (reused across rows: consume it
   * before the next call); returns null, or the row's errors (then `out` holds no meaning).
   */
  validate(cells: readonly Cell[], row: number, out: (string | null)[]): FieldError[] | null;
}

interface Problem {
  code: RowErrorCode;
  message: string;
}

export interface ValidationContext {
  caller: Caller;
  refs: References;
  defaultSourceSystem?: string;
  /** The kind's checks against stored rows, loaded for this batch (RecordKindSpec.batchRules). */
  batchRules?: RowRule[];
}

export function rowValidator(spec: RecordKindSpec, ctx: ValidationContext): RowValidator {
  const { caller, refs } = ctx;
  const fields = spec.fields;
  const parsers = fields.map(parserFor);
  const tests = fields.map((f, i) => canonicalTestFor(f, parsers[i]));
  const required = fields.map((f) => f.required);
  const positions = new Map(fields.map((f, i) => [f.name, i] as const));
  const at = (name: string) => positions.get(name) ?? -1;
  const iSourceSystem = at('source_system');
  const iRegion = at('region_code');
  const iAgency = at('agency_id');
  const refKinds = fields.map((f) => f.ref ?? null);
  // Each field's set of codes to be found in (catalog references other than agencies).
  const codeSets = fields.map((f) => (f.ref && f.ref !== 'agency' ? refs.codes.get(f.ref)! : null));
  const recordRefs = fields.map((f, i) => (f.recordRef ? i : -1)).filter((i) => i >= 0);
  // The rows this caller may write, as the records policy says: their region, and their own agency for agency staff.
  const writes = importScope(caller);
  const agencyRole = writes.agencyId !== null;
  // A private person's data is staged, merged and stored sealed (SM4, src/privacy).
  const sealed = fields.flatMap((f, i) => (personalColumns(spec.table).includes(f.name) ? [i] : []));
  const checks = fields.map((f, i) =>
    i === iSourceSystem
      ? SOURCE_CHECK
      : f.type === 'region'
        ? REGION_CHECK
        : f.ref === 'agency'
          ? AGENCY_CHECK
          : f.ref
            ? CODE_CHECK
            : NO_CHECK,
  );
  const rules = [...(spec.rules ?? []), ...(ctx.batchRules ?? [])];
  const regionCache = new Map<string, Problem | null>();
  let current: (string | null)[] = [];
  let lastSourceSystem: string | null = null;
  // agency → region → whether the agency's region contains it; a few thousand pairs at most.
  const covers = new Map<string, Map<string, boolean>>();
  const agencyCovers = (agency: string, region: string): boolean => {
    let byRegion = covers.get(agency);
    if (!byRegion) covers.set(agency, (byRegion = new Map()));
    let ok = byRegion.get(region);
    if (ok === undefined) byRegion.set(region, (ok = regionContains(refs.agencies.get(agency)!, region)));
    return ok;
  };
  const get = (name: string) => current[at(name)] ?? null;
  const push = (errors: FieldError[] | null, row: number, i: number, code: RowErrorCode, message: string): FieldError[] => {
    const list = errors ?? [];
    list.push({ row, field: fields[i].name, code, message });
    return list;
  };

  // Region: a well-formed GB/T 2260 code, in the region table, inside the caller's jurisdiction.
  const regionMessage = (code: string): Problem | null => {
    let m = regionCache.get(code);
    if (m !== undefined) return m;
    const form = regionProblem(code);
    m = form
      ? { code: 'invalid', message: form }
      : !refs.regions.has(code)
        ? { code: 'unknown_reference', message: `区划代码不存在：${code}` }
        : !regionContains(writes.regionCode, code)
          ? { code: 'outside_jurisdiction', message: `区划 ${code} 不在您的辖区（${writes.regionCode}）内，无权导入` }
          : null;
    regionCache.set(code, m);
    return m;
  };

  /**
   * The fast path: true when every cell is text already in canonical form and passes its reference
   * checks, with `values` filled as the slow path would fill them. False for anything else (the slow
   * path then judges the row and words the messages); it never accepts what the slow path refuses.
   */
  const canonical = (cells: readonly Cell[], values: (string | null)[]): boolean => {
    for (let i = 0; i < fields.length; i++) {
      const s = cells[i];
      if (s === '' || s === null || s === undefined) {
        if (i === iSourceSystem) {
          if (!ctx.defaultSourceSystem || ctx.defaultSourceSystem !== lastSourceSystem) return false;
          values[i] = lastSourceSystem;
          continue;
        }
        if (required[i]) return false;
        values[i] = null;
        continue;
      }
      if (typeof s !== 'string' || !tests[i](s)) return false;
      switch (checks[i]) {
        case SOURCE_CHECK:
          if (s !== lastSourceSystem) return false;
          break;
        case REGION_CHECK:
          if (regionCache.get(s) !== null) return false;
          break;
        case AGENCY_CHECK:
          if (!refs.agencies.has(s) || (agencyRole && s !== writes.agencyId)) return false;
          break;
        case CODE_CHECK:
          if (!codeSets[i]!.has(s)) return false;
          break;
      }
      values[i] = s;
    }
    return true;
  };

  return {
    spec,
    validate(cells, row, values) {
      let errors: FieldError[] | null = null;
      if (!canonical(cells, values))
        for (let i = 0; i < fields.length; i++) {
          let v = parsers[i](cells[i]);
          values[i] = null;
          if (v instanceof Bad) {
            errors = push(errors, row, i, 'invalid', v.message);
            continue;
          }
          if (v === null) {
            if (i === iSourceSystem && ctx.defaultSourceSystem) v = ctx.defaultSourceSystem;
            else if (i === iSourceSystem) {
              errors = push(errors, row, i, 'required', '来源系统为空，且导入时未指定来源系统');
              continue;
            } else if (fields[i].required) {
              errors = push(errors, row, i, 'required', '必填项为空');
              continue;
            } else continue;
          }
          let problem: Problem | null = null;
          if (i === iSourceSystem) {
            if (v !== lastSourceSystem) {
              if (!SOURCE_SYSTEM_PATTERN.test(v))
                problem = { code: 'invalid', message: `来源系统应为至多64位的字母、数字或 _ . : -：${v}` };
              else lastSourceSystem = v;
            }
          } else if (fields[i].type === 'region') {
            problem = regionMessage(v);
          } else if (refKinds[i] === 'agency') {
            v = canonicalCode(refs, 'agency', v);
            if (!refs.agencies.has(v)) problem = { code: 'unknown_reference', message: `执法主体不存在：${v}` };
            else if (agencyRole && v !== writes.agencyId)
              problem = {
                code: 'outside_jurisdiction',
                message: `执法部门账号只能导入本部门（${writes.agencyId}）的记录，不能导入 ${v} 的记录`,
              };
          } else if (codeSets[i] && !codeSets[i]!.has((v = canonicalCode(refs, refKinds[i]!, v)))) {
            problem = { code: 'unknown_reference', message: `${MISSING[refKinds[i]!]}：${v}` };
          }
          if (problem !== null) {
            errors = push(errors, row, i, problem.code, problem.message);
            continue;
          }
          values[i] = v;
        }
      // Agency roles write only their own agency's records, also where the column is optional.
      if (agencyRole && iAgency >= 0 && values[iAgency] === null && !fields[iAgency].required && !errors) {
        errors = push(errors, row, iAgency, 'required', '执法部门账号导入时须填写本部门的执法主体编码');
      }
      // A record lies within its agency's region (a county agency's inspection is in that county).
      if (
        iAgency >= 0 &&
        iRegion >= 0 &&
        values[iAgency] !== null &&
        values[iRegion] !== null &&
        !agencyCovers(values[iAgency]!, values[iRegion]!)
      ) {
        errors = push(
          errors,
          row,
          iRegion,
          'invalid',
          `区划 ${values[iRegion]} 不在执法主体 ${values[iAgency]} 的管辖区划（${refs.agencies.get(values[iAgency]!)}）内`,
        );
      }
      if (errors) return errors;
      if (rules.length) {
        current = values;
        for (const rule of rules) {
          const p = rule(get);
          if (p) errors = push(errors, row, at(p[0]), 'invalid', p[1]);
        }
        if (errors) return errors;
      }
      // References to other records become their Kedu ids, computed from the same source system.
      for (const i of recordRefs) {
        const v = values[i];
        const kind = fields[i].recordRef! as Kind;
        if (v !== null && !isRecordId(kind, v)) values[i] = recordId(kind, values[iSourceSystem]!, v);
      }
      for (const i of sealed) if (values[i] !== null) values[i] = seal(values[i]!);
      return null;
    },
  };
}
