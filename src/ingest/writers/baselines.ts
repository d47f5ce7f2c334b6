// A baseline refinement arrives one row per tier, with the baseline's own columns repeated. The rows
// of one baseline must agree on those; the baseline is merged once (baselines), then each tier
// (baseline_tiers), both through the common merge, so both are idempotent and scoped the same way.
// A baseline the caller may not overwrite takes its tiers with it.
import type { Caller } from '../../auth/caller.ts';
import { sql, raw } from '../../store/sql.ts';
import type { Store } from '../../store/store.ts';
import type { FieldSpec, RecordKindSpec } from '../../records/registry.ts';
import { dropDuplicates, mergeIncoming, tempName, type MergeResult } from '../merge.ts';
import { rejectRows } from './rejects.ts';

const HEADER = ['item_code', 'region_code', 'title', 'effective_from', 'source_system'];
const TIER = ['tier', 'fine_min', 'fine_max', 'conditions', 'region_code', 'source_system'];

export async function writeBaselines(tx: Store, spec: RecordKindSpec, caller: Caller, inc: string): Promise<MergeResult> {
  const field = (name: string) => spec.fields.find((f) => f.name === name)!;
  const fields = spec.fields.map((f) => f.name);
  const rejected: MergeResult['rejected'] = [];
  const { duplicates, duplicateNotes } = await dropDuplicates(tx, spec, inc);

  // One baseline, one set of header columns.
  await rejectRows(
    tx,
    inc,
    fields,
    raw(`SELECT row_no FROM ${inc} WHERE baseline_id IN (SELECT baseline_id FROM (SELECT DISTINCT baseline_id, ${HEADER.join(', ')} FROM ${inc}) h
      GROUP BY baseline_id HAVING COUNT(*) > 1)`),
    'baseline_id',
    (r) => `基准 ${String(r.baseline_id)} 的各行事项、区划、名称、施行日期或来源系统不一致`,
    rejected,
  );

  const headerSpec: RecordKindSpec = {
    ...spec,
    table: 'baselines',
    key: ['id'],
    idColumn: 'id',
    writer: undefined,
    computed: undefined,
    fields: [{ ...field('baseline_id'), name: 'id' } as FieldSpec, ...HEADER.map(field)],
  };
  const headers = tempName('ingest_baselines');
  await tx.exec(
    `CREATE TEMP TABLE ${headers} AS SELECT MIN(row_no) AS row_no, baseline_id AS id, ${HEADER.join(', ')} FROM ${inc} GROUP BY baseline_id, ${HEADER.join(', ')}`,
  );
  try {
    const h = await mergeIncoming(tx, headerSpec, caller, headers);
    // The tiers of a baseline that was refused share its fate.
    for (const r of h.rejected) {
      const id = String(r.values.id);
      await rejectRows(
        tx,
        inc,
        fields,
        sql`SELECT row_no FROM ${raw(inc)} WHERE baseline_id = ${id}`,
        'baseline_id',
        () => r.errors[0].message,
        rejected,
      );
    }
  } finally {
    await tx.exec(`DROP TABLE IF EXISTS ${headers}`);
  }

  const tierSpec: RecordKindSpec = {
    ...spec,
    writer: undefined,
    fields: [field('baseline_id'), ...TIER.map(field)],
  };
  const tiers = await mergeIncoming(tx, tierSpec, caller, inc);
  return { ...tiers, duplicates, duplicateNotes, rejected: [...rejected, ...tiers.rejected] };
}
