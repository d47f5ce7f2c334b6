// What both ways of triaging a run's hits (in-sql.ts for batch runs, in-code.ts for the few hits of a
// real-time check) are given and give back.
import { FINAL_STATUSES } from '../../clues/workflow.ts';
import { addDays, isIsoDate } from '../../domain/dates.ts';
import { createHash } from 'node:crypto';
import type { Procedure } from './procedure.ts';
import { SCORE } from './score.ts';

export interface TriageContext {
  /** The business day of the run: the period the hits are bundled in, and the day history counts back from. */
  asOf: string;
  now: Date;
  actor: string;
  /**
   * The enterprise a record subject names, from what the caller already holds (the records a real-time
   * check judged): undefined when it does not know, and triage asks the store.
   */
  entityOf?: (subjectKind: string, subjectId: string) => string | null | undefined;
}

/** What triage did with one run's hits. */
export interface TriageOutcome {
  /** Hits not seen before, now kept in model_hits. */
  newHits: number;
  /** Clues opened, by the procedure they opened with. */
  newClues: number;
  simple: number;
  general: number;
  /** Open clues that took new hits. */
  joined: number;
  /** Files left at 预警 (no clue) that took new hits. */
  warnings: number;
}

export const emptyOutcome = (): TriageOutcome => ({ newHits: 0, newClues: 0, simple: 0, general: 0, joined: 0, warnings: 0 });

export const countOpened = (o: TriageOutcome, p: Procedure): void => {
  if (p === 'warning') o.warnings++;
  else {
    o.newClues++;
    o[p]++;
  }
};

/** Statuses of a clue that no longer takes hits (a later hit opens a new clue for the file). */
export const CLOSED_LIST = FINAL_STATUSES.map((s) => `'${s}'`).join(', ');

/** Statuses that confirm a clue: the subject's history. */
export const CONFIRMED_STATUSES = ['closed', 'transferred'] as const;

/** The first day whose confirmed clues count in a subject's history. */
export function historySince(asOf: string): string {
  // The day is written into SQL text as a literal: only a real ISO date gets there.
  if (!isIsoDate(asOf)) throw new Error(`not a date: ${asOf}`);
  return addDays(asOf, -SCORE.history.days);
}

/** A file's n-th clue: its dedupe key (one clue per file at a time, a new one after the last closed). */
export const bundleClueKey = (bundleKey: string, seq: number): string => `B|${bundleKey}|${seq}`;

/** An event id derived from a clue and a run, so that each run writes one join event per clue. */
export const runEventId = (marker: string, clueId: string, runId: string): string =>
  `EV-${marker}${createHash('md5').update(`${clueId}|${runId}`).digest('hex').slice(0, 20)}`;
