// Who issues a notice and its document number (发文字号). The issuing body is the judicial
// administration of the supervisor's region (浙江省司法厅, 杭州市司法局, 杭州市富阳区司法局); the number
// is 机关代字 + 〔year〕 + sequence + 号, e.g. 杭司监督〔2025〕12号, counted per issuing region, kind and
// year (GB/T 9704-2012 §7.2.4: year in hexagonal brackets 〔〕, sequence without leading zeros).
import type { Store } from '../store/store.ts';
import { sql } from '../store/sql.ts';
import { cityOf, countyOf, regionLevel } from '../domain/region.ts';

export const NOTICE_KINDS = ['advisory', 'supervision', 'transfer'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** Title of each kind and the part of its number after the region's abbreviation. */
export const NOTICE_KIND_INFO: Record<NoticeKind, { title: string; label: string; word: string }> = {
  advisory: { title: '行政执法监督提示单', label: '监督提示单', word: '司监提' },
  supervision: { title: '行政执法监督通知书', label: '执法监督通知书', word: '司监督' },
  transfer: { title: '问题线索移送函', label: '移送函', word: '司移' },
};

/** The customary one-character abbreviations of Zhejiang and its cities (宁波 is 甬). */
const CITY_ABBREVIATIONS: Record<string, string> = {
  '3301': '杭',
  '3302': '甬',
  '3303': '温',
  '3304': '嘉',
  '3305': '湖',
  '3306': '绍',
  '3307': '金',
  '3308': '衢',
  '3309': '舟',
  '3310': '台',
  '3311': '丽',
};
const PROVINCE_ABBREVIATIONS: Record<string, string> = { '33': '浙' };

export interface Issuer {
  regionCode: string;
  name: string;
  abbreviation: string;
  regionFullName: string;
}

async function regionName(store: Store, code: string): Promise<string> {
  const [r] = await store.query<{ name: string }>(sql`SELECT name FROM regions WHERE code = ${code}`);
  return r?.name ?? code;
}

/** The issuing body of a region: 司法厅 for the province, 司法局 below; a district is named with its city. */
export async function issuerFor(store: Store, regionCode: string): Promise<Issuer> {
  const code = countyOf(regionCode);
  const level = regionLevel(code);
  const name = await regionName(store, code);
  if (level === 'province')
    return {
      regionCode: code,
      name: `${name}司法厅`,
      abbreviation: PROVINCE_ABBREVIATIONS[code.slice(0, 2)] ?? name[0],
      regionFullName: name,
    };
  if (level === 'city')
    return { regionCode: code, name: `${name}司法局`, abbreviation: CITY_ABBREVIATIONS[code.slice(0, 4)] ?? name[0], regionFullName: name };
  // 区 are named with their city (杭州市富阳区司法局); county-level cities and counties stand alone (建德市司法局).
  const full = name.endsWith('区') ? `${await regionName(store, cityOf(code))}${name}` : name;
  return { regionCode: code, name: `${full}司法局`, abbreviation: name[0], regionFullName: full };
}

/**
 * Takes the next number of (issuing region, kind, year) inside the caller's transaction. Issuing runs
 * under withAudit, which serialises writers, and notice_numbers' primary key refuses a number twice.
 */
export async function nextNumber(
  tx: Store,
  issuer: Issuer,
  kind: NoticeKind,
  year: number,
  noticeId: string,
): Promise<{ number: string; seq: number }> {
  return takeNumber(tx, issuer, kind, NOTICE_KIND_INFO[kind].word, year, noticeId);
}

/**
 * The same numbering for any document an office issues (the situation reports' 司通报 too): the sequence
 * counts per issuing region, `kind` and year in notice_numbers, and `word` follows the abbreviation.
 */
export async function takeNumber(
  tx: Store,
  issuer: Issuer,
  kind: string,
  word: string,
  year: number,
  documentId: string,
): Promise<{ number: string; seq: number }> {
  const [last] = await tx.query<{ seq: number | null }>(sql`SELECT max(seq) AS seq FROM notice_numbers
    WHERE region_code = ${issuer.regionCode} AND kind = ${kind} AND issue_year = ${year}`);
  const seq = Number(last?.seq ?? 0) + 1;
  await tx.exec(
    sql`INSERT INTO notice_numbers (region_code, kind, issue_year, seq, notice_id) VALUES (${issuer.regionCode}, ${kind}, ${year}, ${seq}, ${documentId})`,
  );
  return { number: `${issuer.abbreviation}${word}〔${year}〕${seq}号`, seq };
}
