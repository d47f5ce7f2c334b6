// Streams generated rows into the store in batches, so that no scale ever holds more than a batch per
// table in memory.
//
// PostgreSQL: each batch goes through store.copyIn (COPY … FROM STDIN).
// DuckDB: each batch is written as a CSV file to a temporary directory and loaded with COPY … FROM,
// while the generator goes on producing the next batch (DuckDB runs the statement on its own thread).
// Measured on this 2-core machine with the inspections table (14 columns, 500k rows): store.copyIn
// (node-api appender, one native call per string value) 160–200k rows/s; CSV + COPY 500k–1M rows/s,
// the difference being the per-value crossings from JavaScript into DuckDB. The hangzhou scale needs
// ≥ 300k records/s end to end, which the appender alone cannot give.
import { closeSync, mkdtempSync, openSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store, Value } from '../store/store.ts';
import { assertIdentifier } from '../store/store.ts';
import { personalIndexes } from '../privacy/personal-data.ts';
import { seal } from '../privacy/sm4.ts';
import { countyColumn } from '../records/county.ts';

const NEEDS_QUOTES = /[",\n\r]/;

// DuckDB loads up to two batches at once (each on its own connection): with one, the generator waited
// on the load for half the run while neither core was busy (city scale, back to back: 255–259k →
// 264–288k records/s).
const LOADS_IN_FLIGHT = 2;

function csvText(v: string): string {
  return NEEDS_QUOTES.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export interface TableSink {
  readonly table: string;
  readonly columns: readonly string[];
  /** Rows pushed so far (including those still buffered). */
  readonly rows: number;
  push(row: Value[]): void;
}

interface TableBuffer extends TableSink {
  /** Rows held and not yet loaded. */
  buffered(): number;
  /** Holds a batch's worth: time to load it. */
  full(): boolean;
  /** DuckDB: closes the batch's CSV file and returns its path; the next row starts a new file. */
  close?(): string;
  /** PostgreSQL: hands over the buffered rows. */
  take?(): Value[][];
}

/**
 * The set of tables one generation run writes. push() only buffers; drain() loads every buffer that
 * has reached the batch size, finish() loads the rest and waits for everything.
 */
export class BatchWriter {
  private readonly buffers: TableBuffer[] = [];
  private readonly csv: boolean;
  private dir: string | null = null;
  private fileSeq = 0;
  private readonly inFlight = new Set<Promise<void>>();
  private failed: unknown = null;
  private tuned = false;

  /**
   * batchRows: rows per COPY on PostgreSQL. On DuckDB a batch is cut by size instead (batchBytes of
   * CSV): its CSV reader parses one large file on all threads, and measured here one 1M-row COPY took
   * half the time of ten 100k-row ones.
   */
  constructor(
    private readonly store: Store,
    private readonly batchRows: number,
    private readonly batchBytes = 128 << 20,
  ) {
    this.csv = store.dialect.name === 'duckdb';
  }

  /**
   * A sink for `table`. `freeText` names the columns whose values may contain a comma, a quote or a
   * line break (names, content): only those pay for the CSV quoting check.
   */
  table(table: string, given: readonly string[], freeText: readonly string[] = []): TableSink {
    assertIdentifier(table);
    given.forEach(assertIdentifier);
    // A record table's county_code (src/records/county.ts) is filled from the row's region_code here.
    const county = countyColumn(table, given);
    const columns = county?.columns ?? given;
    const b = this.csv
      ? csvBuffer(table, columns, freeText, this.batchBytes, () => this.newFile(table))
      : rowBuffer(table, columns, this.batchRows);
    this.buffers.push(b);
    // A private person's data is written sealed (SM4, src/privacy), like every other writer writes it.
    const personal = personalIndexes(table, columns);
    if (personal.length === 0 && !county) return b;
    const push = b.push.bind(b);
    b.push = (row: Value[]) => {
      for (const i of personal) if (typeof row[i] === 'string' && row[i] !== '') row[i] = seal(row[i]);
      push(county ? county.add(row) : row);
    };
    return b;
  }

  /**
   * DuckDB checkpoints (compacts the file and rewrites the primary-key indexes) whenever its WAL passes
   * checkpoint_threshold (16 MB by default), that is after nearly every batch; measured at city scale
   * that doubled the load time. One checkpoint at the end instead.
   */
  async begin(): Promise<void> {
    if (!this.csv) return;
    // Only for a database file: an in-memory database never checkpoints.
    const [db] = await this.store.query<{ path: string | null }>(
      'SELECT path FROM duckdb_databases() WHERE database_name = current_database()',
    );
    this.tuned = Boolean(db?.path);
    if (this.tuned) await this.store.exec(`SET checkpoint_threshold = '64GB'`);
    // Rows of a generated table have no meaningful order: letting DuckDB load them out of order is
    // faster (city scale, back to back: 223k → 232k–241k records/s). Reset when the load ends.
    if (this.csv) await this.store.exec('SET preserve_insertion_order = false');
  }

  /** Loads the buffers that are full. Call it between units of generation work. */
  async drain(): Promise<void> {
    for (const b of this.buffers) if (b.full()) await this.load(b);
  }

  async finish(): Promise<void> {
    try {
      for (const b of this.buffers) if (b.buffered() > 0) await this.load(b);
      await Promise.all(this.inFlight);
      if (this.failed) throw this.failed;
      if (this.tuned) await this.store.exec('CHECKPOINT');
    } finally {
      await this.cleanUp();
    }
  }

  /** Removes the temporary files and restores the settings after an error elsewhere; safe to call twice. */
  async abort(): Promise<void> {
    await Promise.all(this.inFlight).catch(() => undefined);
    await this.cleanUp();
  }

  private newFile(table: string): string {
    if (!this.dir) this.dir = mkdtempSync(join(tmpdir(), 'kedu-demo-'));
    return join(this.dir, `${table}-${this.fileSeq++}.csv`);
  }

  private async cleanUp(): Promise<void> {
    for (const b of this.buffers) b.close?.();
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    this.dir = null;
    if (this.tuned) await this.store.exec('RESET checkpoint_threshold').catch(() => undefined);
    if (this.csv) await this.store.exec('RESET preserve_insertion_order').catch(() => undefined);
    this.tuned = false;
  }

  private async load(b: TableBuffer): Promise<void> {
    // The next batches are generated while earlier ones load.
    while (this.inFlight.size >= LOADS_IN_FLIGHT) await Promise.race(this.inFlight);
    if (this.failed) throw this.failed;
    if (b.take) {
      await this.store.copyIn(b.table, [...b.columns], b.take());
      return;
    }
    const file = b.close!();
    // The path is ours (mkdtemp), never user input; it is quoted as a SQL string literal.
    const copy =
      `COPY ${b.table} (${b.columns.join(', ')}) FROM '${file.replace(/'/g, "''")}' ` +
      `(FORMAT csv, HEADER false, DELIMITER ',', QUOTE '"', ESCAPE '"', NULL '', AUTO_DETECT false)`;
    const p: Promise<void> = this.store
      .exec(copy)
      .catch((e: unknown) => {
        this.failed = e;
      })
      .finally(() => {
        try {
          unlinkSync(file);
        } catch {
          /* already gone */
        }
        this.inFlight.delete(p);
      });
    this.inFlight.add(p);
  }
}

/**
 * Rows are encoded into one growing byte buffer as they arrive, so the row strings die young: holding
 * a batch as JavaScript strings until the load promoted them all to the old generation, and the
 * garbage collector then took half of the run (measured: 15 s of 30 s at city scale).
 */
/**
 * Rows are joined into CSV lines, and every 1,024 lines appended to the batch's file, so that neither
 * the row strings nor the batch stay on the JavaScript heap: holding a batch as strings until its load
 * promoted them all to the old generation, and the garbage collector then took half of the run
 * (measured: 15 s of 30 s at city scale); a growing in-memory byte buffer cost its copies instead.
 */
function csvBuffer(
  table: string,
  columns: readonly string[],
  freeText: readonly string[],
  batchBytes: number,
  newFile: () => string,
): TableBuffer {
  const quoted = columns.flatMap((c, i) => (freeText.includes(c) ? [i] : []));
  const width = columns.length;
  let lines: string[] = [];
  let fd: number | null = null;
  let path = '';
  let bytes = 0;
  let count = 0;
  let rows = 0;
  const flushLines = () => {
    if (lines.length === 0) return;
    lines.push(''); // the last line's terminator
    if (fd === null) {
      path = newFile();
      fd = openSync(path, 'w');
    }
    bytes += writeSync(fd, lines.join('\n'));
    lines = [];
  };
  return {
    table,
    columns,
    get rows() {
      return rows;
    },
    push(row: Value[]) {
      if (row.length !== width) throw new Error(`${table}: row has ${row.length} values, expected ${width}`);
      for (const i of quoted) {
        const v = row[i];
        if (typeof v === 'string') row[i] = csvText(v);
      }
      // Array.join writes null as '' (CSV NULL), booleans as true/false and numbers as digits: exactly the
      // CSV fields, in one native call that yields a flat string.
      lines.push(row.join(','));
      if (lines.length === 1024) flushLines();
      count++;
      rows++;
    },
    buffered: () => count,
    full: () => bytes >= batchBytes,
    close() {
      flushLines();
      if (fd !== null) closeSync(fd);
      fd = null;
      bytes = 0;
      count = 0;
      return path;
    },
  };
}

function rowBuffer(table: string, columns: readonly string[], batchRows: number): TableBuffer {
  let batch: Value[][] = [];
  let rows = 0;
  return {
    table,
    columns,
    get rows() {
      return rows;
    },
    push(row: Value[]) {
      if (row.length !== columns.length) throw new Error(`${table}: row has ${row.length} values, expected ${columns.length}`);
      batch.push(row);
      rows++;
    },
    buffered: () => batch.length,
    full: () => batch.length >= batchRows,
    take() {
      const out = batch;
      batch = [];
      return out;
    },
  };
}
