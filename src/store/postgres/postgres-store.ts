// PostgreSQL adapter of the Store port: server mode, selected by DATABASE_URL=postgres://…
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { postgresDialect } from '../dialect.ts';
import { assertIdentifier, toText, type ColumnInfo, type ExportFormat, type Row, type Store, type Value } from '../store.ts';
import { csvToParquet } from '../parquet.ts';
import type { Sql } from '../sql.ts';

// Return the same plain values the DuckDB adapter returns.
pg.types.setTypeParser(20, (v) => Number(v)); // int8: counts
pg.types.setTypeParser(1700, (v) => Number(v)); // numeric: yuan
pg.types.setTypeParser(1082, (v) => v); // date: 'YYYY-MM-DD'
pg.types.setTypeParser(1184, (v) => new Date(v).toISOString()); // timestamptz
pg.types.setTypeParser(701, (v) => Number(v)); // float8

type Queryable = pg.Pool | pg.PoolClient;

// int2, int4, int8, float4, float8, numeric
const NUMERIC_OIDS = new Set([21, 23, 20, 700, 701, 1700]);
// text, varchar, bpchar
const TEXT_OIDS = new Set([25, 1043, 1042]);

function literal(v: Value): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return `'${v.toISOString()}'`;
  return `'${String(v).replace(/'/g, "''")}'`;
}

function csvField(v: Value): string {
  if (v === null || v === undefined) return '';
  const s = v instanceof Date ? v.toISOString() : String(v);
  return /[",\n\r]/.test(s) || s === '' ? `"${s.replace(/"/g, '""')}"` : s;
}

export class PostgresStore implements Store {
  readonly dialect = postgresDialect;
  /** Without pool: bound to one client, of a transaction (inTransaction) or of a session. */
  private constructor(
    readonly location: string,
    private readonly db: Queryable,
    private readonly pool?: pg.Pool,
    private readonly inTransaction = false,
  ) {}

  static async open(url: string): Promise<PostgresStore> {
    // Business time zone (docs/store.md), set at connection start-up rather than by a racing SET.
    const pool = new pg.Pool({ connectionString: url, max: 8, options: '-c timezone=Asia/Shanghai' });
    // An idle client whose server connection ends (a restart, an administrator's terminate) emits
    // 'error' on the pool; unhandled, that would bring the whole process down. The pool replaces it.
    pool.on('error', (err) => {
      process.stderr.write(`PostgreSQL: idle connection lost (${err.message})\n`);
    });
    await pool.query('SELECT 1');
    const u = new URL(url);
    return new PostgresStore(`postgres://${u.hostname}:${u.port || '5432'}${u.pathname}`, pool, pool);
  }

  async query<T = Row>(q: string | Sql, values: Value[] = []): Promise<T[]> {
    const { text: sql, params } = toText(q, values);
    const r = await this.db.query(sql, params);
    return r.rows as T[];
  }

  async columns(select: Sql): Promise<ColumnInfo[]> {
    const { text, params } = select.render();
    const r = await this.db.query(`SELECT * FROM (${text}) q LIMIT 0`, params);
    return r.fields.map((f) => ({ name: f.name, numeric: NUMERIC_OIDS.has(f.dataTypeID), text: TEXT_OIDS.has(f.dataTypeID) }));
  }

  async exec(q: string | Sql, values: Value[] = []): Promise<void> {
    const { text: sql, params } = toText(q, values);
    await this.db.query(sql, params);
  }

  async transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    if (this.inTransaction) return fn(this); // nested: join the outer transaction
    // A session's own client, or one from the pool.
    const client = this.pool ? await this.pool.connect() : (this.db as pg.PoolClient);
    try {
      await client.query('BEGIN');
      const result = await fn(new PostgresStore(this.location, client, undefined, true));
      await client.query('COMMIT');
      return result;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      if (this.pool) client.release();
    }
  }

  async session<T>(fn: (s: Store) => Promise<T>): Promise<T> {
    if (!this.pool) return fn(this); // already on one client
    const client = await this.pool.connect();
    let failed = false;
    try {
      return await fn(new PostgresStore(this.location, client));
    } catch (e) {
      failed = true;
      throw e;
    } finally {
      // After a failure the connection may hold temporary tables or a broken COPY: not reused.
      client.release(failed);
    }
  }

  /** A client of its own for a COPY (the session's or the transaction's when there is one). */
  private async withCopyClient<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = this.pool ? await this.pool.connect() : (this.db as pg.PoolClient);
    try {
      return await fn(client);
    } finally {
      if (this.pool) client.release();
    }
  }

  /** COPY … FROM STDIN (CSV) fed from `source`: the rows loaded. */
  private copyFromStream(table: string, columns: string[], source: Readable, header: boolean): Promise<number> {
    assertIdentifier(table);
    columns.forEach(assertIdentifier);
    return this.withCopyClient(async (client) => {
      const sink = client.query(copyFrom(`COPY ${table} (${columns.join(',')}) FROM STDIN WITH (FORMAT csv${header ? ', HEADER' : ''})`));
      await pipeline(source, sink);
      return sink.rowCount;
    });
  }

  copyIn(table: string, columns: string[], rows: Iterable<Value[]>): Promise<number> {
    function* lines() {
      let buf = '';
      for (const row of rows) {
        buf += row.map(csvField).join(',') + '\n';
        if (buf.length > 1 << 20) {
          yield buf;
          buf = '';
        }
      }
      if (buf) yield buf;
    }
    return this.copyFromStream(table, columns, Readable.from(lines()), false);
  }

  copyInFile(table: string, columns: string[], path: string): Promise<number> {
    return this.copyFromStream(table, columns, createReadStream(path), true);
  }

  async copyOut(select: Sql, path: string, format: ExportFormat): Promise<number> {
    if (format === 'parquet') {
      // PostgreSQL writes no Parquet: stream CSV out, and let an in-memory DuckDB write the file.
      const csv = join(tmpdir(), `kedu-export-${randomUUID()}.csv`);
      try {
        const n = await this.copyOut(select, csv, 'csv');
        await csvToParquet(csv, path);
        return n;
      } finally {
        await rm(csv, { force: true });
      }
    }
    // COPY takes no bind parameters: inline them as quoted literals (values come from code-validated input).
    const { text, params } = select.render();
    const inlined = text.replace(/\$(\d+)/g, (_, i: string) => literal(params[Number(i) - 1]));
    return this.withCopyClient(async (client) => {
      const source = client.query(copyTo(`COPY (${inlined}) TO STDOUT WITH (FORMAT csv, HEADER)`));
      await pipeline(source, createWriteStream(path));
      return source.rowCount;
    });
  }

  async close(): Promise<void> {
    await this.pool?.end();
  }
}
