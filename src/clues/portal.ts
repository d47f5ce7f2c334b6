// The public portal: anyone may report an enforcement problem without an account. No captcha: the
// abuse guard is a signed, single-use form token with a minimum fill time (a script that posts at
// once is refused), a honeypot field humans never see, limits on length and links, and the per-IP
// rate limit on the route. The reporter gets a follow-up code that shows the status and nothing else.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Store } from '../store/store.ts';
import { sql } from '../store/sql.ts';
import { withAudit } from '../audit/audit-log.ts';
import { regionLevel } from '../domain/region.ts';
import { badRequest, notFound } from '../domain/errors.ts';
import { CLUE_SETTINGS } from './settings.ts';
import { businessDate, type Clock } from './clock.ts';
import { urlCount } from './similarity.ts';
import { checkReportRefs, intakeReport, newFollowCode } from './intake.ts';
import type { ClueStatus } from './workflow.ts';

// Set KEDU_PORTAL_SECRET when several app servers share the portal, so a token issued by one is
// accepted by another; without it each process signs with its own random key.
const processSecret = randomBytes(32).toString('hex');
export const portalSecret = (): string => process.env.KEDU_PORTAL_SECRET || processSecret;

const sign = (payload: string): string => createHmac('sha256', portalSecret()).update(payload).digest('base64url');

/** A form token: "<issued ms>.<nonce>.<signature>". */
export function issueFormToken(issuedAtMs: number): string {
  const payload = `${issuedAtMs}.${randomBytes(12).toString('base64url')}`;
  return `${payload}.${sign(payload)}`;
}

export type TokenCheck = { ok: true; nonce: string } | { ok: false; reason: 'invalid' | 'expired' | 'too_fast' };

export function checkFormToken(token: string, nowMs: number): TokenCheck {
  const parts = token.split('.');
  if (parts.length !== 3 || !/^\d{10,16}$/.test(parts[0])) return { ok: false, reason: 'invalid' };
  const expected = Buffer.from(sign(`${parts[0]}.${parts[1]}`));
  const given = Buffer.from(parts[2]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'invalid' };
  const age = nowMs - Number(parts[0]);
  if (age > CLUE_SETTINGS.portal.tokenTtlMinutes * 60_000) return { ok: false, reason: 'expired' };
  if (age < CLUE_SETTINGS.portal.minFillSeconds * 1000) return { ok: false, reason: 'too_fast' };
  return { ok: true, nonce: parts[1] };
}

export interface PortalReportInput {
  formToken: string;
  regionCode: string;
  content: string;
  agencyId?: string;
  subjectName?: string;
  contact?: string;
  /** The honeypot: hidden from people by the form, filled by bots. */
  website?: string;
}

/** The checks that need no store, in order; the first problem as [field, message], or null. */
export function reportProblem(input: PortalReportInput): [string, string] | null {
  const p = CLUE_SETTINGS.portal;
  // Same message as any other refusal: a bot learns nothing about which check caught it.
  if (input.website && input.website.trim() !== '') return ['formToken', '提交未通过校验，请刷新页面后重新填写'];
  const text = input.content.trim();
  if (text.length < p.minLength) return ['content', `请具体描述问题，至少${p.minLength}个字`];
  if (text.length > p.maxLength) return ['content', `问题描述不能超过${p.maxLength}个字`];
  if (urlCount(text) > p.maxUrls) return ['content', `问题描述中的网址不能超过${p.maxUrls}个`];
  if (input.contact && input.contact.length > 100) return ['contact', '联系方式不能超过100个字'];
  return null;
}

/**
 * Files a public report: the guard first, then the store (region and agency must exist; the region
 * must be a county or township of the province), then intake — new clue or linked to its duplicate.
 * The token's nonce is spent in the same transaction, so a token is good for one report only.
 */
export async function submitPortalReport(store: Store, input: PortalReportInput, clock: Clock): Promise<{ followCode: string }> {
  const problem = reportProblem(input);
  if (problem) throw badRequest(problem[1], problem[0]);
  const token = checkFormToken(input.formToken, clock().getTime());
  if (!token.ok) {
    throw badRequest(
      token.reason === 'too_fast'
        ? '提交过快，请核对内容后再提交'
        : token.reason === 'expired'
          ? '表单已过期，请刷新页面后重新填写'
          : '提交未通过校验，请刷新页面后重新填写',
      'formToken',
    );
  }
  await checkReportRefs(store, { regionCode: input.regionCode, agencyId: input.agencyId });
  if (!input.regionCode.startsWith('33') || !['county', 'township'].includes(regionLevel(input.regionCode))) {
    throw badRequest('请选择问题发生地所在的县（市、区）', 'regionCode');
  }
  const followCode = newFollowCode();
  return withAudit(store, input.regionCode, async (tx) => {
    const [used] = await tx.query(sql`SELECT 1 AS used FROM portal_form_nonces WHERE nonce = ${token.nonce}`);
    if (used) throw badRequest('该表单已提交过，请刷新页面后再提交新的问题', 'formToken');
    await tx.exec(sql`INSERT INTO portal_form_nonces (nonce, used_at) VALUES (${token.nonce}, ${clock().toISOString()})`);
    const r = await intakeReport(
      tx,
      {
        source: 'public',
        regionCode: input.regionCode,
        content: input.content,
        agencyId: input.agencyId ?? null,
        subjectName: input.subjectName ?? null,
        contact: input.contact ?? null,
        followCode,
      },
      clock,
      'public',
    );
    return { result: { followCode }, audit: r.audit.map((a) => ({ ...a, detail: { ...(a.detail as object), followCode } })) };
  });
}

/** What the reporter is told: a plain stage, no names, no agency, no personal data. */
export const PUBLIC_STAGES: Record<ClueStatus, string> = {
  new: '已受理',
  self_check: '已交办',
  triaged: '已受理',
  assigned: '已交办',
  rectifying: '整改中',
  submitted: '整改审核中',
  returned: '整改中',
  closed: '已办结',
  dismissed: '已办结（经核查不予立项）',
  transferred: '已移送有关机关处理',
};

export interface PortalStatus {
  code: string;
  receivedAt: string;
  stage: string;
  updatedOn: string;
  steps: { on: string; stage: string }[];
}

export async function portalStatus(store: Store, code: string): Promise<PortalStatus> {
  const [r] = await store.query<{ clue_id: string; received_at: string }>(
    sql`SELECT clue_id, received_at FROM clue_reports WHERE follow_code = ${code.toUpperCase()}`,
  );
  if (!r) throw notFound('未找到该查询码对应的举报，请核对后重试');
  const [c] = await store.query<{ status: ClueStatus; case_id: string | null }>(
    sql`SELECT status, case_id FROM clues WHERE id = ${r.clue_id}`,
  );
  const events = await store.query<{ to_status: ClueStatus | null; occurred_at: string }>(sql`
    SELECT to_status, occurred_at FROM clue_events WHERE clue_id = ${r.clue_id} AND occurred_at >= CAST(${r.received_at} AS TIMESTAMPTZ) ORDER BY occurred_at, id`);
  const day = (iso: string) => businessDate(new Date(iso));
  const steps: { on: string; stage: string }[] = [{ on: day(r.received_at), stage: '已受理' }];
  for (const e of events) {
    const stage = e.to_status ? PUBLIC_STAGES[e.to_status] : null;
    if (stage && stage !== steps[steps.length - 1].stage) steps.push({ on: day(e.occurred_at), stage });
  }
  return {
    code: code.toUpperCase(),
    receivedAt: day(r.received_at),
    stage: PUBLIC_STAGES[c.status],
    updatedOn: steps[steps.length - 1].on,
    steps,
  };
}
