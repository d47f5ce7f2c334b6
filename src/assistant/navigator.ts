// "What does the navigator recommend for this case?": a case described in a question (the act, the
// county, the facts as staff say them — 初次, 已清理, 未造成危害后果 — and perhaps a proposed fine) is
// read into the navigator's request and assessed by the navigator itself (src/navigator `assess`, the
// function the console, the API and `kedu assess` call). Nothing is decided here: this file only reads
// the facts out of the sentence and phrases the assessment; facts the question does not state are
// assumed at their least favourable reading and said so.
import { regionContains, regionLevel } from '../domain/region.ts';
import { TIER_NAMES } from '../catalog/types.ts';
import {
  assess,
  navReference,
  searchItems,
  NavigatorError,
  type AssessFacts,
  type AssessRequest,
  type AssessResult,
  type ProposedDecision,
} from '../navigator/index.ts';
import { emptyAnswer, formatFigure, numbersIn, type Answer, type Citation } from './answer.ts';
import type { AskContext } from './context.ts';
import type { Reading } from './read.ts';

/** 3000元 / 3万元 / 1.5万元 → yuan. */
const YUAN = String.raw`(\d+(?:\.\d+)?)\s*(万)?\s*元`;
const toYuan = (m: RegExpExecArray | null, at = 1): number | null =>
  m ? Math.round(Number(m[at]) * (m[at + 1] ? 10000 : 1) * 100) / 100 : null;

export interface CaseReading {
  facts: AssessFacts;
  proposed: ProposedDecision | null;
  /** What the question did not say and was assumed, in Chinese. */
  assumed: string[];
}

/** The facts a question states, as the navigator asks for them. */
export function readCaseFacts(text: string): CaseReading {
  const assumed: string[] = [];
  let firstOffence: boolean;
  if (/再次|又一次|多次|屡次|曾因|曾被|第[2-9]次|累犯|不是(第1次|初次|首次)|又被/.test(text)) firstOffence = false;
  else if (/初次|首次|第1次|头一回|首违|初犯/.test(text)) firstOffence = true;
  else {
    firstOffence = false;
    assumed.push('未说明是否初次违法，按非初次违法评估');
  }
  let corrected: boolean;
  if (/拒不(改正|整改|清理|拆除)|(未|没有|没)(及时)?(改正|整改|清理|拆除)|仍未|继续(经营|违法)/.test(text)) corrected = false;
  else if (
    /(已|已经|及时|当场|立即|当即|马上|主动|自行)(改正|整改|清理|拆除|补办|恢复|纠正|下架|撤除)|整改到位|清理干净|改正了|清理了|整改了/.test(
      text,
    )
  )
    corrected = true;
  else {
    corrected = false;
    assumed.push('未说明是否及时改正，按未改正评估');
  }
  let harm: AssessFacts['harm'];
  if (/严重|重大|较大(的)?(危害|损失|影响|后果)|恶劣/.test(text)) harm = 'serious';
  else if (/(未|没有|没)(造成|产生)(任何)?(危害|后果|损害|损失|影响)|无(危害)?后果|无危害|没有危害|没危害/.test(text)) harm = 'none';
  else if (/轻微|较小|不大|一定(危害|影响)/.test(text)) harm = 'minor';
  else {
    harm = 'minor';
    assumed.push('未说明危害后果，按危害轻微评估');
  }
  const facts: AssessFacts = { firstOffence, corrected, harm, text };
  const gains = toYuan(new RegExp(`违法所得\\s*(?:为|约|共)?\\s*${YUAN}`).exec(text));
  if (gains !== null) facts.illegalGains = gains;
  const involved = toYuan(new RegExp(`(?:货值(?:金额)?|涉案金额|涉案货值)\\s*(?:为|约|共)?\\s*${YUAN}`).exec(text));
  if (involved !== null) facts.amountInvolved = involved;
  const loss = toYuan(new RegExp(`损失\\s*(?:为|约|共)?\\s*${YUAN}`).exec(text));
  if (loss !== null) facts.lossAmount = loss;
  if (/积极配合|主动配合|如实(供述|陈述)/.test(text)) facts.cooperation = true;

  // A proposal is what the officer means to decide (拟/打算/准备 …, or a fine asked about: 罚3000元合适吗).
  let proposed: ProposedDecision | null = null;
  const fine =
    new RegExp(`(?:拟|打算|准备|想|计划|如果|若)[^，。,?？]{0,8}?罚(?:款)?\\s*${YUAN}`).exec(text) ??
    new RegExp(`罚(?:款)?\\s*${YUAN}[^，。,]{0,4}(?:合适|合理|妥当|行不行|可以吗|对不对|偏高|偏低|重不重|轻不轻|高不高|低不低)`).exec(text);
  if (fine) proposed = { decision: 'fine', fine: toYuan(fine) };
  else if (/(拟|打算|准备|想|计划)[^，。,?？]{0,6}(不予(行政)?处罚|免罚|不罚)/.test(text)) proposed = { decision: 'no_penalty' };
  else if (/(拟|打算|准备|想|计划)[^，。,?？]{0,6}警告/.test(text)) proposed = { decision: 'warning' };
  return { facts, proposed, assumed };
}

/**
 * The region a described case is in: the most local one the question names, else the asker's own; a
 * region above the asker's (杭州市 asked by a 富阳 officer) is the asker's own. `outside`: named outside
 * the asker's jurisdiction.
 */
function caseRegion(ctx: AskContext, r: Reading): { code: string; outside: boolean } {
  const mine = ctx.caller.regionCode;
  const named = r.regions.map((x) => x.code).sort((a, b) => rank(b) - rank(a))[0];
  if (!named || regionContains(named, mine)) return { code: mine, outside: false };
  return { code: named, outside: !regionContains(mine, named) };
}
const rank = (code: string) => ({ province: 0, city: 1, county: 2, township: 3 })[regionLevel(code)];

const YES = (b: boolean) => (b ? '是' : '否');
const HARM_NAMES: Record<AssessFacts['harm'], string> = { none: '未造成危害后果', minor: '危害后果轻微', serious: '危害后果较大' };
const DECISION_NAMES: Record<string, string> = { no_penalty: '不予处罚', warning: '警告', fine: '罚款' };
const POSITION_NAMES = { inside: '在档次范围内', above: '高于档次上限', below: '低于档次下限' } as const;

/**
 * One item for an act that names several (占道经营: 设摊 or 店外经营): the one the navigator's own item
 * search ranks first for the whole question, when it ranks one first; else all, for the asker to choose.
 */
async function pickItem(ctx: AskContext, question: string, items: string[]): Promise<string[]> {
  if (items.length <= 1) return items;
  const ref = await navReference(ctx.store);
  const candidates = ref.penaltyItems.filter((i) => items.includes(i.code));
  const ranked = searchItems(candidates, ref.synonyms, ref.lineNames, question, 2);
  return ranked.length && (ranked.length === 1 || ranked[0].score > ranked[1].score) ? [ranked[0].code] : items;
}

/** 裁量导航 for a case described in the question. `items`: the codes the question names. */
export async function navigatorAnswer(ctx: AskContext, question: string, r: Reading, named: string[]): Promise<Answer> {
  const a = emptyAnswer(question, 'navigator.assess', 'law');
  const region = caseRegion(ctx, r);
  if (region.outside) {
    const name = (code: string) => ctx.lex.regions.get(code)?.name ?? code;
    a.kind = 'refused';
    a.text = `您的账号辖区为${name(ctx.caller.regionCode)}，无权评估${name(region.code)}的案件（数据按辖区隔离，只能评估本辖区及下级区划的案件）。`;
    return a;
  }
  const items = await pickItem(ctx, question, named);
  const say = (n: number, decimals = 2) => {
    a.figures.push(n);
    return formatFigure(n, decimals);
  };
  // Sentences that come from the assessment as written (reasons, conditions, notes): their numbers are the tool's.
  const quote = (s: string) => {
    a.figures.push(...numbersIn(s));
    return s;
  };
  if (items.length !== 1) {
    a.text = items.length
      ? `这一行为对应多个处罚事项，请说明是哪一项后再评估：${items.map((c) => `「${ctx.lex.items.get(c)?.name ?? c}」`).join('、')}。`
      : '请说明违法行为（如“乱倒垃圾”“无照经营”）或处罚事项编码，裁量导航才能评估。';
    for (const c of items) a.records.push({ kind: 'item', id: c, label: ctx.lex.items.get(c)?.name ?? c });
    return a;
  }
  const { facts, proposed, assumed } = readCaseFacts(question);
  const request: AssessRequest = { item: items[0], regionCode: region.code, facts, proposed, asOf: ctx.asOf };
  let result: AssessResult;
  try {
    result = await assess(ctx.store, ctx.caller, request);
  } catch (e) {
    if (!(e instanceof NavigatorError)) throw e;
    a.kind = e.code === 'forbidden' ? 'refused' : 'law';
    a.text = `裁量导航无法评估：${e.message}`;
    return a;
  }

  a.understood.push(
    `处罚事项：${result.item.name}（${result.item.code}）`,
    `案件所在区划：${result.region.name}`,
    `初次违法：${YES(facts.firstOffence)}；及时改正：${YES(facts.corrected)}；${HARM_NAMES[facts.harm]}`,
  );
  if (proposed)
    a.understood.push(`拟作决定：${DECISION_NAMES[proposed.decision]}${proposed.fine ? `${formatFigure(proposed.fine)}元` : ''}`);
  a.records.push({ kind: 'item', id: result.item.code, label: result.item.name });

  const parts: string[] = [`裁量导航对${result.region.name}这起「${result.item.name}」案件的评估：${quote(result.recommendation.text)}`];
  const t = result.tier;
  if (result.baseline && t.min !== null && t.max !== null && t.tier !== 'exempt')
    parts.push(
      `适用${quote(result.baseline.title)}的“${TIER_NAMES[t.tier]}”档次（${say(t.min)}元至${say(t.max)}元），因为${quote(t.condition)}。`,
    );
  else parts.push(`适用“${TIER_NAMES[t.tier]}”：${quote(t.condition)}。`);
  if (!result.law.penalty?.held && result.law.penalty) parts.push(`该事项依据《${result.law.penalty.title}》，本系统未收录其条文原文。`);
  parts.push(quote(result.exemption.reason));
  const h = result.history;
  const spread = (d: AssessResult['history']['region']) =>
    d.fines
      ? `罚款${say(d.fines.count, 0)}件，中位数${say(d.fines.median)}元（四分位${say(d.fines.q1)}至${say(d.fines.q3)}元）`
      : `罚款决定${say(d.fined, 0)}件，不足${say(h.minDecisions, 0)}件，不计算中位数`;
  const share = (d: AssessResult['history']['region']) =>
    d.noPenaltyShare === null ? '' : `，不予处罚占${say(Math.round(d.noPenaltyShare * 1000) / 10, 1)}%`;
  parts.push(
    `近${say(h.lookbackDays, 0)}天同类决定：${h.region.scope.name}${say(h.region.decisions, 0)}件，${spread(h.region)}${share(h.region)}；` +
      `全省${say(h.province.decisions, 0)}件，${spread(h.province)}${share(h.province)}。`,
  );
  const v = result.verdict;
  if (v) {
    const what = `${DECISION_NAMES[v.decision]}${v.fine !== null ? `${say(v.fine)}元` : ''}`;
    const where = v.position ? POSITION_NAMES[v.position] : '';
    const z = v.robustZ !== null ? `，偏离同档次中位数${say(Math.round(v.robustZ * 10) / 10, 1)}个稳健单位` : '';
    parts.push(
      `拟作${what}：${where}${z}，${v.review ? `建议复核（${v.reasons.map(quote).join('').replace(/。$/, '')}）` : '无需复核'}。`.replace(
        '：，',
        '：',
      ),
    );
  }
  if (result.similar.length) parts.push(`最相似的${say(result.similar.length, 0)}起本辖区案件见下表。`);
  a.text = parts.join('');

  const addCitation = (ref: AssessResult['tier']['citations'][number] | null, role: string) => {
    if (!ref?.held || ref.number === null || ref.text === null || ref.label === null) return;
    if (a.citations.some((c) => c.regulationId === ref.regulationId && c.article === ref.number)) return;
    const c: Citation = {
      regulationId: ref.regulationId,
      regulationTitle: ref.title,
      article: ref.number,
      label: ref.label,
      text: ref.text,
      role,
    };
    a.citations.push(c);
  };
  addCitation(result.law.violated, '违反条款');
  addCitation(result.law.penalty, '罚则');
  for (const c of t.citations) addCitation(c, '裁量档次依据');
  for (const c of result.exemption.citations) addCitation(c, '不予处罚依据');

  if (result.similar.length) {
    a.table = {
      columns: [
        { key: 'id', title: '案件编号' },
        { key: 'region', title: '区县' },
        { key: 'decision', title: '决定' },
        { key: 'fine', title: '罚款（元）', numeric: true },
        { key: 'why', title: '相似之处' },
      ],
      rows: result.similar.map((s) => ({
        id: s.id,
        region: s.regionName,
        decision: s.decision ? (DECISION_NAMES[s.decision] ?? s.decision) : null,
        fine: s.fine,
        why: s.why.join('；'),
      })),
    };
    for (const s of result.similar) a.records.push({ kind: 'cases', id: s.id, label: `${s.regionName} ${s.decidedOn ?? ''}`.trim() });
  }
  a.notes.push(...assumed.map((x) => `${x}；如不符，请补充说明后再问。`), ...result.notes.map(quote));
  a.notes.push('评估由裁量导航给出（与“裁量导航”页面、kedu assess 相同）。');
  return a;
}
