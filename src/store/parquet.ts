// A CSV file (with header) as a Parquet file, written by an in-memory DuckDB: for the Parquet exports
// of PostgreSQL, which writes no Parquet, and of rows that JavaScript prepared (opened personal data).
import { DuckDBStore } from './duckdb/duckdb-store.ts';

export async function csvToParquet(csv: string, path: string): Promise<void> {
  const duck = await DuckDBStore.open(':memory:', 1);
  try {
    await duck.exec(
      `COPY (SELECT * FROM read_csv('${csv.replace(/'/g, "''")}', header = true)) TO '${path.replace(/'/g, "''")}' (FORMAT parquet, COMPRESSION zstd)`,
    );
  } finally {
    await duck.close();
  }
}
