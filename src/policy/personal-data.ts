// Personal data, masked for the roles that do not need it — in lists, single records, exports and
// error files alike. 个人信息保护法 第四条 makes any information about an identified natural person
// personal information; 第六条 limits its processing to what the purpose needs, in the way that
// affects the person least; 第五十一条（四） asks for operating permissions sized to that purpose.
//
// The decision per role (docs/security.md "Personal data"):
// - ID numbers and phone numbers (of officers, entities, reporters): in clear for the admin and the
//   discipline liaison (who investigates the people named in a transferred clue); masked for the rest.
// - The legal representative's name and the entity's address: in clear for the admin, the liaison and
//   the agency roles — an agency serves its decisions on the party at that address (行政处罚法 第六十一条
//   "行政处罚决定书应当在宣告后当场交付当事人…送达当事人") and sees only entities it has a record of;
//   masked for supervisors, who judge how agencies enforce, not whom to reach.
// - Free text written by citizens (12345 tickets, follow-up transcripts, report contents): digit runs
//   that can be a phone or ID number are masked for every role that does not see phone numbers.
import type { Caller, Role } from '../auth/caller.ts';
import type { PersonalKind } from '../records/types.ts';

export type { PersonalKind };

/** The roles that read each kind of personal data in clear. */
export const IN_CLEAR: Record<PersonalKind, readonly Role[]> = {
  id_number: ['admin', 'discipline_liaison'],
  phone: ['admin', 'discipline_liaison'],
  name: ['admin', 'discipline_liaison', 'agency_staff', 'officer'],
  address: ['admin', 'discipline_liaison', 'agency_staff', 'officer'],
  free_text: ['admin', 'discipline_liaison'],
};

/** 13800001111 → 138****1111; at most 7 characters → all stars. */
function maskMiddle(value: string): string {
  if (value.length <= 7) return '*'.repeat(value.length);
  return value.slice(0, 3) + '*'.repeat(value.length - 7) + value.slice(-4);
}

/** 张三丰 → 张**: the surname stays, so a supervisor can still tell two parties apart in one case. */
const maskName = (value: string): string => (value.length <= 1 ? '*' : value[0] + '*'.repeat(value.length - 1));

/** 浙江省杭州市测试路100号 → 浙江省杭州市****: the first six characters (the province and city, at most half the address), no street or number. */
function maskAddress(value: string): string {
  return value.slice(0, Math.min(6, Math.floor(value.length / 2))) + '****';
}

// A run of digits that can be a phone number (11) or an ID number (15, or 18 with a final X): its
// first three and last four stay.
const DIGIT_RUN = /(\d{3})\d{4,}(\d{3}[\dXx])/g;
const DIGIT_RUN_SQL = '(\\d{3})\\d{4,}(\\d{3}[\\dXx])';
const maskFreeText = (value: string): string => value.replace(DIGIT_RUN, '$1****$2');

const MASKS: Record<PersonalKind, (value: string) => string> = {
  id_number: maskMiddle,
  phone: maskMiddle,
  name: maskName,
  address: maskAddress,
  free_text: maskFreeText,
};

export function seesInClear(caller: Pick<Caller, 'role'>, kind: PersonalKind): boolean {
  return IN_CLEAR[kind].includes(caller.role);
}

/** The value as the caller may see it. */
export function maskFor(caller: Pick<Caller, 'role'>, kind: PersonalKind, value: string | null): string | null {
  if (value === null || seesInClear(caller, kind)) return value;
  return MASKS[kind](value);
}

/** Masks the personal columns of a row in place (columns: column → kind); returns the row. */
export function maskRow<T extends Record<string, unknown>>(
  caller: Pick<Caller, 'role'>,
  columns: Partial<Record<string, PersonalKind>>,
  row: T,
): T {
  for (const [column, kind] of Object.entries(columns)) {
    const v = row[column];
    if (typeof v === 'string' && kind) (row as Record<string, unknown>)[column] = maskFor(caller, kind, v);
  }
  return row;
}

/**
 * The same masks as SQL over a text column, for exports written by the store (COPY): the values never
 * leave the database in clear for a role that may not see them. Only functions both engines share.
 */
export function maskSql(caller: Pick<Caller, 'role'>, kind: PersonalKind, column: string): string {
  if (seesInClear(caller, kind)) return column;
  const middle = `CASE WHEN length(${column}) <= 7 THEN repeat('*', length(${column}))
    ELSE substr(${column}, 1, 3) || repeat('*', length(${column}) - 7) || substr(${column}, length(${column}) - 3, 4) END`;
  switch (kind) {
    case 'id_number':
    case 'phone':
      return middle;
    case 'name':
      return `substr(${column}, 1, 1) || repeat('*', greatest(length(${column}) - 1, 0))`;
    case 'address':
      return `substr(${column}, 1, least(6, CAST(floor(length(${column}) / 2) AS INTEGER))) || '****'`;
    case 'free_text':
      return `regexp_replace(${column}, '${DIGIT_RUN_SQL}', '\\1****\\2', 'g')`;
  }
}
