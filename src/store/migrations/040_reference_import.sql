-- Reference data a county imports itself (src/records, docs/import-formats.md): agencies with their
-- parent and legal status, the scope of an enforcement certificate, and a mark on the catalog rows
-- that did not ship with Kedu.

-- 执法主体: the agency it belongs to (a township team under its county bureau, a brigade under its
-- department), and its legal status: organ (行政机关), authorized (法律、法规授权的组织), entrusted
-- (受委托组织, 行政处罚法 第二十条).
ALTER TABLE agencies ADD COLUMN parent_id VARCHAR;
ALTER TABLE agencies ADD COLUMN legal_status VARCHAR;

-- 执法证: the lines or items it covers, as the codes printed on it (comma-separated); NULL: not stated.
ALTER TABLE certificates ADD COLUMN scope VARCHAR;

-- Catalog rows imported by a county carry the source system they came from; NULL marks a row that
-- shipped with Kedu, which the reference load (src/catalog/load-reference.ts) owns and may replace.
ALTER TABLE regions ADD COLUMN source_system VARCHAR;
ALTER TABLE items ADD COLUMN source_system VARCHAR;
ALTER TABLE inspection_items ADD COLUMN source_system VARCHAR;
ALTER TABLE baselines ADD COLUMN source_system VARCHAR;
ALTER TABLE baseline_tiers ADD COLUMN source_system VARCHAR;
ALTER TABLE exemptions ADD COLUMN source_system VARCHAR;
ALTER TABLE service_whitelist ADD COLUMN source_system VARCHAR;

-- The publishing region of an enforcement item (the shipped catalog is the province's) and of a
-- baseline tier (its baseline's): who may change it is decided by region, like every other row.
ALTER TABLE items ADD COLUMN region_code VARCHAR;
ALTER TABLE baseline_tiers ADD COLUMN region_code VARCHAR;
UPDATE items SET region_code = '330000';
UPDATE baseline_tiers SET region_code = (SELECT b.region_code FROM baselines b WHERE b.id = baseline_tiers.baseline_id);

-- Follow-up tasks from a follow-up system: where they came from.
ALTER TABLE followup_tasks ADD COLUMN source_system VARCHAR;
