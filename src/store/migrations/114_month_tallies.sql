-- The month tallies (src/records/month-tallies.ts): per county, figure, month ('YYYY-MM'), township and
-- agency ('' when the record names none), how many records and (fines) the amount, and the first and
-- last day the records of the row may fall on. The home page reads them; the import keeps them true.
-- Filled from the records after the migrations (src/store/migrate.ts), once the table is distributed on
-- a Citus coordinator.
CREATE TABLE month_tallies (
  county_code VARCHAR NOT NULL,
  part VARCHAR NOT NULL,
  month VARCHAR NOT NULL,
  region_code VARCHAR NOT NULL,
  agency_id VARCHAR NOT NULL,
  n BIGINT NOT NULL,
  amount DECIMAL(18,2) NOT NULL,
  first_day DATE,
  last_day DATE,
  PRIMARY KEY (county_code, part, month, region_code, agency_id)
);
