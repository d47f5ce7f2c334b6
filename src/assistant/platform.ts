// Answers about the platform itself: what a supervision model checks and on which article (the model
// library), where a clue stands in the loop (read through the clue workflow's own scope), and what the
// no-penalty list in force for the caller holds.
import { sql } from '../store/sql.ts';
import { STATUS_LABELS, type ClueRow } from '../clues/workflow.ts';
import { clueScope } from '../policy/index.ts';
import { MODEL_CATEGORIES } from '../models/model.ts';
import { emptyAnswer, type Answer } from './answer.ts';
import { cite, citeLabel, tracedQuery, type AskContext } from './context.ts';
import { applicableRegions } from './law.ts';

const SEVERITY: Record<string, string> = { low: '低', medium: '中', high: '高' };

/** The models a question names (code, name) or, failing that, the best BM25 match of names and descriptions. */
export function modelsFor(ctx: AskContext, code: string | null, text: string): string[] {
  if (code) return [code];
  const hits = ctx.lex.modelIndex.search(ctx.lex.segmenter.terms(text.replace(/模型|监督/g, '')), 3);
  return hits.length && hits[0].matched.length >= 1 ? [hits[0].key] : [];
}

export function modelAnswer(ctx: AskContext, question: string, codes: string[]): Answer {
  const a = emptyAnswer(question, 'platform.model', 'platform');
  if (!codes.length) {
    a.text = `监督模型库共有${ctx.lex.models.length}个模型，按类别列出如下。`;
    a.figures.push(ctx.lex.models.length);
    a.table = {
      columns: [
        { key: 'code', title: '代码' },
        { key: 'name', title: '模型' },
        { key: 'category', title: '类别' },
        { key: 'severity', title: '风险' },
        { key: 'basis', title: '依据' },
      ],
      rows: ctx.lex.models.map((m) => {
        const c = m.basis.article !== undefined ? cite(ctx, m.basis.regulationId, m.basis.article, '依据') : null;
        return {
          code: m.code,
          name: m.name,
          category: MODEL_CATEGORIES[m.category],
          severity: SEVERITY[m.severity],
          basis: c ? citeLabel(c) : (ctx.lex.regulations.get(m.basis.regulationId)?.title ?? m.basis.note ?? ''),
        };
      }),
    };
    return a;
  }
  const parts: string[] = [];
  for (const code of codes) {
    const m = ctx.lex.models.find((x) => x.code === code);
    if (!m) continue;
    const c = m.basis.article !== undefined ? cite(ctx, m.basis.regulationId, m.basis.article, '模型依据') : null;
    if (c && !a.citations.some((x) => x.regulationId === c.regulationId && x.article === c.article)) a.citations.push(c);
    const params = m.params.map((p) => `${p.label}默认${p.default}`).join('，');
    for (const p of m.params) a.figures.push(p.default);
    parts.push(
      `「${m.name}」（${m.code}，${MODEL_CATEGORIES[m.category]}类，风险${SEVERITY[m.severity]}）：${m.description}` +
        `${params ? `参数：${params}。` : ''}依据${c ? citeLabel(c) : `《${ctx.lex.regulations.get(m.basis.regulationId)?.title ?? m.basis.regulationId}》`}${m.basis.note ? `（${m.basis.note}）` : ''}。`,
    );
    a.records.push({ kind: 'model', id: m.code, label: m.name });
  }
  a.text = parts.join('\n');
  return a;
}

/** 线索到哪一步了: the clue's status, deadline, agency and last step, if the caller may see it. */
export async function clueAnswer(ctx: AskContext, question: string, id: string): Promise<Answer> {
  const a = emptyAnswer(question, 'platform.clue', 'platform');
  const q = sql`SELECT c.*, ag.name AS agency_name, rg.name AS region_name FROM clues c
    LEFT JOIN agencies ag ON ag.id = c.agency_id LEFT JOIN regions rg ON rg.code = c.region_code
    WHERE c.id = ${id} AND ${clueScope(ctx.caller, 'c')}`;
  const [clue] = await tracedQuery<ClueRow & { agency_name: string | null; region_name: string | null }>(
    ctx,
    q,
    [`查询线索 ${id}（仅限您可查看的线索）`],
    a.queries,
  );
  if (!clue) {
    a.kind = 'refused';
    a.text = `没有找到您可以查看的线索 ${id}（线索不存在，或不在您的辖区和职责范围内）。`;
    return a;
  }
  const [last] = await ctx.store.query<{ action: string; comment: string | null; occurred_at: string }>(
    sql`SELECT action, comment, occurred_at FROM clue_events WHERE clue_id = ${id} ORDER BY occurred_at DESC LIMIT 1`,
  );
  a.records.push({ kind: 'clue', id: clue.id, label: clue.title });
  a.text =
    `线索 ${clue.id}「${clue.title}」（${clue.region_name ?? clue.region_code}）当前状态：${STATUS_LABELS[clue.status]}` +
    `${clue.agency_name ? `，承办单位：${clue.agency_name}` : ''}${clue.deadline ? `，整改期限：${clue.deadline}` : ''}` +
    `${clue.escalation_level ? `，已升级督办（${clue.escalation_level === 'province' ? '省级' : '市级'}）` : ''}` +
    `${last ? `。最近一步：${last.occurred_at.slice(0, 10)} ${last.action}${last.comment ? `（${last.comment}）` : ''}` : ''}。`;
  return a;
}

/** 免罚清单有哪些: the entries in force for the caller (province, their city and county). */
export async function exemptionListAnswer(ctx: AskContext, question: string): Promise<Answer> {
  const a = emptyAnswer(question, 'platform.exemption_list', 'platform');
  const regions = applicableRegions(ctx.caller.regionCode);
  const list = regions.slice(1).reduce((acc, v) => sql`${acc}, ${v}`, sql`${regions[0]}`);
  const q = sql`SELECT e.id, e.region_code, e.domain, e.conditions, i.name AS item_name FROM exemptions e
    JOIN items i ON i.code = e.item_code WHERE e.region_code IN (${list}) ORDER BY e.region_code, e.id`;
  const rows = await tracedQuery<{ id: string; region_code: string; domain: string; conditions: string; item_name: string }>(
    ctx,
    q,
    ['读取本辖区适用的轻微违法不予处罚清单（全省、本市、本县）'],
    a.queries,
  );
  const byRegion = new Map<string, number>();
  for (const x of rows) byRegion.set(x.region_code, (byRegion.get(x.region_code) ?? 0) + 1);
  a.figures.push(rows.length, ...byRegion.values());
  a.text =
    `本辖区适用的轻微违法不予处罚清单共${rows.length}项（${[...byRegion].map(([code, n]) => `${ctx.lex.regions.get(code)?.name ?? code}${n}项`).join('、')}），` +
    '均依据《中华人民共和国行政处罚法》第三十三条。';
  const c = cite(ctx, 'xingzheng-chufa-fa', 33, '清单依据');
  if (c) a.citations.push(c);
  a.table = {
    columns: [
      { key: 'region', title: '适用范围' },
      { key: 'domain', title: '领域' },
      { key: 'item', title: '违法行为' },
      { key: 'conditions', title: '不予处罚条件' },
    ],
    rows: rows.map((x) => ({
      region: ctx.lex.regions.get(x.region_code)?.name ?? x.region_code,
      domain: x.domain,
      item: x.item_name,
      conditions: x.conditions,
    })),
  };
  return a;
}
