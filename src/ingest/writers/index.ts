// Writers of the kinds whose rows do not map onto one table row each (src/records: `writer`).
import type { Caller } from '../../auth/caller.ts';
import type { Store } from '../../store/store.ts';
import type { RecordKindSpec } from '../../records/registry.ts';
import type { MergeResult } from '../merge.ts';
import { writeBaselines } from './baselines.ts';
import { writeUsers } from './users.ts';

export type Writer = (tx: Store, spec: RecordKindSpec, caller: Caller, inc: string) => Promise<MergeResult>;

export const WRITERS: Record<NonNullable<RecordKindSpec['writer']>, Writer> = {
  baselines: writeBaselines,
  users: writeUsers,
};
