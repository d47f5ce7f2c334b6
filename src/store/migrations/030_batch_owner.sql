-- An import batch belongs to the user who imported it: the owner reads it back and downloads its error
-- file (with the supervisors whose jurisdiction covers it; src/policy/imports.ts). Earlier batches take
-- their owner from the batch's audit entry, whose actor is the importing user.
ALTER TABLE import_batches ADD COLUMN created_by VARCHAR;
UPDATE import_batches SET created_by = (
  SELECT min(a.actor) FROM audit_log a WHERE a.action = 'ingest.batch' AND a.target = import_batches.id
);
