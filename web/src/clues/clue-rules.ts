// What the console shows about a clue: labels and colours of statuses, severities and sources, and the
// action buttons with what each asks for. Which buttons a user gets is the server's word (each clue's
// `can`, from src/policy), never worked out here. No DOM, no I/O: tested in test/web-clues.test.ts
// against src/clues/workflow.ts.
import { RECORD_KINDS, type ClueAction, type ClueStatus, type ClueSummary, type RecordKind, type Severity } from '../api.ts';
import { recordPath } from '../records/record-kinds.ts';

/** docs/clues.md "Statuses and their labels" (the server sends statusLabel too; filters need them first). */
export const STATUS_LABELS: Record<ClueStatus, string> = {
  new: '待研判',
  self_check: '简易自查',
  triaged: '已研判',
  assigned: '已交办',
  rectifying: '整改中',
  submitted: '待审核',
  returned: '退回整改',
  closed: '已销号',
  dismissed: '已排除',
  transferred: '已移送纪检监察',
};

export const STATUS_COLORS: Record<ClueStatus, string> = {
  new: 'gold',
  self_check: 'cyan',
  triaged: 'orange',
  assigned: 'blue',
  rectifying: 'geekblue',
  submitted: 'purple',
  returned: 'magenta',
  closed: 'green',
  dismissed: 'default',
  transferred: 'red',
};

/** The loop's order, for cards and charts: 发现 → 交办 → 整改 → 销号, then the other endings. */
export const STATUS_ORDER: readonly ClueStatus[] = [
  'new',
  'self_check',
  'triaged',
  'assigned',
  'rectifying',
  'returned',
  'submitted',
  'closed',
  'dismissed',
  'transferred',
];
export const FINAL_STATUSES: readonly ClueStatus[] = ['closed', 'dismissed', 'transferred'];
/** Statuses in which the agency's deadline runs (an overdue clue is in one of them). */
export const DEADLINE_STATUSES: readonly ClueStatus[] = ['self_check', 'assigned', 'rectifying', 'returned'];

export const SEVERITY_LABELS: Record<Severity, string> = { high: '高', medium: '中', low: '低' };
export const SEVERITY_COLORS: Record<Severity, string> = { high: 'red', medium: 'orange', low: 'blue' };

export const SOURCE_LABELS: Record<string, string> = {
  model: '监督模型',
  hotline: '12345热线',
  followup: '回访',
  invited: '特邀监督员',
  contact_point: '企业联系点',
  media: '媒体舆情',
  public: '群众举报',
  case_review: '案卷评查',
};

export type ActionField = 'agency' | 'deadline' | 'comment' | 'rectification' | 'evidence';

export interface ActionSpec {
  label: string;
  /** What the dialog asks for; `required` ones the server refuses without. */
  fields: ActionField[];
  required: ActionField[];
  /** How the comment is titled in the dialog. */
  commentLabel?: string;
  primary?: boolean;
  danger?: boolean;
  /** Done without a dialog (a confirmation only). */
  confirm?: string;
}

/** One entry per action of the transition table (TRANSITIONS in src/clues/workflow.ts). */
export const ACTIONS: Record<ClueAction, ActionSpec> = {
  triage: { label: '研判', fields: ['comment'], required: [], commentLabel: '研判意见', confirm: '确认已研判该线索？' },
  self_close: { label: '自查办结', fields: ['comment'], required: ['comment'], commentLabel: '自查情况说明', primary: true },
  upgrade: { label: '转一般程序', fields: ['comment'], required: ['comment'], commentLabel: '转一般程序理由' },
  assign: { label: '交办', fields: ['agency', 'deadline', 'comment'], required: ['agency'], commentLabel: '交办意见', primary: true },
  accept: { label: '签收', fields: [], required: [], primary: true, confirm: '签收后开始整改，整改期限照常计算。' },
  submit: { label: '提交整改', fields: ['rectification', 'evidence'], required: ['rectification', 'evidence'], primary: true },
  close: { label: '销号', fields: ['comment'], required: [], commentLabel: '审核意见', primary: true },
  return: { label: '退回', fields: ['comment', 'deadline'], required: ['comment'], commentLabel: '退回理由' },
  dismiss: { label: '排除', fields: ['comment'], required: ['comment'], commentLabel: '排除理由', danger: true },
  transfer: { label: '移送纪检监察', fields: ['comment'], required: ['comment'], commentLabel: '移送理由', danger: true },
};

/** Display order of the buttons: the step forward first, the exits last. */
export const ACTION_ORDER: readonly ClueAction[] = [
  'self_close',
  'accept',
  'submit',
  'assign',
  'close',
  'triage',
  'upgrade',
  'return',
  'dismiss',
  'transfer',
];

/** The server's minimum length of a rectification report (workflow.ts MIN_RECTIFICATION). */
export const MIN_RECTIFICATION = 10;
/** CLUE_SETTINGS.maxExtensionDays: one extension moves the deadline at most this far. */
export const MAX_EXTENSION_DAYS = 60;

/** GB/T 2260: a province covers codes starting with its 2 digits, a city its 4, a county itself. */
export function regionPrefix(code: string): string {
  if (/^\d{2}0000$/.test(code)) return code.slice(0, 2);
  if (/^\d{4}00$/.test(code)) return code.slice(0, 4);
  return code;
}

export function regionContains(ancestor: string, code: string): boolean {
  return code.startsWith(regionPrefix(ancestor));
}

/** The buttons of a clue, in display order, from the API's allowedActions. */
export function orderedActions(allowed: readonly string[]): ClueAction[] {
  return ACTION_ORDER.filter((a) => allowed.includes(a));
}

/** The deadline in words: 剩余3天, 今日到期, 逾期2天; null when no deadline runs. */
export function deadlineText(clue: Pick<ClueSummary, 'daysLeft' | 'overdue'>): string | null {
  if (clue.daysLeft === null || clue.daysLeft === undefined) return null;
  if (clue.overdue || clue.daysLeft < 0) return `逾期${Math.abs(clue.daysLeft)}天`;
  if (clue.daysLeft === 0) return '今日到期';
  return `剩余${clue.daysLeft}天`;
}

/** Adds days to a YYYY-MM-DD date (UTC arithmetic: business dates carry no time). */
export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/**
 * Where an evidence record opens: the 执法数据 page of its kind with its drawer (cases →
 * /records/cases?id=…), another clue for the closure models, or nowhere (follow-up answers have no
 * page yet).
 */
export function evidencePath(kind: string, id: string): string | null {
  if (kind === 'clues') return `/clues/${encodeURIComponent(id)}`;
  if ((RECORD_KINDS as readonly string[]).includes(kind)) return recordPath(kind as RecordKind, id);
  return null;
}
