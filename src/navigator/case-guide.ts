// 执法精灵: for the officer handling one case — the assessment of its facts (and of its decision, once
// made), the similar past cases, the articles, and the procedure still due with its deadlines (the
// models' rules, src/models/procedure.ts). Only a case in the caller's scope is read.
import type { Store } from '../store/store.ts';
import { sql } from '../store/sql.ts';
import { businessDate } from '../domain/dates.ts';
import type { Caller } from '../auth/caller.ts';
import { recordScope } from '../policy/index.ts';
import { procedureDue, type CaseForProcedure } from '../models/procedure.ts';
import { assess } from './assess.ts';
import { NavigatorError } from './errors.ts';
import { articleRef, navReference } from './reference.ts';
import type { CaseGuide } from './schema.ts';

interface CaseRow extends CaseForProcedure {
  item_code: string;
  agency_id: string;
  entity_uscc: string;
  first_offence: boolean;
  corrected: boolean;
  harm: 'none' | 'minor' | 'serious';
  facts: string | null;
  tier: string | null;
  agency_name: string | null;
  entity_name: string | null;
}

export async function caseGuide(store: Store, caller: Caller, caseId: string, today = businessDate(new Date())): Promise<CaseGuide> {
  const inScope = await recordScope(store, caller, 'cases');
  const [c] = await store.query<CaseRow>(sql`
    SELECT c.id, c.region_code, c.item_code, c.agency_id, c.entity_uscc, CAST(c.filed_on AS VARCHAR) AS filed_on,
      CAST(c.decided_on AS VARCHAR) AS decided_on, c.decision, c.tier, c.fine_amount, c.first_offence, c.corrected, c.harm, c.facts,
      c.lead_officer_id, c.assist_officer_id, a.name AS agency_name, e.name AS entity_name
    FROM cases c LEFT JOIN agencies a ON a.id = c.agency_id LEFT JOIN entities e ON e.uscc = c.entity_uscc
    WHERE c.id = ${caseId} AND ${inScope('c')}`);
  // Out of scope reads as absent: a caller learns nothing of another jurisdiction's case ids.
  if (!c) throw new NavigatorError('not_found', 'id', `未找到案件${caseId}（或不在您的管辖范围内）`);
  const fine = c.fine_amount === null ? null : Number(c.fine_amount);
  const assessment = await assess(
    store,
    caller,
    {
      item: c.item_code,
      regionCode: c.region_code,
      asOf: c.decided_on ?? today,
      facts: { firstOffence: c.first_offence, corrected: c.corrected, harm: c.harm, text: c.facts },
      proposed: c.decision ? { decision: c.decision, fine: c.decision === 'fine' ? fine : null } : null,
    },
    { excludeCaseId: c.id, today },
  );
  const ref = await navReference(store);
  const procedure = (await procedureDue(store, c, today)).map((s) => ({
    key: s.key,
    label: s.label,
    modelCode: s.model.code,
    basis: articleRef(ref, s.model.basis.regulationId, s.model.basis.article ?? null),
    dueOn: s.dueOn,
    doneOn: s.doneOn,
    status: s.status,
    note: s.note,
  }));
  return {
    case: {
      id: c.id,
      itemCode: c.item_code,
      regionCode: c.region_code,
      agencyName: c.agency_name,
      entityName: c.entity_name,
      filedOn: c.filed_on,
      decidedOn: c.decided_on,
      decision: c.decision,
      tier: c.tier,
      fine,
      facts: c.facts,
    },
    assessment,
    procedure,
  };
}
