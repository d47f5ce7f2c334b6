// A questionnaire is data: questions with a type, options, an optional branch (shown only when an
// earlier answer is one of some values) and what the answer means for the analysis (`maps`). The same
// questionnaire drives the call script, the online survey and the reading of per-question answers.
// Text may name the record: {date} {agency} {entity} {what}.
import type { SubjectKind } from './records.ts';

export const QUESTION_TYPES = ['yesno', 'choice', 'rating', 'number', 'text'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** What an answer tells the analysis. */
export const MAPS = [
  'satisfaction', // rating 1–5
  'visited', // yesno: did anybody come (否 → nobody came)
  'showed_id', // yesno: 否 → 未出示证件
  'told_rights', // yesno: 否 → 未告知权利
  'asked_favour', // yesno: 是 → 吃拿卡要
  'visit_count', // number: inspections this month
  'decision', // choice: 罚款 → fined
  'fine_amount', // number: the fine said
  'service_or_inspection', // choice: 检查 → it was an inspection; 没有人来过 → nobody came
  'comment', // text: analysed as free text
] as const;
export type QuestionMap = (typeof MAPS)[number];

export interface Question {
  id: string;
  text: string;
  type: QuestionType;
  options?: string[];
  showIf?: { question: string; equals: string[] };
  maps?: QuestionMap;
  required?: boolean;
}

export interface Questionnaire {
  title: string;
  intro: string;
  questions: Question[];
}

const rating: Question = { id: 'q_sat', text: '您对这次执法（服务）总体是否满意？', type: 'rating', maps: 'satisfaction', required: true };
const comment: Question = { id: 'q_comment', text: '您还有什么意见或建议？', type: 'text', maps: 'comment' };

export const DEFAULT_QUESTIONNAIRES: Record<SubjectKind, Questionnaire> = {
  inspection: {
    title: '涉企行政检查回访',
    intro: '{agency}于{date}对贵单位开展了“{what}”检查，现请您如实评价。',
    questions: [
      { id: 'q_visited', text: '{date}{agency}是否有执法人员到贵单位开展检查？', type: 'yesno', maps: 'visited', required: true },
      {
        id: 'q_id',
        text: '检查人员是否出示了执法证件？',
        type: 'yesno',
        maps: 'showed_id',
        showIf: { question: 'q_visited', equals: ['是'] },
      },
      {
        id: 'q_count',
        text: '本月贵单位大约被各部门检查了几次？',
        type: 'number',
        maps: 'visit_count',
        showIf: { question: 'q_visited', equals: ['是'] },
      },
      {
        id: 'q_favour',
        text: '检查中是否有索要财物、吃拿卡要等情况？',
        type: 'yesno',
        maps: 'asked_favour',
        showIf: { question: 'q_visited', equals: ['是'] },
      },
      rating,
      comment,
    ],
  },
  case: {
    title: '行政处罚案件回访',
    intro: '{agency}于{date}对贵单位“{what}”一案作出了处理决定，现请您如实评价。',
    questions: [
      {
        id: 'q_rights',
        text: '作出决定前，办案人员是否告知了陈述、申辩（听证）的权利？',
        type: 'yesno',
        maps: 'told_rights',
        required: true,
      },
      {
        id: 'q_decision',
        text: '最终的处理结果是？',
        type: 'choice',
        options: ['罚款', '警告', '不予处罚', '不清楚'],
        maps: 'decision',
        required: true,
      },
      {
        id: 'q_amount',
        text: '罚款金额是多少元？',
        type: 'number',
        maps: 'fine_amount',
        showIf: { question: 'q_decision', equals: ['罚款'] },
      },
      { id: 'q_favour', text: '办案中是否有索要财物、吃拿卡要等情况？', type: 'yesno', maps: 'asked_favour' },
      rating,
      comment,
    ],
  },
  service_visit: {
    title: '涉企服务回访',
    intro: '{agency}于{date}到贵单位开展“{what}”上门服务，现请您如实评价。',
    questions: [
      {
        id: 'q_kind',
        text: '{date}到贵单位的上门服务，实际是服务还是检查？',
        type: 'choice',
        options: ['服务', '检查', '没有人来过'],
        maps: 'service_or_inspection',
        required: true,
      },
      { id: 'q_helpful', text: '服务内容对贵单位是否有帮助？', type: 'yesno', showIf: { question: 'q_kind', equals: ['服务'] } },
      rating,
      comment,
    ],
  },
};

/** The first problem of a questionnaire as a Chinese message, or null. */
export function questionnaireProblem(q: unknown): string | null {
  if (!q || typeof q !== 'object') return '问卷须为对象';
  const { title, questions } = q as Questionnaire;
  if (typeof title !== 'string' || !title.trim() || title.length > 100) return '问卷标题须为1至100个字';
  if (!Array.isArray(questions) || questions.length === 0 || questions.length > 30) return '问卷须有1至30个问题';
  const seen = new Set<string>();
  for (const [i, x] of questions.entries()) {
    const at = `第${i + 1}题`;
    if (!x || typeof x.id !== 'string' || !/^[A-Za-z][\w-]{0,31}$/.test(x.id)) return `${at}的编号须为字母开头的1至32位字母、数字或 _ -`;
    if (seen.has(x.id)) return `${at}的编号 ${x.id} 重复`;
    if (typeof x.text !== 'string' || !x.text.trim() || x.text.length > 200) return `${at}的题目须为1至200个字`;
    if (!QUESTION_TYPES.includes(x.type)) return `${at}的题型须为 ${QUESTION_TYPES.join('、')} 之一`;
    if (
      x.type === 'choice' &&
      (!Array.isArray(x.options) || x.options.length < 2 || x.options.some((o) => typeof o !== 'string' || !o.trim()))
    )
      return `${at}是选择题，须有至少2个选项`;
    if (x.maps !== undefined && !MAPS.includes(x.maps)) return `${at}的含义（maps）须为 ${MAPS.join('、')} 之一`;
    if (x.showIf) {
      if (!seen.has(x.showIf.question)) return `${at}的分支须引用在它之前的问题`;
      if (!Array.isArray(x.showIf.equals) || x.showIf.equals.length === 0) return `${at}的分支须给出触发的答案`;
    }
    seen.add(x.id);
  }
  return null;
}

/** Whether a question is asked, given the answers so far (its branch). */
export function isShown(q: Question, answers: Record<string, string>): boolean {
  return !q.showIf || q.showIf.equals.includes(answers[q.showIf.question] ?? '');
}

/** Checks the answers to a questionnaire: [questionId, message] of the first problem, or null. */
export function answersProblem(q: Questionnaire, answers: Record<string, unknown>): [string, string] | null {
  for (const key of Object.keys(answers)) if (!q.questions.some((x) => x.id === key)) return [key, `问卷没有问题 ${key}`];
  const given = answers as Record<string, string>;
  for (const x of q.questions) {
    const v = answers[x.id];
    if (!isShown(x, given)) continue;
    if (v === undefined || v === null || v === '') {
      if (x.required) return [x.id, `请回答：${x.text}`];
      continue;
    }
    if (typeof v !== 'string') return [x.id, `“${x.text}”的答案须为文本`];
    if (x.type === 'yesno' && !['是', '否'].includes(v)) return [x.id, `“${x.text}”请回答是或否`];
    if (x.type === 'choice' && !x.options!.includes(v)) return [x.id, `“${x.text}”请从选项中选择`];
    if (x.type === 'rating' && !/^[1-5]$/.test(v)) return [x.id, `“${x.text}”请打1至5分`];
    if (x.type === 'number' && !/^\d{1,9}(\.\d{1,2})?$/.test(v)) return [x.id, `“${x.text}”请填写数字`];
    if (x.type === 'text' && v.length > 1000) return [x.id, `“${x.text}”的答案不能超过1000个字`];
  }
  return null;
}

/** The questionnaire's text with the record's facts filled in. */
export function fill(text: string, facts: { date: string; agency: string; entity: string; what: string }): string {
  return text.replace(/\{(date|agency|entity|what)\}/g, (_, k: keyof typeof facts) => facts[k]);
}

/** Per-question answers as stored (a JSON object of text); anything else reads as no answers. */
export function parseAnswers(json: string | null): Record<string, string> {
  if (!json) return {};
  try {
    const v: unknown = JSON.parse(json);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, string>) : {};
  } catch {
    return {};
  }
}
