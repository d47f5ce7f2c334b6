// The actors of the demo world: townships under the GB/T 2260 counties (generated, is_demo), the
// agencies of each line at province, city and county level, and their officers with certificates.
// Kept in memory (at most a few hundred thousand officers); entities are streamed (entities.ts).
import type { Catalog, Line } from '../catalog/types.ts';
import { dayOf, isoOf, type Period } from './calendar.ts';
import { lineInspectionShare } from './catalog-index.ts';
import { idNumber, mobile, personName, townshipNames } from './names.ts';
import { deriveSeed, Rng } from './prng.ts';
import type { ScaleProfile } from './scale.ts';
import type { Sinks } from './tables.ts';

export interface Township {
  code: string;
  name: string;
}

export interface Officer {
  id: string;
  /** Day number of the certificate's expiry (expires_on): valid on day d when d ≤ expires. */
  expires: number;
  /** The certificate's 执法范围 (line codes; null: not stated); undefined: no certificate (auxiliary staff). */
  scope?: string | null;
}

export interface Agency {
  id: string;
  name: string;
  line: string;
  region: string;
  level: 'province' | 'city' | 'county';
  officers: Officer[];
  /** Officers whose certificate is valid through the whole period. */
  valid: Officer[];
  /** Officers whose certificate expired before the end of the period, earliest expiry first. */
  expired: Officer[];
}

export interface City {
  code: string;
  name: string;
  agencies: Map<string, Agency>;
}

export interface County {
  code: string;
  name: string;
  city: City;
  townships: Township[];
  agencies: Map<string, Agency>;
  /** Share of the world's entities. */
  share: number;
}

/** ~3% of certificates have expired (the brief; 行政执法证 are renewed every five years). */
const EXPIRED_SHARE = 0.03;
export const CERT_YEARS_DAYS = 1826;

// Officers per agency at full (province) scale; Zhejiang has about 200,000 officers in its agencies.
const COUNTY_OFFICERS: Readonly<Record<string, number>> = {
  PSB: 700,
  CLE: 260,
  MKT: 240,
  TAX: 150,
  FIR: 70,
  TRN: 70,
  ENV: 60,
  EMG: 50,
  AGR: 50,
  NRS: 50,
  HSG: 45,
  HLT: 45,
  HRS: 35,
  CTR: 30,
  WTR: 30,
  FOR: 30,
  TOB: 25,
  MED: 20,
  COM: 20,
  EDU: 20,
};
const DEFAULT_COUNTY_OFFICERS = 10;
// Staff also follows the inspections an agency carries out: measured at hangzhou scale, an entity gets
// 0.0118 inspections a day (13.75 million over 2.1 million entities and 549 days), up to 1.35 times that
// early in the period (volume falls by half); each takes two officers, and an officer takes part in about
// two a day. Without this a Hangzhou district's fire brigade (70 officers in the table) had each officer
// sign 12 inspections a day, and 单人单日检查量异常 flagged 359,000 officer-days that were only the
// generator's thin staffing.
const INSPECTIONS_PER_ENTITY_DAY = 0.0118;
const PEAK_FACTOR = 1.35;
const OFFICER_DAILY_INSPECTIONS = 2;

// Province-level names that differ from "浙江省" + the city/county department name.
const PROVINCE_DEPARTMENT: Readonly<Record<string, string>> = {
  NRS: '自然资源厅',
  ENV: '生态环境厅',
  HSG: '住房和城乡建设厅',
  TRN: '交通运输厅',
  AGR: '农业农村厅',
  WTR: '水利厅',
  COM: '商务厅',
  EDU: '教育厅',
  HRS: '人力资源和社会保障厅',
  PSB: '公安厅',
  CIV: '民政厅',
  JUS: '司法厅',
  FIN: '财政厅',
  CTR: '文化和旅游厅',
  EMG: '应急管理厅',
  FIR: '消防救援总队',
  CLE: '综合行政执法指导办公室',
};

function agencyName(line: Line, level: Agency['level'], city: string, county: string): string {
  if (level === 'province') return `浙江省${PROVINCE_DEPARTMENT[line.code] ?? line.department}`;
  if (line.code === 'FIR') return level === 'city' ? `${city}消防救援支队` : `${city}${county}消防救援大队`;
  return level === 'city' ? `${city}${line.department}` : `${city}${county}${line.department}`;
}

export class World {
  readonly cities: City[] = [];
  /** Counties that hold entities, in code order. */
  readonly counties: County[] = [];
  readonly province = new Map<string, Agency>();
  readonly agencies: Agency[] = [];
  officerCount = 0;
  townshipCount = 0;

  /** The agency of `line` for a record in `county`: usually the county's, sometimes the city's or the province's. */
  agencyFor(county: County, line: string, rng: Rng): Agency | undefined {
    const r = rng.next();
    const own = county.agencies.get(line);
    if (own && r < 0.9) return own;
    const city = county.city.agencies.get(line);
    if (city && r < 0.985) return city;
    return this.province.get(line) ?? own ?? city;
  }

  /** Two different officers of the agency, both with a certificate valid on `day`. */
  pair(agency: Agency, day: number, rng: Rng): [Officer, Officer] {
    const lead = this.officer(agency, day, rng);
    let assist = this.officer(agency, day, rng);
    for (let i = 0; assist === lead && i < 8; i++) assist = this.officer(agency, day, rng);
    if (assist === lead) assist = agency.valid[agency.valid[0] === lead ? 1 : 0];
    return [lead, assist];
  }

  officer(agency: Agency, day: number, rng: Rng): Officer {
    const o = agency.officers[rng.int(agency.officers.length)];
    return o.expires >= day ? o : agency.valid[rng.int(agency.valid.length)];
  }

  /** An officer of the agency whose certificate had expired before `day`, if there is one. */
  expiredBefore(agency: Agency, day: number, rng: Rng): Officer | undefined {
    const before = agency.expired.filter((o) => o.expires < day);
    return before.length ? before[rng.int(before.length)] : undefined;
  }
}

/** Builds the world and writes its reference rows (townships, agencies, officers, certificates). */
export function buildWorld(
  catalog: Catalog,
  profile: ScaleProfile,
  activeLines: Set<string>,
  seed: number,
  out: Sinks,
  period: Period,
): World {
  const world = new World();
  const lines = catalog.lines.filter((l) => profile.allLines || activeLines.has(l.code));
  const cityRegions = catalog.regions.filter((r) => r.level === 'city').sort((a, b) => (a.code < b.code ? -1 : 1));
  const countyRegions = catalog.regions.filter((r) => r.level === 'county').sort((a, b) => (a.code < b.code ? -1 : 1));
  let officerSeq = 0;

  // Officers an agency needs for its inspections: the entities it serves (world.agencyFor sends 90% of a
  // county's records to the county agency, 8.5% to the city's, 1.5% to the province's) times the line's share.
  const needed = (line: string, level: Agency['level'], entityShare: number) => {
    const served = profile.entities * entityShare * (level === 'county' ? 0.9 : level === 'city' ? 0.085 : 0.015);
    return Math.ceil((served * INSPECTIONS_PER_ENTITY_DAY * lineInspectionShare(line) * PEAK_FACTOR * 2) / OFFICER_DAILY_INSPECTIONS);
  };
  const makeAgency = (
    line: Line,
    level: Agency['level'],
    region: string,
    cityName: string,
    countyName: string,
    entityShare: number,
  ): Agency => {
    const rng = Rng.of(seed, 'agency', region, line.code);
    const agency: Agency = {
      id: `AG-${region}-${line.code}`,
      name: agencyName(line, level, cityName, countyName),
      line: line.code,
      region,
      level,
      officers: [],
      valid: [],
      expired: [],
    };
    const base = COUNTY_OFFICERS[line.code] ?? DEFAULT_COUNTY_OFFICERS;
    const levelFactor = level === 'county' ? 1 : level === 'city' ? 0.35 : 0.12;
    const n = Math.max(
      4,
      Math.round(base * levelFactor * profile.officerFactor * (0.7 + 0.6 * rng.next())),
      needed(line.code, level, entityShare),
    );
    for (let i = 0; i < n; i++) {
      const seq = ++officerSeq;
      // The first two officers always hold valid certificates: every agency can field a legal pair.
      const expired = i >= 2 && rng.chance(EXPIRED_SHARE);
      // Expired: between 30 and 2 months before the as-of day; valid: until up to 3½ years after it.
      const expires = expired ? period.asOf - 914 + rng.int(853) : period.asOf + 1 + rng.int(1276);
      const id = `OF${String(seq).padStart(7, '0')}`;
      const officer: Officer = { id, expires, scope: certScope(seed, id, line.code, i >= 2) };
      agency.officers.push(officer);
      (expired ? agency.expired : agency.valid).push(officer);
      const birth = isoOf(dayOf('1965-01-01') + rng.int(dayOf('1999-12-31') - dayOf('1965-01-01')));
      out.officers.push([officer.id, personName(rng), agency.id, region, idNumber(rng, region, birth), mobile(rng), 'officer']);
      out.certificates.push([
        `CT${String(seq).padStart(7, '0')}`,
        officer.id,
        region,
        `${region}${String(seq).padStart(7, '0')}`,
        isoOf(expires - CERT_YEARS_DAYS),
        isoOf(expires),
        'valid',
        officer.scope ?? null,
      ]);
    }
    agency.expired.sort((a, b) => a.expires - b.expires);
    out.agencies.push([agency.id, agency.name, line.code, region, level]);
    world.agencies.push(agency);
    world.officerCount += n;
    return agency;
  };

  for (const line of lines)
    if (line.levels.includes('province')) world.province.set(line.code, makeAgency(line, 'province', '330000', '', '', 1));

  const shareOf = (code: string) => profile.cityShare[code];
  const otherCount = cityRegions.filter((c) => shareOf(c.code) === undefined).length;
  for (const c of cityRegions) {
    const city: City = { code: c.code, name: c.name, agencies: new Map() };
    world.cities.push(city);
    const cityShare = shareOf(c.code) ?? profile.otherCities / Math.max(1, otherCount);
    for (const line of lines)
      if (line.levels.includes('city')) city.agencies.set(line.code, makeAgency(line, 'city', c.code, c.name, '', cityShare));

    const all = countyRegions.filter((r) => r.parent_code === c.code);
    const wanted = profile.countiesPerCity[c.code] ?? profile.defaultCounties;
    const active = new Set(
      wanted === 'all' ? all.map((r) => r.code) : typeof wanted === 'number' ? all.slice(0, wanted).map((r) => r.code) : wanted,
    );
    const weights = new Map<string, number>();
    for (const r of all) {
      if (!active.has(r.code)) continue;
      const rng = Rng.of(seed, 'county-weight', r.code);
      weights.set(r.code, (r.name.endsWith('区') ? 1.4 : 1) * (0.6 + rng.next()));
    }
    const totalWeight = [...weights.values()].reduce((a, b) => a + b, 0);

    for (const r of all) {
      // Agencies everywhere in a full world; in the small demo world only where there are entities.
      const hasEntities = active.has(r.code);
      if (!hasEntities && !profile.allLines) continue;
      const share = hasEntities ? (cityShare * weights.get(r.code)!) / totalWeight : 0;
      const county: County = { code: r.code, name: r.name, city, townships: [], agencies: new Map(), share };
      for (const line of lines)
        if (line.levels.includes('county')) county.agencies.set(line.code, makeAgency(line, 'county', r.code, c.name, r.name, share));
      county.townships = makeTownships(seed, r.code, r.name, out);
      world.townshipCount += county.townships.length;
      if (hasEntities) world.counties.push(county);
    }
  }
  return world;
}

/** 8–18 townships per county: 街道 codes 001…, 镇 101…, 乡 201… (the GB/T 2260 township convention). */
function makeTownships(seed: number, countyCode: string, countyName: string, out: Sinks): Township[] {
  const rng = Rng.of(seed, 'townships', countyCode);
  const names = townshipNames(rng, countyName, rng.range(8, 18));
  const next = { 街道: 1, 镇: 101, 乡: 201 } as Record<string, number>;
  return names.map((name) => {
    const suffix = name.endsWith('街道') ? '街道' : name.slice(-1);
    const code = `${countyCode}${String(next[suffix]++).padStart(3, '0')}`;
    out.regions.push([code, name, countyCode, 'township', true]);
    return { code, name };
  });
}

/** Per mille of certificates: 执法范围 not stated; planted, another line only; near miss, the own line and another. */
const SCOPE = { unstated: 150, otherLine: 7, listed: 60 } as const;

/**
 * The 执法范围 of an officer's certificate, from a stream of its own (OFF_CERT_SCOPE): mostly the agency's
 * line; some not stated; a few (never the agency's first two officers) another line only, so that every
 * case they handle lies outside it; some the own line and another, separated by 、 (the near miss).
 */
function certScope(seed: number, officerId: string, line: string, mayMiss: boolean): string | null {
  const u = deriveSeed(seed, 'cert-scope', officerId) % 1000;
  const other = line === 'MKT' ? 'ENV' : 'MKT';
  if (u < SCOPE.unstated) return null;
  if (u < SCOPE.unstated + SCOPE.otherLine) return mayMiss ? other : line;
  if (u < SCOPE.unstated + SCOPE.otherLine + SCOPE.listed) return `${line}、${other}`;
  return line;
}

/** Whether a certificate's scope covers a case's item: its code, its line, or comprehensive enforcement's own (as OFF_CERT_SCOPE reads it). */
export function scopeCovers(scope: string, itemCode: string, itemLine: string, agencyLine: string): boolean {
  const parts = scope.split(/\s*[,，、;；]\s*/).map((x) => x.toUpperCase());
  return parts.includes(itemCode.toUpperCase()) || parts.includes(itemLine) || (agencyLine === 'CLE' && parts.includes('CLE'));
}
