// kedu serve: the HTTP API and the console on one port; with --demo, an empty store is filled with demo
// data first and the demo accounts are printed. On a DuckDB file it also takes the other kedu commands
// on that file (beside.ts). It stops cleanly — jobs, connections, the store, the lock file — on SIGINT
// and SIGTERM, and, when npm started it, once its parent is gone: `npx kedu serve` runs it under
// `sh -c`, and SIGTERM to npx reaches that shell, which dies without passing it on, so the server would
// outlive npx and keep the file locked. SIGHUP keeps its own meaning (a handler would defeat nohup).
import { Command } from 'commander';
import { existsSync } from 'node:fs';
import { buildApp } from '../api/app.ts';
import { openStore } from '../store/open-store.ts';
import { ensureDemo } from '../demo/bootstrap.ts';
import { formatAccounts } from '../demo/demo-accounts.ts';
import { startJobs } from '../jobs/jobs.ts';
import { anchorAuditLog } from '../audit/audit-log.ts';
import { sealStoredPersonalData } from '../privacy/seal-stored.ts';
import { envEndpoints } from '../integration/webhooks.ts';
import { webhookTargetProblem } from '../integration/webhook-target.ts';
import { readyAllRealtime } from '../models/realtime/check.ts';
import { numberUnnumberedClues } from '../clues/numbering.ts';
import { demoDay } from '../demo/generate.ts';
import { isIsoDate } from '../domain/dates.ts';
import { readyNavigator } from '../navigator/index.ts';
import { duckdbFile, registerCliEndpoint, removeServeLock, runningServer, writeServeLock, type ServeLock } from './beside.ts';
import { storeOptions } from './context.ts';
import { io } from './io.ts';
import { EXIT, fail, print } from './output.ts';

/** How often a server started by npm looks whether its parent is still there. */
const PARENT_POLL_MS = 500;

export function serveCommand(): Command {
  return new Command('serve')
    .description('启动服务：Web 控制台与 HTTP API')
    .option('-p, --port <port>', '端口', process.env.PORT ?? '3000')
    .option('--host <host>', '监听地址', process.env.HOST ?? '127.0.0.1')
    .option('--demo', '库为空时生成演示数据，并打印演示账号')
    .option('--schedule-minutes <n>', '每隔多少分钟运行一次全部模型（0 为不运行）', '60')
    .option('--as-of <date>', '以该日期为“今天”（YYYY-MM-DD）；默认今天，演示数据以固定日期生成时为该日期')
    .action(async (o: { port: string; host: string; demo?: boolean; scheduleMinutes: string; asOf?: string }, cmd: Command) => {
      if (io().store) fail('服务已在运行，不能在服务中再启动服务', EXIT.usage);
      const g = storeOptions(cmd);
      const file = duckdbFile(g);
      const other = file ? runningServer(file) : null;
      if (other) fail(`已有服务在使用该存储文件（进程 ${other.pid}，端口 ${other.port}）`, EXIT.usage);
      const store = await openStore({ databaseUrl: g.databaseUrl, duckdbPath: g.duckdb });
      const log = (msg: string) => print(`${msg}\n`);
      if (o.asOf && !isIsoDate(o.asOf)) fail(`--as-of 须为 YYYY-MM-DD：${o.asOf}`, EXIT.usage);
      // A chain written before the audit key existed (or whose anchor is gone) is anchored now, once.
      if (await anchorAuditLog(store)) log('审计日志已用审计密钥签名并在库外锚定（见审计日志中的 audit.anchor 记录）');
      // Personal data stored in clear (a store from before encryption) is sealed now, once.
      const sealed = Object.entries(await sealStoredPersonalData(store));
      if (sealed.length) log(`已用 SM4 加密存量个人信息：${sealed.map(([t, n]) => `${t} ${n} 项`).join('，')}`);
      // Receivers named in the environment are checked like those configured through the API.
      for (const e of envEndpoints()) {
        const problem = await webhookTargetProblem(e.url);
        if (problem) process.stderr.write(`KEDU_WEBHOOK_URL ${e.url}：${problem}；不会向其发送\n`);
      }
      const accounts = o.demo ? await ensureDemo(store, log, { asOf: o.asOf }) : [];
      // Clues stored before readable numbers existed get theirs once (none: one query).
      const numbered = await numberUnnumberedClues(store);
      if (numbered) log(`已为 ${numbered} 条线索编号`);
      const webRoot = 'web/dist';
      if (!existsSync(webRoot)) process.stderr.write('提示：未找到 web/dist，控制台未构建（npm run build:web）；仅提供 API。\n');
      // The day the server judges as of: the one asked for, else a pinned demo data set's, else today.
      const pinned = await demoDay(store);
      const asOf = o.asOf ?? (pinned?.pinned ? pinned.asOf : undefined);
      if (asOf) log(`按 ${asOf} 判断（期限、逾期、模型）`);
      const app = await buildApp({ store, webRoot, log: {}, asOf, scheduleMinutes: Number(o.scheduleMinutes) });
      let lock: ServeLock | null = null;
      if (file) registerCliEndpoint(app, store, () => lock);
      await app.listen({ port: Number(o.port), host: o.host });
      if (file) lock = writeServeLock(file, o.host, Number(o.port));
      const jobs = startJobs(store, { modelMinutes: Number(o.scheduleMinutes), log, asOf });
      // The real-time checks' state loads now, not with the first pushed record (city scale: 6 s).
      const warming = performance.now();
      void readyAllRealtime(store, asOf).then(
        async () => {
          log(`实时校验状态已加载（${((performance.now() - warming) / 1000).toFixed(1)} 秒）`);
          // The navigator's similar-case index, on the same cases (city scale: segmenting every facts text).
          const indexing = performance.now();
          await readyNavigator(store, asOf).then(
            (n) =>
              log(`裁量导航类案索引已建立（${n.toLocaleString('zh-CN')} 件，${((performance.now() - indexing) / 1000).toFixed(1)} 秒）`),
            (e: Error) => log(`裁量导航类案索引未能预先建立，将在首次评估时建立：${e.message}`),
          );
        },
        (e: Error) => log(`实时校验状态未能预先加载，将在首条推送记录时加载：${e.message}`),
      );
      if (accounts.length) print(formatAccounts(accounts));
      print(`Kedu 刻度已启动：http://localhost:${o.port}  （API 文档：http://localhost:${o.port}/api/docs）\n`);

      let stopping: Promise<void> | null = null;
      const stop = () =>
        (stopping ??= (async () => {
          clearInterval(watch);
          if (file && lock) removeServeLock(file, lock);
          await jobs.stop();
          await app.close();
          await store.close();
          process.exit(0);
        })());
      // npm sets npm_command for what it runs; a server started otherwise (systemd, nohup) has no such tie.
      const parent = process.ppid;
      const watch = process.env.npm_command
        ? setInterval(() => {
            if (process.ppid !== parent) void stop();
          }, PARENT_POLL_MS)
        : undefined;
      watch?.unref();
      for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop());
    });
}
