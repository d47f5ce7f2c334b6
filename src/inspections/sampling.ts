// 双随机 sampling, reproducible from a stored seed (docs/inspections.md "Sampling").
//
// Every candidate gets a uniform number u from the seed and its id alone — not from the order the pool
// was read in — and the key ln(u) / w for its weight w (Efraimidis & Spirakis, "Weighted random
// sampling with a reservoir", 2006: the n largest keys are a weighted sample without replacement,
// each next pick with probability proportional to its weight among those left). The draw is the pool
// sorted by key; a plan of n takes the first n, a raised target the next ones, a replaced entity the
// next one in line. So the whole draw is fixed by the seed and the pool, and anyone holding both
// computes it again.
//
// u: SHA-256 of the seed gives two 32-bit lanes; each lane runs FNV-1a over "purpose|id" and ends in
// MurmurHash3's 32-bit finaliser (fmix32); 20 bits of one and 32 of the other make 52. SHA-256 per
// candidate would be the textbook choice, but at 8 µs a hash under this machine's load a city's plans
// (millions of candidates) took minutes; this takes 2 µs, and the seed, not the mixer, is the secret
// that matters: drawn by the operating system when the draw is made, after the pool is fixed.
import { createHash, hash, randomBytes } from 'node:crypto';
import { BestOf } from '../domain/best-of.ts';

export const SAMPLING_METHOD = 'kedu-v1';

/** A new seed: 128 bits from the operating system's generator, as 32 hex digits. */
export const newSeed = (): string => randomBytes(16).toString('hex');

const fmix32 = (h: number): number => {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
};

/** The uniform numbers of one seed. */
export class SeedStream {
  private readonly a: number;
  private readonly b: number;
  constructor(readonly seed: string) {
    const d = hash('sha256', seed, 'buffer');
    this.a = d.readUInt32BE(0);
    this.b = d.readUInt32BE(4);
  }
  /** u in (0, 1), never 0 or 1. */
  uniform(purpose: string, id: string): number {
    const text = `${purpose}|${id}`;
    let h1 = (this.a ^ 0x811c9dc5) >>> 0;
    let h2 = (this.b ^ 0x811c9dc5) >>> 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x01000193);
    }
    const x = fmix32(h1);
    const y = fmix32((h2 ^ x) >>> 0);
    return ((x >>> 12) * 2 ** 32 + y + 0.5) / 2 ** 52;
  }
}

export interface Candidate {
  id: string;
  weight: number;
}

/**
 * The pool in draw order: largest key ln(u)/w first; ties (never in practice) by id. With `first`, only
 * that many from the front, the same as the whole order's first ones: a plan takes tens of entities
 * from a directory of up to a few hundred thousand, so the others are passed over in a bounded heap
 * instead of sorted (at Hangzhou scale the year's plans draw from 250 million candidates in all).
 */
export function drawOrder(seed: SeedStream, pool: readonly Candidate[], first = pool.length): string[] {
  const n = pool.length;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = Math.log(seed.uniform('entity', pool[i].id)) / pool[i].weight;
  /** Candidate i comes after candidate j. */
  const behind = (i: number, j: number) => keys[i] < keys[j] || (keys[i] === keys[j] && pool[i].id > pool[j].id);
  const k = Math.max(0, Math.min(first, n));
  const front = new BestOf(k, behind);
  for (let i = 0; i < n; i++) front.offer(i);
  return front.best().map((i) => pool[i].id);
}

/**
 * The k officers of the task at `rank`, equal chances, each task drawn on its own: the first k steps
 * of a Fisher–Yates shuffle of the pool (in id order), steered by the seed. O(k), not O(pool): a
 * city's draws give a pair to hundreds of thousands of tasks from pools of hundreds.
 */
export function drawOfficers(seed: SeedStream, rank: number, officers: readonly string[], k: number): string[] {
  const swapped = new Map<number, number>();
  const at = (i: number) => swapped.get(i) ?? i;
  const out: string[] = [];
  const m = officers.length;
  for (let i = 0; i < Math.min(k, m); i++) {
    const j = i + Math.floor(seed.uniform(`officer|${rank}`, String(i)) * (m - i));
    const pick = at(j);
    swapped.set(j, at(i));
    out.push(officers[pick]);
  }
  return out;
}

/** The first day of the task at `rank`: uniform over the days a task of `taskDays` fits in [from, to]. */
export function drawStartDay(seed: SeedStream, rank: number, from: string, to: string, taskDays: number): string {
  const span = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
  const slots = Math.max(1, span - taskDays + 1);
  const offset = Math.floor(seed.uniform('day', String(rank)) * slots);
  return new Date(Date.parse(`${from}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
}

/** SM3 of the pool as drawn ("id:weight" lines in id order): a changed pool gives another digest. */
export function poolDigest(pool: readonly Candidate[]): string {
  const h = createHash('sm3');
  for (const c of [...pool].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) h.update(`${c.id}:${c.weight}\n`);
  return h.digest('hex');
}

// Weights of a weighted draw. 优化营商环境条例 第五十三条 asks for supervision built on credit; the
// ratios are Kedu's defaults — a riskier or less creditworthy entity is drawn more often, none never.
export const RISK_WEIGHTS: Readonly<Record<string, number>> = { low: 1, medium: 2, high: 3, severe: 4 };
export const CREDIT_WEIGHTS: Readonly<Record<string, number>> = { A: 0.5, B: 1, C: 2, D: 4 };

export function weightOf(weighting: string | null, risk: string | null, credit: string | null): number {
  if (weighting === 'risk') return (risk && RISK_WEIGHTS[risk]) || 1;
  if (weighting === 'credit') return (credit && CREDIT_WEIGHTS[credit]) || 1;
  return 1;
}
