// The enterprise's side of a code, with no account: what a code stands for (the public page
// /verify/{code}), and the rating after the visit (扫码评价). Each way a code can fail has its own
// answer — malformed, invalid (not a code Kedu signed: forged, or mistyped), not yet valid, expired,
// revoked — and none of them says anything about another task: an invalid code is answered the same
// whether its serial names a task or not.
//
// The rating's guard, without a captcha: the portal's signed single-use form token with a minimum fill
// time (src/clues/portal.ts), a honeypot, the rated entity's credit code typed by the enterprise (a
// passer-by who photographs the QR code cannot rate), the rating window (from the task's first day to
// RATING_DAYS after its last), one rating per code and entity, and the route's per-IP rate limit.
import { randomUUID } from 'node:crypto';
import { withAudit } from '../audit/audit-log.ts';
import { addDays, businessDate } from '../domain/dates.ts';
import { badRequest, KeduError, notFound } from '../domain/errors.ts';
import { sql } from '../store/sql.ts';
import type { Store } from '../store/store.ts';
import { checkFormToken } from '../clues/portal.ts';
import { parseCode, signatureMatches } from './action-code.ts';
import { codeKey } from './code-key.ts';
import { describeTask, type TaskDescription, type TaskRow } from './tasks.ts';

/** Days after a task's window closes during which the enterprise may still rate it. */
export const RATING_DAYS = 30;
export const COMMENT_MAX = 300;

export type CodeStatus = 'malformed' | 'invalid' | 'not_yet_valid' | 'valid' | 'expired' | 'revoked';

export const CODE_MESSAGES: Record<CodeStatus, string> = {
  malformed: '这不是一个行政行为码：请核对位数和字符后重新输入',
  invalid: '行政行为码无效：未通过签名校验，可能是伪造的码或输入有误。请勿配合凭此码进行的检查，可拨打12345反映',
  not_yet_valid: '该行政行为码尚未生效：检查时段尚未开始',
  valid: '行政行为码有效：以下检查已经赋码，执法人员应出示执法证件',
  expired: '该行政行为码已过期：检查时段已结束，不能凭此码入企检查',
  revoked: '该行政行为码已撤销，不能凭此码入企检查',
};

/** What the public page shows of a task: no credit code (the rating asks for it), no internal ids. */
export type PublicTask = Omit<TaskDescription, 'entityUscc' | 'id' | 'officers'> & {
  officers: Omit<TaskDescription['officers'][number], 'id'>[];
};

export function publicTask(d: TaskDescription): PublicTask {
  const { entityUscc: _u, id: _i, officers, ...rest } = d;
  return { ...rest, officers: officers.map(({ id: _o, ...o }) => o) };
}

export interface CodeVerification {
  status: CodeStatus;
  message: string;
  /** Only for a code Kedu signed (every status but malformed and invalid): what it stands for. */
  task?: PublicTask;
  /** revoked: merged into a joint inspection, or withdrawn. */
  revokedBecause?: 'merged' | 'withdrawn';
  rating?: { open: boolean; from: string; until: string; rated: boolean; message: string };
}

/** The task a code is the signed code of, or a reason it is none. Never tells apart an unknown serial and a bad signature. */
export async function taskOfCode(
  store: Store,
  text: string,
): Promise<{ task: TaskRow } | { status: 'malformed' | 'invalid'; message: string }> {
  const parsed = parseCode(text);
  if (!parsed.ok) return { status: 'malformed', message: `${CODE_MESSAGES.malformed}（${parsed.message}）` };
  const [task] = await store.query<TaskRow>(sql`SELECT * FROM inspection_tasks WHERE serial = ${parsed.serial}`);
  if (!task || !signatureMatches(codeKey(), parsed.code, task)) return { status: 'invalid', message: CODE_MESSAGES.invalid };
  return { task };
}

function statusOf(task: TaskRow, today: string): CodeStatus {
  if (task.status !== 'open') return 'revoked';
  if (today < task.valid_from) return 'not_yet_valid';
  if (today > task.valid_to) return 'expired';
  return 'valid';
}

export async function verifyCode(store: Store, text: string, now = new Date()): Promise<CodeVerification> {
  const found = await taskOfCode(store, text);
  if (!('task' in found)) return { status: found.status, message: found.message };
  const { task } = found;
  const today = businessDate(now);
  const status = statusOf(task, today);
  const rating = await ratingState(store, task, today);
  return {
    status,
    message: CODE_MESSAGES[status],
    task: publicTask(await describeTask(store, task)),
    ...(status === 'revoked' ? { revokedBecause: task.status === 'merged' ? ('merged' as const) : ('withdrawn' as const) } : {}),
    rating,
  };
}

async function ratingState(store: Store, task: TaskRow, today: string): Promise<NonNullable<CodeVerification['rating']>> {
  const until = addDays(task.valid_to, RATING_DAYS);
  const [done] = await store.query(sql`SELECT 1 AS x FROM inspection_ratings WHERE task_id = ${task.id}`);
  const rated = !!done;
  const message = rated
    ? '该检查已评价，感谢您的反馈'
    : task.status !== 'open'
      ? '该码已撤销，不能评价'
      : today < task.valid_from
        ? `检查时段开始（${task.valid_from}）后可评价`
        : today > until
          ? `评价期已过（至${until}）`
          : `检查后可在${until}前评价一次`;
  return {
    open: !rated && task.status === 'open' && today >= task.valid_from && today <= until,
    from: task.valid_from,
    until,
    rated,
    message,
  };
}

export interface RatingInput {
  formToken: string;
  /** The rated entity's credit code, typed by the enterprise. */
  entityUscc: string;
  score: number;
  comment?: string;
  /** The honeypot: hidden from people, filled by bots. */
  website?: string;
}

/** 扫码评价: one rating per code and entity, after the visit, by the enterprise that was visited. */
export async function rateTask(store: Store, text: string, input: RatingInput, now = new Date()): Promise<{ id: string; message: string }> {
  if (input.website && input.website.trim() !== '') throw badRequest('提交未通过校验，请刷新页面后重新填写', 'formToken');
  if (!Number.isInteger(input.score) || input.score < 1 || input.score > 5) throw badRequest('评分须为1至5的整数', 'score');
  const comment = (input.comment ?? '').trim();
  if (comment.length > COMMENT_MAX) throw badRequest(`评价内容不能超过${COMMENT_MAX}字`, 'comment');
  const token = checkFormToken(input.formToken, now.getTime());
  if (!token.ok)
    throw badRequest(
      token.reason === 'too_fast'
        ? '提交过快，请核对后再提交'
        : token.reason === 'expired'
          ? '页面已过期，请刷新后重新评价'
          : '提交未通过校验，请刷新页面后重新填写',
      'formToken',
    );
  const found = await taskOfCode(store, text);
  if (!('task' in found)) {
    if (found.status === 'malformed') throw badRequest(found.message, 'code');
    throw notFound(found.message);
  }
  const { task } = found;
  const today = businessDate(now);
  if (task.status !== 'open') throw new KeduError('illegal_transition', '该行政行为码已撤销，不能评价');
  if (today < task.valid_from) throw new KeduError('illegal_transition', `检查时段尚未开始（${task.valid_from}起），请在检查后评价`);
  const until = addDays(task.valid_to, RATING_DAYS);
  if (today > until) throw new KeduError('illegal_transition', `评价期已过（至${until}）`);
  const uscc = input.entityUscc.normalize('NFKC').toUpperCase().replace(/\s+/g, '');
  // The same answer for any code but the visited entity's: it says nothing about whose code it is.
  if (uscc !== task.entity_uscc) throw badRequest('统一社会信用代码与该次检查的检查对象不符', 'entityUscc');
  const id = `RT-${randomUUID()}`;
  return withAudit(store, task.region_code, async (tx) => {
    const [used] = await tx.query(sql`SELECT 1 AS used FROM portal_form_nonces WHERE nonce = ${token.nonce}`);
    if (used) throw badRequest('该页面已提交过，请刷新后再操作', 'formToken');
    const [rated] = await tx.query(
      sql`SELECT 1 AS x FROM inspection_ratings WHERE task_id = ${task.id} AND entity_uscc = ${task.entity_uscc}`,
    );
    if (rated) throw new KeduError('conflict', '该次检查已评价过，每个行政行为码只能评价一次');
    await tx.exec(sql`INSERT INTO portal_form_nonces (nonce, used_at) VALUES (${token.nonce}, ${now.toISOString()})`);
    await tx.exec(sql`INSERT INTO inspection_ratings (id, task_id, entity_uscc, region_code, agency_id, officer_ids, score, comment, rated_at)
      VALUES (${id}, ${task.id}, ${task.entity_uscc}, ${task.region_code}, ${task.agency_id}, ${task.officer_ids}, ${input.score}, ${comment || null}, ${now})`);
    return {
      result: { id, message: '评价已提交，感谢您的反馈' },
      audit: [
        { actor: 'public', action: 'task.rate', target: task.id, regionCode: task.region_code, detail: { rating: id, score: input.score } },
      ],
    };
  });
}
