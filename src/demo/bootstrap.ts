// First start of `npm start`: an empty store gets the reference data, the demo data set (scale demo,
// seed 1), the demo accounts, and one run of the model library, so the console has something to show.
// A store that holds data the demo did not plant (no ground truth) gets neither demo data nor accounts.
import type { Store } from '../store/store.ts';
import { loadReference } from '../catalog/load-reference.ts';
import { MODELS } from '../models/library/index.ts';
import { runModels } from '../models/runner.ts';
import { existingData, generateDemo } from './generate.ts';
import { AS_OF_ISO } from './calendar.ts';
import { ensureDemoAccounts, type DemoAccount } from './demo-accounts.ts';

export async function ensureDemo(store: Store, log: (msg: string) => void): Promise<DemoAccount[]> {
  await loadReference(store);
  if ((await existingData(store)).length === 0) {
    log('首次启动：正在生成演示数据（scale=demo, seed=1）…');
    const r = await generateDemo(store, { scale: 'demo', seed: 1 });
    log(`已生成 ${r.records.toLocaleString('zh-CN')} 条执法记录（${r.seconds.toFixed(1)} 秒）`);
    const started = Date.now();
    // The demo data's "today" is fixed (AS_OF_ISO): judged against the real date, every open case would be overdue.
    const reports = await runModels(store, [...MODELS], { trigger: 'batch', asOf: AS_OF_ISO });
    log(
      `已运行 ${reports.length} 个监督模型，生成 ${reports.reduce((s, x) => s + x.newClues, 0)} 条问题线索（${((Date.now() - started) / 1000).toFixed(1)} 秒）`,
    );
  } else if ((await store.query('SELECT 1 AS x FROM ground_truth LIMIT 1')).length === 0) {
    // A county's own store (kedu init and its imports) started with `npm start`: the demo accounts'
    // password is public, so they would open the county's real data to anyone who read the README.
    log('库中已有非演示数据：不生成演示数据，也不创建演示账号');
    return [];
  }
  return ensureDemoAccounts(store);
}
