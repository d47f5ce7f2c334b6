// kedu init: a store ready for a county's own data — the schema, the reference data Kedu ships
// (regions, lines, laws, the item catalog, baselines and lists), no demo records — and its first
// administrator. Safe to run again: the reference data is only rewritten where it differs from what
// ships, and an existing administrator is kept.
import { Command } from 'commander';
import { loadReference, type ReferenceCounts } from '../catalog/load-reference.ts';
import { createUser } from '../auth/users.ts';
import { SYSTEM_CALLER } from '../auth/caller.ts';
import { existingData } from '../demo/generate.ts';
import type { Store } from '../store/store.ts';
import { withStore } from './context.ts';
import { EXIT, fail, print } from './output.ts';
import { ask, askNewPassword, interactive, passwordFromStdin } from './password-input.ts';

interface InitOptions {
  admin?: string;
  adminName: string;
  adminRegion: string;
  passwordStdin?: boolean;
  json?: boolean;
}

export interface InitResult {
  reference: ReferenceCounts;
  /** Tables that already held records or reference rows of a county (nothing is deleted). */
  existing: string[];
  admin: { username: string; created: boolean };
}

const REFERENCE_LABELS: [keyof Omit<ReferenceCounts, 'changed'>, string][] = [
  ['regions', '区划'],
  ['lines', '执法条线'],
  ['regulations', '法规'],
  ['articles', '条款'],
  ['items', '执法事项'],
  ['inspection_items', '涉企检查事项'],
  ['baselines', '裁量基准'],
  ['exemptions', '不予处罚清单条目'],
  ['service_whitelist', '第三方服务正面清单条目'],
];

async function existingAdmins(store: Store): Promise<string[]> {
  const rows = await store.query<{ username: string }>(
    `SELECT username FROM users WHERE role = 'admin' AND NOT disabled ORDER BY username`,
  );
  return rows.map((r) => r.username);
}

export function initCommand(): Command {
  return new Command('init')
    .description('初始化存储：建表，装入随系统发布的参考数据（区划、条线、法规、事项目录、裁量基准、清单），不含演示数据；创建首个管理员')
    .option('--admin <username>', '管理员用户名（首次初始化时创建；默认 admin）')
    .option('--admin-name <name>', '管理员姓名', '系统管理员')
    .option('--admin-region <code>', '管理员辖区区划代码', '330000')
    .option('--password-stdin', '从标准输入的第一行读取管理员密码（用于脚本；密码不要写在命令行上）')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\n未指定 --password-stdin 时，在终端中交互输入管理员密码（不回显）。部署步骤见 docs/deploy.md')
    .action(async (o: InitOptions, cmd: Command) => {
      const result = await withStore(cmd, async (store): Promise<InitResult> => {
        const reference = await loadReference(store);
        const existing = await existingData(store);
        const admins = await existingAdmins(store);
        if (admins.length) return { reference, existing, admin: { username: admins[0], created: false } };
        let username = o.admin;
        let password: string | null;
        if (o.passwordStdin) password = await passwordFromStdin();
        else if (interactive()) {
          username ??= (await ask('管理员用户名（默认 admin）：')) || 'admin';
          password = await askNewPassword('管理员密码');
          if (password === null) fail('两次输入的密码不一致', EXIT.usage);
        } else fail('请在终端中运行以交互输入管理员密码，或用 --password-stdin 从标准输入提供（密码不要写在命令行上）', EXIT.usage);
        username ??= 'admin';
        try {
          await createUser(
            store,
            { username, displayName: o.adminName, password, role: 'admin', regionCode: o.adminRegion },
            SYSTEM_CALLER.userId,
          );
        } catch (e) {
          fail(`管理员账号未创建：${(e as Error).message}`, EXIT.usage);
        }
        return { reference, existing, admin: { username, created: true } };
      });
      if (o.json) {
        print(JSON.stringify(result) + '\n');
        return;
      }
      const r = result.reference;
      print(`参考数据：${REFERENCE_LABELS.map(([k, label]) => `${label} ${r[k]}`).join('，')}`);
      print(r.changed.length ? `（已写入：${r.changed.join(', ')}）\n` : '（与随系统发布的版本一致，未改动）\n');
      if (result.existing.length) print(`注：存储中已有数据（${result.existing.join('、')}），init 不删除任何数据\n`);
      print(
        result.admin.created
          ? `已创建管理员 ${result.admin.username}\n`
          : `已有管理员 ${result.admin.username}，未新建（新增用户：kedu user add 或导入用户名单）\n`,
      );
      print('下一步：导入本地参考数据（执法主体、执法人员、执法证、经营主体……）和执法记录，见 docs/deploy.md\n');
    });
}
