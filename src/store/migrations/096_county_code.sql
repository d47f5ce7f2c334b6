-- The county of every record (the first 6 digits of its region_code), kept as a column of its own: a
-- Citus coordinator distributes the record tables on it (src/store/citus.ts, docs/scale-out.md), as
-- Citus distributes on a column, never on an expression. Every writer fills it from region_code (the
-- import through the kind's computed column, the demo's loader); the schema is the same on every engine.
ALTER TABLE licences ADD COLUMN county_code VARCHAR;
ALTER TABLE inspections ADD COLUMN county_code VARCHAR;
ALTER TABLE cases ADD COLUMN county_code VARCHAR;
ALTER TABLE deliveries ADD COLUMN county_code VARCHAR;
ALTER TABLE payments ADD COLUMN county_code VARCHAR;
ALTER TABLE service_visits ADD COLUMN county_code VARCHAR;
ALTER TABLE hotline_tickets ADD COLUMN county_code VARCHAR;
ALTER TABLE delegations ADD COLUMN county_code VARCHAR;
ALTER TABLE followup_answers ADD COLUMN county_code VARCHAR;
ALTER TABLE inspection_plans ADD COLUMN county_code VARCHAR;
ALTER TABLE inspection_objects ADD COLUMN county_code VARCHAR;
ALTER TABLE coercive_measures ADD COLUMN county_code VARCHAR;
ALTER TABLE review_outcomes ADD COLUMN county_code VARCHAR;
UPDATE licences SET county_code = substr(region_code, 1, 6);
UPDATE inspections SET county_code = substr(region_code, 1, 6);
UPDATE cases SET county_code = substr(region_code, 1, 6);
UPDATE deliveries SET county_code = substr(region_code, 1, 6);
UPDATE payments SET county_code = substr(region_code, 1, 6);
UPDATE service_visits SET county_code = substr(region_code, 1, 6);
UPDATE hotline_tickets SET county_code = substr(region_code, 1, 6);
UPDATE delegations SET county_code = substr(region_code, 1, 6);
UPDATE followup_answers SET county_code = substr(region_code, 1, 6);
UPDATE inspection_plans SET county_code = substr(region_code, 1, 6);
UPDATE inspection_objects SET county_code = substr(region_code, 1, 6);
UPDATE coercive_measures SET county_code = substr(region_code, 1, 6);
UPDATE review_outcomes SET county_code = substr(region_code, 1, 6);
