// The Store port: what the rest of Kedu may ask of a database. Two adapters implement it
// (duckdb/, postgres/); code outside src/store never imports an engine's driver.
import type { Dialect } from './dialect.ts';
import { Sql } from './sql.ts';

export type Row = Record<string, unknown>;
/** A Date binds as a TIMESTAMPTZ (DuckDB casts ISO text through ICU: 0.3 ms a value, a third of a one-row insert). */
export type Value = string | number | boolean | null | Date;
export interface ColumnInfo {
  name: string;
  numeric: boolean;
  /** A text column (VARCHAR). */
  text: boolean;
}

export interface Store {
  readonly dialect: Dialect;
  /**
   * Where the data lives, without credentials: `duckdb:/abs/path/kedu.duckdb`, `duckdb::memory:<id>`
   * (each in-memory database its own), `postgres://host:5432/db`. What is kept about a store outside
   * it (the audit log's anchor) is filed under this name, which no change to the data can alter.
   */
  readonly location: string;
  /** Rows as plain objects: integers and decimals as numbers, DATE as 'YYYY-MM-DD', TIMESTAMPTZ as ISO text. */
  query<T = Row>(sql: string | Sql, params?: Value[]): Promise<T[]>;
  exec(sql: string | Sql, params?: Value[]): Promise<void>;
  /** Runs fn in one transaction on one connection; rolls back if fn throws. */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;
  /**
   * Runs fn on one connection without opening a transaction: temporary tables made there are seen by
   * all of fn's statements, also inside a transaction begun with s.transaction. (The import stages
   * rows this way, then merges them in one short transaction.) fn drops what it made.
   */
  session<T>(fn: (s: Store) => Promise<T>): Promise<T>;
  /** Bulk load: appends rows (values in the order of columns) to table. Returns the number appended. */
  copyIn(table: string, columns: string[], rows: Iterable<Value[]>): Promise<number>;
  /** The result columns of a SELECT, without running it to the end (LIMIT 0): names, and which are numbers. */
  columns(select: Sql): Promise<ColumnInfo[]>;
  /** Bulk load from a CSV file as copyOut writes it (a header row; NULL empty, an empty text quoted). Returns the rows loaded. */
  copyInFile(table: string, columns: string[], path: string): Promise<number>;
  /** Writes the rows of a SELECT to a file (CSV with header, or Parquet). Returns the row count. */
  copyOut(select: Sql, path: string, format: ExportFormat): Promise<number>;
  close(): Promise<void>;
  /**
   * DuckDB: when the oldest transaction open on the database began (null: none). A DuckDB file has one
   * writing process, so this sees every writer; an incremental model run looks back to it (PostgreSQL
   * asks pg_stat_activity instead: src/models/incremental.ts).
   */
  oldestOpenTransaction?(): Date | null;
}

export type ExportFormat = 'csv' | 'parquet';

/** Values in SQL text are always parameters; identifiers come from code, never from input. */
export function assertIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad SQL identifier: ${name}`);
  return name;
}

/** Accepts either SQL text with its parameters or an Sql fragment. */
export function toText(q: string | Sql, params: Value[] = []): { text: string; params: Value[] } {
  return q instanceof Sql ? q.render() : { text: q, params };
}
