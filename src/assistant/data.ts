// Answers about the data: a request read from the question → the jurisdiction check → one or more
// scoped queries (the figure, the same for the comparison period, the base of a share) → a sentence,
// a table and a chart. Every figure the sentence states is in `figures`, computed here from the rows.
import { sql, joinSql } from '../store/sql.ts';
import { boundAgency, covers, recordScope } from '../policy/index.ts';
import { regionContains } from '../domain/region.ts';
import { emptyAnswer, formatFigure, type Answer } from './answer.ts';
import { tracedQuery, type AskContext } from './context.ts';
import { measureByKey, type Measure } from './measures.ts';
import { dimensionByKey, type DimensionKey } from './dimensions.ts';
import { buildQuery, measureProblem, type DataRequest } from './plan.ts';
import { previousPeriod, type Comparison, type Period } from './time.ts';
import { qualifiersFor } from './read.ts';

/** A data question as carried from one question to the next (follow-ups change parts of it). */
export interface DataFrame {
  measures: string[];
  regions: string[];
  /** Region names as typed, when they were corrected (杭洲 → 杭州市). */
  corrected: [string, string][];
  period: Period | null;
  comparison: Comparison | null;
  lines: string[];
  agencies: string[];
  items: string[];
  entityNames: string[];
  officerNames: string[];
  qualifierWords: string[];
  model: string | null;
  group: DimensionKey | null;
  limit: number | null;
  order: 'desc' | 'asc' | null;
  share: boolean;
}

/** A data question with nothing read yet. */
export function emptyFrame(measures: string[] = []): DataFrame {
  return {
    measures,
    regions: [],
    corrected: [],
    period: null,
    comparison: null,
    lines: [],
    agencies: [],
    items: [],
    entityNames: [],
    officerNames: [],
    qualifierWords: [],
    model: null,
    group: null,
    limit: null,
    order: null,
    share: false,
  };
}

type Row = { k?: string; label?: string | null; v: number | string | null };

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const round = (n: number, d: number) => Math.round(n * 10 ** d) / 10 ** d;
const pct = (a: number, b: number) => round((a / b) * 100, 1);

function regionName(ctx: AskContext, code: string): string {
  return ctx.lex.regions.get(code)?.name ?? code;
}

/** The entities or officers a question names, looked up inside the caller's scope. */
async function lookupNames(ctx: AskContext, table: 'entities' | 'officers', names: string[]): Promise<{ id: string; name: string }[]> {
  if (!names.length) return [];
  const list = joinSql(
    names.map((n) => sql`${n}`),
    ', ',
  );
  const scope = (await recordScope(ctx.store, ctx.caller, table))('t');
  const rows = await ctx.store.query<{ id: string; name: string }>(
    table === 'entities'
      ? sql`SELECT t.uscc AS id, t.name FROM entities t WHERE t.name IN (${list}) AND ${scope} ORDER BY t.name`
      : sql`SELECT t.id, t.name FROM officers t WHERE t.name IN (${list}) AND ${scope} ORDER BY t.name`,
  );
  // The longest name found wins (西湖区陈记面馆 over 陈记面馆); all rows of that name (two officers may share one).
  const best = rows.reduce((b, r) => (r.name.length > b.length ? r.name : b), '');
  return rows.filter((r) => r.name === best);
}

function chartOption(
  title: string,
  unit: string,
  labels: string[],
  series: { name: string; data: number[] }[],
  time: boolean,
): Record<string, unknown> {
  // Long category names (检查事项, 执法主体) read better down the side: a horizontal bar chart, largest on top.
  const horizontal = !time && labels.some((l) => l.length > 8);
  const category = {
    type: 'category',
    data: horizontal ? [...labels].reverse() : labels,
    axisLabel: horizontal ? { width: 220, overflow: 'truncate' } : { interval: 0 },
  };
  const value = { type: 'value', name: unit };
  return {
    tooltip: { trigger: 'axis' },
    legend: series.length > 1 ? { top: 0 } : undefined,
    grid: { left: 8, right: 24, top: series.length > 1 ? 32 : 16, bottom: 8, containLabel: true },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? category : value,
    series: series.map((s) => ({
      type: time ? 'line' : 'bar',
      name: s.name,
      data: horizontal ? [...s.data].reverse() : s.data,
      smooth: time,
    })),
    title: { text: title, show: false },
  };
}

export async function dataAnswers(ctx: AskContext, question: string, frame: DataFrame): Promise<Answer[]> {
  const out: Answer[] = [];
  for (const key of frame.measures) out.push(await dataAnswer(ctx, question, frame, measureByKey(key)));
  return out;
}

async function dataAnswer(ctx: AskContext, question: string, frame: DataFrame, m: Measure): Promise<Answer> {
  const a = emptyAnswer(question, 'data.query', 'data');
  const caller = ctx.caller;
  const mine = regionName(ctx, caller.regionCode);
  const problem = measureProblem(caller, m);
  if (problem) {
    a.kind = 'refused';
    a.text = `${problem}。`;
    return a;
  }
  // Jurisdiction: a region outside the caller's is refused; one above it narrows to the caller's.
  const regions: string[] = [];
  const refused: string[] = [];
  for (const code of frame.regions) {
    if (covers(caller, code)) regions.push(code);
    else if (regionContains(code, caller.regionCode)) {
      if (!regions.includes(caller.regionCode)) regions.push(caller.regionCode);
      a.notes.push(`您的辖区为${mine}，${regionName(ctx, code)}的数据只统计${mine}的部分。`);
    } else refused.push(code);
  }
  if (refused.length) {
    const names = refused.map((c) => regionName(ctx, c)).join('、');
    const reason = `您的账号辖区为${mine}，无权查询${names}的数据（数据按辖区隔离，只能查询本辖区及下级区划）。`;
    if (!regions.length) {
      a.kind = 'refused';
      a.text = reason;
      return a;
    }
    a.notes.push(reason);
  }
  for (const [typed, code] of frame.corrected) a.notes.push(`已将“${typed}”识别为${regionName(ctx, code)}。`);

  const entities = m.entity ? await lookupNames(ctx, 'entities', frame.entityNames) : [];
  if (frame.entityNames.length && m.entity && !entities.length) {
    a.kind = 'refused';
    a.text = `在您的辖区内没有找到名为“${frame.entityNames[0]}”的经营主体。`;
    return a;
  }
  const officers = m.officer ? await lookupNames(ctx, 'officers', frame.officerNames) : [];
  if (frame.officerNames.length && m.officer && !officers.length) {
    a.kind = 'refused';
    a.text = `在您的辖区内没有找到执法人员“${frame.officerNames[0]}”。`;
    return a;
  }
  if (officers.length > 1) a.notes.push(`辖区内有${officers.length}名执法人员名为${officers[0].name}，合并统计。`);

  // Items: cases and licences carry an item code; inspections an inspection item (under an inspection item).
  let items: string[] = [];
  if (frame.items.length && m.item) {
    if (m.item.table === 'items') items = frame.items;
    else {
      items = [...ctx.lex.inspectionItems.values()].filter((ii) => frame.items.includes(ii.item_code)).map((ii) => ii.code);
      if (!items.length) a.notes.push('检查记录按涉企检查事项登记，所问的处罚事项没有对应的检查事项，未按事项筛选。');
    }
  } else if (frame.items.length) a.notes.push(`“${m.label}”不按执法事项区分，未按事项筛选。`);

  let period = frame.period;
  if (frame.comparison && !period) period = { from: `${ctx.asOf.slice(0, 4)}-01-01`, to: ctx.asOf, label: `${ctx.asOf.slice(0, 4)}年以来` };
  if (period && !m.date) {
    a.notes.push(`“${m.label}”是存量数字，不按时间筛选。`);
    period = null;
  }
  let group = frame.group;
  if (group && !dimensionByKey(group).sql(m, { dialect: ctx.store.dialect, focusRegion: caller.regionCode })) {
    a.notes.push(`“${m.label}”不能按该维度分组，已给出合计。`);
    group = null;
  }
  // Several regions and no grouping: one row per region.
  const perRegion = !group && regions.length > 1;
  const limit =
    frame.limit ??
    (group && !dimensionByKey(group).sql(m, { dialect: ctx.store.dialect, focusRegion: caller.regionCode })?.time ? 50 : null);
  const req: DataRequest = {
    measure: m,
    regions,
    period,
    lines: frame.lines,
    agencies: frame.agencies,
    items,
    entities: entities.map((e) => e.id),
    officers: officers.map((o) => o.id),
    qualifiers: qualifiersFor(m, frame.qualifierWords),
    model: frame.model,
    group,
    limit,
    order: frame.order ?? 'desc',
  };
  const focus = regions.length === 1 ? regions[0] : caller.regionCode;
  const scopeText =
    (regions.length ? regions.map((r) => regionName(ctx, r)).join('、') : mine) + (boundAgency(caller) !== null ? '（本单位）' : '');
  const filterText = [
    ...frame.lines.map((l) => ctx.lex.lines.get(l) ?? l),
    ...frame.agencies.map((id) => ctx.lex.agencies.get(id)?.name ?? id),
    ...items.slice(0, 3).map((c) => ctx.lex.items.get(c)?.name ?? ctx.lex.inspectionItems.get(c)?.name ?? c),
    ...entities.slice(0, 1).map((e) => e.name),
    ...officers.slice(0, 1).map((o) => `执法人员${o.name}`),
    ...req.qualifiers.map((q) => q.label),
    ...(frame.model ? [`${ctx.lex.models.find((x) => x.code === frame.model)?.name ?? frame.model}模型`] : []),
  ];
  const periodText = period ? period.label : '（全部时间）';
  a.understood.push(
    `指标：${m.label}（${m.table}）`,
    `范围：${scopeText}`,
    `时间：${period ? `${period.label}（${period.from}至${period.to}）` : '全部时间'}`,
    ...(filterText.length ? [`筛选：${filterText.join('、')}`] : []),
    ...(group ? [`分组：${dimensionByKey(group).sql(m, { dialect: ctx.store.dialect, focusRegion: focus })!.title}`] : []),
    ...(req.limit && group ? [`排序：${req.order === 'asc' ? '升序' : '降序'}，前${req.limit}`] : []),
    ...(frame.comparison ? [`对比：${frame.comparison === 'yoy' ? '同比' : '环比'}`] : []),
  );
  const planBase = [
    `指标：${m.label} = ${m.value}，表 ${m.table}`,
    `范围：${scopeText}（按账号辖区${boundAgency(caller) !== null ? '及所属执法主体' : ''}限定）`,
    `时间：${period ? `${m.date} 在 ${period.from} 至 ${period.to}` : '不限'}`,
    ...(filterText.length ? [`筛选：${filterText.join('、')}`] : []),
  ];
  const subject = `${scopeText}${periodText}${filterText.length ? filterText.join('、') : ''}的${m.label}`;
  const unit = m.unit;
  const fmt = (v: number) => `${formatFigure(v, m.decimals)}${unit === '分' ? '分' : unit}`;

  if (perRegion) {
    const rows: { name: string; v: number }[] = [];
    for (const r of regions) {
      const built = buildQuery({ ...req, regions: [r] }, caller, ctx.store.dialect, { focusRegion: r });
      const [row] = await tracedQuery<Row>(ctx, built.sql, [...planBase, `区划：${regionName(ctx, r)}`], a.queries);
      rows.push({ name: regionName(ctx, r), v: round(num(row?.v), m.decimals) });
    }
    a.figures.push(...rows.map((r) => r.v));
    a.text = `${periodText}${m.label}：${rows.map((r) => `${r.name}${fmt(r.v)}`).join('，')}。`;
    a.table = {
      columns: [
        { key: 'name', title: '区划' },
        { key: 'v', title: `${m.label}（${unit}）`, numeric: true },
      ],
      rows,
    };
    a.chart = chartOption(
      m.label,
      unit,
      rows.map((r) => r.name),
      [{ name: m.label, data: rows.map((r) => r.v) }],
      false,
    );
    return a;
  }

  const built = buildQuery(req, caller, ctx.store.dialect, { focusRegion: focus });
  const main = await tracedQuery<Row>(
    ctx,
    built.sql,
    [
      ...planBase,
      ...(built.group
        ? [
            `分组：${built.group.title}，${built.group.time ? '按时间排序' : `按${m.label}${req.order === 'asc' ? '升序' : '降序'}`}${req.limit ? `，取前${req.limit}` : ''}`,
          ]
        : []),
    ],
    a.queries,
  );
  let previous: Map<string, number> | null = null;
  let prevPeriod: Period | null = null;
  if (frame.comparison && period) {
    prevPeriod = previousPeriod(period, frame.comparison);
    a.understood.push(`对比期：${prevPeriod.from}至${prevPeriod.to}`);
    const prevBuilt = buildQuery({ ...req, period: prevPeriod, limit: null }, caller, ctx.store.dialect, { focusRegion: focus });
    const rows = await tracedQuery<Row>(
      ctx,
      prevBuilt.sql,
      [...planBase.slice(0, 2), `对比期：${prevPeriod.from} 至 ${prevPeriod.to}`],
      a.queries,
    );
    previous = new Map(rows.map((r) => [String(r.k ?? ''), round(num(r.v), m.decimals)]));
  }
  let base: number | null = null;
  if (frame.share) {
    const filtered = !built.group;
    const baseBuilt = buildQuery({ ...req, group: null }, caller, ctx.store.dialect, { withFilters: !filtered, focusRegion: focus });
    const [row] = await tracedQuery<Row>(
      ctx,
      baseBuilt.sql,
      [...planBase.slice(0, 3), filtered ? '占比的分母：不加筛选条件的同口径合计' : '占比的分母：全部分组的合计'],
      a.queries,
    );
    base = round(num(row?.v), m.decimals);
  }

  if (!built.group) {
    const v = round(num(main[0]?.v), m.decimals);
    a.figures.push(v);
    a.text = `${subject}为${fmt(v)}`;
    a.table = {
      columns: [
        { key: 'measure', title: '指标' },
        { key: 'v', title: `数值（${unit}）`, numeric: true },
      ],
      rows: [{ measure: m.label, v }],
    };
    if (previous && prevPeriod) {
      const p = previous.get('') ?? 0;
      a.figures.push(p);
      a.table.columns.push({ key: 'previous', title: `${frame.comparison === 'yoy' ? '上年同期' : '上一期'}（${unit}）`, numeric: true });
      a.table.rows[0].previous = p;
      if (p !== 0) {
        const change = pct(v - p, p);
        a.figures.push(Math.abs(change), change);
        a.table.columns.push({ key: 'change', title: frame.comparison === 'yoy' ? '同比（%）' : '环比（%）', numeric: true });
        a.table.rows[0].change = change;
        a.text += `，${prevPeriod.label}为${fmt(p)}，${frame.comparison === 'yoy' ? '同比' : '环比'}${change >= 0 ? '增长' : '下降'}${formatFigure(Math.abs(change), 1)}%`;
      } else a.text += `，${prevPeriod.label}为${fmt(0)}，无法计算增减幅度`;
    }
    if (base !== null) {
      const share = base ? pct(v, base) : 0;
      a.figures.push(base, share);
      a.text += `，占同口径合计（${fmt(base)}）的${formatFigure(share, 1)}%`;
      a.table.columns.push({ key: 'share', title: '占比（%）', numeric: true });
      a.table.rows[0].share = share;
    }
    a.text += '。';
    return a;
  }

  const g = built.group;
  const rows = main.map((r) => {
    const key = String(r.k ?? '');
    const raw = r.label ?? key;
    const label = g.labels
      ? (g.labels[String(raw)] ?? (raw === null || raw === '' ? '（未填）' : String(raw)))
      : raw === null || raw === ''
        ? '（未填）'
        : String(raw);
    const v = round(num(r.v), m.decimals);
    const row: Record<string, string | number | null> = { key, label, v };
    if (previous) {
      const p = previous.get(key) ?? 0;
      row.previous = p;
      row.change = p ? pct(v - p, p) : null;
    }
    if (base) row.share = pct(v, base);
    return row;
  });
  for (const r of rows) {
    a.figures.push(r.v as number);
    if (previous) a.figures.push(r.previous as number);
    if (typeof r.change === 'number') a.figures.push(r.change, Math.abs(r.change));
    if (typeof r.share === 'number') a.figures.push(r.share);
  }
  if (base) a.figures.push(base);
  a.table = {
    columns: [
      { key: 'label', title: g.title },
      { key: 'v', title: `${m.label}（${unit}）`, numeric: true },
      ...(previous
        ? [
            { key: 'previous', title: `${frame.comparison === 'yoy' ? '上年同期' : '上一期'}（${unit}）`, numeric: true },
            { key: 'change', title: frame.comparison === 'yoy' ? '同比（%）' : '环比（%）', numeric: true },
          ]
        : []),
      ...(base ? [{ key: 'share', title: '占比（%）', numeric: true }] : []),
    ],
    rows,
  };
  a.chart = chartOption(
    m.label,
    unit,
    rows.map((r) => String(r.label)),
    [
      { name: period?.label ?? m.label, data: rows.map((r) => r.v as number) },
      ...(previous ? [{ name: prevPeriod!.label, data: rows.map((r) => r.previous as number) }] : []),
    ],
    !!g.time,
  );
  if (!rows.length) {
    a.text = `${subject}：没有符合条件的记录。`;
    return a;
  }
  const list = (rs: typeof rows) =>
    rs
      .map(
        (r) =>
          `${r.label}（${fmt(r.v as number)}${typeof r.share === 'number' ? `，占${formatFigure(r.share, 1)}%` : ''}${typeof r.change === 'number' ? `，${frame.comparison === 'yoy' ? '同比' : '环比'}${r.change >= 0 ? '+' : ''}${formatFigure(r.change, 1)}%` : ''}）`,
      )
      .join('、');
  if (g.time) {
    const max = rows.reduce((b, r) => ((r.v as number) > (b.v as number) ? r : b));
    const min = rows.reduce((b, r) => ((r.v as number) < (b.v as number) ? r : b));
    a.text = `${subject}按${g.title}统计共${rows.length}期，最高为${max.label}（${fmt(max.v as number)}），最低为${min.label}（${fmt(min.v as number)}）。`;
    a.figures.push(rows.length);
  } else if (frame.limit || frame.order) {
    a.text = `${subject}${req.order === 'asc' ? '最少' : '最多'}的${rows.length}个${g.title}：${list(rows)}。`;
    a.figures.push(rows.length);
  } else {
    a.text = `${subject}按${g.title}统计（${rows.length}个${g.title}${rows.length === req.limit ? '，仅列前' + req.limit + '个' : ''}）：${list(rows.slice(0, 10))}${rows.length > 10 ? '等' : ''}。`;
    a.figures.push(rows.length);
  }
  return a;
}
