// 无证执法 / 无证办案 in code: the officers of a record without a certificate valid on its day, told as
// uncertifiedQuery (src/models/library/uncertified-inspection.ts) tells them.
import { isoOf } from './days.ts';
import type { RealtimeState } from './state.ts';

export function uncertifiedOfficers(
  state: RealtimeState,
  lead: string,
  assist: string | null,
  day: number,
): { officer_details: string; officer_ids: string } | null {
  const roles: [string, string][] = [[lead, '主办']];
  if (assist !== null && assist !== lead) roles.push([assist, '协办']);
  const details: string[] = [];
  const ids: string[] = [];
  for (const [officer, role] of roles) {
    const certs = state.certificates.of(officer);
    if (certs.some((c) => c.valid && c.issued <= day && c.expires >= day)) continue;
    // Of the certificates issued by that day: none, a valid one that expired, or only revoked ones.
    let count = 0;
    let validUntil = -Infinity;
    for (const c of certs) {
      if (c.issued > day) continue;
      count++;
      if (c.valid) validUntil = Math.max(validUntil, c.expires);
    }
    const why = count === 0 ? '无执法证' : validUntil > -Infinity ? `执法证有效期至${isoOf(validUntil)}，已过期` : '执法证已吊销';
    details.push(`${role}${state.officerName(officer) ?? officer}（${why}）`);
    ids.push(officer);
  }
  return ids.length ? { officer_details: details.join('、'), officer_ids: ids.join(',') } : null;
}

/**
 * 辅助人员独立执法 in code (auxiliary-only.ts): the officers' names as the SQL tells them when the lead
 * is a 辅助人员 on the officers list and no enforcement officer took part (no assist, the lead again, or
 * another 辅助人员); else null.
 */
export function auxiliaryOnlyNames(state: RealtimeState, lead: string, assist: string | null): string | null {
  const leadName = state.officerName(lead);
  if (leadName === null || !state.isAuxiliary(lead)) return null;
  const none = assist === null || assist === '' || assist === lead;
  if (!none && !state.isAuxiliary(assist)) return null;
  return none ? leadName : `${leadName}、${state.officerName(assist)!}`;
}
