// docs/import-formats.md and docs/samples/ are generated from the record-kind registry (src/records),
// so the documentation cannot drift from what the importer accepts (test/ingest.test.ts checks it).
// Written by `npm run docs:import` (src/records/generate.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { withUsccCheck } from '../domain/uscc.ts';
import { IMPORT_KINDS, KIND_SPECS, type FieldSpec, type Kind } from '../records/registry.ts';

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
};

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function describe(f: FieldSpec): string {
  const parts: string[] = [];
  if (f.values)
    parts.push(f.values.map((v) => `\`${v.code}\` ${v.label}${v.aliases?.length ? `（${v.aliases.join('、')}）` : ''}`).join('；'));
  if (f.type === 'string' && f.maxLength) parts.push(`至多${f.maxLength}字`);
  if (f.type === 'integer' && f.min !== undefined) parts.push(`${f.min}至${f.max}`);
  if (f.ref === 'agency') parts.push('引用执法主体 agencies.id');
  if (f.ref === 'item') parts.push('引用执法事项 items.code');
  if (f.ref === 'inspection_item') parts.push('引用涉企检查事项 inspection_items.code');
  if (f.note) parts.push(f.note);
  return parts.join('。');
}

export function importFormatsMarkdown(): string {
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
    '- **区划代码**：GB/T 2260 县级6位或乡镇级9位，须已登记，且在导入账号的辖区内。',
    '- **幂等**：记录按 (来源系统 `source_system`, 来源编号 `source_id`) 识别（经营主体按统一社会信用代码）：重复导入同一记录不会重复，内容变化时更新原记录（记录ID不变）。同一文件中重复的记录以最后一行为准。',
    '- **记录ID**：新记录的ID由来源系统和来源编号确定：`<前缀>-<md5(来源系统|来源编号) 前20位十六进制>`，前缀见各节标题。',
    '- **出错**：有误的行逐行报告（第几行、哪一列、什么问题），其余行照常入库；错误明细文件（CSV，UTF-8 带 BOM）含原行内容，可在 Excel 中修改后直接重新导入。',
    '',
    '| 类别 kind | 名称 | 记录ID前缀 | 执法部门账号可导入 |',
    '|---|---|---|---|',
    ...IMPORT_KINDS.map((k) => {
      const s = KIND_SPECS[k];
      return `| [\`${k}\`](#${k}) | ${s.label} | ${s.idPrefix ? `\`${s.idPrefix}-\`` : '—（按统一社会信用代码）'} | ${s.agencyMayImport ? '是（仅本部门）' : '否'} |`;
    }),
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
    out.push('| 列名 | 中文列名 | 别名 | 类型 | 必填 | 说明 | 示例 |', '|---|---|---|---|---|---|---|');
    for (const f of s.fields) {
      out.push(
        `| \`${f.name}\` | ${cell(f.label)} | ${cell((f.aliases ?? []).join('、'))} | ${TYPE_NAMES[f.type]} | ${f.required ? '是' : f.name === 'source_system' ? '是*' : ''} | ${cell(describe(f))} | \`${cell(f.example)}\` |`,
      );
    }
    if (s.rulesText) out.push('', `另有跨列校验：${s.rulesText}`);
    out.push('');
  }
  out.push('\\* `source_system` 可不在文件中：导入时用 `--source-system`（命令行）或 `sourceSystem`（接口）指定。', '');
  return out.join('\n');
}

/** Three sample rows of a kind, from the examples: row 1 is the example itself. */
export function sampleRecords(kind: Kind, chineseEnums: boolean): Record<string, string>[] {
  const spec = KIND_SPECS[kind];
  const firstEnum = spec.fields.find((f) => f.values && f.name !== 'result' && f.name !== 'status') ?? spec.fields.find((f) => f.values);
  return [0, 1, 2].map((k) => {
    const r: Record<string, string> = {};
    for (const f of spec.fields) {
      let v = f.example;
      if (k > 0 && f.name === 'source_id') v = v.replace(/\d+$/, (d) => String(Number(d) + k).padStart(d.length, '0'));
      if (k > 0 && f.type === 'uscc') v = withUsccCheck(v.slice(0, 16) + String(k));
      if (f.values) {
        const e = f === firstEnum ? f.values[k % f.values.length] : f.values.find((x) => x.code === f.example)!;
        v = chineseEnums ? e.label : e.code;
      }
      if (f.type === 'boolean' && !chineseEnums) v = v === '是' ? 'true' : 'false';
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
  write('docs/samples/inspections.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
  return written;
}
