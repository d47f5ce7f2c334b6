// The deadline check (run hourly by the server with the escalation check): an agency is told when a
// deadline is DUE_SOON_DAYS away and when it has passed, and the office when it has passed — once per
// clue and deadline (a new deadline, by return or extension, is told again). Each is a notification
// and a webhook (clue.due_soon, clue.overdue) written together.
import type { Store } from '../store/store.ts';
import { sql, joinSql } from '../store/sql.ts';
import { addDays } from '../domain/dates.ts';
import { EVERY_CHAIN, withAudit } from '../audit/audit-log.ts';
import { enqueueWebhook } from '../integration/webhooks.ts';
import { DUE_SOON_DAYS } from '../notifications/kinds.ts';
import { clueNotification, notify } from '../notifications/notify.ts';
import { todayOf, type Clock } from './clock.ts';
import { DEADLINE_STATUSES, webhookClue, type ClueRow } from './workflow.ts';

export interface DeadlineCheck {
  dueSoon: number;
  overdue: number;
}

export async function checkDeadlines(store: Store, clock: Clock): Promise<DeadlineCheck> {
  const today = todayOf(clock);
  const statuses = joinSql(
    DEADLINE_STATUSES.map((s) => sql`${s}`),
    ', ',
  );
  // Case members follow their case: the case's clue is the one told.
  const clues = await store.query<ClueRow>(sql`
    SELECT * FROM clues WHERE status IN (${statuses}) AND deadline IS NOT NULL AND (case_id IS NULL OR case_id = id)
      AND deadline <= CAST(${addDays(today, DUE_SOON_DAYS)} AS DATE)
    ORDER BY id`);
  if (clues.length === 0) return { dueSoon: 0, overdue: 0 };
  return withAudit(store, EVERY_CHAIN, async (tx) => {
    const at = clock();
    const out = { dueSoon: 0, overdue: 0 };
    for (const c of clues) {
      const overdue = c.deadline! < today;
      const rows = overdue
        ? [
            clueNotification(c, { kind: 'overdue', at, key: c.deadline! }),
            clueNotification(c, { kind: 'overdue_review', at, key: c.deadline! }),
          ]
        : [clueNotification(c, { kind: 'due_soon', at, key: c.deadline! })];
      const fresh = await notify(tx, rows);
      if (fresh.length === 0) continue;
      if (overdue) out.overdue++;
      else out.dueSoon++;
      await enqueueWebhook(tx, overdue ? 'clue.overdue' : 'clue.due_soon', c.region_code, { clue: webhookClue(c), today }, at);
    }
    return {
      result: out,
      audit: out.dueSoon + out.overdue ? [{ actor: 'system', action: 'clue.deadline_check', detail: { today, ...out } }] : [],
    };
  });
}
