// kedu user add: creates an account (audited), with the same checks as the console.
import { Command } from 'commander';
import { createUser } from '../auth/users.ts';
import { ROLES, SYSTEM_CALLER, type Role } from '../auth/caller.ts';
import { authorize } from '../policy/index.ts';
import { withStore } from './context.ts';
import { EXIT, fail } from './output.ts';

export function userCommand(): Command {
  const user = new Command('user').description('用户管理');
  user
    .command('add')
    .description('新增用户')
    .requiredOption('--username <name>', '用户名')
    .requiredOption('--password <password>', '密码（至少8位，含字母和数字）')
    .requiredOption('--role <role>', `角色：${ROLES.join(' | ')}`)
    .requiredOption('--region <code>', '辖区区划代码 (GB/T 2260)')
    .option('--agency <id>', '所属执法主体（执法部门、执法人员必填）')
    .option('--name <displayName>', '姓名')
    .action(
      async (o: { username: string; password: string; role: string; region: string; agency?: string; name?: string }, cmd: Command) => {
        try {
          authorize(SYSTEM_CALLER, 'create', { type: 'user' });
          const created = await withStore(cmd, (store) =>
            createUser(
              store,
              {
                username: o.username,
                password: o.password,
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
