// 审计日志: the audit log of the caller's jurisdiction (the server scopes it), searched by 操作人, 操作,
// 对象 (an id or a clue's number) and date range, newest first, exported to Excel; the administrator
// verifies the hash chains here, one per city and the province's (the server walks every chain and names what it finds, chain by chain).
import { useState } from 'react';
import { Alert, Button, Descriptions, Drawer, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { auditApi, errorText, type AuditEntry } from '../api.ts';
import { formatCount, formatInstant } from '../format.ts';
import { useUser } from '../session.tsx';
import { useLoad } from '../use-load.ts';
import { DateRangeFilter } from '../lists/date-range.tsx';
import { ExportButton } from '../lists/export-button.tsx';
import { PAGE_SIZES, useListParams } from '../lists/use-list-params.ts';
import { PageFrame } from './page-frame.tsx';

const KEYS = ['actor', 'action', 'target', 'from', 'to', 'order'] as const;
/** The classes of action the select offers first (the server takes a prefix ending in "."). */
const CLASSES: Record<string, string> = {
  'clue.': '线索办理（全部）',
  'notice.': '监督文书（全部）',
  'user.': '账号管理（全部）',
  'auth.': '登录退出（全部）',
};

type Verification =
  | { ok: boolean; entries: number; chains: { chain: string }[]; problems: { chain: string; seq: number; message: string }[] }
  | { error: string };

/** An entry's place: its chain (省级, or the city's code) and its number there. */
const chainName = (chain: string) => (chain === 'province' ? '省级' : chain);

export default function AuditPage() {
  const user = useUser();
  const list = useListParams(KEYS);
  const f = list.values;
  const load = useLoad(
    (signal) => auditApi.list({ ...f, order: f.order === 'asc' ? 'asc' : undefined, page: list.page, pageSize: list.pageSize }, signal),
    [list.key, list.page, list.pageSize],
  );
  const [open, setOpen] = useState<AuditEntry | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [verification, setVerification] = useState<Verification | null>(null);
  const actions = load.data?.actions ?? {};

  const verify = async () => {
    setVerifying(true);
    try {
      setVerification(await auditApi.verify());
    } catch (e) {
      setVerification({ error: errorText(e) });
    } finally {
      setVerifying(false);
    }
  };

  return (
    <PageFrame
      testId="audit-page"
      title="审计日志"
      subtitle={
        load.data
          ? `${user.role === 'admin' ? '全部' : user.regionName}记录共 ${formatCount(load.data.total)} 条（每条记录以 SM3 哈希链接前一条，篡改可被发现）`
          : '执法全程在线、行为全程留痕、过程全程可溯'
      }
      state={load.state}
      error={load.state === 'error' ? load.message : undefined}
      onRetry={load.retry}
      extra={
        <Space>
          <ExportButton path="/audit.xlsx" query={f} />
          {user.role === 'admin' && (
            <Button
              type="primary"
              icon={<SafetyCertificateOutlined />}
              loading={verifying}
              onClick={() => void verify()}
              data-testid="audit-verify"
            >
              校验哈希链
            </Button>
          )}
        </Space>
      }
    >
      {verification && (
        <div
          data-testid="audit-verify-result"
          data-ok={'ok' in verification ? String(verification.ok) : 'error'}
          style={{ marginBottom: 16 }}
        >
          {'error' in verification ? (
            <Alert type="error" showIcon title="校验失败" description={verification.error} />
          ) : verification.ok ? (
            <Alert
              type="success"
              showIcon
              title={`哈希链完整：${verification.chains.length} 条链共 ${formatCount(verification.entries)} 条记录，未发现篡改、删除或插入`}
            />
          ) : (
            <Alert
              type="error"
              showIcon
              title={`发现 ${verification.problems.length} 处问题（共 ${formatCount(verification.entries)} 条记录）`}
              description={
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {verification.problems.slice(0, 10).map((p) => (
                    <li key={`${p.chain}-${p.seq}-${p.message}`}>{p.message}</li>
                  ))}
                </ul>
              }
            />
          )}
        </div>
      )}
      <Space wrap style={{ marginBottom: 12 }} data-testid="audit-filters">
        <Input.Search
          allowClear
          placeholder="操作人（用户名或姓名）"
          defaultValue={f.actor}
          onSearch={(v) => list.set({ actor: v.trim() || undefined })}
          style={{ width: 220 }}
          data-testid="audit-filter-actor"
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder="操作"
          style={{ width: 200 }}
          value={f.action}
          onChange={(v?: string) => list.set({ action: v })}
          options={[
            ...Object.entries(CLASSES).map(([value, label]) => ({ value, label })),
            ...Object.entries(actions).map(([value, label]) => ({ value, label })),
          ]}
          data-testid="audit-filter-action"
        />
        <Input.Search
          allowClear
          placeholder="对象（编号或线索编号）"
          defaultValue={f.target}
          onSearch={(v) => list.set({ target: v.trim() || undefined })}
          style={{ width: 240 }}
          data-testid="audit-filter-target"
        />
        <DateRangeFilter testId="audit-filter-range" from={f.from} to={f.to} onChange={(from, to) => list.set({ from, to })} />
      </Space>
      <Table<AuditEntry>
        rowKey={(r) => `${r.chain}-${r.seq}`}
        size="middle"
        loading={load.state === 'loading'}
        dataSource={load.data?.rows ?? []}
        data-testid="audit-table"
        onRow={(r) =>
          ({ onClick: () => setOpen(r), style: { cursor: 'pointer' }, 'data-testid': 'audit-row' }) as React.HTMLAttributes<HTMLElement>
        }
        onChange={(_p, _f, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          list.set({ order: s?.order === 'ascend' ? 'asc' : undefined });
        }}
        columns={[
          {
            title: '时间',
            dataIndex: 'occurredAt',
            width: 170,
            render: (v: string) => formatInstant(v),
            sorter: true,
            sortOrder: f.order === 'asc' ? 'ascend' : 'descend',
            sortDirections: ['descend', 'ascend', 'descend'],
          },
          { title: '链·序号', key: 'seq', width: 130, render: (_: unknown, r) => `${chainName(r.chain)} · ${r.seq}` },
          { title: '操作人', key: 'actor', width: 220, ellipsis: true, render: (_: unknown, r) => r.actor.name },
          { title: '操作', dataIndex: 'actionLabel', width: 140, render: (v: string) => <Tag>{v}</Tag> },
          { title: '对象', dataIndex: 'targetLabel', ellipsis: true, render: (v: string | null) => v ?? '—' },
          { title: '区划', dataIndex: 'regionName', width: 120, render: (v: string | null) => v ?? '—' },
        ]}
        pagination={{
          current: list.page,
          pageSize: list.pageSize,
          total: load.data?.total ?? 0,
          pageSizeOptions: PAGE_SIZES,
          showSizeChanger: true,
          showTotal: (total) => `共 ${formatCount(total)} 条`,
          onChange: (p, size) => list.set({ page: size !== list.pageSize ? '1' : String(p), pageSize: String(size) }),
        }}
      />
      <Drawer open={open !== null} onClose={() => setOpen(null)} size={560} title="审计记录" destroyOnHidden>
        {open && (
          <Descriptions column={1} size="small" bordered data-testid="audit-detail" styles={{ label: { width: 110 } }}>
            <Descriptions.Item label="链·序号">{`${chainName(open.chain)} · ${open.seq}`}</Descriptions.Item>
            <Descriptions.Item label="时间">{formatInstant(open.occurredAt)}</Descriptions.Item>
            <Descriptions.Item label="操作人">
              {open.actor.name}
              {open.actor.username ? `（${open.actor.username}）` : ''}
            </Descriptions.Item>
            <Descriptions.Item label="操作">{open.actionLabel}</Descriptions.Item>
            <Descriptions.Item label="对象">{open.targetLabel ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="区划">{open.regionName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="详情">
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0, fontFamily: 'monospace', fontSize: 12 }}>
                {open.detail === null ? '—' : JSON.stringify(open.detail, null, 2)}
              </Typography.Paragraph>
            </Descriptions.Item>
            <Descriptions.Item label="哈希（SM3）">
              <Typography.Text copyable style={{ fontFamily: 'monospace', fontSize: 12 }}>
                {open.hash}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
        )}
      </Drawer>
    </PageFrame>
  );
}
