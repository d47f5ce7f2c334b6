// A small, hand-built world for tests that need a few records: two counties of Hangzhou
// (富阳区 330111, 西湖区 330106), one agency in each, and one inspection and one case per county.
import type { Store } from '../../src/store/store.ts';
import { createUser } from '../../src/auth/users.ts';
import type { Role } from '../../src/auth/caller.ts';
import { agency, copyRows } from './records.ts';

export const PASSWORD = 'Test-Pass-2025!';

/** The item the case model tests fine under: 擅自占道经营 of the 综合行政执法 line, 1,000–100,000 yuan (行政处罚法 第三十三条 cited). */
export async function seedCaseItem(store: Store): Promise<void> {
  await copyRows(
    store,
    'items',
    ['code', 'name', 'kind', 'line_code', 'penalty_regulation_id', 'penalty_article', 'fine_min', 'fine_max'],
    [['IT-1', '擅自占道经营', 'penalty', 'CLE', 'xingzheng-chufa-fa', 33, 1000, 100000]],
  );
}

export async function seedTwoCounties(store: Store): Promise<void> {
  await copyRows(
    store,
    'regions',
    ['code', 'name', 'parent_code', 'level'],
    [
      ['330000', '浙江省', null, 'province'],
      ['330100', '杭州市', '330000', 'city'],
      ['330111', '富阳区', '330100', 'county'],
      ['330106', '西湖区', '330100', 'county'],
    ],
  );
  await copyRows(
    store,
    'lines',
    ['code', 'name'],
    [
      ['MKT', '市场监管'],
      ['CLE', '综合行政执法'],
    ],
  );
  await copyRows(
    store,
    'agencies',
    ['id', 'name', 'line_code', 'region_code', 'level'],
    [
      ['AG-FY-ZHZF', '杭州市富阳区综合行政执法局', 'CLE', '330111', 'county'],
      ['AG-XH-SCJG', '杭州市西湖区市场监督管理局', 'MKT', '330106', 'county'],
    ],
  );
  await copyRows(
    store,
    'officers',
    ['id', 'name', 'agency_id', 'region_code', 'id_number', 'phone'],
    [
      ['OF-1', '张伟', 'AG-FY-ZHZF', '330111', '330183199001011234', '13800001111'],
      ['OF-2', '李娜', 'AG-XH-SCJG', '330106', '330106198805052345', '13900002222'],
    ],
  );
  await copyRows(
    store,
    'entities',
    ['uscc', 'name', 'region_code'],
    [
      ['91330100470102706G', '杭州示例酒坊', '330111'],
      ['91330000733796106P', '杭州示例科技有限公司', '330106'],
    ],
  );
  const ins = [
    'id',
    'source_system',
    'source_id',
    'region_code',
    'agency_id',
    'inspection_item_code',
    'entity_uscc',
    'inspected_on',
    'kind',
    'lead_officer_id',
    'assist_officer_id',
    'via_code',
    'result',
  ];
  await copyRows(store, 'inspections', ins, [
    [
      'INS-FY-1',
      'test',
      '1',
      '330111',
      'AG-FY-ZHZF',
      'II-1',
      '91330100470102706G',
      '2025-03-10',
      'random',
      'OF-1',
      null,
      true,
      'compliant',
    ],
    ['INS-XH-1', 'test', '2', '330106', 'AG-XH-SCJG', 'II-1', '91330000733796106P', '2025-04-12', 'planned', 'OF-2', null, true, 'issues'],
  ]);
  const cs = [
    'id',
    'source_system',
    'source_id',
    'region_code',
    'agency_id',
    'item_code',
    'entity_uscc',
    'filed_on',
    'first_offence',
    'corrected',
    'harm',
    'lead_officer_id',
    'decided_on',
    'decision',
    'tier',
    'fine_amount',
    'status',
  ];
  await copyRows(store, 'cases', cs, [
    [
      'CASE-FY-1',
      'test',
      '1',
      '330111',
      'AG-FY-ZHZF',
      'IT-1',
      '91330100470102706G',
      '2025-03-11',
      true,
      true,
      'none',
      'OF-1',
      '2025-03-20',
      'no_penalty',
      'exempt',
      0,
      'closed',
    ],
    [
      'CASE-XH-1',
      'test',
      '2',
      '330106',
      'AG-XH-SCJG',
      'IT-1',
      '91330000733796106P',
      '2025-04-13',
      false,
      false,
      'minor',
      'OF-2',
      '2025-05-02',
      'fine',
      'general',
      5000,
      'decided',
    ],
  ]);
}

/**
 * What the inspection models judge against, on top of seedTwoCounties: agencies AG-A/B/C; the published
 * list (II-1 province-wide, 12 a year; II-2 Hangzhou's, 1 a year; II-NB Ningbo's); officers OF-3..5 of
 * 富阳's agency; OF-1 certified through 2025, OF-3's certificate expired on 2025-04-30, OF-4's revoked,
 * OF-5 without one.
 */
export async function seedInspectionWorld(store: Store): Promise<void> {
  await seedTwoCounties(store);
  for (const id of ['AG-A', 'AG-B', 'AG-C']) await agency(store, id);
  await copyRows(
    store,
    'inspection_items',
    ['code', 'item_code', 'name', 'line_code', 'region_code', 'max_per_year'],
    [
      ['II-1', 'IT-1', '测试检查事项一', 'CLE', '330000', 12],
      ['II-2', 'IT-2', '测试检查事项二', 'CLE', '330100', 1],
      ['II-NB', 'IT-3', '宁波检查事项', 'CLE', '330200', 1],
    ],
  );
  await copyRows(
    store,
    'officers',
    ['id', 'name', 'agency_id', 'region_code'],
    [
      ['OF-3', '王芳', 'AG-FY-ZHZF', '330111'],
      ['OF-4', '赵强', 'AG-FY-ZHZF', '330111'],
      ['OF-5', '孙丽', 'AG-FY-ZHZF', '330111'],
    ],
  );
  await copyRows(
    store,
    'certificates',
    ['id', 'officer_id', 'region_code', 'number', 'issued_on', 'expires_on', 'status'],
    [
      ['CT-1', 'OF-1', '330111', '3301110000001', '2021-01-01', '2026-01-01', 'valid'],
      ['CT-3', 'OF-3', '330111', '3301110000003', '2020-05-01', '2025-04-30', 'valid'],
      ['CT-4', 'OF-4', '330111', '3301110000004', '2022-01-01', '2027-01-01', 'revoked'],
    ],
  );
}

export async function addUser(store: Store, username: string, role: Role, regionCode: string, agencyId: string | null = null) {
  return createUser(store, { username, displayName: username, password: PASSWORD, role, regionCode, agencyId }, 'system');
}
