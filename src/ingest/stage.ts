// Staging: the good rows of a batch go into a temporary "incoming" table (row_no, record id, the
// kind's typed fields) on the batch's connection, before its transaction (import-batch.ts); merge.ts
// then moves them into the record table inside it. Two loaders, because the bulk paths differ:
//  - PostgreSQL: the Store's copyIn (COPY … FROM STDIN) into a text table as rows arrive, typed at
//    the end with one INSERT … SELECT.
//  - DuckDB: rows are written to CSV part files in the temp folder, and each part is read by
//    DuckDB's own CSV reader (read_csv, C++) into the incoming table while JavaScript parses the next
//    part. Measured on 1M inspection rows: the Store's copyIn (the appender fed value by value
//    through a converter) took 7.6 s; part files + read_csv well under 1 s, most of it overlapped.
//    The files never leave the machine and are deleted when the batch ends. Kept here rather than in
//    the Store port because the port is shared; moving it into DuckDBStore.copyIn would speed every
//    bulk load.
import { open, rm, type FileHandle } from 'node:fs/promises';
import { processTempDir } from './temp-dirs.ts';
import { join } from 'node:path';
import type { Store, Value } from '../store/store.ts';
import type { RecordKindSpec } from '../records/registry.ts';
import { incomingColumns, incomingTableSql, tempName, typedSelect } from './merge.ts';

export interface Stager {
  /** Takes one good row; may modify `values`, which the caller reuses for the next row. */
  add(rowNo: number, values: (string | null)[]): void;
  /**
   * Takes one good row as CSV text holding exactly its staged values in field order, no quotes
   * (a CSV line that validation left as it was). Only where the loader can use text.
   */
  addLine?(rowNo: number, line: string): void;
  /** Called between source batches: writes out what has gathered. */
  drain(): Promise<void>;
  /** Loads every added row; returns the incoming table (merge.ts incomingTableSql). */
  finish(): Promise<string>;
  /** Frees the temporary files and tables; safe to call twice and after a failure. */
  dispose(): Promise<void>;
  /**
   * A few rows held in memory (an API push): whether no two of them share a key, known without a
   * statement (the merge then skips its count of duplicates). Absent on the bulk loaders.
   */
  distinctKeys?(): boolean;
  /**
   * A few rows held in memory: the key of each, as it will be stored (null: a key field is computed or
   * not plain text, then unknown). Absent on the bulk loaders.
   */
  keyValues?(): (string | null)[][] | null;
}

export interface StagerOptions {
  /** At most this many rows, all in memory (an API push): staged by one INSERT … VALUES on either engine. */
  fewRows?: number;
  /** DuckDB: rows per part file (default 100,000). */
  partRows?: number;
  /** DuckDB: a file is read while the rows are staged (not records pushed through the API): one thread meanwhile. */
  readingFile?: boolean;
}

export async function createStager(tx: Store, spec: RecordKindSpec, opts: StagerOptions = {}): Promise<Stager> {
  const incoming = tempName('ingest_in');
  // A few rows on DuckDB: the table is made by the statement that fills it (one round trip less).
  const made = opts.fewRows !== undefined && opts.fewRows <= VALUES_ROWS && tx.dialect.name === 'duckdb';
  if (!made) await tx.exec(incomingTableSql(spec, incoming));
  if (opts.fewRows !== undefined && opts.fewRows <= VALUES_ROWS) return new ValuesStager(tx, spec, incoming, made);
  return tx.dialect.name === 'duckdb'
    ? DuckDBFileStager.create(tx, spec, incoming, opts.partRows ?? PART_ROWS, opts.readingFile ?? false)
    : PostgresCopyStager.create(tx, spec, incoming);
}

// ── A few records (an API push), either engine ─────────────────────────────────────────────────────
/**
 * Rows per batch staged by one INSERT … VALUES: an agency system pushing records one by one should not
 * pay for a temp folder, a part file and a CSV read (DuckDB) or a COPY and a second INSERT (PostgreSQL)
 * per record. 200 rows of the widest kind stay far below PostgreSQL's 65,535 parameters.
 */
export const VALUES_ROWS = 200;

/** Field types staged as VARCHAR and stored as the same text (merge.ts SQL_TYPES). */
const TEXT_TYPES = new Set(['string', 'enum', 'uscc', 'code', 'region']);

class ValuesStager implements Stager {
  private rows: (string | number | null)[][] = [];
  /** The key of each row added, as text (null when a key field is not a plain text column: then unknown). */
  private readonly keys: Set<string> | null;
  /** The key values of each row added (with `keys`). */
  private readonly keyRows: (string | null)[][] = [];
  private twins = false;
  /** Positions of the key fields among the fields. */
  private readonly keyAt: number[];
  constructor(
    private readonly tx: Store,
    private readonly spec: RecordKindSpec,
    private readonly incoming: string,
    /** The incoming table is yet to be made, by finish() (CREATE TEMP TABLE … AS, typed as incomingTableSql types it). */
    private readonly toMake = false,
  ) {
    // Staged text is the stored value only for a text field that no SQL expression computes: then two
    // rows share a key exactly when their key texts are equal (GROUP BY's NULL = NULL as well).
    const computed = new Set((spec.computed ?? []).map((c) => c.column));
    this.keyAt = spec.key.map((k) => spec.fields.findIndex((f) => f.name === k));
    const plain = this.keyAt.every((i) => i >= 0 && TEXT_TYPES.has(spec.fields[i].type) && !computed.has(spec.fields[i].name));
    this.keys = plain ? new Set() : null;
  }

  add(rowNo: number, values: (string | null)[]): void {
    if (this.rows.length >= VALUES_ROWS) throw new Error(`ValuesStager: more than ${VALUES_ROWS} rows`);
    this.rows.push([rowNo, ...values]);
    if (this.keys) {
      const keyRow = this.keyAt.map((i) => values[i]);
      this.keyRows.push(keyRow);
      const key = JSON.stringify(keyRow);
      if (this.keys.has(key)) this.twins = true;
      this.keys.add(key);
    }
  }

  distinctKeys(): boolean {
    return this.keys !== null && !this.twins;
  }

  keyValues(): (string | null)[][] | null {
    return this.keys ? this.keyRows : null;
  }

  async drain(): Promise<void> {}

  async finish(): Promise<string> {
    if (!this.rows.length) {
      if (this.toMake) await this.tx.exec(incomingTableSql(this.spec, this.incoming));
      return this.incoming;
    }
    const width = this.spec.fields.length + 1;
    const tuple = (r: number) =>
      `(${Array.from({ length: width }, (_, c) => `CAST($${r * width + c + 1} AS ${c === 0 ? 'INTEGER' : 'VARCHAR'})`).join(', ')})`;
    const names = ['row_no', ...this.spec.fields.map((f) => f.name)].join(', ');
    const typed = `SELECT ${typedSelect(this.spec)} FROM (VALUES ${this.rows.map((_, r) => tuple(r)).join(', ')}) AS staged (${names})`;
    await this.tx.exec(
      this.toMake
        ? `CREATE TEMP TABLE ${this.incoming} AS SELECT ${incomingColumns(this.spec)
            .map(([c, type]) => `CAST(${c} AS ${type}) AS ${c}`)
            .join(', ')} FROM (${typed}) typed`
        : `INSERT INTO ${this.incoming} ${typed}`,
      this.rows.flat(),
    );
    this.rows = [];
    return this.incoming;
  }

  async dispose(): Promise<void> {
    this.rows = [];
    await this.tx.exec(`DROP TABLE IF EXISTS ${this.incoming}`).catch(() => undefined);
  }
}

// ── PostgreSQL ───────────────────────────────────────────────────────────────────────────────────
class PostgresCopyStager implements Stager {
  private buffer: Value[][] = [];
  private constructor(
    private readonly tx: Store,
    private readonly spec: RecordKindSpec,
    private readonly incoming: string,
    private readonly text: string,
    private readonly columns: string[],
  ) {}

  static async create(tx: Store, spec: RecordKindSpec, incoming: string): Promise<PostgresCopyStager> {
    const text = tempName('ingest_stage');
    await tx.exec(`CREATE TEMP TABLE ${text} (row_no INTEGER NOT NULL, ${spec.fields.map((f) => `${f.name} VARCHAR`).join(', ')})`);
    return new PostgresCopyStager(tx, spec, incoming, text, ['row_no', ...spec.fields.map((f) => f.name)]);
  }

  add(rowNo: number, values: (string | null)[]): void {
    this.buffer.push([rowNo, ...values]);
  }

  async drain(): Promise<void> {
    if (this.buffer.length >= 20_000) await this.flush();
  }

  private async flush(): Promise<void> {
    if (!this.buffer.length) return;
    const rows = this.buffer;
    this.buffer = [];
    await this.tx.copyIn(this.text, this.columns, rows);
  }

  async finish(): Promise<string> {
    await this.flush();
    await this.tx.exec(`INSERT INTO ${this.incoming} SELECT ${typedSelect(this.spec)} FROM ${this.text}`);
    await this.tx.exec(`DROP TABLE ${this.text}`);
    // Temporary tables get no statistics from autovacuum; without them the merge's joins are planned blind.
    await this.tx.exec(`ANALYZE ${this.incoming}`);
    return this.incoming;
  }

  async dispose(): Promise<void> {
    this.buffer = [];
    // After a rollback these never existed; the drops only matter on success.
    await this.tx.exec(`DROP TABLE IF EXISTS ${this.text}`).catch(() => undefined);
    await this.tx.exec(`DROP TABLE IF EXISTS ${this.incoming}`).catch(() => undefined);
  }
}

// ── DuckDB ───────────────────────────────────────────────────────────────────────────────────────
/** Whether a CSV cell needs quotes: a character loop, measured faster than a regular expression here. */
function needsQuotes(v: string): boolean {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c === 34 || c === 44 || c === 10 || c === 13) return true;
  }
  return false;
}
/** DuckDB stagers now reading, and the instance's thread count before the first of them. */
let oneThreadStagers = 0;
let threadsBefore = 1;
let threadsLowered = false;

/** Rows per part file: large enough that a read_csv call is worth it, small enough to overlap. */
const PART_ROWS = 100_000;

/** Bytes gathered before a write: a few per part file. */
const BUFFER_BYTES = 1 << 20;

class DuckDBFileStager implements Stager {
  /** Lines are encoded straight into buffers (no joined strings: measured ~0.15 s less per million rows). */
  private buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  private used = 0;
  /** Full buffers waiting for drain() to write them. */
  private full: Buffer[] = [];
  private partRows = 0;
  private parts = 0;
  private file: FileHandle | null = null;
  private path = '';
  private writing: Promise<unknown> = Promise.resolve();
  private loading: Promise<unknown> = Promise.resolve();
  private readonly columns: string;
  /** Positions of free-text fields: the only values that can hold a comma, a quote or a line break
   * (dates, codes, enums and numbers leave validation in a canonical form without them). */
  private readonly textFields: number[];

  private constructor(
    private readonly tx: Store,
    private readonly spec: RecordKindSpec,
    private readonly incoming: string,
    private readonly dir: string,
    private readonly maxPartRows: number,
  ) {
    this.columns = [`'row_no': 'INTEGER'`, ...spec.fields.map((f) => `'${f.name}': 'VARCHAR'`)].join(', ');
    this.textFields = spec.fields.map((f, i) => (f.type === 'string' ? i : -1)).filter((i) => i >= 0);
  }

  /** Whether this stager holds DuckDB at one thread (see create). */
  private oneThread = false;

  static async create(
    tx: Store,
    spec: RecordKindSpec,
    incoming: string,
    partRows: number,
    readingFile: boolean,
  ): Promise<DuckDBFileStager> {
    const stager = new DuckDBFileStager(tx, spec, incoming, await processTempDir('kedu-ingest-'), partRows);
    // Part loads run on one DuckDB thread while JavaScript reads a file: with two, the thread running
    // the statement spins waiting for the other and takes the core JavaScript needs (measured: part
    // loads 2.2–2.5 s of CPU per million rows on two threads, 1.1 s on one). The setting is the
    // instance's: the first of concurrent batches lowers it, the last one restores it. (One DuckDB
    // instance per process: the server's or the CLI's.) Records pushed through the API are not read
    // while they load: lowering and restoring cost a one-record push 2.5 ms of its 29.
    if (!readingFile) return stager;
    stager.oneThread = true;
    try {
      if (oneThreadStagers++ === 0) {
        const [row] = await tx.query<{ t: number | string }>(`SELECT current_setting('threads') AS t`);
        threadsBefore = Number(row.t);
        await tx.exec('SET threads = 1');
        threadsLowered = true;
      }
    } catch (e) {
      await stager.dispose();
      throw e;
    }
    return stager;
  }

  private async restoreThreads(): Promise<void> {
    if (!this.oneThread) return;
    this.oneThread = false;
    if (--oneThreadStagers === 0 && threadsLowered) {
      threadsLowered = false;
      await this.tx.exec(`SET threads = ${threadsBefore}`);
    }
  }

  add(rowNo: number, values: (string | null)[]): void {
    // In place (the caller's array is consumed here), then one join: one string per row.
    for (const i of this.textFields) {
      const v = values[i];
      if (v !== null && needsQuotes(v)) values[i] = `"${v.replace(/"/g, '""')}"`;
    }
    this.put(rowNo, values.join(','));
  }

  addLine(rowNo: number, line: string): void {
    // Measured: rebuilding each line from its values was 30 % of the JavaScript time of an import.
    this.put(rowNo, line);
  }

  /** Appends `rowNo,line\n` to the buffer. */
  private put(rowNo: number, line: string): void {
    // At most 3 bytes per UTF-16 unit, 10 digits, a comma and a line break.
    const need = line.length * 3 + 12;
    if (this.used + need > this.buffer.length) {
      if (this.used) this.full.push(this.buffer.subarray(0, this.used));
      this.buffer = Buffer.allocUnsafe(Math.max(BUFFER_BYTES, need));
      this.used = 0;
    }
    const b = this.buffer;
    let p = this.used;
    if (rowNo >= 10) {
      let digits = 1;
      for (let n = rowNo; n >= 10; n = Math.floor(n / 10)) digits++;
      for (let i = p + digits - 1, n = rowNo; i >= p; i--, n = Math.floor(n / 10)) b[i] = 48 + (n % 10);
      p += digits;
    } else {
      b[p++] = 48 + rowNo;
    }
    b[p++] = 44;
    p += b.write(line, p, 'utf8');
    b[p++] = 10;
    this.used = p;
    this.partRows++;
  }

  async drain(): Promise<void> {
    if (this.full.length) await this.write();
    if (this.partRows >= this.maxPartRows) await this.endPart();
  }

  private async write(): Promise<void> {
    if (this.used) {
      this.full.push(this.buffer.subarray(0, this.used));
      this.buffer = Buffer.allocUnsafe(BUFFER_BYTES);
      this.used = 0;
    }
    if (!this.full.length) return;
    const buffers = this.full;
    this.full = [];
    if (!this.file) {
      this.path = join(this.dir, `part-${++this.parts}.csv`);
      this.file = await open(this.path, 'w');
    }
    // One write in flight while the next batch is parsed.
    await this.writing;
    const file = this.file;
    this.writing = buffers.length === 1 ? file.write(buffers[0]) : file.writev(buffers);
  }

  /** Closes the current part file and starts loading it; the previous load must have finished. */
  private async endPart(): Promise<void> {
    await this.write();
    if (!this.file) return;
    await this.writing;
    await this.file.close();
    this.file = null;
    this.partRows = 0;
    const path = this.path;
    await this.loading;
    // Every option spelled out: nothing is sniffed from a file Kedu wrote itself.
    const source =
      `read_csv('${path.replace(/'/g, "''")}', header = false, auto_detect = false, delim = ',', quote = '"', escape = '"', ` +
      `new_line = '\\n', max_line_size = 8388608, columns = {${this.columns}})`;
    this.loading = this.tx
      .exec(`INSERT INTO ${this.incoming} SELECT ${typedSelect(this.spec)} FROM ${source}`)
      .then(() => rm(path, { force: true }));
    // A failed load surfaces at the next await of `loading`; keep it from being unhandled meanwhile.
    this.loading.catch(() => undefined);
  }

  async finish(): Promise<string> {
    await this.endPart();
    await this.loading;
    await this.restoreThreads();
    return this.incoming;
  }

  async dispose(): Promise<void> {
    await this.writing.catch(() => undefined);
    await this.loading.catch(() => undefined);
    await this.restoreThreads().catch(() => undefined);
    await this.file?.close().catch(() => undefined);
    this.file = null;
    await rm(this.dir, { recursive: true, force: true });
    await this.tx.exec(`DROP TABLE IF EXISTS ${this.incoming}`).catch(() => undefined);
  }
}
