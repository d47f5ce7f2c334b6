// The registry of dimensions a figure can be grouped by (按区县, 按条线, 按月 …). Each says which words
// ask for it and, for a measure, the SQL of the group key and its label and the joins they need — or
// that it does not apply (12345 tickets have no item). Adding a dimension: src/assistant/CONTEXT.md.
import type { Dialect } from '../store/dialect.ts';
import { regionLevel } from '../domain/region.ts';
import type { Measure } from './measures.ts';

export type DimensionKey =
  'region' | 'line' | 'agency' | 'item' | 'entity' | 'officer' | 'month' | 'quarter' | 'year' | 'category' | 'status' | 'decision' | 'kind';

export interface GroupSql {
  key: string;
  label: string;
  joins: string[];
  /** Chinese name of the column: 区县, 条线, 检查事项, 月份. */
  title: string;
  /** Codes → Chinese labels done after the query (statuses, decisions). */
  labels?: Record<string, string>;
  /** Time: ordered by key ascending, not by value. */
  time?: boolean;
}

export interface Dimension {
  key: DimensionKey;
  /** Patterns that ask for it; read in the order of this list. */
  patterns: RegExp[];
  sql(m: Measure, ctx: { dialect: Dialect; focusRegion: string }): GroupSql | null;
}

/** The join that brings the agency (alias ag) of a measure's rows. */
export function agencyJoin(m: Measure): string | null {
  if (m.agency.kind === 'column') return `LEFT JOIN agencies ag ON ag.id = ${m.agency.column}`;
  if (m.agency.kind === 'case') return 'JOIN cases cs ON cs.id = t.case_id LEFT JOIN agencies ag ON ag.id = cs.agency_id';
  return null;
}

const dateOf = (m: Measure) => (m.date ? `CAST(t.${m.date} AS DATE)` : null);

/** The child level of a region, as the SQL that maps t.region_code to it. */
function childRegion(focus: string): { key: string; title: string } {
  switch (regionLevel(focus)) {
    case 'province':
      return { key: "substr(t.region_code, 1, 4) || '00'", title: '地市' };
    case 'city':
      return { key: 'substr(t.region_code, 1, 6)', title: '区县' };
    default:
      return { key: 't.region_code', title: '乡镇（街道）' };
  }
}

export const DIMENSIONS: readonly Dimension[] = [
  {
    key: 'month',
    patterns: [/按月|每月|每个月|各月|逐月|月度|分月|月份|趋势|走势|变化情况|变化趋势/],
    sql: (m, { dialect }) => {
      const d = dateOf(m);
      return d ? { key: dialect.monthKey(d), label: dialect.monthKey(d), joins: [], title: '月份', time: true } : null;
    },
  },
  {
    key: 'quarter',
    patterns: [/按季度?|每季度?|各季度|分季度|季度分布/],
    sql: (m) => {
      const d = dateOf(m);
      if (!d) return null;
      const q = `CAST(CAST(EXTRACT(YEAR FROM ${d}) AS INTEGER) AS VARCHAR) || '-Q' || CAST(CAST(EXTRACT(QUARTER FROM ${d}) AS INTEGER) AS VARCHAR)`;
      return { key: q, label: q, joins: [], title: '季度', time: true };
    },
  },
  {
    key: 'year',
    patterns: [/按年|每年|各年|逐年|分年度|年度对比/],
    sql: (m) => {
      const d = dateOf(m);
      if (!d) return null;
      const y = `CAST(CAST(EXTRACT(YEAR FROM ${d}) AS INTEGER) AS VARCHAR)`;
      return { key: y, label: y, joins: [], title: '年度', time: true };
    },
  },
  {
    key: 'category',
    patterns: [/类别|分类|类型|哪类|哪一类|什么问题/],
    sql: (m) => (m.table === 'hotline_tickets' ? { key: 't.category', label: 't.category', joins: [], title: '类别' } : null),
  },
  {
    key: 'officer',
    patterns: [/(哪个|哪位|哪些|哪名|各|每个|每位|按)执法(人)?员|执法人员(排名|排行|中)|谁(检查|办案|罚)/],
    sql: (m) =>
      m.officer ? { key: m.officer, label: 'of.name', joins: [`LEFT JOIN officers of ON of.id = ${m.officer}`], title: '执法人员' } : null,
  },
  {
    key: 'entity',
    patterns: [
      /(哪家|哪些|哪个|各|每家|按)(企业|主体|经营主体|市场主体|商户|单位(?!检查))|企业(排名|排行)|(被检查|被查|被罚)最多的(企业|主体)/,
    ],
    sql: (m) =>
      m.entity ? { key: m.entity, label: 'en.name', joins: [`LEFT JOIN entities en ON en.uscc = ${m.entity}`], title: '经营主体' } : null,
  },
  {
    key: 'item',
    patterns: [/事项|哪类违法|违法行为|案由/],
    sql: (m) => {
      if (!m.item) return null;
      return m.item.table === 'items'
        ? { key: m.item.column, label: 'it.name', joins: [`LEFT JOIN items it ON it.code = ${m.item.column}`], title: '执法事项' }
        : {
            key: m.item.column,
            label: 'ii.name',
            joins: [`LEFT JOIN inspection_items ii ON ii.code = ${m.item.column}`],
            title: '检查事项',
          };
    },
  },
  {
    key: 'agency',
    patterns: [/执法主体|执法部门|执法机关|执法单位|(哪个|哪家|哪些|各|每个|按)(部门|单位)|部门(排名|排行)/],
    sql: (m) => {
      const join = agencyJoin(m);
      return join ? { key: 'ag.id', label: 'ag.name', joins: [join], title: '执法主体' } : null;
    },
  },
  {
    key: 'line',
    patterns: [/条线|领域|(哪个|各|按|每个)系统|(哪个|哪些|各)行业部门/],
    sql: (m) => {
      const join = agencyJoin(m);
      return join
        ? { key: 'ag.line_code', label: 'ln.name', joins: [join, 'LEFT JOIN lines ln ON ln.code = ag.line_code'], title: '条线' }
        : null;
    },
  },
  {
    key: 'region',
    patterns: [
      /各地|各市|各区|各县|区县|县区|县市区|地市|分地区|按地区|按区域|各区域|(哪个|哪些|哪几个)(地方|地区|区|县|市|城市|乡镇|街道)|各乡镇|各街道|乡镇|街道/,
    ],
    sql: (_m, { focusRegion }) => {
      const child = childRegion(focusRegion);
      return { key: child.key, label: 'rg.name', joins: [`LEFT JOIN regions rg ON rg.code = ${child.key}`], title: child.title };
    },
  },
  {
    key: 'status',
    patterns: [/状态|各状态|进度分布|办理情况/],
    sql: (m) =>
      m.table === 'clues' || m.table === 'hotline_tickets' || m.table === 'cases'
        ? { key: 't.status', label: 't.status', joins: [], title: '状态' }
        : null,
  },
  {
    key: 'decision',
    patterns: [/处罚种类|处罚类型|决定类型|处理结果|处罚结果/],
    sql: (m) => (m.table === 'cases' ? { key: 't.decision', label: 't.decision', joins: [], title: '处罚决定' } : null),
  },
  {
    key: 'kind',
    patterns: [/检查方式|检查类型|检查形式|哪种检查/],
    sql: (m) => (m.table === 'inspections' ? { key: 't.kind', label: 't.kind', joins: [], title: '检查方式' } : null),
  },
];

export function dimensionByKey(key: DimensionKey): Dimension {
  return DIMENSIONS.find((d) => d.key === key)!;
}
