// First start of `npm start`: an empty store gets the reference data, the demo data set (scale demo,
// seed 1, ending today or on the given day), the demo accounts, and the supervision history — the
// model library's clues found on their days and worked through the loop up to that day — so the
// console shows the loop in motion. A store that holds data the demo did not plant (no ground truth)
// gets neither demo data nor accounts.
import type { Store } from '../store/store.ts';
import { loadReference } from '../catalog/load-reference.ts';
import { existingData, generateDemo } from './generate.ts';
import { ensureDemoAccounts, type DemoAccount } from './demo-accounts.ts';
import { generateSupervision } from './supervision.ts';

export const DEMO_SEED = 1;

export async function ensureDemo(store: Store, log: (msg: string) => void, opts: { asOf?: string } = {}): Promise<DemoAccount[]> {
  await loadReference(store);
  if ((await existingData(store)).length > 0) {
    if ((await store.query('SELECT 1 AS x FROM ground_truth LIMIT 1')).length === 0) {
      // A county's own store (kedu init and its imports) started with `npm start`: the demo accounts'
      // password is public, so they would open the county's real data to anyone who read the README.
      log('库中已有非演示数据：不生成演示数据，也不创建演示账号');
      return [];
    }
    return ensureDemoAccounts(store);
  }
  log(`首次启动：正在生成演示数据（scale=demo, seed=${DEMO_SEED}）…`);
  const r = await generateDemo(store, { scale: 'demo', seed: DEMO_SEED, asOf: opts.asOf });
  log(`已生成 ${r.records.toLocaleString('zh-CN')} 条执法记录，截至 ${r.asOf}（${r.seconds.toFixed(1)} 秒）`);
  // The named accounts first: the history's steps are theirs where their office or agency took them.
  const accounts = await ensureDemoAccounts(store);
  const s = await generateSupervision(store, { seed: DEMO_SEED, asOf: r.asOf });
  log(
    `已运行监督模型并生成办理过程：问题线索 ${s.clues} 条、办理记录 ${s.events} 条、监督文书 ${s.notices} 份（${s.seconds.toFixed(1)} 秒）`,
  );
  return accounts;
}
