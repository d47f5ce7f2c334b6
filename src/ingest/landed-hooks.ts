// Capabilities that must react when records of a kind land (follow-up answers are analysed as they
// arrive) subscribe here; the import calls the hooks inside the transaction that writes the batch,
// for files and API pushes alike, so what a hook writes commits with the records or not at all.
// Ingest imports none of its subscribers: they register themselves (src/followup/hooks.ts).
import type { AuditEntryInput } from '../audit/audit-log.ts';
import type { Caller } from '../auth/caller.ts';
import type { Row, Store } from '../store/store.ts';
import type { Kind } from '../records/registry.ts';

/** Given the rows the batch inserted or changed (as stored); returns audit entries to append. */
export type LandedHook = (tx: Store, written: Row[], caller: Caller) => Promise<AuditEntryInput[]>;

const hooks = new Map<Kind, Map<string, LandedHook>>();

/** Subscribes `hook` under `name` (a second registration of the name replaces the first). */
export function onRecordsLanded(kind: Kind, name: string, hook: LandedHook): void {
  (hooks.get(kind) ?? hooks.set(kind, new Map()).get(kind)!).set(name, hook);
}

export function landedHooks(kind: Kind): LandedHook[] {
  return [...(hooks.get(kind)?.values() ?? [])];
}
