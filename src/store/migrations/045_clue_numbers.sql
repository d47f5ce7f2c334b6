-- Readable clue numbers (富阳-2026-000123): the short name of the clue's county, the year it was found
-- and a sequence per county and year, beside the internal id. docs/clues.md "Clue numbers".
ALTER TABLE clues ADD COLUMN number VARCHAR;
CREATE UNIQUE INDEX clues_number ON clues (number);

-- One row per numbering unit (a county-level code, or the city or province code of a clue filed at
-- that level) and year: the last sequence handed out. Numbers are never reused, even when a clue is
-- removed: the counter only grows.
CREATE TABLE clue_counters (
  unit_code VARCHAR NOT NULL,
  year INTEGER NOT NULL,
  prefix VARCHAR NOT NULL,             -- the region's short name: 富阳区 → 富阳
  last_seq INTEGER NOT NULL,
  PRIMARY KEY (unit_code, year)
);
