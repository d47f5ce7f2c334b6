// What the real-time checks judge an incoming record against, held in memory per store: reference data
// (agencies, items, the published inspection list, baselines, lists, certificates), the model settings
// in force, the dedupe keys of the clues already raised, and keyed recent records (an entity's
// inspections, cases by id and entity, …). Each part loads from the store the first time a record kind
// needs it, with one scan in SQL that DuckDB and PostgreSQL share; every judged record updates it; a bulk
// file import, a demo generation or a catalog load replaces it (loaded on next use), a settings change
// drops the settings. Writes that bypass those paths (another process, SQL by hand) are not seen until
// the state is dropped: the scheduled batch run stays the reference.
import type { Store } from '../../store/store.ts';
import { sql, raw, type Sql } from '../../store/sql.ts';
import { regionPrefix } from '../../domain/region.ts';
import { HOTLINE_ENFORCEMENT } from '../../clues/settings.ts';
import { MODELS } from '../library/index.ts';
import { loadAllSettings, onSettingsSaved, runGroups, type ModelSetting, type RunGroup } from '../settings.ts';
import type { ModelDefinition } from '../model.ts';
import { InspectionLog, Interner } from './inspection-log.ts';
import { InspectionDirectory } from './directory.ts';
import { grow, shrinkToFit, IdIndex, PackedStrings } from './packed-ids.ts';
import { businessDayOf, dayOf, isoOf, yearOfDay } from './days.ts';
import { BaselineBook, type BaselineRecord } from '../../catalog/discretion.ts';
import type { TierName } from '../../catalog/types.ts';
import { forgetStoredKeys } from '../../store/key-filter.ts';
import { KeySet } from './key-set.ts';

export type Part = 'reference' | 'names' | 'certificates' | 'inspections' | 'cases' | 'delegations' | 'hotline';

// ── settings ───────────────────────────────────────────────────────────────────────────────────
/** A model's run groups (src/models/settings.ts), and which one a record's region falls in. */
export class ModelGroups {
  private readonly heads: { group: RunGroup; prefix: string }[];
  constructor(readonly groups: RunGroup[]) {
    this.heads = groups.map((group) => ({ group, prefix: regionPrefix(group.regionCode) }));
  }

  /** The group whose query would see a record of this region (the most specific setting), if any. */
  of(region: string): RunGroup | undefined {
    for (const { group, prefix } of this.heads) {
      if (region.startsWith(prefix) && !group.exclude.some((p) => region.startsWith(p))) return group;
    }
    return undefined;
  }
}

// ── reference data ─────────────────────────────────────────────────────────────────────────────
export interface Agency {
  name: string;
  line: string;
  legalStatus: string | null;
  /** The agency's own region (INS_RISK_INVERTED's hit is in it). */
  region: string;
}
export interface Item {
  name: string;
  fineMin: number | null;
  fineMax: number | null;
  timeLimitDays: number | null;
  line: string;
}
export interface InspectionItem {
  name: string;
  region: string;
  maxPerYear: number;
}
export interface Certificate {
  issued: number;
  expires: number;
  valid: boolean;
  /** The scope as written (line or item codes), null when none is stated. */
  scope: string | null;
}
export interface Entity {
  name: string;
  region: string;
}

/**
 * The (source system, agency) pairs that have sent a column on at least one inspection: the models that
 * read the column judge only those (INS_NOT_REPORTED reported_on, INS_RANDOM_NOT_PUBLISHED
 * published_on). A few thousand pairs at most, whatever the number of records.
 */
export class SourceAgencies {
  private readonly bySource = new Map<string, Set<string>>();

  add(source: string, agency: string): void {
    let agencies = this.bySource.get(source);
    if (!agencies) this.bySource.set(source, (agencies = new Set()));
    agencies.add(agency);
  }

  has(source: string, agency: string): boolean {
    return this.bySource.get(source)?.has(agency) ?? false;
  }
}

// ── keyed records ──────────────────────────────────────────────────────────────────────────────
/** A case's decision, tier and harm, numbered once per process (each a handful of values: the kind's enumerations); 0 is null. */
const FACT_VALUES = new Interner();
const FACT_BITS = 8;
const factCode = (v: string | null): number => {
  if (v === null) return 0;
  const k = FACT_VALUES.id(v) + 1;
  if (k >= 1 << FACT_BITS) throw new Error(`real-time state: more than ${(1 << FACT_BITS) - 2} distinct decisions, tiers or harms`);
  return k;
};
const factValue = (k: number): string | null => (k === 0 ? null : FACT_VALUES.values[k - 1]);
const DECISION = 0;
const TIER = FACT_BITS;
const HARM = 2 * FACT_BITS;
const FIRST_OFFENCE = 1 << (3 * FACT_BITS);
const CORRECTED = FIRST_OFFENCE << 1;
const DELIVERED = FIRST_OFFENCE << 2;
const PAID = FIRST_OFFENCE << 3;
const MASK = (1 << FACT_BITS) - 1;

/** A case's facts as they arrive: what `CaseFacts` keeps of it. */
export interface CaseInput {
  id: string;
  region: string;
  agency: string;
  item: string;
  entity: string;
  filed: number;
  decided: number | null;
  decision: string | null;
  fine: number | null;
  tier: string | null;
  firstOffence: boolean;
  corrected: boolean;
  harm: string;
  delivered: boolean;
  paid: boolean;
}

/**
 * A case as the case, delivery, payment and hotline checks need it. One object a case (the navigator's
 * similar-case index and history hold cases by identity), kept small: the id is its row in the state's
 * case table, the entity its row in the state's entity index (one pointer, to the table, finds both), the
 * decision, tier, harm and the four flags one small integer; the table chains an entity's cases by row
 * instead of an array per entity (an object of 16 fields, its USCC and that array cost 328 bytes a case
 * at city scale).
 */
export class CaseFacts {
  /** The case's row in `table`: its id, packed there. */
  readonly row: number;
  readonly region: string;
  readonly agency: string;
  readonly item: string;
  readonly filed: number;
  readonly decided: number | null;
  readonly fine: number | null;
  /** The entity's row in the table's entity index. */
  readonly entityRow: number;
  private bits: number;

  /** A case of `table` (the id gets its row there, or keeps the one it has: a case sent again replaces its row's case). */
  constructor(
    c: CaseInput,
    readonly table: CaseTable,
  ) {
    this.row = table.rowFor(c.id);
    this.region = c.region;
    this.agency = c.agency;
    this.item = c.item;
    this.filed = c.filed;
    this.decided = c.decided;
    this.fine = c.fine;
    this.entityRow = table.entities.add(c.entity);
    this.bits =
      (factCode(c.decision) << DECISION) |
      (factCode(c.tier) << TIER) |
      (factCode(c.harm) << HARM) |
      (c.firstOffence ? FIRST_OFFENCE : 0) |
      (c.corrected ? CORRECTED : 0) |
      (c.delivered ? DELIVERED : 0) |
      (c.paid ? PAID : 0);
  }

  /** Decoded from the table at each read: compare `row`s where the cases are of one table. */
  get id(): string {
    return this.table.id(this.row);
  }
  /** The entity's USCC. */
  get entity(): string {
    return this.table.entities.id(this.entityRow);
  }
  get decision(): string | null {
    return factValue((this.bits >> DECISION) & MASK);
  }
  /** The tier the decision states, and the facts that select one (the navigator and PEN_DEVIATION read them). */
  get tier(): string | null {
    return factValue((this.bits >> TIER) & MASK);
  }
  get harm(): string {
    return factValue((this.bits >> HARM) & MASK)!;
  }
  get firstOffence(): boolean {
    return (this.bits & FIRST_OFFENCE) !== 0;
  }
  get corrected(): boolean {
    return (this.bits & CORRECTED) !== 0;
  }
  /** A delivery / payment record names this case. */
  get delivered(): boolean {
    return (this.bits & DELIVERED) !== 0;
  }
  set delivered(v: boolean) {
    this.bits = v ? this.bits | DELIVERED : this.bits & ~DELIVERED;
  }
  get paid(): boolean {
    return (this.bits & PAID) !== 0;
  }
  set paid(v: boolean) {
    this.bits = v ? this.bits | PAID : this.bits & ~PAID;
  }
}

/**
 * The state's cases by id: the ids packed in an `IdIndex`, each case at its id's row, and each entity's
 * cases chained by row in typed columns. A Map keyed by 11-character ids, the id strings, a pointer a
 * case to the entity's previous case and one an entity to its last cost about 80 bytes a case at
 * hangzhou scale; these about 40. It gives the cases the entity index too, so that a case holds one
 * pointer for both.
 */
export class CaseTable {
  private readonly ids = new IdIndex();
  private byRow: (CaseFacts | undefined)[] = [];
  private count = 0;
  /** Per case row: the row of the same entity's case learnt before it (-1: its first). */
  private previous = new Int32Array(1024);
  /** Per entity row: the row of its last case learnt (-1: none). */
  private last = new Int32Array(1024).fill(-1);

  constructor(readonly entities: IdIndex) {}

  /** The cases held. */
  get size(): number {
    return this.count;
  }

  /** The row of `id`, a new one if the table has never seen it (CaseFacts' constructor). */
  rowFor(id: string): number {
    return this.ids.add(id);
  }

  id(row: number): string {
    return this.ids.id(row);
  }

  get(id: string): CaseFacts | undefined {
    const row = this.ids.rowOf(id);
    return row < 0 ? undefined : this.byRow[row];
  }

  /**
   * Holds `c` at its row, in place of the case of its id held before if any: that one leaves its
   * entity's cases, `c` is its entity's last.
   */
  set(c: CaseFacts): void {
    if (c.table !== this) throw new Error(`case ${c.id}: made for another case table`);
    const old = this.byRow[c.row];
    if (old) this.unchain(old);
    else this.count++;
    setAt(this.byRow, c.row, c);
    const e = c.entityRow;
    if (e >= this.last.length) {
      const size = this.last.length;
      this.last = grow(this.last, e + 1);
      this.last.fill(-1, size);
    }
    this.previous = grow(this.previous, c.row + 1);
    this.previous[c.row] = this.last[e];
    this.last[e] = c.row;
  }

  /** The cases of the entity at row `entityRow` of the entity index, in the order the table learnt them. */
  ofEntity(entityRow: number): CaseFacts[] {
    const list: CaseFacts[] = [];
    for (let r = entityRow >= 0 && entityRow < this.last.length ? this.last[entityRow] : -1; r >= 0; r = this.previous[r])
      list.push(this.byRow[r]!);
    return list.reverse();
  }

  /** Takes a case's row out of its entity's chain. */
  private unchain(old: CaseFacts): void {
    const r = old.row;
    const e = old.entityRow;
    if (this.last[e] === r) {
      this.last[e] = this.previous[r];
      return;
    }
    for (let k = this.last[e]; k >= 0; k = this.previous[k])
      if (this.previous[k] === r) {
        this.previous[k] = this.previous[r];
        return;
      }
  }

  /** Rows `a` and `b`'s ids in the order of JS strings, read in place (`PackedIds.compare`). */
  compare(a: number, b: number): number {
    return this.ids.compare(a, b);
  }

  /** Cut to what it holds, once loaded. */
  shrinkToFit(): void {
    this.ids.shrinkToFit();
    // An array grows by half: a copy is cut to its length.
    this.byRow = this.byRow.slice();
    this.previous = shrinkToFit(this.previous, this.ids.size);
    this.last = shrinkToFit(this.last, this.entities.size);
  }
}

/**
 * Two cases in the order of their ids as JS strings (negative: `a` first), as `a.id < b.id` orders them
 * but without decoding the ids where both are of one table (a tie-break run over an item's cases).
 */
export function byId(a: CaseFacts, b: CaseFacts): number {
  if (a.table === b.table) return a.table.compare(a.row, b.row);
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export interface Ticket {
  id: string;
  at: number;
  day: number;
  content: string;
}
export interface Delegation {
  id: string;
  region_code: string;
  agency_id: string;
  service_code: string | null;
  service_name: string;
  provider_name: string;
  approved: boolean;
  fee: number | null;
  signed_on: string;
}

/** Each officer's certificates in columns, chained per officer: an object and an array an officer cost 290 bytes a certificate, these about 40. */
export class Certificates {
  private readonly officers = new IdIndex();
  /** Per officer row: its last certificate (-1: none). */
  private last = new Int32Array(1024).fill(-1);
  /** Per certificate: the officer's previous one (-1: none), its dates (days since 1970) and whether it is valid. */
  private next = new Int32Array(1024);
  private issued = new Int32Array(1024);
  private expires = new Int32Array(1024);
  private valid = new Uint8Array(1024);
  /** Per certificate: its scope's id in `scopes` (-1: none stated); a city's certificates share a few hundred. */
  private scope = new Int32Array(1024);
  private readonly scopes = new Interner();
  private count = 0;

  add(officer: string, c: Certificate): void {
    const o = this.officers.add(officer);
    if (o >= this.last.length) {
      const size = this.last.length;
      this.last = grow(this.last, o + 1);
      this.last.fill(-1, size);
    }
    const i = this.count++;
    this.next = grow(this.next, i + 1);
    this.issued = grow(this.issued, i + 1);
    this.expires = grow(this.expires, i + 1);
    this.valid = grow(this.valid, i + 1);
    this.scope = grow(this.scope, i + 1);
    this.next[i] = this.last[o];
    this.issued[i] = c.issued;
    this.expires[i] = c.expires;
    this.valid[i] = c.valid ? 1 : 0;
    this.scope[i] = c.scope === null ? -1 : this.scopes.id(c.scope);
    this.last[o] = i;
  }

  /** An officer's certificates, the first loaded first. */
  of(officer: string): Certificate[] {
    const o = this.officers.rowOf(officer);
    const list: Certificate[] = [];
    for (let i = o < 0 ? -1 : this.last[o]; i >= 0; i = this.next[i])
      list.push({
        issued: this.issued[i],
        expires: this.expires[i],
        valid: this.valid[i] === 1,
        scope: this.scope[i] < 0 ? null : this.scopes.values[this.scope[i]],
      });
    return list.reverse();
  }
}

/** Cases decided with a fine (PEN_DOUBLE's cases). */
export const isFined = (c: { decision: string | null; fine: number | null }): boolean =>
  c.decision === 'fine' && c.fine !== null && c.fine > 0;

/** Whether a 12345 ticket concerns enforcement: the test FUP_COMPLAINT_AFTER_CASE and the clue intake apply. */
export const aboutEnforcement = (category: string, content: string): boolean =>
  HOTLINE_ENFORCEMENT.categories.includes(category) || HOTLINE_ENFORCEMENT.keywords.some((k) => content.includes(k));

/**
 * Every row of a query's columns, as text (NULL as null), handed to `onRow` (the array is reused). The
 * rows travel packed, one string_agg per bucket of rows: turning 1.4 million rows into objects took the
 * drivers 10 s, the packed scan 2 s. Fields are decoded from bytes, so each is a string of its own: a
 * substring of the packed text would keep all of it alive (1.4 million ids: 177 MB against 79 MB).
 */
export async function scan(
  store: Store,
  columns: string[],
  from: Sql,
  bucket: string,
  onRow: (fields: (string | null)[]) => void,
): Promise<void> {
  const packed = columns.map((c) => `COALESCE(CAST(${c} AS VARCHAR), chr(2))`).join(' || chr(31) || ');
  const parts = await store.query<{ p: string | null }>(sql`SELECT string_agg(${raw(packed)}, chr(30)) AS p FROM ${from}
    GROUP BY substr(${raw(bucket)}, length(${raw(bucket)}) - 1, 2)`);
  const fields: (string | null)[] = new Array(columns.length);
  for (let k = 0; k < parts.length; k++) {
    const text = parts[k].p;
    parts[k].p = null;
    if (text === null) continue;
    const buf = Buffer.from(text, 'utf8');
    let pos = 0;
    while (pos < buf.length) {
      for (let f = 0; f < columns.length; f++) {
        let end = buf.indexOf(f === columns.length - 1 ? 0x1e : 0x1f, pos);
        if (end < 0) end = buf.length;
        fields[f] = end - pos === 1 && buf[pos] === 0x02 ? null : buf.toString('utf8', pos, end);
        pos = end + 1;
      }
      onRow(fields);
    }
  }
}

const num = (v: string | null): number | null => (v === null ? null : Number(v));

export class RealtimeState {
  private readonly parts = new Map<Part, Promise<void>>();
  private settings: Map<string, ModelSetting[]> | null = null;
  /** A setting was saved: the next check reloads them (until then the ones in force stay, never none). */
  private settingsStale = false;
  private readonly groupCache = new Map<string, ModelGroups>();
  /** Strings that repeat across records, kept once. */
  readonly codes = new Interner();

  // reference
  agencies = new Map<string, Agency>();
  /**
   * Entities by USCC: one index for the whole state, whose rows the inspection log and the cases use too
   * (each part kept its own USCCs before). By row: the entity's name and region, the facts of a hit (city
   * scale: 220,000); an entity the entities table does not hold (a record naming an unknown USCC) has a
   * row but no name.
   */
  entities = new IdIndex();
  private entityNames = new PackedStrings();
  private entityRegions = new Int32Array(1024);
  /** Officers by id; by row their names and whether their staff type is 行政执法辅助人员 (OFF_AUX_*) (city scale: 100,000). */
  private officers = new IdIndex();
  private officerNames = new PackedStrings();
  private auxiliary = new Uint8Array(1024);
  items = new Map<string, Item>();
  inspectionItems = new Map<string, InspectionItem>();
  regionNames = new Map<string, string>();
  lineNames = new Map<string, string>();
  whitelist = new Map<string, { region: string; line: string | null }>();
  /** `item|region` of every exemption-list entry. */
  exemptions = new Set<string>();
  /** Every baseline version with its tiers: `effective` is the one rule of which governs a case. */
  baselines: BaselineBook = new BaselineBook([]);
  /** The dedupe keys of the hits the real-time models have stored (as hashes): a hit on one of them writes nothing. */
  knownKeys = new KeySet();
  certificates = new Certificates();

  // keyed records
  inspections = new InspectionLog();
  /** Inspections before this day are not in the log: checks that look back past it go to SQL. */
  inspectionsFrom = 0;
  /** Inspection ids that a case names (INS_CASE_NOT_FILED). */
  inspectionsWithCase = new IdIndex();
  /** The codes of joint tasks (综合查一次) → the joint task: records citing one are one joint visit, whatever their kind. */
  jointCodes = new Map<string, string>();
  /**
   * The sources that send reported_on / published_on (one inspection carrying it is enough). A pair
   * stays once seen: a source whose every dated inspection is sent again without the date still counts
   * here until the state is next loaded, where the models' SQL would drop it.
   */
  reportingSources = new SourceAgencies();
  publishingSources = new SourceAgencies();
  /** The agencies' 检查对象名录, classed entries only (INS_GOOD_CREDIT_OVERCHECKED, INS_RISK_INVERTED). */
  directory = new InspectionDirectory(this.entities, this.inspections.strings);
  /**
   * The case source systems that send notified_on / legal_review_on (PEN_NO_NOTICE, PEN_NO_LEGAL_REVIEW
   * judge only those). A system stays once seen, until the state is next loaded.
   */
  noticeSystems = new Set<string>();
  reviewSystems = new Set<string>();
  /** Cases by id (the entity index is the names part's; a state whose cases are not loaded holds none). */
  cases = new CaseTable(this.entities);
  /** Every case by item: the peers of a decision (PEN_DEVIATION) and the history the navigator reads. */
  casesByItem = new Map<string, CaseFacts[]>();
  /**
   * Told every case the state learns after its load (the landed row as stored, and its facts here): a
   * capability that keeps more of each case than the checks need (the navigator's similar-case index)
   * learns it in the same step, and is dropped with the state. `previous`: the same case's facts as the
   * state held them before (a case sent again), so that what was computed from them can be dropped too.
   */
  readonly caseListeners = new Set<(row: Readonly<Record<string, unknown>>, facts: CaseFacts, previous: CaseFacts | undefined) => void>();
  /** Deliveries / payments whose case has not arrived yet. */
  private pendingDelivered = new Set<string>();
  private pendingPaid = new Set<string>();
  delegations = new Map<string, Delegation>();
  /** Delegations with a service code and a fee, by service, fees ascending: DEL_FEE's peers and median. */
  delegationsByService = new Map<string, Delegation[]>();
  feesByService = new Map<string, number[]>();
  ticketsByEntity = new Map<string, Ticket[]>();

  constructor(readonly store: Store) {}

  /** Dropped (invalidateRealtimeState): a check already running finishes on it; loads still running keep nothing. */
  private retired = false;

  retire(): void {
    this.retired = true;
  }

  invalidateSettings(): void {
    this.settingsStale = true;
  }

  /** Entities pushed through the API (new, or renamed). */
  putEntities(rows: readonly { uscc: string; name: string; region_code: string }[]): void {
    if (!this.parts.has('names')) return;
    for (const e of rows) this.setEntity(e.uscc, e.name, e.region_code);
  }

  private setEntity(uscc: string, name: string, region: string): void {
    const row = this.entities.add(uscc);
    this.entityNames.set(row, name);
    this.entityRegions = grow(this.entityRegions, row + 1);
    this.entityRegions[row] = this.codes.id(region);
  }

  isLoaded(part: Part): boolean {
    return this.parts.has(part);
  }

  /** Loads the parts a record kind needs (once), and the settings. */
  async ready(parts: readonly Part[], asOf: string): Promise<void> {
    // The inspection log reaches back to the start of last year; a new year moves that.
    if (this.parts.has('inspections') && yearOfDay(dayOf(asOf)) - 1 > yearOfDay(this.inspectionsFrom)) this.parts.delete('inspections');
    // Once dropped, it loads no more: the store's new state is the one to load (readyState).
    for (const p of ['reference', 'names', ...parts] as Part[]) {
      if (this.retired) return;
      await this.readyPart(p, asOf);
    }
    if (!this.retired && (!this.settings || this.settingsStale)) {
      this.settingsStale = false;
      const settings = await loadAllSettings(this.store);
      this.settings = settings;
      this.groupCache.clear();
    }
  }

  /** Loads one part (once), alone: what the bench measures part by part. */
  readyPart(part: Part, asOf: string): Promise<void> {
    let loading = this.parts.get(part);
    if (!loading) {
      loading = this.load(part, asOf).catch((e) => {
        this.parts.delete(part);
        throw e;
      });
      this.parts.set(part, loading);
    }
    return loading;
  }

  /** The run groups of a model, if the settings in force are loaded (by a `ready` since the last change). */
  knownGroups(model: ModelDefinition): ModelGroups | undefined {
    return this.settings && !this.settingsStale && !this.retired ? this.groups(model) : undefined;
  }

  /** The run groups of a model under the settings in force. */
  groups(model: ModelDefinition): ModelGroups {
    let g = this.groupCache.get(model.code);
    if (!g) {
      g = new ModelGroups(runGroups(model, this.settings?.get(model.code) ?? [], '330000'));
      this.groupCache.set(model.code, g);
    }
    return g;
  }

  entity(uscc: string | null): Entity | null {
    const row = uscc === null ? -1 : this.entities.rowOf(uscc);
    const name = row < 0 ? undefined : this.entityNames.get(row);
    return name === undefined ? null : { name, region: this.codes.values[this.entityRegions[row]] };
  }

  officerName(id: string | null): string | null {
    const row = id === null ? -1 : this.officers.rowOf(id);
    return row < 0 ? null : this.officerNames.get(row)!;
  }

  /** Whether the officer is on the officers list as a 行政执法辅助人员. */
  isAuxiliary(id: string | null): boolean {
    const row = id === null ? -1 : this.officers.rowOf(id);
    return row >= 0 && this.auxiliary[row] === 1;
  }

  agencyName(id: string | null): string | null {
    return id === null ? null : (this.agencies.get(id)?.name ?? id);
  }

  // ── updates from judged records ──────────────────────────────────────────────────────────────
  putInspection(r: {
    id: string;
    entity_uscc: string;
    agency_id: string;
    region_code: string;
    inspection_item_code: string;
    inspected_on: string;
    kind: string;
    result: string;
    joint_id: string | null;
    action_code: string | null;
    source_system: string;
    reported_on: string | null;
    published_on: string | null;
  }): void {
    if (!this.parts.has('inspections')) return;
    if (r.reported_on !== null) this.reportingSources.add(r.source_system, r.agency_id);
    if (r.published_on !== null) this.publishingSources.add(r.source_system, r.agency_id);
    const day = dayOf(r.inspected_on);
    if (day >= this.inspectionsFrom) this.inspections.put(this.asVisit({ ...r, day, random: r.kind === 'random' }));
  }

  /** Entries of the 检查对象名录 pushed through the API (new, or classed anew). */
  putDirectory(rows: readonly { agency_id: string; entity_uscc: string; credit_class: string | null }[]): void {
    if (!this.parts.has('inspections')) return;
    for (const r of rows) this.directory.set(r.agency_id, r.entity_uscc, r.credit_class);
  }

  /** The joint task whose code a record cites, if any. */
  jointTaskOf(code: string | null | undefined): string | undefined {
    return code ? this.jointCodes.get(code) : undefined;
  }

  /** A record citing a joint task's code is part of that joint visit, as the models' SQL counts it (COALESCE(joint task, joint_id)). */
  private asVisit<T extends { kind: string; joint_id: string | null; action_code: string | null }>(r: T): T {
    const joint = this.jointTaskOf(r.action_code);
    return joint ? { ...r, kind: 'joint', joint_id: joint } : r;
  }

  putCase(r: {
    id: string;
    region_code: string;
    agency_id: string;
    item_code: string;
    entity_uscc: string;
    inspection_id: string | null;
    filed_on: string;
    decided_on: string | null;
    decision: string | null;
    tier: string | null;
    first_offence: boolean;
    corrected: boolean;
    harm: string;
    fine_amount: number | null;
    source_system: string;
    notified_on: string | null;
    legal_review_on: string | null;
  }): void {
    if (this.parts.has('inspections') && r.inspection_id !== null) this.inspectionsWithCase.add(r.inspection_id);
    if (!this.parts.has('cases')) return;
    if (r.notified_on !== null) this.noticeSystems.add(r.source_system);
    if (r.legal_review_on !== null) this.reviewSystems.add(r.source_system);
    const old = this.cases.get(r.id);
    const c = new CaseFacts(
      {
        id: r.id,
        region: this.codes.str(r.region_code),
        agency: this.codes.str(r.agency_id),
        item: this.codes.str(r.item_code),
        entity: r.entity_uscc,
        filed: dayOf(r.filed_on),
        decided: r.decided_on === null ? null : dayOf(r.decided_on),
        decision: r.decision,
        fine: r.fine_amount === null ? null : Number(r.fine_amount),
        tier: r.tier,
        firstOffence: r.first_offence,
        corrected: r.corrected,
        harm: r.harm,
        delivered: (old?.delivered ?? false) || this.pendingDelivered.delete(r.id),
        paid: (old?.paid ?? false) || this.pendingPaid.delete(r.id),
      },
      this.cases,
    );
    if (old) {
      const list = this.casesByItem.get(old.item)!;
      list.splice(list.indexOf(old), 1);
    }
    this.cases.set(c);
    this.addCase(c);
    for (const listener of this.caseListeners) listener(r, c, old);
  }

  /** An entity's cases, in the order the state learnt them. */
  casesOf(uscc: string | null): CaseFacts[] {
    return this.cases.ofEntity(uscc === null ? -1 : this.entities.rowOf(uscc));
  }

  private addCase(c: CaseFacts): void {
    const list = this.casesByItem.get(c.item);
    if (list) list.push(c);
    else this.casesByItem.set(c.item, [c]);
  }

  putDelivery(caseId: string): void {
    if (!this.parts.has('cases')) return;
    const c = this.cases.get(caseId);
    if (c) c.delivered = true;
    else this.pendingDelivered.add(caseId);
  }

  putPayment(caseId: string): void {
    if (!this.parts.has('cases')) return;
    const c = this.cases.get(caseId);
    if (c) c.paid = true;
    else this.pendingPaid.add(caseId);
  }

  putDelegation(r: Delegation): void {
    if (!this.parts.has('delegations')) return;
    const old = this.delegations.get(r.id);
    if (old && old.service_code !== null && old.fee !== null) {
      const fees = this.feesByService.get(old.service_code)!;
      fees.splice(fees.indexOf(old.fee), 1);
      const peers = this.delegationsByService.get(old.service_code)!;
      peers.splice(peers.indexOf(old), 1);
    }
    const d = { ...r, fee: r.fee === null ? null : Number(r.fee) };
    this.delegations.set(d.id, d);
    this.addDelegation(d);
  }

  private addDelegation(d: Delegation): void {
    if (d.service_code === null || d.fee === null) return;
    let fees = this.feesByService.get(d.service_code);
    if (!fees) this.feesByService.set(d.service_code, (fees = []));
    let i = fees.length;
    while (i > 0 && fees[i - 1] > d.fee) i--;
    fees.splice(i, 0, d.fee);
    (this.delegationsByService.get(d.service_code) ?? this.delegationsByService.set(d.service_code, []).get(d.service_code)!).push(d);
  }

  putTicket(r: { id: string; entity_uscc: string | null; received_at: string; category: string; content: string }): void {
    if (!this.parts.has('hotline') || r.entity_uscc === null) return;
    let list = this.ticketsByEntity.get(r.entity_uscc);
    const i = list?.findIndex((t) => t.id === r.id) ?? -1;
    if (list && i >= 0) list.splice(i, 1);
    if (!aboutEnforcement(r.category, r.content)) return;
    if (!list) this.ticketsByEntity.set(r.entity_uscc, (list = []));
    const at = Date.parse(r.received_at);
    list.push({ id: r.id, at, day: businessDayOf(r.received_at), content: r.content });
  }

  // ── loading ──────────────────────────────────────────────────────────────────────────────────
  private async load(part: Part, asOf: string): Promise<void> {
    // A state dropped while it loads keeps nothing: what the load read is let go with it.
    const apply = (fn: () => void) => {
      if (!this.retired) fn();
    };
    const { store } = this;
    const day = (col: string) => `CAST(${store.dialect.daysBetween(`CAST('1970-01-01' AS DATE)`, col)} AS INTEGER)`;
    switch (part) {
      case 'reference': {
        const [agencies, items, inspectionItems, regions, whitelist, exemptions, tiers, lines] = [
          await store.query<{ id: string; name: string; line_code: string; legal_status: string | null; region_code: string }>(
            'SELECT id, name, line_code, legal_status, region_code FROM agencies',
          ),
          await store.query<{
            code: string;
            name: string;
            fine_min: number | null;
            fine_max: number | null;
            time_limit_days: number | null;
            line_code: string;
          }>('SELECT code, name, fine_min, fine_max, time_limit_days, line_code FROM items'),
          await store.query<{ code: string; name: string; region_code: string; max_per_year: number }>(
            'SELECT code, name, region_code, max_per_year FROM inspection_items',
          ),
          await store.query<{ code: string; name: string }>('SELECT code, name FROM regions'),
          await store.query<{ code: string; region_code: string; line_code: string | null }>(
            'SELECT code, region_code, line_code FROM service_whitelist',
          ),
          await store.query<{ item_code: string; region_code: string }>('SELECT DISTINCT item_code, region_code FROM exemptions'),
          await store.query<{
            id: string;
            item_code: string;
            region_code: string;
            effective_from: string;
            tier: TierName | null;
            fine_min: number | null;
            fine_max: number | null;
          }>(
            `SELECT b.id, b.item_code, b.region_code, CAST(b.effective_from AS VARCHAR) AS effective_from, t.tier, t.fine_min, t.fine_max
             FROM baselines b LEFT JOIN baseline_tiers t ON t.baseline_id = b.id`,
          ),
          await store.query<{ code: string; name: string }>('SELECT code, name FROM lines'),
        ];
        const codes = MODELS.filter((m) => m.realtime).map((m) => m.code);
        const keys = await store.query<{ dedupe_key: string }>(
          sql`SELECT dedupe_key FROM model_hits WHERE model_code IN (${raw(codes.map((c) => `'${c}'`).join(', '))})`,
        );
        apply(() => {
          this.agencies = new Map(
            agencies.map((a) => [a.id, { name: a.name, line: a.line_code, legalStatus: a.legal_status, region: a.region_code }]),
          );
          this.items = new Map(
            items.map((i) => [
              i.code,
              { name: i.name, fineMin: i.fine_min, fineMax: i.fine_max, timeLimitDays: i.time_limit_days, line: i.line_code },
            ]),
          );
          this.inspectionItems = new Map(
            inspectionItems.map((i) => [i.code, { name: i.name, region: i.region_code, maxPerYear: i.max_per_year }]),
          );
          this.regionNames = new Map(regions.map((r) => [r.code, r.name]));
          this.lineNames = new Map(lines.map((l) => [l.code, l.name]));
          this.whitelist = new Map(whitelist.map((w) => [w.code, { region: w.region_code, line: w.line_code }]));
          this.exemptions = new Set(exemptions.map((x) => `${x.item_code}|${x.region_code}`));
          this.baselines = bookOf(tiers);
          this.knownKeys = new KeySet(keys.map((k) => k.dedupe_key));
        });
        return;
      }
      case 'names': {
        const entities = new IdIndex();
        const names = new PackedStrings();
        let regions = new Int32Array(1024);
        await scan(store, ['uscc', 'name', 'region_code'], raw('entities'), 'uscc', ([uscc, name, region]) => {
          const row = entities.add(uscc!);
          names.set(row, name!);
          regions = grow(regions, row + 1);
          regions[row] = this.codes.id(region!);
        });
        const officers = new IdIndex();
        const officerNames = new PackedStrings();
        let auxiliary = new Uint8Array(1024);
        await scan(store, ['id', 'name', 'staff_type'], raw('officers'), 'id', ([id, name, staffType]) => {
          const row = officers.add(id!);
          officerNames.set(row, name!);
          auxiliary = grow(auxiliary, row + 1);
          auxiliary[row] = staffType === 'auxiliary' ? 1 : 0;
        });
        entities.shrinkToFit();
        names.shrinkToFit();
        regions = shrinkToFit(regions, entities.size);
        officers.shrinkToFit();
        officerNames.shrinkToFit();
        auxiliary = shrinkToFit(auxiliary, officers.size);
        apply(() => {
          this.entities = entities;
          this.entityNames = names;
          this.entityRegions = regions;
          this.officers = officers;
          this.officerNames = officerNames;
          this.auxiliary = auxiliary;
        });
        return;
      }
      case 'certificates': {
        const certificates = new Certificates();
        await scan(
          store,
          ['officer_id', day('issued_on'), day('expires_on'), 'status', 'scope'],
          raw('certificates'),
          'id',
          ([officer, issued, expires, status, scope]) => {
            certificates.add(officer!, { issued: Number(issued), expires: Number(expires), valid: status === 'valid', scope });
          },
        );
        apply(() => {
          this.certificates = certificates;
        });
        return;
      }
      case 'inspections': {
        const from = dayOf(`${yearOfDay(dayOf(asOf)) - 1}-01-01`);
        // The log's entities are rows of the names' entity index.
        await this.readyPart('names', asOf);
        const log = new InspectionLog(this.entities);
        const jointCodes = new Map(
          (await store.query<{ code: string; id: string }>(`SELECT code, id FROM inspection_tasks WHERE origin = 'joint'`)).map((r) => [
            r.code,
            r.id,
          ]),
        );
        await scan(
          store,
          [
            'id',
            'entity_uscc',
            'agency_id',
            'region_code',
            'inspection_item_code',
            day('inspected_on'),
            'kind',
            'result',
            'joint_id',
            'action_code',
          ],
          sql`inspections WHERE inspected_on >= CAST(${isoOf(from)} AS DATE)`,
          'id',
          ([id, entity, agency, region, item, d, kind, result, joint, code]) => {
            const jointTask = code ? jointCodes.get(code) : undefined;
            log.put(
              {
                id: id!,
                entity_uscc: entity!,
                agency_id: agency!,
                region_code: region!,
                inspection_item_code: item!,
                day: Number(d),
                kind: jointTask ? 'joint' : kind!,
                result: result!,
                joint_id: jointTask ?? joint,
                random: kind === 'random',
              },
              true,
            );
          },
        );
        log.shrinkToFit();
        // Every inspection, not only the log's years: the gate is the source's whole history.
        const reporting = new SourceAgencies();
        const publishing = new SourceAgencies();
        for (const r of await store.query<{ source_system: string; agency_id: string; reported: number; published: number }>(
          `SELECT source_system, agency_id, max(CASE WHEN reported_on IS NOT NULL THEN 1 ELSE 0 END) AS reported,
                  max(CASE WHEN published_on IS NOT NULL THEN 1 ELSE 0 END) AS published
           FROM inspections WHERE reported_on IS NOT NULL OR published_on IS NOT NULL GROUP BY source_system, agency_id`,
        )) {
          if (Number(r.reported)) reporting.add(r.source_system, r.agency_id);
          if (Number(r.published)) publishing.add(r.source_system, r.agency_id);
        }
        const directory = new InspectionDirectory(this.entities, log.strings);
        await scan(
          store,
          ['agency_id', 'entity_uscc', 'credit_class'],
          raw('inspection_objects WHERE credit_class IS NOT NULL'),
          'entity_uscc',
          ([agency, entity, credit]) => directory.load(agency!, entity!, credit),
        );
        directory.loaded();
        const linked = await store.query<{ inspection_id: string }>(
          'SELECT DISTINCT inspection_id FROM cases WHERE inspection_id IS NOT NULL',
        );
        const withCase = new IdIndex(linked.map((r) => r.inspection_id));
        withCase.shrinkToFit();
        apply(() => {
          this.inspections = log;
          this.inspectionsFrom = from;
          this.inspectionsWithCase = withCase;
          this.jointCodes = jointCodes;
          this.reportingSources = reporting;
          this.publishingSources = publishing;
          this.directory = directory;
        });
        return;
      }
      case 'cases': {
        // The cases' entities are rows of the names' entity index.
        await this.readyPart('names', asOf);
        const { entities } = this;
        const cases = new CaseTable(entities);
        const byItem = new Map<string, CaseFacts[]>();
        await scan(
          store,
          [
            'c.id',
            'c.region_code',
            'c.agency_id',
            'c.item_code',
            'c.entity_uscc',
            day('c.filed_on'),
            day('c.decided_on'),
            'c.decision',
            'c.fine_amount',
            'c.tier',
            'CASE WHEN c.first_offence THEN 1 ELSE 0 END',
            'CASE WHEN c.corrected THEN 1 ELSE 0 END',
            'c.harm',
            'CASE WHEN d.case_id IS NULL THEN 0 ELSE 1 END',
            'CASE WHEN p.case_id IS NULL THEN 0 ELSE 1 END',
          ],
          raw(`cases c LEFT JOIN (SELECT DISTINCT case_id FROM deliveries) d ON d.case_id = c.id
          LEFT JOIN (SELECT DISTINCT case_id FROM payments) p ON p.case_id = c.id`),
          'c.id',
          ([id, region, agency, item, entity, filed, decided, decision, fine, tier, first, corrected, harm, delivered, paid]) => {
            const c = new CaseFacts(
              {
                id: id!,
                region: this.codes.str(region!),
                agency: this.codes.str(agency!),
                item: this.codes.str(item!),
                entity: entity!,
                filed: Number(filed),
                decided: num(decided),
                decision,
                fine: num(fine),
                tier,
                firstOffence: first === '1',
                corrected: corrected === '1',
                harm: harm!,
                delivered: delivered === '1',
                paid: paid === '1',
              },
              cases,
            );
            cases.set(c);
            const list = byItem.get(c.item);
            if (list) list.push(c);
            else byItem.set(c.item, [c]);
          },
        );
        cases.shrinkToFit();
        // Deliveries and payments can name a case that has not arrived yet. A set difference rather than
        // an anti-join: Citus joins two distributed tables only on their distribution column (county_code).
        const orphans = (table: string) =>
          store.query<{ case_id: string }>(`SELECT case_id FROM ${table} EXCEPT SELECT id AS case_id FROM cases`);
        const [undelivered, unpaid] = [await orphans('deliveries'), await orphans('payments')];
        const noticeSystems = new Set<string>();
        const reviewSystems = new Set<string>();
        for (const r of await store.query<{ source_system: string; notified: number; reviewed: number }>(
          `SELECT source_system, max(CASE WHEN notified_on IS NOT NULL THEN 1 ELSE 0 END) AS notified,
                  max(CASE WHEN legal_review_on IS NOT NULL THEN 1 ELSE 0 END) AS reviewed
           FROM cases WHERE notified_on IS NOT NULL OR legal_review_on IS NOT NULL GROUP BY source_system`,
        )) {
          if (Number(r.notified)) noticeSystems.add(r.source_system);
          if (Number(r.reviewed)) reviewSystems.add(r.source_system);
        }
        apply(() => {
          this.noticeSystems = noticeSystems;
          this.reviewSystems = reviewSystems;
          this.cases = cases;
          this.casesByItem = byItem;
          this.pendingDelivered = new Set(undelivered.map((r) => r.case_id));
          this.pendingPaid = new Set(unpaid.map((r) => r.case_id));
        });
        return;
      }
      case 'delegations': {
        const rows =
          await store.query<Delegation>(`SELECT id, region_code, agency_id, service_code, service_name, provider_name, approved, fee,
          CAST(signed_on AS VARCHAR) AS signed_on FROM delegations`);
        apply(() => {
          this.delegations = new Map();
          this.delegationsByService = new Map();
          this.feesByService = new Map();
          for (const r of rows) {
            this.delegations.set(r.id, r);
            this.addDelegation(r);
          }
        });
        return;
      }
      case 'hotline': {
        // Only tickets about enforcement with an entity: the others never join a case.
        const words = HOTLINE_ENFORCEMENT.keywords.map((k) => sql`content LIKE ${`%${k}%`}`);
        const rows = await store.query<{ id: string; entity_uscc: string; received_at: string; category: string; content: string }>(sql`
          SELECT id, entity_uscc, received_at, category, content FROM hotline_tickets
          WHERE entity_uscc IS NOT NULL AND (category IN (${joinValues(HOTLINE_ENFORCEMENT.categories)}) OR ${joinOr(words)})`);
        const byEntity = new Map<string, Ticket[]>();
        for (const r of rows) {
          let list = byEntity.get(r.entity_uscc);
          if (!list) byEntity.set(r.entity_uscc, (list = []));
          list.push({ id: r.id, at: Date.parse(r.received_at), day: businessDayOf(r.received_at), content: r.content });
        }
        apply(() => {
          this.ticketsByEntity = byEntity;
        });
        return;
      }
    }
  }
}

/** `list[i] = v`, the list filled up to `i` first: an array written far past its end turns into a slow dictionary. */
function setAt<T>(list: (T | undefined)[], i: number, v: T): void {
  while (list.length < i) list.push(undefined);
  list[i] = v;
}

function joinValues(values: readonly string[]): Sql {
  return values.slice(1).reduce((acc, v) => sql`${acc}, ${v}`, sql`${values[0]}`);
}

function joinOr(parts: Sql[]): Sql {
  return parts.slice(1).reduce((acc, p) => sql`${acc} OR ${p}`, parts[0]);
}

/** The baselines and their tiers, from one row per tier (a baseline without tiers: one row of NULLs). */
function bookOf(
  rows: {
    id: string;
    item_code: string;
    region_code: string;
    effective_from: string;
    tier: TierName | null;
    fine_min: number | null;
    fine_max: number | null;
  }[],
): BaselineBook {
  const byId = new Map<string, BaselineRecord & { tiers: BaselineRecord['tiers'][number][] }>();
  for (const r of rows) {
    let b = byId.get(r.id);
    if (!b)
      byId.set(
        r.id,
        (b = { id: r.id, item_code: r.item_code, region_code: r.region_code, title: '', effective_from: r.effective_from, tiers: [] }),
      );
    if (r.tier !== null && r.fine_min !== null && r.fine_max !== null)
      b.tiers.push({ tier: r.tier, fine_min: Number(r.fine_min), fine_max: Number(r.fine_max), conditions: '' });
  }
  return new BaselineBook(byId.values());
}

// One state per store (a server has one; each test store its own).
const states = new WeakMap<Store, RealtimeState>();

export function realtimeState(store: Store): RealtimeState {
  let s = states.get(store);
  if (!s) states.set(store, (s = new RealtimeState(store)));
  return s;
}

/**
 * After a bulk change of records or reference data: the store gets a new state, loaded on next use.
 * The old one is let go at once, not reloaded in place: at hangzhou scale it holds 2.3 GB, and loading
 * again beside it peaked at 4,069 MB of the 4,144 MB heap and took 186 s instead of 80.
 */
/**
 * Tables the state holds as they were when loaded and does not follow by itself (entities it does,
 * through the ingest hook): a batch that writes one of them drops the state, whatever its source.
 */
export const REALTIME_REFERENCE_TABLES: ReadonlySet<string> = new Set([
  'regions',
  'agencies',
  'officers',
  'certificates',
  'items',
  'inspection_items',
  'baselines',
  'baseline_tiers',
  'exemptions',
  'service_whitelist',
  'followup_tasks',
]);

export function invalidateRealtimeState(store: Store, opts: { keysKept?: boolean } = {}): void {
  states.get(store)?.retire();
  states.delete(store);
  // Whoever writes record tables outside the import calls this: the merge's key filters go too, unless
  // the caller knows they still hold every stored key (records pushed through the import add theirs).
  if (!opts.keysKept) forgetStoredKeys(store.location);
}

/** The store's state, ready for `parts`; if it is dropped while loading, the one that replaced it. */
export async function readyState(store: Store, parts: readonly Part[], asOf: string): Promise<RealtimeState> {
  for (;;) {
    const state = realtimeState(store);
    await state.ready(parts, asOf);
    if (states.get(store) === state) return state;
  }
}

onSettingsSaved((store) => states.get(store)?.invalidateSettings());
