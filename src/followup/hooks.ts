// The follow-up capability's subscription to the import: answers and call outcomes landing as
// records (kind followup_answers, from a file or the API) are analysed, their tasks updated and the
// second calls drawn in the same transaction (src/ingest/landed-hooks.ts).
import { businessDate } from '../domain/dates.ts';
import { onRecordsLanded } from '../ingest/landed-hooks.ts';
import { asAnswers, landAnswers } from './land.ts';

let registered = false;

/** Called once by whatever starts Kedu (the server, the CLI); calling again changes nothing. */
export function registerFollowupHooks(): void {
  if (registered) return;
  registered = true;
  onRecordsLanded('followup_answers', 'followup', (tx, written, caller) =>
    landAnswers(
      tx,
      asAnswers(written).map((a) => ({ ...a, answered_at: new Date(a.answered_at).toISOString() })),
      caller.userId,
      businessDate(new Date()),
    ),
  );
}
