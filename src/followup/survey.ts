// 云调研: one invitation per task, sent as a link or a QR code, answered on a phone-sized public page
// without an account. The link carries a token: the invitation id, the campaign and the expiry, signed
// with HMAC-SHA256. A token is refused when forged (bad signature or unknown invitation), for another
// campaign, expired, or already used (single use, spent in the transaction that stores the answer).
// The routes add a per-IP rate limit.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Store } from '../store/store.ts';
import { sql, type Sql } from '../store/sql.ts';
import { withAudit } from '../audit/audit-log.ts';
import { businessDate } from '../domain/dates.ts';
import { badRequest } from '../domain/errors.ts';
import { recordId } from '../records/record-id.ts';
import { answersProblem, fill, isShown, type Question } from './questionnaire.ts';
import { parseCampaign, type Campaign, type CampaignRow } from './campaigns.ts';
import { SUBJECT_KINDS } from './records.ts';
import { landAnswers, type AnswerRow } from './land.ts';
import { judgeAnswers } from './judge.ts';
import { countyOf } from '../domain/region.ts';

export const SURVEY_SOURCE = 'kedu-survey';

const keys = new WeakMap<Store, Promise<string>>();

/** The signing key: KEDU_SURVEY_SECRET, else one made once and kept in the store (invitations outlive a process). */
export function surveyKey(store: Store): Promise<string> {
  if (process.env.KEDU_SURVEY_SECRET) return Promise.resolve(process.env.KEDU_SURVEY_SECRET);
  let k = keys.get(store);
  if (!k) {
    k = (async () => {
      const read = async () => (await store.query<{ secret: string }>(`SELECT secret FROM followup_keys WHERE id = 'survey'`))[0]?.secret;
      const found = await read();
      if (found) return found;
      await store
        .exec(`INSERT INTO followup_keys (id, secret, created_at) VALUES ('survey', $1, $2)`, [
          randomBytes(32).toString('hex'),
          new Date().toISOString(),
        ])
        .catch(() => undefined); // another process made it first
      return (await read())!;
    })();
    keys.set(store, k);
  }
  return k;
}

const mac = (key: string, payload: string) => createHmac('sha256', key).update(payload).digest('base64url');

export function signToken(key: string, inv: { id: string; campaignId: string; expiresAt: string }): string {
  const payload = Buffer.from(JSON.stringify({ i: inv.id, c: inv.campaignId, e: Math.floor(Date.parse(inv.expiresAt) / 1000) })).toString(
    'base64url',
  );
  return `${payload}.${mac(key, payload)}`;
}

export type TokenProblem = 'invalid' | 'wrong_campaign' | 'expired' | 'used';
export const TOKEN_MESSAGES: Record<TokenProblem, string> = {
  invalid: '问卷链接无效，请核对链接或与回访单位联系',
  wrong_campaign: '该链接不属于本次回访问卷',
  expired: '问卷链接已过期',
  used: '该问卷已提交过，感谢您的参与',
};

interface InvitationRow {
  id: string;
  campaign_id: string;
  task_id: string;
  region_code: string;
  expires_at: string;
  used_at: string | null;
}

/** Checks a token for a campaign: the invitation, or the problem (checked in this order). */
export async function checkToken(
  store: Store,
  campaignId: string,
  token: string,
  now: Date,
): Promise<{ ok: true; invitation: InvitationRow } | { ok: false; problem: TokenProblem }> {
  const [payload, signature, rest] = token.split('.');
  if (!payload || !signature || rest !== undefined) return { ok: false, problem: 'invalid' };
  const expected = Buffer.from(mac(await surveyKey(store), payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, problem: 'invalid' };
  let claim: { i?: unknown; c?: unknown; e?: unknown };
  try {
    claim = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as typeof claim;
  } catch {
    return { ok: false, problem: 'invalid' };
  }
  if (typeof claim.i !== 'string' || typeof claim.c !== 'string' || typeof claim.e !== 'number') return { ok: false, problem: 'invalid' };
  if (claim.c !== campaignId) return { ok: false, problem: 'wrong_campaign' };
  const [inv] = await store.query<InvitationRow>(
    sql`SELECT id, campaign_id, task_id, region_code, CAST(expires_at AS VARCHAR) AS expires_at, CAST(used_at AS VARCHAR) AS used_at FROM followup_invitations WHERE id = ${claim.i}`,
  );
  if (!inv || inv.campaign_id !== campaignId) return { ok: false, problem: 'invalid' };
  if (now.getTime() > claim.e * 1000 || now.getTime() > Date.parse(inv.expires_at)) return { ok: false, problem: 'expired' };
  if (inv.used_at) return { ok: false, problem: 'used' };
  return { ok: true, invitation: inv };
}

/** VALUES rows of new invitations for tasks of a campaign (one each), valid invitationDays from now. */
export function invitationRows(c: Campaign, tasks: { id: string; region_code: string }[], now: Date): Sql[] {
  const issued = now.toISOString();
  const expires = new Date(now.getTime() + c.settings.invitationDays * 86_400_000).toISOString();
  return tasks.map((t) => sql`(${randomBytes(16).toString('base64url')}, ${c.id}, ${t.id}, ${t.region_code}, ${issued}, ${expires})`);
}

export interface SurveyPage {
  campaignId: string;
  title: string;
  intro: string;
  subjectLabel: string;
  agencyName: string;
  date: string;
  expiresAt: string;
  questions: Question[];
}

async function subjectFacts(store: Store, c: Campaign, taskId: string) {
  const [r] = await store.query<{ agency: string | null; entity: string | null; on_day: string | null; what: string | null }>(sql`
    SELECT a.name AS agency, e.name AS entity, CAST(COALESCE(cs.decided_on, i.inspected_on, v.visited_on) AS VARCHAR) AS on_day,
      COALESCE(it.name, ii.name, v.topic) AS what
    FROM followup_tasks t LEFT JOIN agencies a ON a.id = t.agency_id LEFT JOIN entities e ON e.uscc = t.entity_uscc
      LEFT JOIN cases cs ON cs.id = CASE WHEN t.subject_kind = 'case' THEN t.subject_id END LEFT JOIN items it ON it.code = cs.item_code
      LEFT JOIN inspections i ON i.id = CASE WHEN t.subject_kind = 'inspection' THEN t.subject_id END LEFT JOIN inspection_items ii ON ii.code = i.inspection_item_code
      LEFT JOIN service_visits v ON v.id = CASE WHEN t.subject_kind = 'service_visit' THEN t.subject_id END
    WHERE t.id = ${taskId}`);
  return {
    date: r?.on_day ?? '',
    agency: r?.agency ?? '执法部门',
    entity: r?.entity ?? '贵单位',
    what: r?.what ?? SUBJECT_KINDS[c.subject_kind].label,
  };
}

async function campaignOf(store: Store, id: string): Promise<Campaign | null> {
  const [r] = await store.query<CampaignRow>(sql`SELECT * FROM campaigns WHERE id = ${id}`);
  return r ? parseCampaign(r) : null;
}

/** What the public page shows: the questionnaire with the record's facts; no personal data. */
export async function openSurvey(store: Store, campaignId: string, token: string, now = new Date()): Promise<SurveyPage> {
  const check = await checkToken(store, campaignId, token, now);
  if (!check.ok) throw badRequest(TOKEN_MESSAGES[check.problem], 'token');
  const c = (await campaignOf(store, campaignId))!;
  const facts = await subjectFacts(store, c, check.invitation.task_id);
  return {
    campaignId,
    title: c.questionnaire.title,
    intro: fill(c.questionnaire.intro, facts),
    subjectLabel: SUBJECT_KINDS[c.subject_kind].label,
    agencyName: facts.agency,
    date: facts.date,
    expiresAt: check.invitation.expires_at,
    questions: c.questionnaire.questions.map((q) => ({ ...q, text: fill(q.text, facts) })),
  };
}

/** Stores a survey answer: the token spent, the answer, its analysis and the clues it raises, in one transaction. */
export async function submitSurvey(
  store: Store,
  campaignId: string,
  token: string,
  answers: Record<string, unknown>,
  opts: { now?: Date; asOf?: string } = {},
): Promise<{ answerId: string }> {
  const now = opts.now ?? new Date();
  const c = await campaignOf(store, campaignId);
  if (!c) throw badRequest(TOKEN_MESSAGES.invalid, 'token');
  const problem = answersProblem(c.questionnaire, answers);
  if (problem) throw badRequest(problem[1], `answers.${problem[0]}`);
  const given = answers as Record<string, string>;
  const shown = c.questionnaire.questions.filter((q) => isShown(q, given) && given[q.id]);
  const kept = Object.fromEntries(shown.map((q) => [q.id, given[q.id]]));
  const rating = shown.find((q) => q.maps === 'satisfaction');
  const kind = shown.find((q) => q.maps === 'service_or_inspection');
  const comments = shown.filter((q) => q.type === 'text').map((q) => given[q.id]);
  return withAudit(store, c.region_code, async (tx) => {
    const check = await checkToken(tx, campaignId, token, now);
    if (!check.ok) throw badRequest(TOKEN_MESSAGES[check.problem], 'token');
    const inv = check.invitation;
    const id = recordId('followup_answers', SURVEY_SOURCE, inv.id);
    const row: AnswerRow = {
      id,
      task_id: inv.task_id,
      region_code: inv.region_code,
      answered_at: now.toISOString(),
      satisfaction: rating ? Number(given[rating.id]) : null,
      says_inspection: kind ? given[kind.id] === '检查' : null,
      transcript: comments.length ? comments.join('\n') : null,
      outcome: 'reached',
      channel: 'link',
      answers: JSON.stringify(kept),
    };
    // The token is spent first: a second submission racing this one finds it used.
    await tx.exec(
      sql`UPDATE followup_invitations SET used_at = ${row.answered_at}, answer_id = ${id} WHERE id = ${inv.id} AND used_at IS NULL`,
    );
    await tx.exec(sql`INSERT INTO followup_answers (id, source_system, source_id, task_id, region_code, county_code, answered_at, satisfaction, says_inspection, transcript, outcome, channel, answers)
      VALUES (${id}, ${SURVEY_SOURCE}, ${inv.id}, ${row.task_id}, ${row.region_code}, ${countyOf(row.region_code)}, ${row.answered_at}, ${row.satisfaction}, ${row.says_inspection},
        ${row.transcript}, 'reached', 'link', ${row.answers})`);
    const today = opts.asOf ?? businessDate(now);
    const landed = await landAnswers(tx, [row], 'public', today);
    const judged = await judgeAnswers(store, tx, [row], 'public', today);
    return {
      result: { answerId: id },
      audit: [
        {
          actor: 'public',
          action: 'followup.survey_answer',
          target: id,
          regionCode: row.region_code,
          detail: { campaignId, taskId: inv.task_id },
        },
        ...landed,
        ...judged,
      ],
    };
  });
}
