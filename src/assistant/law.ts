// Answers about the law, from data/law (verbatim, through the store's articles) and the catalog: which
// articles an act violates, its penalty and the baseline tiers in force, whether it can be exempted,
// what an article says (or that the corpus does not hold it), which items a line enforces, what a
// procedure requires, and a BM25 search of the articles for anything else. No article, number or
// figure is written here that the corpus or the catalog does not hold.
import { sql } from '../store/sql.ts';
import { cityOf, countyOf, regionLevel } from '../domain/region.ts';
import { TIER_NAMES, type Exemption, type TierName } from '../catalog/types.ts';
import { emptyAnswer, formatFigure, type Answer, type Citation } from './answer.ts';
import { cite, citeLabel, tracedQuery, type AskContext } from './context.ts';
import type { ItemRow } from './lexicon.ts';
import type { RegulationRef } from './read.ts';
import { PROCEDURES, type ProcedureTopic } from './procedures.ts';

const KIND_LABELS: Record<string, string> = { penalty: '处罚', licence: '许可', inspection: '检查', coercion: '强制' };

function addCitation(a: Answer, c: Citation | null): void {
  if (c && !a.citations.some((x) => x.regulationId === c.regulationId && x.article === c.article)) a.citations.push(c);
}

const itemsOf = (ctx: AskContext, codes: string[]): ItemRow[] => codes.map((c) => ctx.lex.items.get(c)).filter((x): x is ItemRow => !!x);

/** The regions whose lists and baselines apply to the caller: the province, their city and county. */
export function applicableRegions(regionCode: string): string[] {
  const level = regionLevel(regionCode);
  if (level === 'province') return ['330000'];
  if (level === 'city') return ['330000', regionCode];
  return ['330000', cityOf(regionCode), countyOf(regionCode)];
}

function unavailableNote(ctx: AskContext, regulationId: string | null): string | null {
  if (!regulationId) return null;
  const r = ctx.lex.regulations.get(regulationId);
  return r && r.status === 'unavailable' ? `《${r.title}》的条文未收录在本库语料中，无法引用原文` : null;
}

/** 违反哪些规定: the article each item enforces, and the articles the synonym entry adds. */
export function violationAnswer(
  ctx: AskContext,
  question: string,
  codes: string[],
  extra: { regulation_id: string; article: number }[],
  words: string[],
): Answer {
  const a = emptyAnswer(question, 'law.violation', 'law');
  const items = itemsOf(ctx, codes);
  a.understood.push(
    `行为：${words.join('、') || items.map((i) => i.name).join('、')}`,
    `对应执法事项：${items.map((i) => `${i.name}（${i.code}）`).join('；')}`,
  );
  const parts: string[] = [];
  for (const it of items) {
    const basis = it.basis_article !== null ? cite(ctx, it.basis_regulation_id!, it.basis_article, '违反条款') : null;
    addCitation(a, basis);
    const line = ctx.lex.lines.get(it.line_code) ?? it.line_code;
    if (basis) parts.push(`「${it.name}」（${line}）违反${citeLabel(basis)}`);
    else parts.push(`「${it.name}」（${line}）：${unavailableNote(ctx, it.basis_regulation_id) ?? '规则库未登记其违反的条款'}`);
    a.records.push({ kind: 'item', id: it.code, label: it.name });
  }
  const more = extra.map((r) => cite(ctx, r.regulation_id, r.article, '相关规定')).filter((c): c is Citation => !!c);
  for (const c of more) addCitation(a, c);
  a.text = `${parts.join('；')}。`;
  if (more.length) a.text += `另见${more.map(citeLabel).join('、')}。`;
  a.text += '条文原文见引用。';
  return a;
}

interface TierRow {
  baseline_id: string;
  item_code: string;
  region_code: string;
  title: string;
  tier: TierName;
  fine_min: number;
  fine_max: number;
  conditions: string;
}

/** 怎么罚: the penalty article quoted, the statutory range, and the baseline tiers in force for the caller. */
export async function penaltyAnswer(
  ctx: AskContext,
  question: string,
  codes: string[],
  extra: { regulation_id: string; article: number }[],
): Promise<Answer> {
  const a = emptyAnswer(question, 'law.penalty', 'law');
  const items = itemsOf(ctx, codes).filter((i) => i.kind === 'penalty');
  a.understood.push(`处罚事项：${items.map((i) => `${i.name}（${i.code}）`).join('；')}`);
  const regions = applicableRegions(ctx.caller.regionCode);
  const q = sql`SELECT b.id AS baseline_id, b.item_code, b.region_code, b.title, t.tier, t.fine_min, t.fine_max, t.conditions
    FROM baselines b JOIN baseline_tiers t ON t.baseline_id = b.id
    WHERE b.item_code IN (${joinValues(items.map((i) => i.code))}) AND b.region_code IN (${joinValues(regions)})
    ORDER BY b.item_code, b.region_code, t.fine_min, t.fine_max`;
  const tiers = items.length
    ? await tracedQuery<TierRow>(
        ctx,
        q,
        ['读取裁量基准：本辖区适用的全省基准及本市细化（市级细化优先）', `事项：${items.map((i) => i.code).join('、')}`],
        a.queries,
      )
    : [];
  const parts: string[] = [];
  const rows: Record<string, string | number | null>[] = [];
  for (const it of items) {
    const penalty = it.penalty_article !== null ? cite(ctx, it.penalty_regulation_id!, it.penalty_article, '罚则') : null;
    addCitation(a, penalty);
    a.records.push({ kind: 'item', id: it.code, label: it.name });
    let s = `「${it.name}」：`;
    s += penalty ? `依照${citeLabel(penalty)}` : (unavailableNote(ctx, it.penalty_regulation_id) ?? '规则库未登记罚则条款');
    if (it.fine_min !== null && it.fine_max !== null) {
      s += `，罚款幅度${formatFigure(it.fine_min)}元至${formatFigure(it.fine_max)}元`;
      a.figures.push(it.fine_min, it.fine_max);
    }
    if (it.fine_note) s += `（${it.fine_note}）`;
    // The most specific baseline in force: a city's refinement beats the province's ("1+8").
    const mine = tiers.filter((t) => t.item_code === it.code);
    const best = mine.reduce<string | null>(
      (b, t) => (!b || t.region_code.length > b.length || t.region_code > b ? t.region_code : b),
      null,
    );
    const inForce = mine.filter((t) => t.region_code === best);
    if (inForce.length) {
      s += `；裁量基准（${inForce[0].title}）分${inForce.length}档`;
      a.figures.push(inForce.length);
      for (const t of inForce) {
        rows.push({
          item: it.name,
          tier: TIER_NAMES[t.tier] ?? t.tier,
          range: `${formatFigure(Number(t.fine_min))}–${formatFigure(Number(t.fine_max))}元`,
          conditions: t.conditions,
          baseline: t.title,
        });
        a.figures.push(Number(t.fine_min), Number(t.fine_max));
      }
    }
    parts.push(s);
  }
  for (const r of extra) {
    const c = cite(ctx, r.regulation_id, r.article, '相关罚则');
    if (c && /罚款|处罚|没收/.test(c.text)) addCitation(a, c);
  }
  if (!items.length) {
    a.text = '规则库中没有与该行为对应的处罚事项，无法给出罚则。';
    return a;
  }
  a.text = `${parts.join('；')}。`;
  const extraCited = a.citations.filter((c) => c.role === '相关罚则');
  if (extraCited.length) a.text += `另见${extraCited.map(citeLabel).join('、')}。`;
  if (rows.length) {
    a.table = {
      columns: [
        { key: 'item', title: '执法事项' },
        { key: 'tier', title: '档次' },
        { key: 'range', title: '罚款幅度' },
        { key: 'conditions', title: '适用情形' },
        { key: 'baseline', title: '裁量基准' },
      ],
      rows,
    };
  }
  return a;
}

function joinValues(values: string[]) {
  const list = values.length ? values : ['-'];
  return list.slice(1).reduce((acc, v) => sql`${acc}, ${v}`, sql`${list[0]}`);
}

/** 能否免罚: the no-penalty list entries in force for the caller, with 行政处罚法 第三十三条. */
export async function exemptionAnswer(ctx: AskContext, question: string, codes: string[]): Promise<Answer> {
  const a = emptyAnswer(question, 'law.exemption', 'law');
  const items = itemsOf(ctx, codes).filter((i) => i.kind === 'penalty');
  const regions = applicableRegions(ctx.caller.regionCode);
  a.understood.push(
    `处罚事项：${items.map((i) => i.name).join('；')}`,
    `适用清单：${regions.map((r) => ctx.lex.regions.get(r)?.name ?? r).join('、')}`,
  );
  const q = sql`SELECT e.id, e.item_code, e.region_code, e.domain, e.conditions, e.basis_regulation_id, e.basis_article, e.list_regulation_id
    FROM exemptions e WHERE e.item_code IN (${joinValues(items.map((i) => i.code))}) AND e.region_code IN (${joinValues(regions)}) ORDER BY e.id`;
  const rows = await tracedQuery<Exemption>(ctx, q, ['读取轻微违法不予处罚清单：全省及本市、本县适用条目'], a.queries);
  const parts: string[] = [];
  for (const it of items) {
    const listed = rows.filter((x) => x.item_code === it.code);
    if (listed.length) {
      const where = listed.map((x) => {
        const list = x.list_regulation_id ? ctx.lex.regulations.get(x.list_regulation_id)?.title : null;
        return `${ctx.lex.regions.get(x.region_code)?.name ?? x.region_code}${list ? `《${list}》` : '轻微违法不予处罚清单'}（条件：${x.conditions}）`;
      });
      parts.push(`「${it.name}」列入${where.join('；')}，符合条件的可以不予处罚`);
      for (const x of listed) {
        addCitation(a, cite(ctx, x.basis_regulation_id, Number(x.basis_article), '不予处罚依据'));
        a.records.push({ kind: 'exemption', id: x.id, label: `${x.domain}：${it.name}` });
      }
    } else {
      parts.push(`「${it.name}」未列入本辖区适用的轻微违法不予处罚清单，是否不予处罚仍须按《中华人民共和国行政处罚法》第三十三条逐案判断`);
    }
  }
  addCitation(a, cite(ctx, 'xingzheng-chufa-fa', 33, '不予处罚依据'));
  a.text = items.length ? `${parts.join('；')}。` : '没有找到对应的处罚事项；不予处罚的一般规定见《中华人民共和国行政处罚法》第三十三条。';
  return a;
}

/** 第N条说了什么: the article verbatim, or why it cannot be given. */
export function articleAnswer(ctx: AskContext, question: string, ref: RegulationRef): Answer {
  const reg = ref.id ? ctx.lex.regulations.get(ref.id) : undefined;
  if (!reg) {
    const a = emptyAnswer(question, 'law.article', 'not_held');
    a.text = ref.name
      ? `本库未收录《${ref.name.replace(/^《|》$/g, '')}》，无法提供其条文。已收录的法规：${[...ctx.lex.regulations.values()]
          .filter((r) => r.status !== 'unavailable')
          .map((r) => `《${r.title}》`)
          .join('、')}。`
      : '请说明是哪一部法规的条文，例如“行政处罚法第三十三条”。';
    return a;
  }
  if (ref.article === null) {
    const a = emptyAnswer(question, 'law.article', reg.status === 'unavailable' ? 'not_held' : 'law');
    a.text =
      reg.status === 'unavailable'
        ? `《${reg.title}》仅登记了名称，条文未收录在本库语料中。`
        : `《${reg.title}》在本库中收录${reg.articles}条${reg.status === 'partial' ? '（部分条文）' : ''}。请问要查哪一条？`;
    if (reg.status !== 'unavailable') a.figures.push(reg.articles);
    a.records.push({ kind: 'regulation', id: reg.id, label: reg.title });
    return a;
  }
  const c = cite(ctx, reg.id, ref.article, '条文原文');
  if (!c) {
    const a = emptyAnswer(question, 'law.article', 'not_held');
    a.text =
      reg.status === 'unavailable'
        ? `《${reg.title}》的条文未收录在本库语料中，无法提供第${ref.article}条的原文。`
        : `本库收录的《${reg.title}》${reg.status === 'partial' ? '只有部分条文' : `共${reg.articles}条`}，没有第${ref.article}条。`;
    a.figures.push(ref.article, reg.articles);
    return a;
  }
  const a = emptyAnswer(question, 'law.article', 'law');
  a.citations.push(c);
  a.text = `${citeLabel(c)}：${c.text}`;
  return a;
}

/** 管哪些事项: the items of a line (an agency enforces its line's items). */
export function itemsAnswer(ctx: AskContext, question: string, lines: string[], agencyName: string | null): Answer {
  const a = emptyAnswer(question, 'law.items', 'law');
  const items = [...ctx.lex.items.values()].filter((i) => lines.includes(i.line_code));
  const names = lines.map((l) => ctx.lex.lines.get(l) ?? l).join('、');
  a.understood.push(`条线：${names}${agencyName ? `（${agencyName}）` : ''}`);
  if (!items.length) {
    a.text = `规则库中没有${names}条线的执法事项。`;
    return a;
  }
  const byKind = new Map<string, number>();
  for (const i of items) byKind.set(i.kind, (byKind.get(i.kind) ?? 0) + 1);
  a.figures.push(items.length, ...byKind.values());
  a.text = `${agencyName ?? names + '条线'}执行的执法事项共${items.length}项（${[...byKind].map(([k, n]) => `${KIND_LABELS[k] ?? k}${n}项`).join('、')}），清单如下（规则库为代表性样本）。`;
  a.table = {
    columns: [
      { key: 'code', title: '事项代码' },
      { key: 'name', title: '事项名称' },
      { key: 'kind', title: '类别' },
      { key: 'basis', title: '依据' },
    ],
    rows: items.map((i) => {
      const basis = i.basis_article !== null ? cite(ctx, i.basis_regulation_id!, i.basis_article, '依据') : null;
      return {
        code: i.code,
        name: i.name,
        kind: KIND_LABELS[i.kind] ?? i.kind,
        basis: basis ? citeLabel(basis) : (ctx.lex.regulations.get(i.basis_regulation_id ?? '')?.title ?? ''),
      };
    }),
  };
  return a;
}

export function procedureTopic(text: string): ProcedureTopic | undefined {
  return PROCEDURES.find((p) => p.pattern.test(text));
}

/** 程序要求: the topic's summary and its articles quoted; a licence item adds its own time limit. */
export function procedureAnswer(ctx: AskContext, question: string, topic: ProcedureTopic, codes: string[]): Answer {
  const a = emptyAnswer(question, 'law.procedure', 'law');
  a.understood.push(`程序事项：${topic.title}`);
  for (const r of topic.articles) addCitation(a, cite(ctx, r.regulation_id, r.article, '程序规定'));
  a.text = `${topic.summary}（${a.citations.map(citeLabel).join('、')}）`;
  if (topic.key === 'licence_deadline') {
    for (const it of itemsOf(ctx, codes).filter((i) => i.kind === 'licence' && i.time_limit_days !== null)) {
      a.text += `「${it.name}」的法定办理时限为${it.time_limit_days}个工作日。`;
      a.figures.push(it.time_limit_days!);
      const basis = it.basis_article !== null ? cite(ctx, it.basis_regulation_id!, it.basis_article, '事项依据') : null;
      addCitation(a, basis);
    }
  }
  return a;
}

/** Anything else about the law: the three articles that match the question best (BM25). */
export function searchAnswer(ctx: AskContext, question: string): Answer | null {
  const hits = ctx.lex.articleIndex.search(ctx.lex.segmenter.terms(question), 3).filter((h) => h.matched.length >= 2);
  if (!hits.length) return null;
  const a = emptyAnswer(question, 'law.search', 'law');
  for (const h of hits) {
    const [reg, n] = h.key.split('#');
    addCitation(a, cite(ctx, reg, Number(n), '相关条文'));
  }
  a.text = `与问题最相关的条文：${a.citations.map(citeLabel).join('、')}（按相关度排序，原文见引用）。`;
  a.notes.push('按条文检索（BM25）给出，未对应到具体执法事项；如需罚则，请说明具体违法行为。');
  return a;
}

/** The items a question names: synonyms first, then the best-matching item names (BM25). */
export function itemsFor(ctx: AskContext, codes: string[], text: string, kinds: string[] = ['penalty']): string[] {
  if (codes.length) return codes;
  const hits = ctx.lex.itemIndex.search(ctx.lex.segmenter.terms(text), 3, (code) => kinds.includes(ctx.lex.items.get(code)?.kind ?? ''));
  if (!hits.length || hits[0].matched.length < 2) return [];
  return [hits[0].key];
}
