// kedu ask "…": the assistant on the command line, as a user (--user, their jurisdiction) or as the
// system (the whole province). Prints each answer, its citations and the SQL it ran; --json the lot.
import { Command } from 'commander';
import { AssistantError, ask } from '../assistant/history.ts';
import { demoDay } from '../demo/generate.ts';
import { businessDate } from '../domain/dates.ts';
import { UsageProblem, callerFor, withStore } from './context.ts';
import { EXIT, fail, print } from './output.ts';

export function askCommand(): Command {
  return new Command('ask')
    .description('AI助手：用中文提问（法律规定、执法数据、平台功能），回答附依据条文和查询语句')
    .argument('<question>', '一个或多个问题')
    .option('--user <username>', '以该用户身份提问（按其辖区限定数据）；默认以系统身份（全省）')
    .option('--conversation <id>', '接续的对话（追问）')
    .option('--as-of <date>', '以该日期为“今天”（YYYY-MM-DD）；默认今天，演示数据固定了日期时为该日期')
    .option('--json', 'JSON output')
    .action(async (question: string, o: { user?: string; conversation?: string; asOf?: string; json?: boolean }, cmd: Command) => {
      try {
        const result = await withStore(cmd, async (store) => {
          const caller = await callerFor(store, o.user);
          // The server's rule (serve-command.ts): a demo pinned to its day is judged as of that day.
          const pinned = await demoDay(store);
          const asOf = o.asOf ?? (pinned?.pinned ? pinned.asOf : businessDate(new Date()));
          return ask(store, caller, question, { conversationId: o.conversation, asOf });
        });
        if (o.json) {
          print(`${JSON.stringify(result)}\n`);
          return;
        }
        const lines: string[] = [];
        for (const a of result.answers) {
          lines.push(`【${a.question}】`, a.text);
          for (const e of a.examples ?? []) lines.push(`  · ${e}`);
          if (a.table) {
            lines.push(a.table.columns.map((c) => c.title).join('\t'));
            for (const r of a.table.rows.slice(0, 20)) lines.push(a.table.columns.map((c) => String(r[c.key] ?? '')).join('\t'));
          }
          for (const c of a.citations) lines.push(`  《${c.regulationTitle}》${c.label}（${c.role}）：${c.text}`);
          for (const n of a.notes) lines.push(`  注：${n}`);
          for (const q of a.queries) lines.push(`  查询：${q.sql}  参数：${JSON.stringify(q.params)}`);
          lines.push('');
        }
        lines.push(`对话 ${result.conversationId}（用 --conversation 追问），用时 ${result.millis} ms`);
        print(lines.join('\n') + '\n');
      } catch (e) {
        if (e instanceof AssistantError || e instanceof UsageProblem) fail(e.message, EXIT.usage);
        throw e;
      }
    });
}
