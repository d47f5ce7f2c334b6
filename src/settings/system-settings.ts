// Settings an administrator changes in the console (系统管理), kept in system_settings: one registry of
// the keys, their meaning and their checks, so a value in the table is always one the code understands.
import type { Store } from '../store/store.ts';
import { sql } from '../store/sql.ts';
import { EVERY_CHAIN, withAudit } from '../audit/audit-log.ts';
import type { Caller } from '../auth/caller.ts';
import { badRequest } from '../domain/errors.ts';
import { authorize } from '../policy/index.ts';

export const SYSTEM_SETTINGS = {
  model_schedule_minutes: {
    label: '定时运行全部模型的间隔（分钟，0 为不定时运行）',
    check: (v: number) => (Number.isInteger(v) && v >= 0 && v <= 7 * 24 * 60 ? null : '间隔须为 0 至 10080 之间的整数（分钟）'),
  },
} as const;
export type SettingKey = keyof typeof SYSTEM_SETTINGS;

export interface StoredSetting {
  value: number;
  updatedBy: string;
  updatedAt: string;
}

export async function readSetting(store: Store, key: SettingKey): Promise<StoredSetting | null> {
  const [r] = await store.query<{ value: string; updated_by: string; updated_at: string }>(
    sql`SELECT value, updated_by, updated_at FROM system_settings WHERE key = ${key}`,
  );
  return r ? { value: Number(r.value), updatedBy: r.updated_by, updatedAt: r.updated_at } : null;
}

export async function writeSetting(store: Store, caller: Caller, key: SettingKey, value: number, now: Date): Promise<void> {
  authorize(caller, 'configure', { type: 'settings' });
  const problem = SYSTEM_SETTINGS[key].check(value);
  if (problem) throw badRequest(problem, key);
  await withAudit(store, EVERY_CHAIN, async (tx) => {
    const before = await readSetting(tx, key);
    await tx.exec(sql`DELETE FROM system_settings WHERE key = ${key}`);
    await tx.exec(
      sql`INSERT INTO system_settings (key, value, updated_by, updated_at) VALUES (${key}, ${String(value)}, ${caller.userId}, ${now.toISOString()})`,
    );
    return {
      result: null,
      audit: [{ actor: caller.userId, action: 'settings.update', target: key, detail: { from: before?.value ?? null, to: value } }],
    };
  });
}
