// Rows of any source → field-ordered cells for the validator. For tabular sources (CSV, XLSX) it
// finds the header: the first of the first five rows that names the required columns, so an export
// with a title row above its header imports as is. For records (JSON Lines, JSON, the API) it maps
// each key — field name, camelCase, Chinese label or alias — once per distinct key.
import type { RecordKindSpec } from '../records/registry.ts';
import { fieldOfKey, headerIndex, normaliseHeader } from './headers.ts';
import { FileProblem, fieldLabel, mapHeader, type HeaderMapping } from './validate.ts';
import { UnreadableRecord } from './sources.ts';
import { cellText, type Cell } from './values.ts';
import { unseal } from '../privacy/sm4.ts';

const HEADER_SEARCH_ROWS = 5;
const META_KEYS = new Set(['', '行号', '错误信息']);

export type SourceRow = Cell[] | Record<string, unknown> | UnreadableRecord;

export class RowShaper {
  readonly notes: string[] = [];
  private readonly index: Map<string, string>;
  private readonly position: Map<string, number>;
  private header: string[] | null = null;
  private mapping: HeaderMapping | null = null;
  private readonly candidates: string[][] = [];
  private readonly keyPosition = new Map<string, number>();
  private readonly unknownKeys = new Set<string>();
  /** Per field, the key of the current record that filled it and the record's stamp (records only). */
  private readonly filledBy: string[] = [];
  private readonly filledAt: Int32Array;
  private stamp = 0;
  private conflictOf: { field: string; message: string } | null = null;

  constructor(
    private readonly spec: RecordKindSpec,
    private readonly tabular: boolean,
    private readonly hasDefaultSourceSystem: boolean,
  ) {
    this.index = headerIndex(spec);
    this.position = new Map(spec.fields.map((f, i) => [f.name, i] as const));
    this.filledAt = new Int32Array(spec.fields.length);
  }

  /**
   * After shape(): the record's two keys that name one field (`inspected_on` and `检查日期`), which
   * would leave it to chance which value counts; null when there are none.
   */
  conflict(): { field: string; message: string } | null {
    return this.conflictOf;
  }

  /**
   * Whether the file's columns are exactly the kind's fields in order: then a row whose values come
   * out of validation unchanged can be staged as its own text (stage.ts addLine).
   */
  get identity(): boolean {
    return (this.identical ??=
      !!this.mapping && this.header!.length === this.spec.fields.length && this.mapping.columnOf.every((c, i) => c === i));
  }
  private identical: boolean | undefined;

  /** The columns of the error file: the file's header, or the field names for records. Null until known. */
  get columns(): string[] | null {
    return this.tabular ? this.header : this.spec.fields.map((f) => f.name);
  }

  /**
   * Fills `ordered` with the row's cells in field order and returns true; returns false for a row
   * taken as (or above) the header. Throws FileProblem when no header shows within five rows.
   */
  shape(row: SourceRow, rowNo: number, ordered: Cell[]): boolean {
    if (!this.tabular) {
      if (!(row instanceof UnreadableRecord)) this.shapeRecord(row as Record<string, unknown>, ordered);
      return true;
    }
    const cells = row as Cell[];
    if (!this.mapping) {
      this.findHeader(cells, rowNo);
      return false;
    }
    const columnOf = this.mapping.columnOf;
    for (let i = 0; i < ordered.length; i++) ordered[i] = columnOf[i] >= 0 ? cells[columnOf[i]] : null;
    return true;
  }

  /** The row as read, column → text, for the error file. */
  record(row: SourceRow): Record<string, string> {
    const record: Record<string, string> = {};
    if (row instanceof UnreadableRecord) return { 原始记录: row.text };
    if (this.tabular) {
      this.header!.forEach((h, i) => {
        if (h) record[h] = cellText((row as Cell[])[i]);
      });
    } else {
      for (const [k, v] of Object.entries(row as Record<string, unknown>)) record[k] = textOf(v);
    }
    return record;
  }

  /** A row rejected after staging, from its values by field name, in the file's columns. */
  recordFromFields(values: Record<string, unknown>): Record<string, string> {
    const record: Record<string, string> = {};
    for (const [name, v] of Object.entries(values)) {
      const col = this.mapping ? this.mapping.columnOf[this.position.get(name)!] : -1;
      if (this.header && col < 0) continue;
      record[this.header ? this.header[col] : name] = v === null || v === undefined ? '' : unseal(String(v));
    }
    return record;
  }

  /** After the last row: a tabular source must have had a header; unknown record keys become a note. */
  finish(): void {
    if (this.tabular && !this.mapping) throw this.candidates.length ? this.headerProblem() : new FileProblem('文件为空：没有表头和数据行');
    if (this.unknownKeys.size)
      this.notes.push(`以下字段不属于${this.spec.label}格式，已忽略：${[...this.unknownKeys].slice(0, 20).join('、')}`);
  }

  private findHeader(cells: Cell[], rowNo: number): void {
    const texts = cells.map((c) => cellText(c));
    this.candidates.push(texts);
    try {
      this.mapping = mapHeader(this.spec, texts, this.hasDefaultSourceSystem);
    } catch (e) {
      if (!(e instanceof FileProblem)) throw e;
      if (this.candidates.length >= HEADER_SEARCH_ROWS) throw this.headerProblem();
      return;
    }
    this.header = texts;
    this.notes.push(...this.mapping.notes);
    if (this.candidates.length > 1) this.notes.push(`表头在第${rowNo}行，其上${this.candidates.length - 1}行已跳过`);
  }

  /** The problem to report when no row serves as header: that of the row most like a header. */
  private headerProblem(): FileProblem {
    const recognised = (texts: string[]) => texts.filter((t) => this.index.has(normaliseHeader(t))).length;
    const best = [...this.candidates].sort((a, b) => recognised(b) - recognised(a))[0];
    try {
      mapHeader(this.spec, best, this.hasDefaultSourceSystem);
    } catch (e) {
      if (e instanceof FileProblem) return e;
      throw e;
    }
    return new FileProblem('无法识别表头');
  }

  private shapeRecord(o: Record<string, unknown>, ordered: Cell[]): void {
    ordered.fill(null);
    this.conflictOf = null;
    const stamp = ++this.stamp;
    for (const k in o) {
      let pos = this.keyPosition.get(k);
      if (pos === undefined) {
        const name = fieldOfKey(this.index, k);
        pos = name ? this.position.get(name)! : -1;
        this.keyPosition.set(k, pos);
        if (pos < 0 && !META_KEYS.has(normaliseHeader(k))) this.unknownKeys.add(k);
      }
      if (pos >= 0) {
        if (this.filledAt[pos] === stamp) {
          const f = this.spec.fields[pos];
          this.conflictOf ??= {
            field: f.name,
            message: `“${this.filledBy[pos]}”与“${k}”都对应字段 ${fieldLabel(f)}，请只保留其中一个`,
          };
          continue;
        }
        this.filledAt[pos] = stamp;
        this.filledBy[pos] = k;
        const v = o[k];
        ordered[pos] = v !== null && typeof v === 'object' && !(v instanceof Date) ? JSON.stringify(v) : (v as Cell);
      }
    }
  }
}

const textOf = (v: unknown): string =>
  v !== null && typeof v === 'object' && !(v instanceof Date) ? JSON.stringify(v) : cellText(v as Cell);
