// The bell in the header: the caller's unread count as a badge (polled every minute and after each
// read), the latest notifications under it, "all read", and the way to the full list. Clicking one
// marks it read and opens its clue or notice.
import { useCallback, useEffect, useState } from 'react';
import { Badge, Button, Empty, List, Popover, Space, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { notificationsApi, type AppNotification } from '../api.ts';
import { formatInstant } from '../format.ts';

const POLL_MS = 60_000;

export function NotificationBell() {
  const navigate = useNavigate();
  const [unread, setUnread] = useState(0);
  const [open, setOpen] = useState(false);
  const [rows, setRows] = useState<AppNotification[] | null>(null);

  const refresh = useCallback((signal?: AbortSignal) => {
    notificationsApi.count(signal).then(
      (r) => setUnread(r.unread),
      () => undefined, // the badge waits for the next poll; a 401 has already sent the user to login
    );
  }, []);
  useEffect(() => {
    const controller = new AbortController();
    refresh(controller.signal);
    const timer = setInterval(() => refresh(), POLL_MS);
    return () => {
      controller.abort();
      clearInterval(timer);
    };
  }, [refresh]);
  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    notificationsApi.list({ pageSize: 8 }, controller.signal).then(
      (page) => {
        setRows(page.rows);
        setUnread(page.unread);
      },
      () => setRows([]),
    );
    return () => controller.abort();
  }, [open]);

  const openOne = async (n: AppNotification) => {
    setOpen(false);
    if (!n.read) setUnread((await notificationsApi.read({ ids: [n.id] }).catch(() => ({ unread }))).unread);
    navigate(n.link);
  };
  const readAll = async () => {
    setUnread((await notificationsApi.read({ all: true })).unread);
    setRows((previous) => previous?.map((r) => ({ ...r, read: true })) ?? null);
  };

  const content = (
    <div style={{ width: 380 }} data-testid="notification-panel">
      {rows && rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无消息" />
      ) : (
        <List<AppNotification>
          size="small"
          loading={rows === null}
          dataSource={rows ?? []}
          renderItem={(n) => (
            <List.Item
              key={n.id}
              onClick={() => void openOne(n)}
              style={{ cursor: 'pointer', opacity: n.read ? 0.6 : 1 }}
              data-testid="notification-item"
              data-read={n.read}
            >
              <List.Item.Meta
                title={
                  <Space size={6}>
                    {!n.read && <Badge status="processing" />}
                    <span>{n.title}</span>
                  </Space>
                }
                description={
                  <span>
                    {n.kindLabel} · {formatInstant(n.createdAt)}
                  </span>
                }
              />
            </List.Item>
          )}
        />
      )}
      <Space style={{ width: '100%', justifyContent: 'space-between', marginTop: 8 }}>
        <Button size="small" onClick={() => void readAll()} disabled={unread === 0} data-testid="notification-read-all">
          全部标为已读
        </Button>
        <Typography.Link
          onClick={() => {
            setOpen(false);
            navigate('/notifications');
          }}
          data-testid="notification-all"
        >
          查看全部消息
        </Typography.Link>
      </Space>
    </div>
  );

  return (
    <Popover content={content} title="消息通知" trigger="click" open={open} onOpenChange={setOpen} placement="bottomRight">
      <Badge count={unread} size="small" overflowCount={99} data-testid="notification-badge" data-count={unread}>
        <Button type="text" icon={<BellOutlined style={{ fontSize: 18 }} />} aria-label="消息通知" data-testid="notification-bell" />
      </Badge>
    </Popover>
  );
}
