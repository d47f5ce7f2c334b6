// The demo accounts `npm start` prints: one per role, at province, city and county level and for an
// agency, so that a visitor can see how jurisdiction shapes every page. The password is public on
// purpose (demo data only) and documented in the README.
import type { Store } from '../store/store.ts';
import { createUser } from '../auth/users.ts';
import { DEMO_PASSWORD } from '../auth/password-policy.ts';
import { ROLE_LABELS, type Role } from '../auth/caller.ts';

export { DEMO_PASSWORD };

export interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
  agencyId: string | null;
  note: string;
}

/** The county's agency of that line (else its first): the id, and the name the printed list shows. */
async function agencyIn(store: Store, regionCode: string, line: string): Promise<{ id: string; name: string } | null> {
  const [a] = await store.query<{ id: string; name: string }>(
    `SELECT id, name FROM agencies WHERE region_code LIKE $1 ORDER BY CASE WHEN line_code = $2 THEN 0 ELSE 1 END, id LIMIT 1`,
    [`${regionCode}%`, line],
  );
  return a ?? null;
}

export async function demoAccounts(store: Store): Promise<DemoAccount[]> {
  const fyAgency = await agencyIn(store, '330111', 'CLE'); // 富阳区综合行政执法局: the seed's Fuyang case
  const xhAgency = await agencyIn(store, '330106', 'MKT');
  const accounts: DemoAccount[] = [
    { username: 'admin', displayName: '系统管理员', role: 'admin', regionCode: '330000', agencyId: null, note: '全省' },
    { username: 'zj_jiandu', displayName: '省司法厅执法监督处', role: 'supervisor', regionCode: '330000', agencyId: null, note: '浙江省' },
    {
      username: 'hz_jiandu',
      displayName: '杭州市司法局执法监督处',
      role: 'supervisor',
      regionCode: '330100',
      agencyId: null,
      note: '杭州市',
    },
    {
      username: 'fy_jiandu',
      displayName: '富阳区司法局执法监督科',
      role: 'supervisor',
      regionCode: '330111',
      agencyId: null,
      note: '富阳区',
    },
    {
      username: 'xh_jiandu',
      displayName: '西湖区司法局执法监督科',
      role: 'supervisor',
      regionCode: '330106',
      agencyId: null,
      note: '西湖区',
    },
    {
      username: 'hz_teyao',
      displayName: '杭州市特邀监督员',
      role: 'invited_supervisor',
      regionCode: '330100',
      agencyId: null,
      note: '杭州市',
    },
    {
      username: 'hz_jijian',
      displayName: '杭州市纪委监委联络员',
      role: 'discipline_liaison',
      regionCode: '330100',
      agencyId: null,
      note: '杭州市',
    },
  ];
  if (fyAgency) {
    accounts.push({
      username: 'fy_zhifa',
      displayName: '富阳区执法部门',
      role: 'agency_staff',
      regionCode: '330111',
      agencyId: fyAgency.id,
      note: fyAgency.name,
    });
    accounts.push({
      username: 'fy_officer',
      displayName: '富阳区执法人员',
      role: 'officer',
      regionCode: '330111',
      agencyId: fyAgency.id,
      note: fyAgency.name,
    });
  }
  if (xhAgency)
    accounts.push({
      username: 'xh_zhifa',
      displayName: '西湖区执法部门',
      role: 'agency_staff',
      regionCode: '330106',
      agencyId: xhAgency.id,
      note: xhAgency.name,
    });
  return accounts;
}

/** Creates the demo accounts that do not exist yet; returns all of them. */
export async function ensureDemoAccounts(store: Store): Promise<DemoAccount[]> {
  const accounts = await demoAccounts(store);
  for (const a of accounts) {
    const [exists] = await store.query('SELECT id FROM users WHERE username = $1', [a.username]);
    if (!exists) await createUser(store, { ...a, password: DEMO_PASSWORD }, 'system', { demo: true });
  }
  return accounts;
}

export function formatAccounts(accounts: DemoAccount[]): string {
  const rows = accounts.map((a) => `  ${a.username.padEnd(12)} ${ROLE_LABELS[a.role].padEnd(8, '　')} ${a.note}`);
  return `演示账号（密码均为 ${DEMO_PASSWORD}）：\n${rows.join('\n')}\n`;
}
