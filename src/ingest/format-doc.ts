// docs/import-formats.md and docs/samples/ are generated from the record-kind registry (src/records),
// so the documentation cannot drift from what the importer accepts (test/ingest.test.ts checks it).
// Written by `npm run docs:import` (src/records/generate.ts).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { withUsccCheck } from '../domain/uscc.ts';
import { personalColumns } from '../privacy/personal-data.ts';
import { IMPORT_KINDS, KIND_SPECS, type FieldSpec, type Kind, type RecordKindSpec, type ReferenceTable } from '../records/registry.ts';

const TYPE_NAMES: Record<FieldSpec['type'], string> = {
  string: '文本',
  date: '日期',
  timestamp: '时间',
  decimal: '金额',
  boolean: '是/否',
  enum: '枚举',
  uscc: '统一社会信用代码',
  region: '区划代码',
  integer: '整数',
  code: '编码',
};

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

const REF_TEXT: Record<ReferenceTable, string> = {
  agency: '引用执法主体 agencies.id',
  item: '引用执法事项 items.code',
  inspection_item: '引用涉企检查事项 inspection_items.code',
  line: '引用条线 lines.code',
  regulation: '引用法规 regulations.id',
  officer: '引用执法人员 officers.id',
};

function describe(f: FieldSpec, table: string): string {
  const parts: string[] = [];
  if (f.values)
    parts.push(f.values.map((v) => `\`${v.code}\` ${v.label}${v.aliases?.length ? `（${v.aliases.join('、')}）` : ''}`).join('；'));
  if (f.multiple) parts.push('可填多项，以分号、顿号或逗号分隔');
  if (f.type === 'string' && f.maxLength) parts.push(`至多${f.maxLength}字`);
  if (f.type === 'integer' && f.min !== undefined) parts.push(`${f.min}至${f.max}`);
  if (f.ref) parts.push(REF_TEXT[f.ref]);
  if (personalColumns(table).includes(f.name)) parts.push('个人信息');
  if (f.note) parts.push(f.note);
  return parts.join('。');
}

/** How rows of a kind are recognised on a second import, for the overview table. */
function keyText(s: RecordKindSpec): string {
  const key = s.key.map((c) => `\`${c}\``).join(' + ');
  return s.idPrefix ? `${key}（记录ID \`${s.idPrefix}-…\`）` : key;
}

const overview = (kinds: Kind[]) => [
  '| 类别 kind | 名称 | 识别键 | 执法部门账号可导入 |',
  '|---|---|---|---|',
  ...kinds.map((k) => {
    const s = KIND_SPECS[k];
    return `| [\`${k}\`](#${k}) | ${s.label} | ${keyText(s)} | ${s.agencyMayImport ? '是（仅本部门）' : '否'} |`;
  }),
];

export function importFormatsMarkdown(): string {
  const records = IMPORT_KINDS.filter((k) => !KIND_SPECS[k].reference);
  const reference = IMPORT_KINDS.filter((k) => KIND_SPECS[k].reference);
  const out: string[] = [
    '# 导入格式 (import formats)',
    '',
    '<!-- Generated from the record-kind registry (src/records) by `npm run docs:import`; do not edit by hand (test/ingest.test.ts checks it). -->',
    '',
    '每一类数据一种格式；列名可用英文字段名（如 `entity_uscc`）、中文列名（如 `统一社会信用代码`）或表中列出的别名，',
    '不区分大小写、全半角，忽略空格、`*`、`_`、`-` 和列名后括号中的说明（如 `检查日期（必填）`）。',
    '表头可以不在第1行：前5行中第一行含齐必填列的即为表头（其上的标题行跳过）。不认识的列忽略并在结果中提示。',
    '',
    '通用规则：',
    '',
    '- **文件**：CSV（UTF-8，带或不带 BOM；或 Excel 在中文 Windows 上另存的 GBK/GB18030，自动识别）、XLSX（第一个工作表）、',
    '  JSON Lines（`.jsonl`，每行一个对象）、JSON（对象数组，或 `{"records": […]}`）。接口 `POST /api/v1/ingest/<类别>` 收 JSON。',
    '- **空值**：空单元格、空字符串、`null` 均为空；必填列为空时该行被拒绝。',
    '- **日期**：`2025-03-02`，也接受 `2025/3/2`、`2025.3.2`、`2025年3月2日`、`20250302`，后面带时分秒的取日期部分；Excel 日期单元格直接识别。须为真实日期（无 2月30日）。',
    '- **时间**：ISO 8601（`2025-04-12T09:31:00+08:00`）；不带时区的 `2025-04-12 09:31:00` 按北京时间。',
    '- **金额**：元，不小于0，至多两位小数；可带千分位逗号、`¥` 或 `元`。',
    '- **是/否**：`是`/`否`、`true`/`false`、`1`/`0`、`Y`/`N`。',
    '- **枚举**：填代码（如 `granted`）或中文（如 `准予许可`），见各表“说明”。',
    '- **统一社会信用代码**：18位，校验位按 GB 32100-2015 校验；小写和全角自动转换。',
    '- **编码**（执法主体、事项、检查事项、条线、执法人员等参考数据的编码）：与已登记的编码逐字相同者优先；否则忽略大小写、全角和空格后唯一相同的，按已登记的编码入库（`xk-scjg-0001` → `XK-SCJG-0001`）。',
    '- **区划代码**：GB/T 2260 县级6位或乡镇级9位，须已登记（乡镇、街道先按 [`regions`](#regions) 导入），且在导入账号的辖区内。',
    '- **有误即拒，违规照收**：格式有误的行（校验位错误的信用代码、不存在的区划或日期、未登记的执法主体……）被拒绝并逐行报告；' +
      '内容违反执法规则的记录（不在清单内的检查事项、无有效执法证的执法人员、尚未登记的经营主体……）照常入库，由监督模型发现。',
    '- **幂等**：每类数据按其识别键识别（业务记录按来源系统 `source_system` + 来源编号 `source_id`，参考数据按编码）：重复导入同一条不会重复，内容变化时更新原记录（记录ID不变）。同一文件中重复的以最后一行为准。',
    '- **记录ID**：业务记录的ID由来源系统和来源编号确定：`<前缀>-<md5(来源系统|来源编号) 前20位十六进制>`，前缀见下表。',
    '- **出错**：有误的行逐行报告（第几行、哪一列、什么问题），其余行照常入库；错误明细文件（CSV，UTF-8 带 BOM）含原行内容（个人信息按下载人的角色脱敏），可在 Excel 中修改后直接重新导入。',
    '',
    '## 业务记录',
    '',
    '执法部门账号只能导入本部门的记录（送达、缴款：本部门案件的）；监督员和管理员导入本人辖区内的记录。',
    '',
    ...overview(records),
    '',
    '## 参考数据',
    '',
    '只有管理员和监督员可以导入，且只能导入本人辖区内的条目（县级监督员不能改动随系统发布的全省目录）；执法部门账号不能导入。',
    '新县（市、区）按下表顺序导入：后面的类别引用前面的（执法人员引用执法主体，执法证引用执法人员，检查事项引用执法事项……）。',
    '目录类（执法事项、检查事项、裁量基准、清单）的本地条目记有来源系统（不填为 `local`），升级时随系统发布的目录不会覆盖它们。',
    '',
    ...overview(reference),
    '',
  ];
  for (const k of IMPORT_KINDS) {
    const s = KIND_SPECS[k];
    out.push(
      `## ${k}`,
      '',
      `${s.label}（表 \`${s.table}\`；识别键 ${s.key.map((c) => `\`${c}\``).join(' + ')}；样例 [docs/samples/${k}.csv](samples/${k}.csv)）`,
      '',
    );
    if (s.writer === 'users')
      out.push(
        '文件中没有密码列：每个新账号生成一次性初始密码（16位），只在导入结果中显示这一次（命令行打印、接口在响应中返回），系统只保存其哈希；',
        '已有的用户名不会被修改（姓名、角色、辖区、所属部门在系统管理中修改）；只有管理员可以创建管理员账号。',
        '',
      );
    if (s.writer === 'baselines') out.push('每行一个档次；同一基准的各档次填同一基准编号，基准的事项、区划、名称、施行日期各行一致。', '');
    out.push('| 列名 | 中文列名 | 别名 | 类型 | 必填 | 说明 | 示例 |', '|---|---|---|---|---|---|---|');
    for (const f of s.fields) {
      const required = f.required ? '是' : f.name === 'source_system' && !s.defaultSourceSystem ? '是*' : '';
      out.push(
        `| \`${f.name}\` | ${cell(f.label)} | ${cell((f.aliases ?? []).join('、'))} | ${TYPE_NAMES[f.type]} | ${required} | ${cell(describe(f, s.table))} | \`${cell(f.example)}\` |`,
      );
    }
    if (s.rulesText) out.push('', `另有跨列校验：${s.rulesText}`);
    out.push('');
  }
  out.push('\\* `source_system` 可不在文件中：导入时用 `--source-system`（命令行）或 `sourceSystem`（接口）指定。', '');
  return out.join('\n');
}

/** Three sample rows of a kind (its own samples, or made from the examples), enums and booleans as codes or in Chinese. */
export function sampleRecords(kind: Kind, chineseEnums: boolean): Record<string, string>[] {
  const spec = KIND_SPECS[kind];
  // The first enum that varies freely: not a result or status, nor a plan's method (a targeted plan must list its entities).
  const firstEnum =
    spec.fields.find((f) => f.values && !['result', 'status', 'method'].includes(f.name)) ?? spec.fields.find((f) => f.values);
  const varied = new Set(spec.key.filter((k) => k !== 'source_system'));
  const rows =
    spec.samples ??
    [0, 1, 2].map((k) => {
      const r: Record<string, string> = {};
      for (const f of spec.fields) {
        let v = f.example;
        if (k > 0 && varied.has(f.name)) v = v.replace(/\d+$/, (d) => String(Number(d) + k).padStart(d.length, '0'));
        if (k > 0 && f.type === 'uscc') v = withUsccCheck(v.slice(0, 16) + String(k));
        if (f.values && f === firstEnum) v = f.values[k % f.values.length].code;
        r[f.name] = v;
      }
      return r;
    });
  return rows.map((row) => {
    const r: Record<string, string> = {};
    for (const f of spec.fields) {
      let v = row[f.name] ?? '';
      const e = f.values?.find((x) => x.code === v);
      if (e && chineseEnums) v = e.label;
      if (f.multiple && !e && chineseEnums && v !== '')
        v = v
          .split(';')
          .map((c) => f.values?.find((x) => x.code === c)?.label ?? c)
          .join('；');
      if (f.type === 'boolean' && v !== '')
        v = chineseEnums ? (v === 'true' || v === '是' ? '是' : '否') : v === 'true' || v === '是' ? 'true' : 'false';
      r[f.name] = v;
    }
    return r;
  });
}

const csvCell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** Writes docs/import-formats.md and docs/samples/ under root. */
export async function writeImportDocs(root: string): Promise<string[]> {
  const written: string[] = [];
  const write = (path: string, data: string | Buffer) => {
    writeFileSync(join(root, path), data);
    written.push(path);
  };
  mkdirSync(join(root, 'docs', 'samples'), { recursive: true });
  write('docs/import-formats.md', importFormatsMarkdown());
  for (const k of IMPORT_KINDS) {
    // As an agency export: Chinese headers and Chinese enum labels, CRLF, UTF-8 with BOM (Excel's "CSV UTF-8").
    const fields = KIND_SPECS[k].fields;
    const rows = sampleRecords(k, true);
    const lines = [fields.map((f) => f.label), ...rows.map((r) => fields.map((f) => r[f.name]))].map((l) => l.map(csvCell).join(','));
    write(`docs/samples/${k}.csv`, '\uFEFF' + lines.join('\r\n') + '\r\n');
  }
  // JSON Lines, as an agency system sends it: field names and codes.
  write(
    'docs/samples/cases.jsonl',
    sampleRecords('cases', false)
      .map((r) => JSON.stringify(r))
      .join('\n') + '\n',
  );
  // XLSX with a title row above the header and real date cells.
  const wb = new ExcelJS.Workbook();
  wb.created = wb.modified = new Date('2025-01-01T00:00:00Z');
  const ws = wb.addWorksheet(KIND_SPECS.inspections.label);
  const fields = KIND_SPECS.inspections.fields;
  ws.addRow(['2025年第二季度行政检查台账']);
  ws.addRow(fields.map((f) => f.label));
  for (const r of sampleRecords('inspections', true)) {
    ws.addRow(fields.map((f) => (f.type === 'date' ? new Date(`${r[f.name]}T00:00:00Z`) : r[f.name])));
  }
  fields.forEach((f, i) => {
    if (f.type === 'date') ws.getColumn(i + 1).numFmt = 'yyyy-mm-dd';
  });
  // The zip inside an XLSX stamps each part with the time it was written: the file is rewritten only
  // when its cells change, so that regenerating the docs leaves it alone.
  const path = join(root, 'docs/samples/inspections.xlsx');
  const cells = (book: ExcelJS.Workbook) => JSON.stringify(book.worksheets.map((w) => w.getSheetValues()));
  let same = false;
  if (existsSync(path)) {
    const old = new ExcelJS.Workbook();
    same = await old.xlsx.readFile(path).then(
      () => cells(old) === cells(wb),
      () => false,
    );
  }
  if (!same) write('docs/samples/inspections.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
  return written;
}
