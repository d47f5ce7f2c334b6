// The models that judge follow-up answers (the collisions with the records, the serious complaints,
// 假服务真检查) run on answers as they land through Kedu's own paths — the survey, the outcome API —
// inside the landing transaction, so an answer and the clues it raises commit together.
import type { Store } from '../store/store.ts';
import type { AuditEntryInput } from '../audit/audit-log.ts';
import { checkRecordsIn } from '../models/realtime/check.ts';
import type { AnswerRow } from './land.ts';

export async function judgeAnswers(
  store: Store,
  tx: Store,
  answers: readonly AnswerRow[],
  actor: string,
  asOf: string,
): Promise<AuditEntryInput[]> {
  const { audit } = await checkRecordsIn(store, tx, 'followup_answers', answers as unknown as Record<string, unknown>[], actor, asOf);
  return audit;
}
