// Entities (经营主体): companies (USCC 91…), 个体工商户 (92…) and farmers' cooperatives (93…), each with
// a unified social credit code that passes the GB 32100-2015 check. Code layout: registration
// authority and kind (2), the county's GB/T 2260 code (6), the 主体标识码 (9: eight characters and
// their GB 11714 check character), the GB 32100 check character (1).
import { withUsccCheck, USCC_ALPHABET } from '../domain/uscc.ts';
import { type Period, dayOf, isoOf } from './calendar.ts';
import { INDUSTRIES } from './industries.ts';
import { brand, companyName, mobile, personName, soleTraderName } from './names.ts';
import { Rng, Weighted } from './prng.ts';
import type { Sinks } from './tables.ts';
import type { County, Township } from './world.ts';

export interface Entity {
  index: number;
  uscc: string;
  name: string;
  county: County;
  township: Township;
  industry: number;
  /** Day number of registration: no record of the entity is older. */
  registered: number;
}

const INDUSTRY_PICK = new Weighted(
  INDUSTRIES.map((_, i) => i),
  INDUSTRIES.map((x) => x.weight),
);

// 主体标识码 body: eight characters from the USCC alphabet. The entity index is spread over the code
// space by an affine bijection (multiplier coprime with 31), so codes look scattered but never repeat.
const BODY_SPACE = 31 ** 6;
const BODY_MULTIPLIER = 455_737_811 % BODY_SPACE;
const GB11714_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

function orgCodeValue(ch: string): number {
  const c = ch.charCodeAt(0);
  return c <= 57 ? c - 48 : c - 55; // 0-9 → 0-9, A-Z → 10-35 (GB 11714)
}

/** The 9-character 主体标识码 of entity `index`: 'MA' + six characters, or eight digits for older registrations, + check. */
export function organisationCode(index: number, seed: number, legacy: boolean): string {
  let body: string;
  if (legacy) {
    // Pre-2015 organisation codes were numeric; 10^8 codes, the same bijection idea.
    const n = (index * 48_271 + (seed % 10_000_000)) % 100_000_000;
    body = String(n).padStart(8, '0');
  } else {
    let n = (index * BODY_MULTIPLIER + (seed % BODY_SPACE)) % BODY_SPACE;
    let s = '';
    for (let i = 0; i < 6; i++) {
      s = USCC_ALPHABET[n % 31] + s;
      n = Math.floor(n / 31);
    }
    body = `MA${s}`;
  }
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += orgCodeValue(body[i]) * GB11714_WEIGHTS[i];
  const c = 11 - (sum % 11);
  return body + (c === 10 ? 'X' : c === 11 ? '0' : String(c));
}

const ROAD_SUFFIX = ['路', '街', '大道', '弄', '巷'];
const REGISTRATION_FROM = dayOf('1995-01-01');
const LEGACY_BEFORE = dayOf('2015-10-01');

/** Generates one entity and writes its row. */
export function makeEntity(seed: number, index: number, county: County, rng: Rng, out: Sinks, period: Period): Entity {
  const industry = INDUSTRY_PICK.pick(rng);
  const ind = INDUSTRIES[industry];
  const r = rng.next();
  const kind = ind.code === 'agriculture' ? (r < 0.8 ? '93' : '91') : r < ind.soleShare ? '92' : '91';
  // Registration dates: a long tail back to 1995 and about 8% new in the period (its last 10 days spared).
  const u = rng.next();
  const registered =
    u < 0.08
      ? period.start + rng.int(Math.max(1, period.end - period.start - 8))
      : REGISTRATION_FROM + Math.floor((period.start - 1 - REGISTRATION_FROM) * (1 - (1 - u) ** 1.6));
  const legacy = registered < LEGACY_BEFORE && kind === '91' && rng.chance(0.7);
  const uscc = withUsccCheck(`${kind}${county.code}${organisationCode(index, seed, legacy)}`);
  const name =
    kind === '92'
      ? soleTraderName(rng, county.name, ind.shopWords)
      : kind === '93'
        ? `${county.name.replace(/[区县市]$/, '')}${brand(rng)}${rng.pick(['茶叶', '果蔬', '水产', '粮油'])}专业合作社`
        : companyName(rng, county.city.name, county.name, ind.companyWords);
  const township = county.townships[rng.int(county.townships.length)];
  const address = `${county.city.name}${county.name}${township.name}${brand(rng)}${rng.pick(ROAD_SUFFIX)}${rng.range(1, 999)}号`;
  out.entities.push([uscc, name, township.code, ind.name, address, personName(rng), mobile(rng), isoOf(registered)]);
  return { index, uscc, name, county, township, industry, registered };
}
