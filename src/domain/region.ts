// Region codes, GB/T 2260: 330000 province, 330100 city, 330102 county; demo townships add three
// digits (330102001). A region's subtree is every code that starts with its prefix, which is how
// jurisdiction is scoped in SQL (region_code LIKE prefix || '%').

export type RegionLevel = 'province' | 'city' | 'county' | 'township';

export function regionProblem(code: string): string | null {
  if (!/^\d{6}(\d{3})?$/.test(code)) return `区划代码应为6位或9位数字：${code}`;
  if (code.length === 6 && code.slice(0, 2) === '00') return `区划代码省级部分无效：${code}`;
  return null;
}

export function regionLevel(code: string): RegionLevel {
  if (code.length === 9) return 'township';
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'county';
}

/** The prefix shared by every code in the region's subtree. */
export function regionPrefix(code: string): string {
  switch (regionLevel(code)) {
    case 'province':
      return code.slice(0, 2);
    case 'city':
      return code.slice(0, 4);
    default:
      return code;
  }
}

export function regionContains(ancestor: string, code: string): boolean {
  return code.startsWith(regionPrefix(ancestor));
}

/** The county-level (6-digit) code of a county or township code. */
export const countyOf = (code: string): string => code.slice(0, 6);
export const cityOf = (code: string): string => `${code.slice(0, 4)}00`;
