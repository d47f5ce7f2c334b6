// A small world for the inspection tests, on the shipped catalog: four agencies in two counties of
// Hangzhou (富阳区: market supervision, fire, comprehensive enforcement; 西湖区: market supervision),
// their officers and certificates (one expiring, one revoked), entities with valid credit codes in both
// counties, each agency's directory of inspection objects with risk and credit classes, and one
// account per role that the tests need.
import type { Store, Value } from '../../src/store/store.ts';
import { loadReference } from '../../src/catalog/load-reference.ts';
import { createUser } from '../../src/auth/users.ts';
import type { Role } from '../../src/auth/caller.ts';
import { withUsccCheck } from '../../src/domain/uscc.ts';
import { PASSWORD } from './fixtures.ts';
import { copyRows } from './records.ts';

export const FY = '330111';
export const XH = '330106';
export const NEXT_YEAR = new Date().getUTCFullYear() + 1;

export const AGENCIES = {
  fyMkt: 'AG-FY-MKT',
  fyFir: 'AG-FY-FIR',
  fyCle: 'AG-FY-CLE',
  xhMkt: 'AG-XH-MKT',
} as const;

/** The i-th entity of a county: 60 in 富阳, 20 in 西湖. */
export const entityOf = (county: string, i: number): string => withUsccCheck(`91${county}MA${String(i).padStart(7, '0')}`.slice(0, 17));

export const FY_ENTITIES = Array.from({ length: 60 }, (_, i) => entityOf(FY, i + 1));
export const XH_ENTITIES = Array.from({ length: 20 }, (_, i) => entityOf(XH, i + 1));

export async function seedInspectionWorld(store: Store): Promise<void> {
  await loadReference(store);
  await copyRows(
    store,
    'agencies',
    ['id', 'name', 'line_code', 'region_code', 'level'],
    [
      [AGENCIES.fyMkt, '杭州市富阳区市场监督管理局', 'MKT', FY, 'county'],
      [AGENCIES.fyFir, '杭州市富阳区消防救援大队', 'FIR', FY, 'county'],
      [AGENCIES.fyCle, '杭州市富阳区综合行政执法局', 'CLE', FY, 'county'],
      [AGENCIES.xhMkt, '杭州市西湖区市场监督管理局', 'MKT', XH, 'county'],
    ],
  );
  const officers: Value[][] = [];
  const certificates: Value[][] = [];
  const add = (id: string, name: string, agency: string, region: string, issued: string, expires: string, status = 'valid') => {
    officers.push([id, name, agency, region, '330183199001011234', '13800001111']);
    certificates.push([`CT-${id}`, id, region, `ZJ${region}${id.replace(/\D/g, '').padStart(5, '0')}`, issued, expires, status]);
  };
  const names = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨磊'];
  for (let i = 1; i <= 6; i++) {
    const expires = i === 5 ? `${NEXT_YEAR}-06-30` : `${NEXT_YEAR + 4}-12-31`;
    add(`OF-M${i}`, names[i - 1], AGENCIES.fyMkt, FY, '2022-01-01', expires, i === 6 ? 'revoked' : 'valid');
  }
  for (let i = 1; i <= 3; i++) add(`OF-F${i}`, `消防员${i}`, AGENCIES.fyFir, FY, '2022-01-01', `${NEXT_YEAR + 4}-12-31`);
  for (let i = 1; i <= 3; i++) add(`OF-C${i}`, `城管${i}`, AGENCIES.fyCle, FY, '2022-01-01', `${NEXT_YEAR + 4}-12-31`);
  for (let i = 1; i <= 3; i++) add(`OF-X${i}`, `西湖${i}`, AGENCIES.xhMkt, XH, '2022-01-01', `${NEXT_YEAR + 4}-12-31`);
  await copyRows(store, 'officers', ['id', 'name', 'agency_id', 'region_code', 'id_number', 'phone'], officers);
  await copyRows(store, 'certificates', ['id', 'officer_id', 'region_code', 'number', 'issued_on', 'expires_on', 'status'], certificates);

  const entities: Value[][] = [
    ...FY_ENTITIES.map((u, i) => [u, `富阳示例企业${i + 1}号`, `${FY}001`]),
    ...XH_ENTITIES.map((u, i) => [u, `西湖示例企业${i + 1}号`, XH]),
  ];
  await copyRows(store, 'entities', ['uscc', 'name', 'region_code'], entities);
  const risk = ['low', 'medium', 'high', 'severe'];
  const credit = ['A', 'B', 'C', 'D'];
  const objects: Value[][] = [];
  const list = (agency: string, usccs: string[], region: string, type: (i: number) => string | null) =>
    usccs.forEach((u, i) => objects.push([`obj-${agency}-${i}`, 'test', region, agency, u, type(i), risk[i % 4], credit[(i + 1) % 4]]));
  list(AGENCIES.fyMkt, FY_ENTITIES, `${FY}001`, (i) => (i < 40 ? 'catering' : 'retail'));
  list(AGENCIES.fyFir, FY_ENTITIES.slice(0, 40), `${FY}001`, () => 'catering');
  list(AGENCIES.fyCle, FY_ENTITIES, `${FY}001`, () => null);
  list(AGENCIES.xhMkt, XH_ENTITIES, XH, () => null);
  await copyRows(
    store,
    'inspection_objects',
    ['id', 'source_system', 'region_code', 'agency_id', 'entity_uscc', 'object_type', 'risk_class', 'credit_class'],
    objects,
  );

  const users: [string, Role, string, string | null][] = [
    ['admin', 'admin', '330000', null],
    ['fy_scjg', 'agency_staff', FY, AGENCIES.fyMkt],
    ['fy_xf', 'agency_staff', FY, AGENCIES.fyFir],
    ['fy_zhzf', 'agency_staff', FY, AGENCIES.fyCle],
    ['fy_officer', 'officer', FY, AGENCIES.fyMkt],
    ['fy_jiandu', 'supervisor', FY, null],
    ['hz_jiandu', 'supervisor', '330100', null],
    ['xh_jiandu', 'supervisor', XH, null],
    ['xh_scjg', 'agency_staff', XH, AGENCIES.xhMkt],
    ['hz_teyao', 'invited_supervisor', '330100', null],
  ];
  for (const [username, role, regionCode, agencyId] of users)
    await createUser(store, { username, displayName: username, password: PASSWORD, role, regionCode, agencyId }, 'test');
}

/** A plan row as the import takes it (field name → cell), for next year in 富阳 market supervision. */
export function planRow(n: number, set: Record<string, string> = {}): Record<string, string> {
  return {
    source_system: 'fy-plan',
    source_id: `JH-${n}`,
    region_code: FY,
    agency_id: AGENCIES.fyMkt,
    plan_year: String(NEXT_YEAR),
    name: `${NEXT_YEAR}年餐饮服务双随机抽查${n}`,
    inspection_item_code: 'MKT-I001-03',
    method: 'random',
    target_count: '10',
    weighting: 'risk',
    object_type: 'catering',
    entity_usccs: '',
    officer_ids: '',
    officers_per_task: '2',
    task_days: '15',
    starts_on: `${NEXT_YEAR}-03-01`,
    ends_on: `${NEXT_YEAR}-11-30`,
    ...set,
  };
}
