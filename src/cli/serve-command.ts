// kedu serve: the HTTP API and the console on one port.
import { Command } from 'commander';
import { existsSync } from 'node:fs';
import { buildApp } from '../api/app.ts';
import { openStore } from '../store/open-store.ts';

export function serveCommand(): Command {
  return new Command('serve')
    .description('启动服务：Web 控制台与 HTTP API')
    .option('-p, --port <port>', '端口', process.env.PORT ?? '3000')
    .option('--host <host>', '监听地址', process.env.HOST ?? '127.0.0.1')
    .action(async (o: { port: string; host: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<{ databaseUrl?: string; duckdb?: string }>();
      const store = await openStore({ databaseUrl: g.databaseUrl, duckdbPath: g.duckdb });
      const webRoot = 'web/dist';
      if (!existsSync(webRoot)) process.stderr.write('提示：未找到 web/dist，控制台未构建（npm run build:web）；仅提供 API。\n');
      const app = await buildApp({ store, webRoot, logger: false });
      await app.listen({ port: Number(o.port), host: o.host });
      process.stdout.write(`Kedu 刻度已启动：http://localhost:${o.port}  （API 文档：http://localhost:${o.port}/api/docs）\n`);
      const stop = async () => { await app.close(); await store.close(); process.exit(0); };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
}
