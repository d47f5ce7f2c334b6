-- The audit log as one hash chain per city (src/audit/audit-log.ts): an entry belongs to the chain of
-- its region's city, or to the province chain when it has no region or a province-level one. seq counts
-- within a chain, so the key is (chain, seq). Every entry kept so far is in the province chain, whose
-- entries hash as before. DuckDB cannot drop a primary key: the table is made anew and the rows copied.
CREATE TABLE audit_log_chained (
  seq BIGINT NOT NULL,
  occurred_at TIMESTAMPTZ NOT NULL,
  actor VARCHAR NOT NULL,
  action VARCHAR NOT NULL,
  target VARCHAR,
  region_code VARCHAR,
  detail VARCHAR,                      -- JSON
  prev_hash VARCHAR NOT NULL,
  hash VARCHAR NOT NULL,               -- HMAC-SM3 under the audit key (plain SM3 before the key existed)
  chain VARCHAR NOT NULL DEFAULT 'province', -- 'province', or a city's code (330100)
  PRIMARY KEY (chain, seq)
);

INSERT INTO audit_log_chained (seq, occurred_at, actor, action, target, region_code, detail, prev_hash, hash, chain)
  SELECT seq, occurred_at, actor, action, target, region_code, detail, prev_hash, hash, 'province' FROM audit_log;

DROP TABLE audit_log;

ALTER TABLE audit_log_chained RENAME TO audit_log;
