// kedu user add: creates an account (audited), with the same checks as the console. The password
// comes from standard input (--password-stdin) or a prompt that does not echo it; without either
// (a script, a forwarded call), the account gets a one-time initial password, printed once.
import { Command } from 'commander';
import { createUser } from '../auth/users.ts';
import { ROLES, SYSTEM_CALLER, type Role } from '../auth/caller.ts';
import { initialPassword } from '../auth/initial-password.ts';
import { withStore } from './context.ts';
import { EXIT, fail, print } from './output.ts';
import { askNewPassword, interactive, passwordFromStdin } from './password-input.ts';

interface AddOptions {
  username: string;
  passwordStdin?: boolean;
  role: string;
  region: string;
  agency?: string;
  name?: string;
}

export function userCommand(): Command {
  const user = new Command('user').description('用户管理');
  user
    .command('add')
    .description('新增用户')
    .requiredOption('--username <name>', '用户名')
    .requiredOption('--role <role>', `角色：${ROLES.join(' | ')}`)
    .requiredOption('--region <code>', '辖区区划代码 (GB/T 2260)')
    .option('--agency <id>', '所属执法主体（执法部门、执法人员必填）')
    .option('--name <displayName>', '姓名')
    .option('--password-stdin', '从标准输入的第一行读取密码；不指定时在终端中交互输入，非终端时生成一次性初始密码')
    .action(async (o: AddOptions, cmd: Command) => {
      let password: string | null = null;
      let generated = false;
      if (o.passwordStdin) password = await passwordFromStdin();
      else if (interactive()) {
        password = await askNewPassword('密码');
        if (password === null) fail('两次输入的密码不一致', EXIT.usage);
      } else {
        password = initialPassword();
        generated = true;
      }
      const created = await withStore(cmd, async (store) => {
        try {
          return await createUser(
            store,
            {
              username: o.username,
              password: password!,
              role: o.role as Role,
              regionCode: o.region,
              agencyId: o.agency ?? null,
              displayName: o.name ?? o.username,
            },
            SYSTEM_CALLER.userId,
          );
        } catch (e) {
          fail((e as Error).message, EXIT.usage);
        }
      });
      print(`已创建用户 ${created.username}（${created.role}，辖区 ${created.regionCode}）\n`);
      if (generated) print(`初始密码（仅显示这一次，请转交本人并提醒首次登录后修改）：${password}\n`);
    });
  return user;
}
