// The shell: left navigation (one place per capability), a header with who is signed in, and the
// page. It owns the session check: GET /auth/me, and a 401 sends the user to /login.
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Button, Layout, Menu, Result, Space, Spin, Tag, Typography, type MenuProps } from 'antd';
import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BookOutlined,
  CloudUploadOutlined,
  CompassOutlined,
  DatabaseOutlined,
  ExperimentOutlined,
  FileTextOutlined,
  GlobalOutlined,
  HomeOutlined,
  LogoutOutlined,
  PhoneOutlined,
  RobotOutlined,
  SettingOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { api, ApiError, errorText } from '../api.ts';
import { isGroup, leafFor, navFor, type NavEntry } from '../nav.ts';
import { useSession } from '../session.tsx';
import { NotificationBell } from './notification-bell.tsx';
import { NoAccess } from '../pages/placeholder-page.tsx';

const ICONS: Record<string, ReactNode> = {
  '/': <HomeOutlined />,
  catalog: <BookOutlined />,
  records: <DatabaseOutlined />,
  '/import': <CloudUploadOutlined />,
  '/models': <ExperimentOutlined />,
  '/clues': <AlertOutlined />,
  '/command': <ApartmentOutlined />,
  '/navigator': <CompassOutlined />,
  '/assistant': <RobotOutlined />,
  '/follow-up': <PhoneOutlined />,
  '/evaluation': <BarChartOutlined />,
  '/notices': <FileTextOutlined />,
  '/social': <GlobalOutlined />,
  '/audit': <AuditOutlined />,
  '/admin': <SettingOutlined />,
};

type MenuItem = Required<MenuProps>['items'][number];

function menuItems(entries: NavEntry[]): MenuItem[] {
  return entries.map((entry) =>
    isGroup(entry)
      ? {
          key: entry.key,
          label: entry.label,
          icon: ICONS[entry.key],
          children: entry.children.map((leaf) => ({ key: leaf.path, label: leaf.label })),
        }
      : { key: entry.path, label: entry.label, icon: ICONS[entry.path] },
  );
}

function groupOf(entries: NavEntry[], pathname: string): string | undefined {
  const leaf = leafFor(pathname, entries);
  for (const entry of entries) {
    if (isGroup(entry) && leaf && entry.children.some((child) => child.path === leaf.path)) return entry.key;
  }
  return undefined;
}

export function AppLayout() {
  const { user, setUser } = useSession();
  const [loadError, setLoadError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const navigate = useNavigate();
  const { pathname } = useLocation();

  useEffect(() => {
    if (user) return;
    const controller = new AbortController();
    setLoadError(null);
    api
      .me(controller.signal)
      .then(({ user: me }) => setUser(me))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        // 401: the api client has already sent the user to the login page.
        if (error instanceof ApiError && error.status === 401) return;
        setLoadError(errorText(error));
      });
    return () => controller.abort();
  }, [user, setUser, attempt]);

  const entries = useMemo(() => (user ? navFor(user) : []), [user]);
  // A path under a menu entry the user may not open (typed, or an old link) shows 无权访问; paths under
  // no entry (the notifications, a 404) are open to every role.
  const leaf = leafFor(pathname);
  // The entry itself must be the user's: its group's first page being theirs (/evaluation) does not open
  // a sibling that needs more (/evaluation/reports).
  const allowed = !leaf || !leaf.built || leafFor(pathname, entries)?.path === leaf.path;
  const [openKeys, setOpenKeys] = useState<string[]>(() => {
    const group = groupOf(entries, pathname);
    return group ? [group] : [];
  });
  useEffect(() => {
    const group = groupOf(entries, pathname);
    if (group) setOpenKeys((keys) => (keys.includes(group) ? keys : [...keys, group]));
  }, [entries, pathname]);

  if (!user) {
    if (loadError) {
      return (
        <Result
          status="error"
          title="无法加载用户信息"
          subTitle={loadError}
          extra={
            <Button type="primary" onClick={() => setAttempt((n) => n + 1)}>
              重试
            </Button>
          }
        />
      );
    }
    return <Spin fullscreen tip="正在加载…" />;
  }

  const logout = async () => {
    try {
      await api.logout();
    } catch {
      // The session may already be gone on the server; signing out here is what the user asked for.
    }
    // One render: the shell unmounts before it could notice the empty session and ask /auth/me again.
    navigate('/login', { replace: true });
    setUser(null);
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsible width={216} data-testid="side-nav">
        <div
          style={{
            height: 56,
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'center',
            color: '#fff',
            fontSize: 18,
            fontWeight: 600,
            letterSpacing: 2,
            whiteSpace: 'nowrap',
            overflow: 'hidden',
          }}
        >
          刻度
        </div>
        <Menu
          theme="dark"
          mode="inline"
          items={menuItems(entries)}
          selectedKeys={[leafFor(pathname, entries)?.path ?? pathname]}
          openKeys={openKeys}
          onOpenChange={setOpenKeys}
          onClick={({ key }) => navigate(key)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 24px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          <Typography.Text strong style={{ fontSize: 16 }}>
            行政执法协调监督平台
          </Typography.Text>
          <Space size="middle" data-testid="header-user">
            <NotificationBell />
            <Space size={4}>
              <UserOutlined />
              <span data-testid="header-display-name">{user.displayName}</span>
            </Space>
            <Tag color="blue" data-testid="header-role" style={{ marginInlineEnd: 0 }}>
              {user.roleLabel}
            </Tag>
            <span data-testid="header-region">
              {user.regionName}
              {user.agencyName ? ` · ${user.agencyName}` : ''}
            </span>
            <Button icon={<LogoutOutlined />} onClick={logout} data-testid="logout-button">
              退出登录
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ margin: 24 }}>{allowed ? <Outlet /> : <NoAccess />}</Layout.Content>
      </Layout>
    </Layout>
  );
}
