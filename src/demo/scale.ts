// The three sizes of the demo world. "Records" are the rows of the ten business tables (licences,
// inspections, cases, deliveries, payments, service_visits, hotline_tickets, delegations,
// followup_answers, coercive_measures); an entity yields about RECORDS_PER_ENTITY of them over the 18 months, so the
// entity count sets the size. hangzhou: the seed's 3296万条 of Hangzhou's supervision system.

export type ScaleName = 'demo' | 'city' | 'hangzhou';
export const SCALES: readonly ScaleName[] = ['demo', 'city', 'hangzhou'];

export interface ScaleProfile {
  name: ScaleName;
  /** Entities (经营主体) in the world. */
  entities: number;
  /** Share of entities per city (GB/T 2260 city code); cities not named share `otherCities`. */
  cityShare: Readonly<Record<string, number>>;
  otherCities: number;
  /** Counties with entities per city: 'all', the first n in code order, or a list of county codes. */
  countiesPerCity: Readonly<Record<string, number | 'all' | readonly string[]>>;
  defaultCounties: number | 'all';
  /** Only lines that have inspection items get agencies (a small world), or all 42. */
  allLines: boolean;
  /** Officers per agency relative to the full province (about 200,000 officers in 4,600 agencies). */
  officerFactor: number;
  /**
   * The share of the demo's planted violations this scale keeps (1: all of them). The demo plants about
   * one record in sixty so that every model has enough cases to be scored on 9,400 entities; a real
   * city's violations are far rarer (Hangzhou handled 6,388 risk clues in a year from 33 million
   * records), so the largest scale thins every plant by the same share (docs/demo-data.md).
   */
  plantShare: number;
  /** Rows per load batch and table on PostgreSQL (DuckDB batches by size, see sink.ts). */
  batchRows: number;
  /**
   * The JS heap (MB) a generation of this scale needs, where Node's default (about 4 GB) is too small:
   * refused at the start with the setting to use, rather than failing after half an hour.
   */
  heapMB?: number;
}

/** Measured mean of the business records one entity yields (see docs/demo-data.md); used for the progress total. */
export const RECORDS_PER_ENTITY = 15.6;

const HANGZHOU = '330100';

export const SCALE_PROFILES: Readonly<Record<ScaleName, ScaleProfile>> = {
  demo: {
    name: 'demo',
    entities: 9_400,
    cityShare: { [HANGZHOU]: 0.55, '330200': 0.12, '330300': 0.1 },
    otherCities: 0.23,
    // Beside Hangzhou, the places the seed names: 江北区 and 慈溪市 (Ningbo), 苍南县 (Wenzhou), 武义县 (Jinhua).
    countiesPerCity: {
      [HANGZHOU]: 'all',
      '330200': ['330203', '330205', '330282'],
      '330300': ['330302', '330381', '330327'],
      '330700': ['330723'],
    },
    defaultCounties: 1,
    allLines: false,
    officerFactor: 0.12,
    plantShare: 1,
    batchRows: 50_000,
  },
  city: {
    name: 'city',
    entities: 220_000,
    cityShare: { [HANGZHOU]: 0.9 },
    otherCities: 0.1,
    countiesPerCity: {},
    defaultCounties: 'all',
    allLines: true,
    officerFactor: 0.5,
    // The benches time the models on the demo's density, and the city's 一般 figures are measured at it.
    plantShare: 1,
    batchRows: 50_000,
  },
  hangzhou: {
    name: 'hangzhou',
    entities: 2_115_000,
    cityShare: { [HANGZHOU]: 0.92 },
    otherCities: 0.08,
    countiesPerCity: {},
    defaultCounties: 'all',
    allLines: true,
    officerFactor: 1,
    // 3,183 一般 clues a year measured (docs/supervision-brain.md): the seed's order (6,388), where the demo's
    // density gives 102,875.
    plantShare: 0.05,
    batchRows: 50_000,
    // Measured: the inspection plans' step held 4,454 MB (its directory of 2.1 million entities and the
    // plans' draws); 6 GB leaves a margin.
    heapMB: 6144,
  },
};

export function scaleProfile(name: string): ScaleProfile {
  const p = (SCALE_PROFILES as Record<string, ScaleProfile>)[name];
  if (!p) throw new Error(`unknown scale "${name}" (known: ${SCALES.join(', ')})`);
  return p;
}
