// The analysis of a follow-up answer as people say it: which complaint categories it raises (with the
// sentence that shows each), how satisfied the speaker sounds, whether they praise someone, and what
// they claim happened (how often they were inspected, whether anybody came, whether they were fined,
// whether a "service" was an inspection), for the collision with the records.
//
// How: only the respondent's words count (a transcript's 回访员 lines are the questions); the text is
// cut into sentences and clauses and segmented by src/text's Segmenter (jieba), and the cues of the
// lexicon (data/followup/lexicon.tsv) match whole words only, so 训 does not fire inside 培训 nor 查 inside
// 调查. A negator before a cue in its clause (没有乱收费, 一点都不凶, 未发现态度粗暴、乱罚款) turns it off; two
// negators cancel (没有不文明). Cues that carry their own negation (没亮证) are turned off only by a
// denial (不存在, 没发现). Chatter matches nothing and is ignored.
import { addDays } from '../domain/dates.ts';
import { normalizeText } from '../text/segment.ts';
import { CATEGORIES, isCategory, type Category, type Claim, type Satisfaction } from './categories.ts';
import { lexicon, type Cue, type Lexicon } from './lexicon.ts';
import { parseNumber } from './numbers.ts';

export interface Finding {
  kind: 'complaint' | 'claim';
  code: Category | Claim;
  serious: boolean;
  /** visit_count: the number said; fined: the amount said (yuan). */
  value: number | null;
  /** visit_count: the days the number is about (inclusive). */
  periodFrom: string | null;
  periodTo: string | null;
  sentence: string;
}

export interface Analysis {
  satisfaction: Satisfaction;
  categories: Category[];
  praise: boolean;
  findings: Finding[];
}

const RESPONDENT = /^(企业|客户|用户|受访者|老板|店主|当事人|经营者|答)$/;
const SPEAKER = /(回访员|客服|坐席|工作人员|话务员|AI|机器人|问|企业|客户|用户|受访者|老板|店主|当事人|经营者|答)[:：]/g;

export interface Turn {
  /** What the interviewer asked just before, '' when nobody is labelled. */
  question: string;
  text: string;
}

/** The respondent's turns with the question before each; the whole text when nobody is labelled. */
export function respondentTurns(text: string): Turn[] {
  const t = normalizeText(text);
  const labels = [...t.matchAll(SPEAKER)];
  if (labels.length === 0) return [{ question: '', text: t }];
  const turns: Turn[] = [];
  let question = '';
  labels.forEach((m, i) => {
    const end = i + 1 < labels.length ? labels[i + 1].index : t.length;
    const said = t.slice(m.index + m[0].length, end);
    if (RESPONDENT.test(m[1])) turns.push({ question, text: said });
    else question = said;
  });
  return turns;
}

// A bare yes or no to a question about a complaint: "检查人员出示证件了吗？" — "没有，就说是市场监管的".
const ASKED: { ask: RegExp; category: Category; when: 'yes' | 'no' }[] = [
  { ask: /出示.{0,6}证|亮证|证件/, category: 'no_id', when: 'no' },
  { ask: /告知.{0,8}(权利|申辩|陈述)|(申辩|陈述).{0,6}权利/, category: 'rights', when: 'no' },
  { ask: /吃拿卡要|索要|财物|好处/, category: 'bribery', when: 'yes' },
  { ask: /态度.{0,4}(粗暴|恶劣)/, category: 'rude', when: 'yes' },
];
const SAYS_NO = /^(没有|没|未|不是|否|冇得|冇|没得|不存在)(?![了过]?(问题|影响))/;
const SAYS_YES = /^(有|是的|是|对|存在)(?!没有)/;

const ECHO = /^(你说|你问|你是说|问我|你讲|问)|^.{1,8}$/;

/** Sentences with whether each ends as a question (an echo — "你说吃拿卡要啊？" — asserts nothing). */
const sentencesOf = (turn: string): { text: string; asked: boolean }[] =>
  [...turn.matchAll(/([^。.!?！？;；\n…]+)([。.!?！？;；\n…]*)/g)]
    .map((m) => ({ text: m[1].trim(), asked: /[?？]/.test(m[2]) && ECHO.test(m[1].trim()) }))
    .filter((x) => x.text);

const NEGATORS = new Set([
  '没有',
  '没',
  '不',
  '未',
  '无',
  '不存在',
  '并没有',
  '从来没',
  '从没',
  '从来没有',
  '冇',
  '冇得',
  '没得',
  '勿',
  '莫',
  '别',
  '不是',
  '绝对没有',
  '毫无',
  '并未',
  '未曾',
  '没什么',
  '没啥',
  '没见',
  '没发现',
  '未发现',
  '没出现',
]);
/** What turns off a cue that carries its own negation: a denial that the thing happened. */
const DENIALS = /(不存在|没发现|未发现|没有出现|没出现|不是)[^,，]{0,3}$/;
/** Words that end a negation's reach within a clause. */
const CONTRAST = new Set(['但是', '但', '可是', '不过', '却', '就是', '只是', '而是', '结果']);
const NEGATION_REACH = 6;

interface Hit {
  cue: Cue;
  start: number;
  end: number;
  negated: boolean;
}

/** Token boundaries (character offsets) of a clause, and its tokens with their offsets. */
function tokenize(lex: Lexicon, clause: string): { bounds: Set<number>; tokens: { text: string; start: number }[] } {
  const tokens: { text: string; start: number }[] = [];
  const bounds = new Set<number>([0]);
  let at = 0;
  for (const w of lex.segmenter.cut(clause)) {
    const start = clause.indexOf(w, at);
    if (start < 0) continue;
    tokens.push({ text: w, start });
    at = start + w.length;
    bounds.add(start);
    bounds.add(at);
  }
  bounds.add(clause.length);
  return { bounds, tokens };
}

function negatedAt(tokens: { text: string; start: number }[], start: number): boolean {
  let negators = 0;
  let seen = 0;
  for (let i = tokens.length - 1; i >= 0 && seen < NEGATION_REACH; i--) {
    const tk = tokens[i];
    if (tk.start >= start) continue;
    seen++;
    if (CONTRAST.has(tk.text)) break;
    if (NEGATORS.has(tk.text)) negators++;
  }
  return negators % 2 === 1;
}

/** The cues of a sentence: longest first, never overlapping; words per clause on word boundaries, patterns over the sentence. */
function cuesOf(lex: Lexicon, sentence: string, turn: string): Hit[] {
  const hits: Hit[] = [];
  const taken: [number, number][] = [];
  const free = (s: number, e: number) => taken.every(([a, b]) => e <= a || s >= b);
  const clauses: { start: number; text: string; bounds: Set<number>; tokens: { text: string; start: number }[] }[] = [];
  for (let at = 0; at < sentence.length;) {
    const m = /[,，:：]+/.exec(sentence.slice(at));
    const end = m ? at + m.index : sentence.length;
    const text = sentence.slice(at, end);
    clauses.push({ start: at, text, ...tokenize(lex, text) });
    at = m ? end + m[0].length : sentence.length;
  }
  const clauseAt = (i: number) => clauses.find((c) => i >= c.start && i <= c.start + c.text.length) ?? clauses[0];
  for (const cue of lex.cues) {
    if (cue.context && !cue.context.test(sentence) && !cue.context.test(turn)) continue;
    const spans: [number, number][] = [];
    if (cue.pattern) {
      for (const m of sentence.matchAll(cue.pattern)) if (m[0]) spans.push([m.index, m.index + m[0].length]);
    } else {
      for (const c of clauses) {
        for (let i = c.text.indexOf(cue.text); i >= 0; i = c.text.indexOf(cue.text, i + 1)) {
          if (c.bounds.has(i) && c.bounds.has(i + cue.text.length)) spans.push([c.start + i, c.start + i + cue.text.length]);
        }
      }
    }
    for (const [s, e] of spans) {
      if (!free(s, e)) continue;
      taken.push([s, e]);
      const c = clauseAt(s);
      const negated = cue.selfNegative ? DENIALS.test(sentence.slice(c.start, s)) : negatedAt(c.tokens, s - c.start);
      hits.push({ cue, start: s, end: e, negated });
    }
  }
  return hits;
}

// ── claims said in numbers ────────────────────────────────────────────────────────────────────────
const NUM = '[零〇一二两俩三四五六七八九十百千万\\d.]+';
const COUNT = new RegExp(`(第)?(${NUM})\\s*(次|趟|回|拨)`, 'g');
const FINE = new RegExp(`罚(?:款|了|得)?(?:我们|我)?了?(?:有)?\\s*(${NUM})\\s*(块钱|块|元|千|万)?`, 'g');
const FINE_PAID = new RegExp(`(${NUM})\\s*(块钱|块|元|千|万)(?:块|元)?的?罚款`, 'g');
const FINED_WORDS = /罚款|罚了|罚单|被罚|罚我们|罚我|交了罚/;
const NOT_FINED = /(没|没有|不|未|免|不予)(被)?(处)?罚|没有罚款|不罚/;

/** The days a "how often" is about, relative to the day of the answer; null: no period said. */
function periodOf(text: string, on: string): [string, string] | null {
  const month = on.slice(0, 7);
  if (/上个?月/.test(text)) {
    const first = addDays(`${month}-01`, -1).slice(0, 7) + '-01';
    return [first, addDays(`${month}-01`, -1)];
  }
  if (/这个?月|本月|这一个月|当月/.test(text)) return [`${month}-01`, on];
  if (/半个月/.test(text)) return [addDays(on, -14), on];
  if (/一个月|个把月/.test(text)) return [addDays(on, -29), on];
  if (/(这|一|本)个?(礼拜|星期|周)/.test(text)) return [addDays(on, -6), on];
  if (/(这个|本)季度/.test(text)) {
    const q = Math.floor((Number(on.slice(5, 7)) - 1) / 3) * 3 + 1;
    return [`${on.slice(0, 4)}-${String(q).padStart(2, '0')}-01`, on];
  }
  if (/半年/.test(text)) return [addDays(on, -182), on];
  if (/今年|这一年|一年/.test(text)) return [`${on.slice(0, 4)}-01-01`, on];
  return null;
}

const finding = (kind: Finding['kind'], code: Finding['code'], sentence: string, extra: Partial<Finding> = {}): Finding => ({
  kind,
  code,
  serious: kind === 'complaint' && isCategory(code) ? CATEGORIES[code].serious : false,
  value: null,
  periodFrom: null,
  periodTo: null,
  sentence,
  ...extra,
});

// 服务是假的检查: a turn that names a service, names inspecting (not denied), and turns between them.
const SERVICE = /服务|宣讲|指导|帮扶|走访|送政策|宣传|讲政策|了解企业困难/;
const INSPECTING = /检查|查|台账|拍照|拍了|整改|罚|立案|记了/g;
const TURNING = /说是|讲是|名义|名为|其实|实际|明明|结果|就是|旗号|假的|哪里是|啥个服务|挂羊头|服务[?？]|变成/;
const DENIED_INSPECTING = /(没|没有|不|未|一点没|一点都没)[^,，。]{0,2}$/;

function fakeService(turn: string): string | null {
  if (!SERVICE.test(turn) || !TURNING.test(turn)) return null;
  for (const m of turn.matchAll(INSPECTING)) {
    if (!DENIED_INSPECTING.test(turn.slice(Math.max(0, m.index - 4), m.index))) {
      return sentencesOf(turn).find((s) => SERVICE.test(s.text) || TURNING.test(s.text))?.text ?? turn;
    }
  }
  return null;
}

/** Analyses free text (a transcript or a comment) answered on the day `on` (YYYY-MM-DD). */
export function analyzeText(text: string, on: string, lex: Lexicon = lexicon()): Analysis {
  const findings: Finding[] = [];
  const complaints = new Map<Category, Finding>();
  let score = 0;
  let neutral = false;
  let negative = false;
  let praise = false;
  const complain = (c: Category, sentence: string) => {
    if (!complaints.has(c)) complaints.set(c, finding('complaint', c, sentence));
  };
  for (const { question, text: turn } of respondentTurns(text)) {
    const fake = fakeService(turn);
    if (fake) {
      complain('fake_service', fake);
      findings.push(finding('claim', 'inspection', fake));
    }
    let fined: Finding | null = null;
    const sentences = sentencesOf(turn);
    const asked = ASKED.find((q) => q.ask.test(question));
    if (asked && sentences.length) {
      const first = sentences[0].text;
      if ((asked.when === 'no' && SAYS_NO.test(first)) || (asked.when === 'yes' && SAYS_YES.test(first))) complain(asked.category, first);
      else if (asked.when === 'yes' && SAYS_NO.test(first)) score++;
    }
    let echoed = false;
    for (const { text: sentence, asked: echo } of sentences) {
      // "你说吃拿卡要啊？没有的" — the echo asserts nothing; the denial after it is a good word.
      if (echoed && SAYS_NO.test(sentence)) score++;
      echoed = false;
      for (const h of cuesOf(lex, sentence, turn)) {
        const k = h.cue.category;
        if (k === 'mask') continue;
        if (echo && !k.startsWith('sat')) {
          echoed ||= isCategory(k);
          continue;
        }
        if (k === 'praise') {
          if (!h.negated) {
            praise = true;
            score += 2;
          }
        } else if (k === 'nobody_came') {
          if (!h.negated) findings.push(finding('claim', 'nobody_came', sentence));
        } else if (k.startsWith('sat')) {
          const w = k === 'sat0' ? 0 : Number(k.slice(3));
          if (w === 0) neutral ||= !h.negated;
          else if (h.negated ? w > 0 : w < 0) negative = true;
          else score += Math.abs(w);
        } else if (isCategory(k)) {
          // A complaint denied ("没有乱收费") speaks for the conduct: it counts as a good word.
          if (h.negated) score++;
          else complain(k, sentence);
        }
      }
      // How often: "这个月来了四五趟" — a count with its period; three or more is a repeated-inspection complaint.
      for (const m of sentence.matchAll(COUNT)) {
        const n = parseNumber(m[2]);
        if (n === null || n < 1 || n > 200) continue;
        const period = periodOf(sentence, on) ?? periodOf(turn, on);
        const days = period ? (Date.parse(period[1]) - Date.parse(period[0])) / 86_400_000 + 1 : 365;
        if (n >= 3 || (n >= 2 && days <= 15)) complain('repeat', sentence);
        if (period && !m[1])
          findings.push(finding('claim', 'visit_count', sentence, { value: n, periodFrom: period[0], periodTo: period[1] }));
      }
      // Fined: an amount said after 罚, or a fine named; "没罚" and "不予处罚" are not.
      if (!fined && FINED_WORDS.test(sentence) && !NOT_FINED.test(sentence) && !/乱罚款/.test(sentence)) {
        fined = finding('claim', 'fined', sentence);
      }
      for (const m of [...sentence.matchAll(FINE), ...sentence.matchAll(FINE_PAID)]) {
        let n = parseNumber(m[1]);
        if (n === null || NOT_FINED.test(sentence)) continue;
        if (m[2] === '千') n *= 1000;
        if (m[2] === '万') n *= 10000;
        if (n < 10) continue;
        fined = finding('claim', 'fined', sentence, { value: n });
        break;
      }
    }
    if (fined) findings.push(fined);
  }
  const categories = [...complaints.keys()];
  findings.unshift(...complaints.values());
  const satisfaction: Satisfaction =
    categories.length > 0 || negative ? 'dissatisfied' : neutral && score < 2 ? 'neutral' : score > 0 ? 'satisfied' : 'neutral';
  return { satisfaction, categories, praise, findings };
}
