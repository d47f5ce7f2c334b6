// 消息通知: every notification addressed to the caller's desk, newest first, unread marked; filter to
// the unread or one kind; open one to go to its clue or notice (it is marked read on the way).
import { useState } from 'react';
import { Badge, Button, Segmented, Select, Space, Table, Tag } from 'antd';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { notificationsApi, type AppNotification } from '../api.ts';
import { formatCount, formatInstant } from '../format.ts';
import { NOTIFICATION_KIND_LABELS } from '../labels.ts';
import { useLoad } from '../use-load.ts';
import { PageFrame } from './page-frame.tsx';

export default function NotificationsPage() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const unread = params.get('unread') === 'true';
  const kind = params.get('kind') ?? undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [version, setVersion] = useState(0);
  const load = useLoad((signal) => notificationsApi.list({ unread, kind, page, pageSize: 20 }, signal), [unread, kind, page, version]);
  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };
  const open = async (n: AppNotification) => {
    if (!n.read) await notificationsApi.read({ ids: [n.id] }).catch(() => undefined);
    navigate(n.link);
  };
  return (
    <PageFrame
      testId="notifications-page"
      title="消息通知"
      subtitle={load.data ? `共 ${formatCount(load.data.total)} 条，未读 ${formatCount(load.data.unread)} 条` : undefined}
      state={load.state}
      error={load.state === 'error' ? load.message : undefined}
      onRetry={load.retry}
      extra={
        <Button
          onClick={async () => {
            await notificationsApi.read({ all: true });
            setVersion((v) => v + 1);
          }}
          disabled={!load.data?.unread}
          data-testid="notifications-read-all"
        >
          全部标为已读
        </Button>
      }
    >
      <Space style={{ marginBottom: 12 }} wrap>
        <Segmented
          value={unread ? 'unread' : 'all'}
          options={[
            { value: 'all', label: '全部' },
            { value: 'unread', label: '未读' },
          ]}
          onChange={(v) => set({ unread: v === 'unread' ? 'true' : null })}
          data-testid="notifications-filter-unread"
        />
        <Select
          allowClear
          placeholder="消息类型"
          style={{ width: 160 }}
          value={kind}
          onChange={(v?: string) => set({ kind: v ?? null })}
          options={Object.entries(NOTIFICATION_KIND_LABELS).map(([value, label]) => ({ value, label }))}
          data-testid="notifications-filter-kind"
        />
      </Space>
      <Table<AppNotification>
        rowKey="id"
        size="middle"
        loading={load.state === 'loading'}
        dataSource={load.data?.rows ?? []}
        data-testid="notifications-table"
        onRow={(n) => ({ onClick: () => void open(n), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: '消息',
            dataIndex: 'title',
            render: (title: string, n) => (
              <Space size={6}>
                {!n.read && <Badge status="processing" />}
                <span style={{ fontWeight: n.read ? 400 : 600 }}>{title}</span>
              </Space>
            ),
          },
          { title: '内容', dataIndex: 'body', ellipsis: true },
          { title: '类型', dataIndex: 'kindLabel', width: 110, render: (label: string) => <Tag>{label}</Tag> },
          { title: '时间', dataIndex: 'createdAt', width: 170, render: (at: string) => formatInstant(at) },
        ]}
        pagination={{
          current: page,
          pageSize: 20,
          total: load.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => `共 ${formatCount(total)} 条`,
          onChange: (p) => set({ page: String(p) }),
        }}
      />
    </PageFrame>
  );
}
