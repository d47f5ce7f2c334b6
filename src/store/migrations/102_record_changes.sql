-- Incremental model runs (docs/scale-out.md, "Incremental model runs"): every record table carries
-- changed_at TIMESTAMPTZ DEFAULT current_timestamp, the time of the transaction that last wrote the row.
-- The import replaces a changed row (DELETE and INSERT, src/ingest/merge.ts), so an inserted and a
-- changed record both take a new stamp from the default. The column is added by migrate.ts for every
-- table of the record-kind registry (src/records/change-stamp.ts), a kind added later included; it is
-- nullable, so a Citus coordinator's distributed tables take it as any other column.
--
-- model_watermarks: per model and run root, the change stamp up to which its last incremental run
-- looked, and the parameters it ran with (a change of parameters makes the next run full again).
CREATE TABLE model_watermarks (
  model_code VARCHAR NOT NULL,
  region_code VARCHAR NOT NULL,
  watermark TIMESTAMPTZ NOT NULL,
  params VARCHAR NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (model_code, region_code)
);
-- record_links_replaced: when the import replaces a stored row, the values its link columns held (the
-- record and the enterprise it named: src/records/change-stamp.ts `linkColumns`), stamped like the rows:
-- a delivery moved to another case changes what the models find for the case it left as well.
CREATE TABLE record_links_replaced (
  table_name VARCHAR NOT NULL,
  column_name VARCHAR NOT NULL,
  value VARCHAR NOT NULL,
  changed_at TIMESTAMPTZ DEFAULT current_timestamp
);
