// kedu user add: creates an account (audited), with the same checks as the console (the password
// policy included). The password is typed at a prompt (twice, not echoed) or read from standard input
// (`--password-stdin`, or `… < 密码文件`), never taken from the command line, where the shell history
// and the process list would show it; with nothing on standard input (a script, a forwarded call
// without input), the account gets a one-time initial password, printed once.
import { Command, Option } from 'commander';
import { createUser } from '../auth/users.ts';
import { ROLES, SYSTEM_CALLER, type Role } from '../auth/caller.ts';
import { authorize } from '../policy/index.ts';
import { PASSWORD_MIN_LENGTH } from '../auth/password-policy.ts';
import { initialPassword } from '../auth/initial-password.ts';
import { withStore } from './context.ts';
import { EXIT, fail, print } from './output.ts';
import { askNewPassword, interactive, passwordFromStdin } from './password-input.ts';

interface AddOptions {
  username: string;
  password?: string;
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
    .description(`新增用户（密码至少${PASSWORD_MIN_LENGTH}位）`)
    .requiredOption('--username <name>', '用户名')
    .requiredOption('--role <role>', `角色：${ROLES.join(' | ')}`)
    .requiredOption('--region <code>', '辖区区划代码 (GB/T 2260)')
    .option('--agency <id>', '所属执法主体（执法部门、执法人员必填）')
    .option('--name <displayName>', '姓名')
    .option(
      '--password-stdin',
      '从标准输入的第一行读取密码（标准输入不是终端时亦然）；在终端中不指定时交互输入；标准输入为空时生成一次性初始密码',
    )
    .addOption(new Option('--password <password>').hideHelp())
    .action(async (o: AddOptions, cmd: Command) => {
      if (o.password !== undefined)
        fail('出于安全考虑，不从命令行读取密码：请在提示时输入，或经标准输入传入（如 kedu user add … < 密码文件）', EXIT.usage);
      let password: string | null;
      let generated = false;
      if (!o.passwordStdin && interactive()) {
        password = await askNewPassword('密码');
        if (password === null) fail('两次输入的密码不一致', EXIT.usage);
      } else {
        password = await passwordFromStdin();
        if (!password) {
          if (o.passwordStdin) fail('标准输入为空：未收到密码', EXIT.usage);
          password = initialPassword();
          generated = true;
        }
      }
      const created = await withStore(cmd, async (store) => {
        try {
          authorize(SYSTEM_CALLER, 'create', { type: 'user' });
          return await createUser(
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
