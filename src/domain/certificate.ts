// When an enforcement certificate (行政执法证) lets its holder take part in an inspection: it is in
// force (status valid) and its validity covers the whole period. 行政处罚法 第四十二条: 行政处罚应当由
// 具有行政执法资格的执法人员实施; a planned task names its officers before its window opens, so the
// certificate must hold from the window's first day to its last. Pure: no I/O.

export interface CertificateTerm {
  status: string;
  issued_on: string;
  expires_on: string;
}

/** Whether one certificate covers every day of [from, to] (dates 'YYYY-MM-DD'). */
export const certificateCovers = (c: CertificateTerm, from: string, to: string): boolean =>
  c.status === 'valid' && c.issued_on <= from && c.expires_on >= to;

/** Why an officer's certificates do not cover [from, to], in Chinese, or null when one does. */
export function certificateProblem(certificates: readonly CertificateTerm[], from: string, to: string): string | null {
  if (certificates.some((c) => certificateCovers(c, from, to))) return null;
  if (certificates.length === 0) return '未领取行政执法证';
  const valid = certificates.filter((c) => c.status === 'valid');
  if (valid.length === 0) return '行政执法证已吊销或注销';
  const latest = valid.reduce((a, b) => (b.expires_on > a.expires_on ? b : a));
  if (latest.expires_on < to) return `行政执法证有效期至${latest.expires_on}，不能覆盖至${to}`;
  return `行政执法证自${latest.issued_on}起有效，晚于${from}`;
}
