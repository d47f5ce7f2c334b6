// Overdue escalation: a clue whose agency has not rectified by the deadline is raised to the next
// level up — a county's clue to the city's supervisors, then, still overdue stepDays later, to the
// province. Each raise is an 'escalate' event on the timeline and an audit entry; the raised level's
// supervisors find it in their overdue list (GET /clues?escalated=true). Clues merged into a case
// follow their case. Run by the server every hour and from tests with a fixed clock.
import type { Store } from '../store/store.ts';
import { sql, joinSql } from '../store/sql.ts';
import { EVERY_CHAIN, withAudit, type AuditEntryInput } from '../audit/audit-log.ts';
import { countyOf, regionLevel } from '../domain/region.ts';
import { addDays } from '../domain/dates.ts';
import { CLUE_SETTINGS } from './settings.ts';
import { todayOf, type Clock } from './clock.ts';
import { DEADLINE_STATUSES, caseMembers, insertEvent, webhookClue, type ClueRow } from './workflow.ts';
import { clueNotification, notify } from '../notifications/notify.ts';
import { enqueueWebhook } from '../integration/webhooks.ts';

export const ESCALATION_LEVELS = ['county', 'city', 'province'] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];
export const LEVEL_LABELS: Record<EscalationLevel, string> = { county: '县级', city: '市级', province: '省级' };

/** The level that supervises a clue in the first place: its region's, a township counting as its county. */
export function homeLevel(regionCode: string): EscalationLevel {
  const level = regionLevel(countyOf(regionCode));
  return level === 'township' ? 'county' : level;
}

/**
 * The level an overdue clue should have reached on `today`: one up the day after the grace period,
 * one more every stepDays after that, never above the province. Null when it is not overdue.
 */
export function targetLevel(regionCode: string, deadline: string, today: string): EscalationLevel | null {
  const firstDay = addDays(deadline, CLUE_SETTINGS.escalation.graceDays + 1);
  if (today < firstDay) return null;
  const steps = today >= addDays(firstDay, CLUE_SETTINGS.escalation.stepDays) ? 2 : 1;
  const home = ESCALATION_LEVELS.indexOf(homeLevel(regionCode));
  const target = Math.min(home + steps, ESCALATION_LEVELS.length - 1);
  return target > home ? ESCALATION_LEVELS[target] : null;
}

const rank = (level: string | null): number => (level ? ESCALATION_LEVELS.indexOf(level as EscalationLevel) : -1);

export interface Escalation {
  clueId: string;
  from: string | null;
  to: EscalationLevel;
  deadline: string;
  members: string[];
}

/** Raises every overdue clue that has not yet reached its target level; returns what it raised. */
export async function escalateOverdue(store: Store, clock: Clock): Promise<Escalation[]> {
  const today = todayOf(clock);
  const statuses = joinSql(
    DEADLINE_STATUSES.map((s) => sql`${s}`),
    ', ',
  );
  const overdue = await store.query<ClueRow>(sql`
    SELECT * FROM clues WHERE status IN (${statuses}) AND deadline IS NOT NULL AND deadline < CAST(${today} AS DATE)
      AND (case_id IS NULL OR case_id = id)
    ORDER BY id`);
  const due = overdue
    .map((c) => ({ c, to: targetLevel(c.region_code, c.deadline!, today) }))
    .filter((x): x is { c: ClueRow; to: EscalationLevel } => x.to !== null && rank(x.to) > rank(x.c.escalation_level));
  if (due.length === 0) return [];
  return withAudit(store, EVERY_CHAIN, async (tx) => {
    const now = clock().toISOString();
    const done: Escalation[] = [];
    const audit: AuditEntryInput[] = [];
    for (const { c, to } of due) {
      const members = await caseMembers(tx, c.id);
      const ids = [c.id, ...members.map((m) => m.id)];
      // Re-checked inside the transaction: a concurrent run, or an extension, may have got there first.
      const [fresh] = await tx.query<ClueRow>(sql`SELECT * FROM clues WHERE id = ${c.id}`);
      if (!fresh || fresh.deadline !== c.deadline || rank(fresh.escalation_level) >= rank(to) || !DEADLINE_STATUSES.includes(fresh.status))
        continue;
      await tx.exec(
        sql`UPDATE clues SET escalation_level = ${to}, escalated_at = ${now}, updated_at = ${now} WHERE id IN (${joinSql(
          ids.map((i) => sql`${i}`),
          ', ',
        )})`,
      );
      const comment = `整改期限 ${c.deadline} 已过，逾期升级至${LEVEL_LABELS[to]}监督`;
      const detail = { from: c.escalation_level, to, deadline: c.deadline };
      for (const x of [c, ...members]) {
        await insertEvent(tx, {
          clue_id: x.id,
          region_code: x.region_code,
          actor_user_id: 'system',
          action: 'escalate',
          from_status: x.status,
          to_status: x.status,
          comment,
          occurred_at: now,
          detail: x.id === c.id ? detail : { ...detail, viaCase: c.id },
        });
        audit.push({ actor: 'system', action: 'clue.escalate', target: x.id, regionCode: x.region_code, detail });
      }
      done.push({ clueId: c.id, from: c.escalation_level, to, deadline: c.deadline!, members: members.map((m) => m.id) });
      // The level it rose to hears of it, in the console and by webhook.
      const at = clock();
      await notify(tx, [clueNotification(c, { kind: 'escalated', at, key: `${to}|${c.deadline}`, level: to })]);
      await enqueueWebhook(
        tx,
        'clue.escalated',
        c.region_code,
        { clue: webhookClue({ ...c, escalation_level: to }), level: to, members: members.map((m) => m.id) },
        at,
      );
    }
    return { result: done, audit };
  });
}
