// Background work of the server (model schedule, clue escalation, webhook delivery): each job is a
// loop that never overlaps itself and never brings the server down.

export interface Worker {
  stop(): Promise<void>;
}

/** Runs `task` every intervalMs (one run at a time); errors are reported, never fatal. */
export function startLoop(
  name: string,
  intervalMs: number,
  task: () => Promise<unknown>,
  onError: (e: unknown) => void = (e) => process.stderr.write(`${name}: ${(e as Error).message}\n`),
): Worker {
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = task()
      .catch(onError)
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
