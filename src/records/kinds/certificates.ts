// 行政执法证: an officer's enforcement certificate, its number, what it covers and how long it is
// valid. Agency roles see the certificates of their own officers. An inspection or a case by an
// officer without a certificate valid that day is landed all the same: 无证执法 and 无证办案 find it.
import { regionCode } from '../fields.ts';
import type { RecordKindSpec } from '../types.ts';

export const certificates: RecordKindSpec = {
  kind: 'certificates',
  table: 'certificates',
  label: '行政执法证',
  idPrefix: 'cert',
  key: ['number'],
  idColumn: 'id',
  agencyScope: { link: { column: 'officer_id', table: 'officers', agencyColumn: 'agency_id', label: '执法人员' } },
  listOrder: 'expires_on',
  importable: true,
  reference: true,
  agencyMayImport: false,
  fields: [
    {
      name: 'number',
      label: '执法证号',
      aliases: ['证件编号', '执法证编号', '证号'],
      type: 'string',
      required: true,
      maxLength: 64,
      example: 'ZJ33010600012',
      note: '同一证号重复导入时更新（换证后证号不同：新证另起一行）',
    },
    {
      name: 'officer_id',
      label: '执法人员编号',
      aliases: ['持证人编号', '人员编号'],
      type: 'string',
      required: true,
      maxLength: 64,
      ref: 'officer',
      example: 'OF-330106-0012',
      note: '须为已登记的执法人员（先导入执法人员）',
    },
    regionCode,
    {
      name: 'scope',
      label: '执法范围',
      aliases: ['执法类别', '执法领域', '证件执法范围'],
      type: 'string',
      required: false,
      maxLength: 500,
      example: 'MKT',
      note: '证件载明的条线编码或执法事项编码，多个用逗号或顿号分隔；不填为未载明',
    },
    { name: 'issued_on', label: '发证日期', aliases: ['发证时间', '签发日期'], type: 'date', required: true, example: '2022-01-01' },
    {
      name: 'expires_on',
      label: '有效期至',
      aliases: ['有效期截止日期', '到期日期', '失效日期'],
      type: 'date',
      required: true,
      example: '2027-01-01',
    },
    {
      name: 'status',
      label: '证件状态',
      aliases: ['状态'],
      type: 'enum',
      required: true,
      example: 'valid',
      values: [
        { code: 'valid', label: '有效', aliases: ['正常', '在用'] },
        { code: 'revoked', label: '已注销', aliases: ['注销', '吊销', '已吊销', '暂扣', '收回'] },
      ],
      note: '过期与否由有效期判断，无须在此填写',
    },
  ],
  rules: [
    (get) => {
      const a = get('issued_on'),
        b = get('expires_on');
      return a !== null && b !== null && b < a ? ['expires_on', '有效期至不能早于发证日期'] : null;
    },
    (get) => {
      const v = get('scope');
      return v !== null && !/^[A-Za-z0-9-]+(\s*[,，、;；]\s*[A-Za-z0-9-]+)*$/.test(v)
        ? ['scope', '执法范围应为条线或执法事项编码，多个用逗号或顿号分隔（如 MKT、CLE）']
        : null;
    },
  ],
  rulesText: '有效期至不能早于发证日期；执法范围为编码列表。',
  samples: [
    {
      number: 'ZJ33010600012',
      officer_id: 'OF-330106-0012',
      region_code: '330106',
      scope: 'MKT',
      issued_on: '2023-01-01',
      expires_on: '2028-01-01',
      status: 'valid',
    },
    {
      number: 'ZJ33010600013',
      officer_id: 'OF-330106-0013',
      region_code: '330106',
      scope: 'MKT',
      issued_on: '2020-04-01',
      expires_on: '2025-03-31',
      status: 'valid',
    },
    {
      number: 'ZJ33010600014',
      officer_id: 'OF-330106-0014',
      region_code: '330106',
      scope: 'MKT',
      issued_on: '2023-06-01',
      expires_on: '2028-06-01',
      status: 'valid',
    },
  ],
};
