// A list of accounts: each new one is made by the one user-creation function (src/auth/users.ts
// createUserIn), inside the batch's transaction, with a one-time initial password returned once to the
// importer (never stored but as its hash, never in the batch's errors or the audit log). A file never
// changes an existing account — its role, jurisdiction and agency are changed in 系统管理 — and only an
// administrator may create administrators.
import type { Caller } from '../../auth/caller.ts';
import { createUserIn, newUserProblem } from '../../auth/users.ts';
import { initialPassword } from '../../auth/initial-password.ts';
import type { Role } from '../../auth/caller.ts';
import type { AuditEntryInput } from '../../audit/audit-log.ts';
import type { Store } from '../../store/store.ts';
import type { RecordKindSpec } from '../../records/registry.ts';
import { dropDuplicates, type InitialCredential, type MergeResult } from '../merge.ts';
import type { RowErrorCode } from '../validate.ts';

interface UserRow {
  row_no: number;
  username: string;
  display_name: string;
  role: Role;
  region_code: string;
  agency_id: string | null;
}

/** newUserProblem's field names → the file's. */
const FIELDS: Record<string, string> = { displayName: 'display_name', regionCode: 'region_code', agencyId: 'agency_id' };

export async function writeUsers(tx: Store, spec: RecordKindSpec, caller: Caller, inc: string): Promise<MergeResult> {
  const { duplicates, duplicateNotes } = await dropDuplicates(tx, spec, inc);
  const result: MergeResult = { inserted: 0, updated: 0, unchanged: 0, duplicates, duplicateNotes, rejected: [], written: [] };
  const audit: AuditEntryInput[] = [];
  const credentials: InitialCredential[] = [];
  const rows = await tx.query<UserRow>(`SELECT row_no, username, display_name, role, region_code, agency_id FROM ${inc} ORDER BY row_no`);
  for (const r of rows) {
    const { row_no, ...values } = r;
    const reject = (field: string, message: string, code: RowErrorCode = 'invalid') =>
      result.rejected.push({ errors: [{ row: Number(row_no), field, code, message }], values });
    if (r.role === 'admin' && caller.role !== 'admin') {
      reject('role', '只有管理员可以创建管理员账号', 'outside_jurisdiction');
      continue;
    }
    const [existing] = await tx.query<Omit<UserRow, 'row_no'>>(
      'SELECT username, display_name, role, region_code, agency_id FROM users WHERE username = $1',
      [r.username],
    );
    if (existing) {
      const same = (['display_name', 'role', 'region_code', 'agency_id'] as const).every((k) => (existing[k] ?? null) === (r[k] ?? null));
      if (same) result.unchanged++;
      else reject('username', `用户 ${r.username} 已存在：导入不修改已有账号，其姓名、角色、辖区和所属部门请在系统管理中修改`);
      continue;
    }
    const password = initialPassword();
    const account = {
      username: r.username,
      displayName: r.display_name,
      password,
      role: r.role,
      regionCode: r.region_code,
      agencyId: r.agency_id,
    };
    const problem = await newUserProblem(tx, account);
    if (problem) {
      reject(FIELDS[problem[0]] ?? problem[0], problem[1]);
      continue;
    }
    const created = await createUserIn(tx, account, caller.userId);
    audit.push(created.audit);
    credentials.push({ username: r.username, displayName: r.display_name, password });
    result.inserted++;
  }
  return { ...result, audit, credentials };
}
