// Telling the agency of the 简易 clues a run opened: a 简易 clue is the agency's from the moment triage
// opens it (it checks and closes it itself), so its desk is told then, as a 交办 is told — a notification
// and a `clue.self_check` webhook, in the run's transaction. Both ways of triage call this with the ids
// of the clues they opened (a batch run reads their rows in one join and calls tellClues); the clues'
// rows are read back, never the hits.
import type { Store } from '../../store/store.ts';
import { sql, joinSql } from '../../store/sql.ts';
import { enqueueWebhooks } from '../../integration/webhooks.ts';
import { clueNotification, notify } from '../../notifications/notify.ts';
import { webhookClue, type ClueRow } from '../../clues/workflow.ts';

export async function tellSelfChecks(tx: Store, clueIds: readonly string[], at: Date): Promise<number> {
  const clues: ClueRow[] = [];
  for (let i = 0; i < clueIds.length; i += 500) {
    const ids = joinSql(
      clueIds.slice(i, i + 500).map((id) => sql`${id}`),
      ', ',
    );
    clues.push(...(await tx.query<ClueRow>(sql`SELECT * FROM clues WHERE id IN (${ids}) AND status = 'self_check' ORDER BY id`)));
  }
  return tellClues(tx, clues, at);
}

/** Tells the desks of these 简易 clues (rows of clues, status self_check); returns how many were told. */
export async function tellClues(tx: Store, clues: readonly ClueRow[], at: Date): Promise<number> {
  if (clues.length === 0) return 0;
  const told = new Set(
    (
      await notify(
        tx,
        clues.map((c) => clueNotification(c, { kind: 'self_check', at, key: 'open' })),
      )
    ).map((n) => n.clue_id),
  );
  const fresh = clues.filter((c) => told.has(c.id));
  await enqueueWebhooks(
    tx,
    'clue.self_check',
    fresh.map((c) => ({ regionCode: c.region_code, data: { clue: webhookClue(c) } })),
    at,
  );
  return fresh.length;
}
