// 公民身份号码 (GB 11643-1999): 6 digits of region, 8 of birth date, 3 of sequence, and a check
// character over the 17 before it (ISO 7064 MOD 11-2: weights 2^(17-i) mod 11, check = (12 - sum mod 11) mod 11,
// 10 written X). The messages never repeat the number: it is personal data.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function idNumberCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

export function idNumberProblem(value: string): string | null {
  const s = value.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(s)) return '身份证号应为18位（末位可为X）';
  const y = Number(s.slice(6, 10)),
    m = Number(s.slice(10, 12)),
    d = Number(s.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || birth.getUTCFullYear() !== y || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d)
    return '身份证号中的出生日期不存在';
  if (idNumberCheck(s) !== s[17]) return '身份证号校验位错误';
  return null;
}
