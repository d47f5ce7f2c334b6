// Judging one incoming record in code: the state learns the record, then each real-time model of its
// kind that has a code check judges it under the settings in force for the record's region. A check
// returns the rows its model's SQL would return for the hits the record makes or completes (same
// columns, same values), or null when the state does not reach back far enough (the SQL judges then).
import type { HitRow, ModelDefinition, ParamValues } from '../model.ts';
import type { RunGroup } from '../settings.ts';
import { MODELS } from '../library/index.ts';
import { dayOf } from './days.ts';
import type { ModelGroups, Part, RealtimeState } from './state.ts';
import { inspectionChecks } from './inspections.ts';
import { caseChecks } from './cases.ts';
import { deliveryChecks, paymentChecks } from './payments.ts';
import { licenceChecks } from './licences.ts';
import { delegationChecks } from './delegations.ts';
import { hotlineChecks } from './hotline.ts';

export interface CheckContext {
  state: RealtimeState;
  /** The parameters in force for the record's region. */
  params: ParamValues;
  /** The run group the record falls in: the records a windowed model counts with it are the group's. */
  group: RunGroup;
  groups: ModelGroups;
  asOf: string;
  asOfDay: number;
}

/** A hit and the parameters of the group it belongs to (a record can complete a hit of another region's record). */
export interface Hit {
  row: HitRow;
  params: ParamValues;
}

export type Check<R> = (record: R, ctx: CheckContext) => Hit[] | null | Promise<Hit[] | null>;

export interface KindChecks<R> {
  /** The parts of the state the checks read. */
  parts: readonly Part[];
  /** The columns the checks read: a record without one (a caller that sends only ids) goes to the SQL. */
  columns: readonly (keyof R & string)[];
  /** Teaches the state the record (before the checks run: the SQL, too, sees the landed record). */
  observe(state: RealtimeState, record: R): void | Promise<void>;
  /** By model code. */
  checks: Readonly<Record<string, Check<R>>>;
  /** Models whose SQL scopes another table than the record's: their checks find the run group of each hit themselves. */
  ownGroups?: readonly string[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const KIND_CHECKS: Readonly<Record<string, KindChecks<any>>> = {
  inspections: inspectionChecks,
  cases: caseChecks,
  deliveries: deliveryChecks,
  payments: paymentChecks,
  licences: licenceChecks,
  delegations: delegationChecks,
  hotline_tickets: hotlineChecks,
};

/** The code check of a model, if it has one. */
export function codeCheck(model: ModelDefinition): Check<unknown> | undefined {
  return model.realtime ? KIND_CHECKS[model.realtime.kind]?.checks[model.code] : undefined;
}

/** Whether a record carries every column the code checks of its kind read. */
export function judgeable(kind: string, record: Record<string, unknown>): boolean {
  const k = KIND_CHECKS[kind];
  return !!k && k.columns.every((c) => c in record);
}

export interface Judgement {
  model: ModelDefinition;
  hits: Hit[] | null;
}

// The models a record of each kind is judged by, in library order: found once, not per record.
const checksByKind = new Map<string, [ModelDefinition, Check<unknown>][]>();
function checksOf(kind: string): [ModelDefinition, Check<unknown>][] {
  let list = checksByKind.get(kind);
  if (!list) {
    list = MODELS.flatMap((m) => {
      const c = m.realtime?.kind === kind ? codeCheck(m) : undefined;
      return c ? [[m, c] as [ModelDefinition, Check<unknown>]] : [];
    });
    checksByKind.set(kind, list);
  }
  return list;
}

/** Judges one record (as stored) by every code check of its kind; the state must be ready for the kind. */
export async function judge(state: RealtimeState, kind: string, record: Record<string, unknown>, asOf: string): Promise<Judgement[]> {
  const k = KIND_CHECKS[kind];
  const observed = k.observe(state, record);
  if (observed instanceof Promise) await observed;
  const out: Judgement[] = [];
  const asOfDay = dayOf(asOf);
  for (const [model, check] of checksOf(kind)) {
    const groups = state.groups(model);
    const group = groups.of(String(record.region_code ?? ''));
    const own = k.ownGroups?.includes(model.code) ?? false;
    if (!own && !group?.enabled) continue;
    const judged = check(record, { state, params: group?.params ?? {}, group: group ?? groups.groups[0], groups, asOf, asOfDay });
    const hits = judged instanceof Promise ? await judged : judged;
    out.push({ model, hits });
  }
  return out;
}
