// Where the time of one piece of work goes, stage by stage (bench/push-records.ts times a pushed
// record with it). Off unless a bench turns it on: then `stageDone(name)` charges the time since the
// previous mark to `name`. One timing at a time per process (a module variable, not per request): it
// is for a bench that pushes records one after another, never for a server under concurrent load.

let active: StageTimes | null = null;

export class StageTimes {
  private last = performance.now();
  /** Milliseconds per stage, in the order the stages first ended. */
  readonly ms = new Map<string, number>();

  /** Charges the time since the previous mark (or the start) to `stage`. */
  mark(stage: string): void {
    const now = performance.now();
    this.ms.set(stage, (this.ms.get(stage) ?? 0) + (now - this.last));
    this.last = now;
  }
}

/** Starts timing: every stageDone until stopStages() charges this timing. */
export function startStages(): StageTimes {
  active = new StageTimes();
  return active;
}

/** Stops timing; returns the timing that ran (null: none). */
export function stopStages(): StageTimes | null {
  const t = active;
  active = null;
  return t;
}

/** The stage that ends now: a no-op unless a timing runs. */
export function stageDone(stage: string): void {
  active?.mark(stage);
}
