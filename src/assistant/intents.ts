// The registry of intents: what kinds of question the assistant answers, the cue words of each, and
// example questions (shown when a question cannot be answered, and listed in docs/assistant.md).
// `recognise` picks the intents of a question from its cues and slots. Adding a question pattern:
// src/assistant/CONTEXT.md.
import type { Reading } from './read.ts';
import { procedureTopic } from './law.ts';

export type IntentKey =
  | 'law.violation'
  | 'law.penalty'
  | 'law.exemption'
  | 'law.article'
  | 'law.items'
  | 'law.procedure'
  | 'law.search'
  | 'navigator.assess'
  | 'data.query'
  | 'platform.model'
  | 'platform.clue'
  | 'platform.exemption_list';

export interface IntentDef {
  key: IntentKey;
  label: string;
  /** Words that ask for it (a question needs the cue and the slots the intent works on). */
  cue: RegExp;
  examples: string[];
}

export const INTENTS: readonly IntentDef[] = [
  {
    key: 'law.violation',
    label: '违反哪些规定',
    cue: /违反|违法吗|违不违法|是否违法|算违法|法律依据|依据是|依据什么|什么规定|哪些规定|哪条规定|哪几条|哪些法(?!律责任)|什么法(?!律责任)|定性|属于什么违法|触犯|犯了什么/,
    examples: ['无照经营违反哪些规定？', '占道经营违反什么法？'],
  },
  {
    key: 'law.penalty',
    label: '怎么处罚',
    cue: /处罚|怎么罚|如何罚|咋罚|罚多少|罚款多少|罚则|什么后果|法律责任|会被|怎么处理|如何处理|罚几|罚款幅度|罚款标准|罚款范围|怎么处置|会不会罚|罚钱|罚款是多少|罚多少钱/,
    examples: ['乱倒垃圾怎么罚？', '卖过期食品会受到什么处罚？'],
  },
  {
    key: 'law.exemption',
    label: '能否不予处罚',
    cue: /免罚|不罚|不予处罚|不予行政处罚|首违|可以不处罚|免于处罚|能否不|能不能不|轻微违法/,
    examples: ['营业执照没挂首次被查能免罚吗？'],
  },
  {
    key: 'law.article',
    label: '条文内容',
    cue: /第?\s*[\d零〇一二两三四五六七八九十百千]+\s*条|多少条|几条|收录/,
    examples: ['行政处罚法第三十三条是怎么规定的？', '食品安全法第一百二十二条说了什么？'],
  },
  {
    key: 'law.items',
    label: '执法事项',
    cue: /(管|负责|查处|执法|执行|承担|有)(哪些|什么|几项|多少项?)(执法)?(事项|事情|事|职责|权力)|事项(有哪些|清单|目录|有多少)|职责范围|权力清单|执法事项/,
    examples: ['市场监管条线管哪些执法事项？', '西湖区综合执法局负责哪些事项？'],
  },
  {
    key: 'law.procedure',
    label: '程序要求',
    cue: /时限|期限|多久|几天|多少天|多长时间|几个人|几名|两人|听证|当场|时效|送达|出示|办结/,
    examples: ['执法检查至少要几个人？', '行政处罚决定书多久要送达？', '食品经营许可多少天办结？'],
  },
  {
    key: 'law.search',
    label: '查找条文',
    cue: /规定|法律|法规|条文|条例|法条|怎么规定|有什么要求|要求是什么/,
    examples: ['关于生活垃圾分类投放有什么规定？'],
  },
  {
    key: 'navigator.assess',
    label: '裁量建议（裁量导航）',
    // Asked by name (裁量导航, 类案), or a case described with its facts and a question about its decision.
    cue: /裁量导航|导航|裁量建议|处罚建议|类案|类似案件|相似案件|同类案件|适用哪一?个?档|什么档次|哪个档次|哪一档/,
    examples: [
      '富阳区一家酒厂初次在村里乱倒垃圾，已及时清理，未造成危害后果，裁量导航建议怎么处理？',
      '西湖区一家餐馆营业执照没挂，第二次被查，拟罚款3000元合适吗？',
    ],
  },
  {
    key: 'data.query',
    label: '数据统计',
    cue: /多少|几(次|件|家|个|条|起|笔|人)|数量|总数|总额|合计|累计|平均|排名|排行|最多|最少|最高|最低|前\d+|[Tt][Oo][Pp]|趋势|走势|同比|环比|占比|比例|比重|统计|情况|分布|对比|比较|哪个|哪些|哪家|是什么|有哪|怎么样|变化/,
    examples: [
      '杭州市检查数量最多的10个事项是什么？',
      '今年上半年富阳区罚款总额多少？同比呢？',
      '近30天各区县12345工单数量排名',
      '去年市场监管条线按月的处罚案件趋势',
    ],
  },
  {
    key: 'platform.model',
    label: '监督模型',
    cue: /模型/,
    examples: ['重复检查模型查什么？依据哪一条？', '有哪些监督模型？'],
  },
  {
    key: 'platform.clue',
    label: '线索进展',
    cue: /CL-[0-9a-f]{16}/i,
    examples: ['线索 CL-… 现在到哪一步了？'],
  },
  {
    key: 'platform.exemption_list',
    label: '免罚清单',
    cue: /(免罚|不予(行政)?处罚|首违不罚|轻微违法(行为)?)(的)?(清单|目录|名单)|清单(里|上|中)(有|都有|包括)/,
    examples: ['本地的轻微违法不予处罚清单有哪些？'],
  },
];

/** Facts of a particular case, as staff state them. */
const CASE_FACTS =
  /初次|首次|第\d次|初犯|再次|多次|屡次|曾因|(已|已经|及时|当场|立即|当即|主动)(改正|整改|清理|拆除|补办)|拒不(改正|整改)|(未|没有|没)(造成|改正|整改)|危害后果|违法所得\d|拟|打算|准备/;
/** A question about that case's decision (免罚 alone stays the exemption question). */
const ADVICE = /建议|应该|应当|该怎么|怎么处理|如何处理|怎么罚|如何处罚|罚多少|合适|合理|妥当|偏高|偏低|怎么办|怎么定/;

export const intentDef = (key: IntentKey): IntentDef => INTENTS.find((i) => i.key === key)!;
const cue = (key: IntentKey, text: string) => intentDef(key).cue.test(text);

/** Whether the text asks a law question by its own words (违反, 怎么罚, 免罚 …). */
export function hasLawCue(text: string): boolean {
  return cue('law.violation', text) || cue('law.penalty', text) || cue('law.exemption', text);
}

/** Examples of everything the assistant answers, for a question it cannot. */
export function examples(): string[] {
  return INTENTS.flatMap((i) => i.examples.slice(0, 1));
}

/**
 * The intents of a question from its cues and slots. `items`: the items the question or its context
 * names (a law cue without items can still lean on the conversation).
 */
export function recognise(r: Reading, hasContextItems: boolean): IntentKey[] {
  const t = r.text;
  if (r.clueId) return ['platform.clue'];
  if (cue('platform.exemption_list', t) && !r.items.length) return ['platform.exemption_list'];
  const dataShape = !!(r.regions.length || r.period || r.group || r.comparison || r.share || r.agencies.length);
  if (/模型/.test(t) && !(r.measures.some((m) => m.key === 'clues') && (dataShape || cue('data.query', t)))) return ['platform.model'];
  if (r.regulation && (r.regulation.article !== null || /多少条|几条|收录|有没有/.test(t))) return ['law.article'];
  // A case described with its facts ("初次…已清理…未造成危害…怎么处理？") or the navigator asked by name.
  if (r.items.length && (cue('navigator.assess', t) || (CASE_FACTS.test(t) && ADVICE.test(t)))) return ['navigator.assess'];
  const items = r.items.length > 0 || hasContextItems;
  const law: IntentKey[] = [];
  if (items && (!dataShape || !r.measures.length)) {
    if (cue('law.violation', t)) law.push('law.violation');
    if (cue('law.penalty', t.replace(/免于处罚|免予处罚|不予(行政)?处罚|不处罚|免罚|首违不罚|轻微违法/g, ''))) law.push('law.penalty');
    if (cue('law.exemption', t)) law.push('law.exemption');
    if (law.length) return law;
  }
  const topic = procedureTopic(t);
  if (topic && !(r.measures.length && (dataShape || (cue('data.query', t) && !cue('law.procedure', t))))) return ['law.procedure'];
  if ((r.lines.length || r.agencies.length) && cue('law.items', t) && !r.period && (!r.group || r.group === 'item') && !r.measures.length)
    return ['law.items'];
  if (r.measures.length && (cue('data.query', t) || dataShape || r.limit)) return ['data.query'];
  if (r.items.length && !dataShape) {
    // An act named with no cue at all (乱倒垃圾?): what it violates and how it is punished.
    if (!r.measures.length) return ['law.violation', 'law.penalty'];
  }
  if (r.regulation) return ['law.article'];
  if (cue('law.search', t) && !r.measures.length) return ['law.search'];
  return [];
}
