// 待复核: the decisions the discretion models flagged — a fine outside the tier the facts select
// (PEN_OUT_OF_TIER), a fine where the no-penalty list applies (PEN_EXEMPT_FINED), a fine far from its
// peers' median (PEN_DEVIATION) — one row per case with every reason, newest first, for supervisors.
// The models raise these in real time as decisions land (src/models/realtime/cases.ts) and in batch.
import type { Store } from '../store/store.ts';
import { sql, joinSql } from '../store/sql.ts';
import type { Caller } from '../auth/caller.ts';
import { aggregateScope, clueScope } from '../policy/index.ts';
import { findModel } from '../models/library/index.ts';
import type { ReviewRow } from './schema.ts';

/** The models whose clues put a decision on the review list. */
export const REVIEW_MODELS = ['PEN_OUT_OF_TIER', 'PEN_EXEMPT_FINED', 'PEN_DEVIATION'] as const;

const codes = () =>
  joinSql(
    REVIEW_MODELS.map((c) => sql`${c}`),
    ', ',
  );

/** Flagged decisions in the caller's scope whose clues are still open; `limit` cases, newest first, and how many in all. */
export async function reviewList(store: Store, caller: Caller, limit = 200): Promise<{ total: number; rows: ReviewRow[] }> {
  // Each flag is a model's hit on the case (subject case|<case id>), filed into a clue still open: the
  // clue is a file of hits (src/models/triage), so the case is the hit's subject, not the clue's.
  const hits = await store.query<{
    id: string;
    case_id: string;
    model_code: string;
    status: string;
    explanation: string;
    created_at: string;
  }>(
    sql`SELECT t.id, h.subject_id AS case_id, h.model_code, t.status, h.explanation, CAST(h.found_at AS VARCHAR) AS created_at
        FROM model_hits h JOIN clues t ON t.id = h.clue_id
        WHERE h.model_code IN (${codes()}) AND h.subject_kind = 'case' AND t.status NOT IN ('closed', 'dismissed') AND ${clueScope(caller, 't')}
        ORDER BY h.found_at DESC, h.id`,
  );
  const byCase = new Map<string, typeof hits>();
  for (const f of hits) (byCase.get(f.case_id) ?? byCase.set(f.case_id, []).get(f.case_id)!).push(f);
  const ids = [...byCase.keys()].slice(0, limit);
  if (ids.length === 0) return { total: byCase.size, rows: [] };
  const cases = await store.query<{
    id: string;
    region_code: string;
    region_name: string | null;
    agency_name: string | null;
    entity_name: string | null;
    item_code: string;
    item_name: string | null;
    decided_on: string | null;
    decision: string | null;
    tier: string | null;
    fine_amount: number | null;
  }>(sql`
    SELECT c.id, c.region_code, g.name AS region_name, a.name AS agency_name, e.name AS entity_name, c.item_code, i.name AS item_name,
      CAST(c.decided_on AS VARCHAR) AS decided_on, c.decision, c.tier, c.fine_amount
    FROM cases c LEFT JOIN regions g ON g.code = substr(c.region_code, 1, 6) LEFT JOIN agencies a ON a.id = c.agency_id
      LEFT JOIN entities e ON e.uscc = c.entity_uscc LEFT JOIN items i ON i.code = c.item_code
    WHERE c.id IN (${joinSql(
      ids.map((id) => sql`${id}`),
      ', ',
    )}) AND ${aggregateScope(caller, 'cases', 'c')}`);
  const byId = new Map(cases.map((c) => [c.id, c]));
  const rows = ids.flatMap((id): ReviewRow[] => {
    const c = byId.get(id);
    if (!c) return [];
    const flags = byCase.get(id)!;
    return [
      {
        caseId: id,
        regionCode: c.region_code,
        regionName: c.region_name ?? c.region_code,
        agencyName: c.agency_name,
        entityName: c.entity_name,
        itemCode: c.item_code,
        itemName: c.item_name ?? c.item_code,
        decidedOn: c.decided_on,
        decision: c.decision,
        tier: c.tier,
        fine: c.fine_amount === null ? null : Number(c.fine_amount),
        flaggedAt: flags[0].created_at,
        reasons: flags.map((f) => ({
          modelCode: f.model_code,
          modelName: findModel(f.model_code)?.name ?? f.model_code,
          clueId: f.id,
          status: f.status,
          explanation: f.explanation,
        })),
      },
    ];
  });
  return { total: byCase.size, rows };
}
