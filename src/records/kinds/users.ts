// 用户: accounts of a county's staff, created through the one user-creation function (src/auth/users.ts)
// by the writer src/ingest/writers/users.ts. A file never carries passwords: every new account gets a
// one-time initial password, returned once to the importer. An existing account is never changed by a
// file (its role, jurisdiction and agency are changed in 系统管理), and only an administrator may
// create administrators.
import { ROLE_LABELS, ROLES } from '../../auth/caller.ts';
import { regionCode } from '../fields.ts';
import type { RecordKindSpec } from '../types.ts';

const ROLE_ALIASES: Record<string, string[]> = {
  supervisor: ['执法监督员', '监督'],
  agency_staff: ['执法部门账号', '部门'],
  officer: ['执法员'],
  invited_supervisor: ['特邀'],
  discipline_liaison: ['纪检监察', '纪检'],
  admin: ['系统管理员'],
};

export const users: RecordKindSpec = {
  kind: 'users',
  table: 'users',
  label: '用户',
  idPrefix: null,
  key: ['username'],
  idColumn: 'username',
  agencyScope: { column: 'agency_id' },
  listOrder: null,
  importable: true,
  reference: true,
  agencyMayImport: false,
  writer: 'users',
  fields: [
    {
      name: 'username',
      label: '用户名',
      aliases: ['登录名', '账号'],
      type: 'string',
      required: true,
      maxLength: 32,
      example: 'xh_jdk',
      note: '3至32位字母、数字或 _ . -；已存在的用户名不会被修改',
    },
    {
      name: 'display_name',
      label: '姓名',
      aliases: ['用户姓名', '显示名称'],
      type: 'string',
      required: true,
      maxLength: 100,
      example: '西湖区执法监督科',
    },
    {
      name: 'role',
      label: '角色',
      aliases: ['用户角色'],
      type: 'enum',
      required: true,
      example: 'supervisor',
      values: ROLES.map((r) => ({ code: r, label: ROLE_LABELS[r], aliases: ROLE_ALIASES[r] })),
      note: '监督员只能创建管理员以外的角色',
    },
    { ...regionCode, label: '辖区区划代码', aliases: ['辖区', '区划代码'], note: '账号能看到的区划（含下级），须在本人辖区内' },
    {
      name: 'agency_id',
      label: '所属执法主体编码',
      aliases: ['执法主体编码', '所属部门编码'],
      type: 'string',
      required: false,
      maxLength: 64,
      ref: 'agency',
      example: '',
      note: '执法部门、执法人员账号必填',
    },
  ],
  rules: [
    (get) =>
      (get('role') === 'agency_staff' || get('role') === 'officer') && get('agency_id') === null
        ? ['agency_id', '执法部门及执法人员账号须指定所属执法主体']
        : null,
  ],
  rulesText: '执法部门、执法人员账号须填写所属执法主体。',
  samples: [
    { username: 'xh_jdk', display_name: '西湖区执法监督科', role: 'supervisor', region_code: '330106', agency_id: '' },
    { username: 'xh_scjg', display_name: '西湖区市场监管局', role: 'agency_staff', region_code: '330106', agency_id: 'AG-330106-MKT' },
    { username: 'xh_wangfang', display_name: '王芳', role: 'officer', region_code: '330106', agency_id: 'AG-330106-MKT' },
  ],
};
