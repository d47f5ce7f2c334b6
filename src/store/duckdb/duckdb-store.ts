// DuckDB adapter of the Store port: the embedded default, one file under ./data/.
import {
  DuckDBInstance,
  DuckDBConnection,
  DuckDBPreparedStatement,
  DuckDBTypeId,
  DuckDBDataChunkWriter,
  JsonDuckDBValueConverter,
  numberFromValue,
  dateValue,
  timestampTZValue,
  decimalValue,
  type DuckDBType,
  type DuckDBValue,
  type DuckDBDecimalType,
  type ToDuckDBValueConverter,
} from '@duckdb/node-api';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { duckdbDialect } from '../dialect.ts';
import { assertIdentifier, toText, type ColumnInfo, type ExportFormat, type Row, type Store, type Value } from '../store.ts';
import type { Sql } from '../sql.ts';

function fromDuckDB(value: unknown, type: DuckDBType): unknown {
  if (value === null) return null;
  switch (type.typeId) {
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UBIGINT:
    case DuckDBTypeId.DECIMAL:
      return numberFromValue(value as DuckDBValue);
    case DuckDBTypeId.TIMESTAMP_TZ:
    case DuckDBTypeId.TIMESTAMP:
      return isoFromMicros((value as { micros: bigint }).micros);
    default:
      return JsonDuckDBValueConverter(value as DuckDBValue, type, JsonDuckDBValueConverter);
  }
}

const NUMERIC_TYPES = new Set<DuckDBTypeId>([
  DuckDBTypeId.TINYINT,
  DuckDBTypeId.SMALLINT,
  DuckDBTypeId.INTEGER,
  DuckDBTypeId.BIGINT,
  DuckDBTypeId.HUGEINT,
  DuckDBTypeId.UTINYINT,
  DuckDBTypeId.USMALLINT,
  DuckDBTypeId.UINTEGER,
  DuckDBTypeId.UBIGINT,
  DuckDBTypeId.FLOAT,
  DuckDBTypeId.DOUBLE,
  DuckDBTypeId.DECIMAL,
]);

// Statements with parameters are prepared once per connection and kept (the most recent 64): preparing
// is most of a small statement's cost, and the real-time checks write a clue with the same six.
const PREPARED_PER_CONNECTION = 64;
const preparedCache = new WeakMap<DuckDBConnection, Map<string, DuckDBPreparedStatement>>();

/** Parameters as DuckDB binds them: a Date as a TIMESTAMPTZ value (text would be parsed through ICU). */
function duckdbParams(params: readonly Value[]): DuckDBValue[] {
  return params.map((v) => (v instanceof Date ? timestampTZValue(BigInt(v.getTime()) * 1000n) : v));
}

async function prepared(c: DuckDBConnection, sql: string, params: Value[]): Promise<DuckDBPreparedStatement> {
  let cache = preparedCache.get(c);
  if (!cache) preparedCache.set(c, (cache = new Map()));
  let p = cache.get(sql);
  if (p)
    cache.delete(sql); // re-inserted below: the Map's order is the recency order
  else {
    p = await c.prepare(sql);
    if (cache.size >= PREPARED_PER_CONNECTION) {
      const [oldest] = cache.keys();
      cache.get(oldest)?.destroySync();
      cache.delete(oldest);
    }
  }
  cache.set(sql, p);
  p.bind(duckdbParams(params));
  return p;
}

function isoFromMicros(micros: bigint): string {
  return new Date(Number(micros / 1000n)).toISOString();
}

const DAY_MS = 86_400_000;
// Write side, for the appender: values arrive as the Store's plain Values ('YYYY-MM-DD', ISO text, numbers).
const toDuckDB: ToDuckDBValueConverter<Value> = (value, type) => {
  if (value === null || value === undefined) return null;
  switch (type.typeId) {
    case DuckDBTypeId.DATE: {
      const ms = Date.parse(`${String(value)}T00:00:00Z`);
      if (Number.isNaN(ms)) throw new Error(`not a date: ${String(value)}`);
      return dateValue(Math.round(ms / DAY_MS));
    }
    case DuckDBTypeId.TIMESTAMP_TZ: {
      const ms = value instanceof Date ? value.getTime() : Date.parse(String(value));
      if (Number.isNaN(ms)) throw new Error(`not a timestamp: ${String(value)}`);
      return timestampTZValue(BigInt(ms) * 1000n);
    }
    case DuckDBTypeId.DECIMAL: {
      const t = type as DuckDBDecimalType;
      return decimalValue(BigInt(Math.round(Number(value) * 10 ** t.scale)), t.width, t.scale);
    }
    case DuckDBTypeId.BIGINT:
      return BigInt(value as number);
    case DuckDBTypeId.INTEGER:
    case DuckDBTypeId.DOUBLE:
      return Number(value);
    case DuckDBTypeId.BOOLEAN:
      return value === true || value === 'true' || value === 1;
    default:
      return value instanceof Date ? value.toISOString() : String(value);
  }
};

function literalDefault(expr: string | null): Value {
  if (expr === null) return null;
  // A change stamp (migration 102): the time of the write, as the INSERT's default would give it.
  if (/^(current_timestamp|now\(\))$/i.test(expr)) return new Date();
  const e = expr.replace(/^CAST\('?(.*?)'? AS \w+\)$/i, '$1');
  if (/^(true|false|t|f)$/i.test(e)) return e[0].toLowerCase() === 't';
  if (/^-?\d+(\.\d+)?$/.test(e)) return Number(e);
  const quoted = /^'(.*)'$/.exec(e);
  return quoted ? quoted[1] : null;
}

/** Per database: the start (ms) of each transaction open on it, for oldestOpenTransaction. */
const OPEN_TRANSACTIONS = new WeakMap<DuckDBInstance, Set<{ at: number }>>();

export class DuckDBStore implements Store {
  readonly dialect = duckdbDialect;
  private idle: DuckDBConnection[] = [];
  private waiters: ((c: DuckDBConnection) => void)[] = [];
  private open = 0;

  /** pinned: the one connection of a transaction or a session; inTransaction: which of the two. */
  private constructor(
    readonly location: string,
    private readonly instance: DuckDBInstance,
    private readonly maxConnections: number,
    private readonly pinned?: DuckDBConnection,
    private readonly inTransaction = false,
  ) {}

  static async open(path: string, maxConnections = 4): Promise<DuckDBStore> {
    const instance = await DuckDBInstance.create(path);
    const location = path === ':memory:' ? `duckdb::memory:${randomUUID()}` : `duckdb:${resolve(path)}`;
    return new DuckDBStore(location, instance, maxConnections);
  }

  private async acquire(): Promise<DuckDBConnection> {
    if (this.pinned) return this.pinned;
    const c = this.idle.pop();
    if (c) return c;
    if (this.open < this.maxConnections) {
      this.open++;
      const c = await this.instance.connect();
      await c.run(`SET TimeZone = 'Asia/Shanghai'`); // business time zone (docs/store.md)
      return c;
    }
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private release(c: DuckDBConnection): void {
    if (this.pinned) return;
    const w = this.waiters.shift();
    if (w) w(c);
    else this.idle.push(c);
  }

  private async withConnection<T>(fn: (c: DuckDBConnection) => Promise<T>): Promise<T> {
    const c = await this.acquire();
    try {
      return await fn(c);
    } finally {
      this.release(c);
    }
  }

  async query<T = Row>(q: string | Sql, values: Value[] = []): Promise<T[]> {
    const { text: sql, params } = toText(q, values);
    return this.withConnection(async (c) => {
      const reader = params.length ? await (await prepared(c, sql, params)).runAndReadAll() : await c.runAndReadAll(sql);
      const names = reader.columnNames();
      const types = reader.columnTypes();
      const rows = reader.getRows();
      return rows.map((r) => {
        const o: Record<string, unknown> = {};
        for (let i = 0; i < names.length; i++) o[names[i]] = fromDuckDB(r[i], types[i]);
        return o as T;
      });
    });
  }

  async columns(select: Sql): Promise<ColumnInfo[]> {
    const { text, params } = select.render();
    return this.withConnection(async (c) => {
      const reader = await c.runAndReadAll(`SELECT * FROM (${text}) q LIMIT 0`, duckdbParams(params as Value[]));
      const types = reader.columnTypes();
      return reader
        .columnNames()
        .map((name, i) => ({ name, numeric: NUMERIC_TYPES.has(types[i].typeId), text: types[i].typeId === DuckDBTypeId.VARCHAR }));
    });
  }

  async exec(q: string | Sql, values: Value[] = []): Promise<void> {
    const { text: sql, params } = toText(q, values);
    await this.withConnection(async (c) => {
      await (params.length ? (await prepared(c, sql, params)).run() : c.run(sql));
    });
  }

  async transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    if (this.inTransaction) return fn(this); // nested: join the outer transaction
    const c = await this.acquire(); // a session's own connection, or one from the pool
    const tx = new DuckDBStore(this.location, this.instance, 1, c, true);
    let open = OPEN_TRANSACTIONS.get(this.instance);
    if (!open) OPEN_TRANSACTIONS.set(this.instance, (open = new Set()));
    const mark = { at: Date.now() };
    open.add(mark);
    try {
      await c.run('BEGIN TRANSACTION');
      const result = await fn(tx);
      await c.run('COMMIT');
      return result;
    } catch (e) {
      await c.run('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      open.delete(mark);
      this.release(c);
    }
  }

  oldestOpenTransaction(): Date | null {
    let oldest: number | null = null;
    for (const t of OPEN_TRANSACTIONS.get(this.instance) ?? []) oldest = oldest === null ? t.at : Math.min(oldest, t.at);
    return oldest === null ? null : new Date(oldest);
  }

  async session<T>(fn: (s: Store) => Promise<T>): Promise<T> {
    if (this.pinned) return fn(this); // already on one connection
    const c = await this.acquire();
    try {
      return await fn(new DuckDBStore(this.location, this.instance, 1, c));
    } finally {
      this.release(c);
    }
  }

  async copyIn(table: string, columns: string[], rows: Iterable<Value[]>): Promise<number> {
    assertIdentifier(table);
    return this.withConnection(async (c) => {
      // The appender writes whole rows in table order; map the caller's columns onto them.
      const info = await c.runAndReadAll(
        `SELECT column_name, column_default FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position`,
        [table],
      );
      const tableColumns = info.getRows().map((r) => String(r[0]));
      // The appender writes NULL, not the column DEFAULT, for a column it is not given (COPY on
      // PostgreSQL uses the default): fill omitted columns with their literal defaults.
      const defaults = info.getRows().map((r) => literalDefault(r[1] as string | null));
      const positions = tableColumns.map((name) => columns.indexOf(name));
      const unknown = columns.filter((col) => !tableColumns.includes(col));
      if (unknown.length) throw new Error(`copyIn ${table}: unknown columns ${unknown.join(', ')}`);
      const appender = await c.createAppender(table);
      const writer = DuckDBDataChunkWriter.forAppender<Value>(appender, { converter: toDuckDB });
      const full: Value[] = new Array(tableColumns.length).fill(null);
      let n = 0;
      try {
        for (const row of rows) {
          for (let i = 0; i < positions.length; i++) full[i] = positions[i] < 0 ? defaults[i] : row[positions[i]];
          writer.appendRow(full);
          n++;
        }
        writer.flush();
        appender.closeSync();
      } catch (e) {
        try {
          appender.closeSync();
        } catch {
          /* the first error is the one to report */
        }
        throw e;
      }
      return n;
    });
  }

  async copyInFile(table: string, columns: string[], path: string): Promise<number> {
    assertIdentifier(table);
    columns.forEach(assertIdentifier);
    // A quoted empty field is an empty text, not NULL (allow_quoted_nulls), as PostgreSQL reads it.
    const [r] = await this.query<{ Count: number }>(
      `COPY ${table} (${columns.join(',')}) FROM '${path.replace(/'/g, "''")}' (FORMAT csv, HEADER, allow_quoted_nulls false)`,
    );
    return Number(r?.Count ?? 0);
  }

  async copyOut(select: Sql, path: string, format: ExportFormat): Promise<number> {
    const { text, params } = select.render();
    const options = format === 'parquet' ? '(FORMAT parquet, COMPRESSION zstd)' : '(FORMAT csv, HEADER)';
    const [r] = await this.query<{ Count: number }>(`COPY (${text}) TO '${path.replace(/'/g, "''")}' ${options}`, params);
    return Number(r?.Count ?? 0);
  }

  async close(): Promise<void> {
    for (const c of this.idle) c.closeSync();
    this.idle = [];
    this.instance.closeSync();
  }
}
