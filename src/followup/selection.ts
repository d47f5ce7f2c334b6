// The draw: which records of the campaign's period are followed up, and who asks. Reproducible and
// audited like any random draw: a seed (random, or given) is stored with the campaign and in the
// audit log; each record's place in the draw is SHA-256(seed | record id), so the sample depends on
// the seed and the set of eligible records only — not on the engine or the order rows come back in —
// and `verify` draws again and compares. Quotas cap the records of one agency; no enterprise is asked
// twice in one campaign, nor again within noRepeatDays of another campaign's question.
import { createHash, randomBytes } from 'node:crypto';
import type { Store } from '../store/store.ts';
import { sql, raw, type Sql } from '../store/sql.ts';
import { withAudit } from '../audit/audit-log.ts';
import type { Caller } from '../auth/caller.ts';
import { regionPrefix } from '../domain/region.ts';
import { badRequest, KeduError } from '../domain/errors.ts';
import { DAY_COLUMN, recordsSql, type SubjectRecord } from './records.ts';
import { ruleQuery, RULES, type RuleCode } from './rules.ts';
import { getCampaign, type Campaign } from './campaigns.ts';
import { authorize } from '../policy/index.ts';
import { invitationRows } from './survey.ts';

export interface Pick {
  record: SubjectRecord;
  rule: RuleCode | 'random' | 'all';
  reason: string;
  askerId: string | null;
}

export interface Draw {
  seed: string;
  drawnAt: string;
  /** SHA-256 of the sorted ids of the eligible records (after the no-repeat exclusion). */
  digest: string;
  candidates: number;
  excludedRecent: number;
  picks: Pick[];
}

export const rankOf = (seed: string, id: string): string => createHash('sha256').update(`${seed}|${id}`).digest('hex');

function candidatesSql(c: Campaign): Sql {
  const day = DAY_COLUMN[c.subject_kind];
  return recordsSql(
    c.subject_kind,
    (a) =>
      sql`${raw(`${a}.region_code`)} LIKE ${regionPrefix(c.region_code) + '%'} AND ${raw(`${a}.${day}`)} >= CAST(${c.period_from} AS DATE)
        AND ${raw(`${a}.${day}`)} <= CAST(${c.period_to} AS DATE)`,
  );
}

/** Users who ask: the campaign's list, else the active supervisors of its region and below. */
async function askerPool(store: Store, c: Campaign): Promise<string[]> {
  if (c.settings.askers.length) return [...c.settings.askers].sort();
  const rows = await store.query<{ id: string }>(
    sql`SELECT id FROM users WHERE role = 'supervisor' AND NOT disabled AND region_code LIKE ${regionPrefix(c.region_code) + '%'} ORDER BY id`,
  );
  return rows.map((r) => r.id);
}

/** The draw for a campaign, as of `drawnAt` with `seed`: computes, writes nothing. */
export async function computeDraw(store: Store, c: Campaign, seed: string, drawnAt: string): Promise<Draw> {
  const s = c.settings;
  const candidates = await store.query<SubjectRecord>(candidatesSql(c));
  const since = new Date(Date.parse(drawnAt) - s.noRepeatDays * 86_400_000).toISOString();
  const recent = new Set(
    (
      await store.query<{ entity_uscc: string }>(sql`
        SELECT DISTINCT t.entity_uscc FROM followup_tasks t JOIN campaigns k ON k.id = t.campaign_id
        WHERE t.campaign_id <> ${c.id} AND COALESCE(t.selected_at, k.created_at) >= ${since} AND COALESCE(t.selected_at, k.created_at) < ${drawnAt}`)
    ).map((r) => r.entity_uscc),
  );
  const eligible = candidates.filter((r) => !recent.has(r.entity_uscc));
  const digest = createHash('sha256')
    .update(
      eligible
        .map((r) => r.id)
        .sort()
        .join('\n'),
    )
    .digest('hex');
  const rank = new Map(eligible.map((r) => [r.id, rankOf(seed, r.id)]));
  const byRank = (a: SubjectRecord, b: SubjectRecord) => (rank.get(a.id)! < rank.get(b.id)! ? -1 : 1);

  // Which rule picks each record (差异访), in the campaign's priority order.
  const chosen = new Map<string, { rule: Pick['rule']; reason: string }>();
  if (c.mode === 'targeted') {
    for (const code of s.rules) {
      const q = ruleQuery(code, { dialect: store.dialect, kind: c.subject_kind, candidates: candidatesSql(c), params: s.ruleParams });
      if (!q) continue;
      for (const r of await store.query<{ id: string; reason: string }>(q)) {
        if (!chosen.has(r.id) && rank.has(r.id)) chosen.set(r.id, { rule: code, reason: `${RULES[code]}：${r.reason}` });
      }
    }
  }
  const priority = (id: string) => {
    const rule = chosen.get(id)?.rule;
    return rule ? s.rules.indexOf(rule as RuleCode) : 0;
  };
  const order =
    c.mode === 'targeted'
      ? eligible.filter((r) => chosen.has(r.id)).sort((a, b) => priority(a.id) - priority(b.id) || byRank(a, b))
      : [...eligible].sort(byRank);
  const limit = c.mode === 'cloud' ? Infinity : s.sampleSize;
  const perAgency = new Map<string, number>();
  const entities = new Set<string>();
  const picked: SubjectRecord[] = [];
  for (const r of order) {
    if (picked.length >= limit) break;
    if (entities.has(r.entity_uscc)) continue;
    const n = perAgency.get(r.agency_id) ?? 0;
    if (n >= s.quotaPerAgency) continue;
    perAgency.set(r.agency_id, n + 1);
    entities.add(r.entity_uscc);
    picked.push(r);
  }
  // Askers: the pool shuffled by the seed, then dealt out in draw order (balanced, reproducible).
  const pool = (await askerPool(store, c)).sort((a, b) => (rankOf(seed, `asker|${a}`) < rankOf(seed, `asker|${b}`) ? -1 : 1));
  const picks = picked.map((record, i) => {
    const why = chosen.get(record.id);
    return {
      record,
      rule: why?.rule ?? (c.mode === 'cloud' ? 'all' : 'random'),
      reason: why?.reason ?? (c.mode === 'cloud' ? '云调研：全部符合条件的记录' : '双随机：随机抽取'),
      askerId: pool.length ? pool[i % pool.length] : null,
    } satisfies Pick;
  });
  return { seed, drawnAt, digest, candidates: candidates.length, excludedRecent: candidates.length - eligible.length, picks };
}

const INSERT_CHUNK = 300;

/** Draws the campaign's records once (a drawn campaign is refused), writes the tasks and, for 云调研, the invitations. */
export async function drawCampaign(store: Store, caller: Caller, id: string, opts: { seed?: string; now?: Date } = {}): Promise<Draw> {
  const c = await getCampaign(store, caller, id);
  authorize(caller, 'manage', { type: 'followup_campaign', regionCode: c.region_code });
  if (c.status !== 'draft') throw new KeduError('conflict', '该回访活动已抽取过，不能重新抽取；可用“复核抽取”核对结果');
  if (opts.seed !== undefined && !/^[0-9A-Za-z_-]{8,128}$/.test(opts.seed))
    throw badRequest('随机种子须为8至128位字母、数字或 _ -', 'seed');
  const seed = opts.seed ?? randomBytes(16).toString('hex');
  const now = opts.now ?? new Date();
  const drawnAt = now.toISOString();
  const draw = await computeDraw(store, c, seed, drawnAt);
  const channel = c.mode === 'cloud' ? 'link' : 'phone';
  await withAudit(store, c.region_code, async (tx) => {
    const tasks = draw.picks.map((p, i) => ({ id: `ft-${c.id.slice(3)}-${String(i + 1).padStart(6, '0')}`, p }));
    for (let i = 0; i < tasks.length; i += INSERT_CHUNK) {
      const values = tasks.slice(i, i + INSERT_CHUNK).map(
        ({ id: taskId, p }) =>
          sql`(${taskId}, ${c.id}, ${p.record.region_code}, ${c.subject_kind}, ${p.record.id}, ${p.record.entity_uscc}, ${channel}, 'pending',
            ${p.record.agency_id}, ${p.record.officer_id}, ${p.askerId}, ${p.rule}, ${p.reason}, ${drawnAt})`,
      );
      await tx.exec(sql`INSERT INTO followup_tasks (id, campaign_id, region_code, subject_kind, subject_id, entity_uscc, channel, status,
        agency_id, officer_id, asker_id, rule, rule_detail, selected_at) VALUES ${values.reduce((a, b) => sql`${a}, ${b}`)}`);
    }
    if (c.mode === 'cloud') {
      const rows = invitationRows(
        c,
        tasks.map((t) => ({ id: t.id, region_code: t.p.record.region_code })),
        now,
      );
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
        await tx.exec(sql`INSERT INTO followup_invitations (id, campaign_id, task_id, region_code, issued_at, expires_at)
          VALUES ${rows.slice(i, i + INSERT_CHUNK).reduce((a, b) => sql`${a}, ${b}`)}`);
      }
    }
    await tx.exec(
      sql`UPDATE campaigns SET status = 'drawn', seed = ${seed}, drawn_at = ${drawnAt}, draw_digest = ${draw.digest} WHERE id = ${c.id}`,
    );
    return {
      result: undefined,
      audit: [
        {
          actor: caller.userId,
          action: 'followup.draw',
          target: c.id,
          regionCode: c.region_code,
          detail: {
            method: c.mode,
            seed,
            digest: draw.digest,
            candidates: draw.candidates,
            excludedRecent: draw.excludedRecent,
            selected: draw.picks.length,
          },
        },
      ],
    };
  });
  return draw;
}

export interface Verification {
  seed: string;
  drawnAt: string;
  sameCandidates: boolean;
  same: boolean;
  stored: number;
  redrawn: number;
  missing: string[];
  extra: string[];
  askersDiffer: string[];
}

/** Draws a drawn campaign again with its stored seed and moment, and compares with the stored tasks. */
export async function verifyDraw(store: Store, caller: Caller, id: string): Promise<Verification> {
  const c = await getCampaign(store, caller, id);
  if (!c.seed || !c.drawn_at) throw new KeduError('conflict', '该回访活动尚未抽取');
  const draw = await computeDraw(store, c, c.seed, c.drawn_at);
  const stored = await store.query<{ subject_id: string; asker_id: string | null }>(
    sql`SELECT subject_id, asker_id FROM followup_tasks WHERE campaign_id = ${c.id}`,
  );
  const storedBy = new Map(stored.map((r) => [r.subject_id, r.asker_id]));
  const redrawn = new Map(draw.picks.map((p) => [p.record.id, p.askerId]));
  const missing = [...storedBy.keys()].filter((k) => !redrawn.has(k)).sort();
  const extra = [...redrawn.keys()].filter((k) => !storedBy.has(k)).sort();
  const askersDiffer = [...redrawn.entries()].filter(([k, a]) => storedBy.has(k) && storedBy.get(k) !== a).map(([k]) => k);
  return {
    seed: c.seed,
    drawnAt: c.drawn_at,
    sameCandidates: draw.digest === c.draw_digest,
    same: missing.length === 0 && extra.length === 0 && askersDiffer.length === 0,
    stored: stored.length,
    redrawn: draw.picks.length,
    missing,
    extra,
    askersDiffer,
  };
}
