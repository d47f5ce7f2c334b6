// kedu user add: creates an account (audited), with the same checks as the console. The password is
// typed at a prompt (twice, not echoed) or read from standard input (`… | kedu user add …`), never
// taken from the command line, where the shell history and the process list would show it.
import { Command, Option } from 'commander';
import { createUser } from '../auth/users.ts';
import { ROLES, SYSTEM_CALLER, type Role } from '../auth/caller.ts';
import { authorize } from '../policy/index.ts';
import { PASSWORD_MIN_LENGTH } from '../auth/password-policy.ts';
import { withStore } from './context.ts';
import { EXIT, fail } from './output.ts';
import { readSecret } from './secret-input.ts';

export function userCommand(): Command {
  const user = new Command('user').description('用户管理');
  user
    .command('add')
    .description(`新增用户；密码在提示时输入（至少${PASSWORD_MIN_LENGTH}位），或经标准输入传入`)
    .requiredOption('--username <name>', '用户名')
    .requiredOption('--role <role>', `角色：${ROLES.join(' | ')}`)
    .requiredOption('--region <code>', '辖区区划代码 (GB/T 2260)')
    .option('--agency <id>', '所属执法主体（执法部门、执法人员必填）')
    .option('--name <displayName>', '姓名')
    .addOption(new Option('--password <password>').hideHelp())
    .action(
      async (o: { username: string; password?: string; role: string; region: string; agency?: string; name?: string }, cmd: Command) => {
        if (o.password !== undefined)
          fail('出于安全考虑，不从命令行读取密码：请在提示时输入，或经标准输入传入（如 kedu user add … < 密码文件）', EXIT.usage);
        const password = await readSecret('密码：', '再次输入密码：').catch((e: Error) => fail(e.message, EXIT.usage));
        try {
          authorize(SYSTEM_CALLER, 'create', { type: 'user' });
          const created = await withStore(cmd, (store) =>
            createUser(
              store,
              {
                username: o.username,
                password,
                role: o.role as Role,
                regionCode: o.region,
                agencyId: o.agency ?? null,
                displayName: o.name ?? o.username,
              },
              SYSTEM_CALLER.userId,
            ),
          );
          process.stdout.write(`已创建用户 ${created.username}（${created.role}，辖区 ${created.regionCode}）\n`);
        } catch (e) {
          fail((e as Error).message, EXIT.usage);
        }
      },
    );
  return user;
}
