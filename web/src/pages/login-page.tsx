// POST /auth/login {username, password} → 200 {user} + HttpOnly session cookie; 401 → {error}.
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api, errorText, safeNext } from '../api.ts';
import { useSession } from '../session.tsx';
import { usePageTitle } from './page-frame.tsx';

interface LoginForm {
  username: string;
  password: string;
}

export function LoginPage() {
  usePageTitle('登录');
  const { user, setUser } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (user) navigate(next, { replace: true });
  }, [user, next, navigate]);

  const submit = async ({ username, password }: LoginForm) => {
    setSubmitting(true);
    setError(null);
    try {
      const { user: signedIn } = await api.login(username.trim(), password);
      setUser(signedIn);
      navigate(next, { replace: true });
    } catch (failure) {
      setError(errorText(failure));
      setSubmitting(false);
    }
  };

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: 'linear-gradient(160deg, #e6f4ff 0%, #f5f5f5 60%)',
        padding: 16,
      }}
    >
      <Card style={{ width: 400, maxWidth: '100%' }} data-testid="login-card">
        <div style={{ textAlign: 'center', marginBottom: 24 }}>
          <Typography.Title level={2} style={{ marginBottom: 4, letterSpacing: 4 }}>
            刻度
          </Typography.Title>
          <Typography.Text type="secondary">行政执法协调监督平台</Typography.Text>
        </div>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
        <Form<LoginForm> layout="vertical" onFinish={submit} requiredMark={false} disabled={submitting} autoComplete="on">
          <Form.Item name="username" label="用户名" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
            <Input prefix={<UserOutlined />} placeholder="用户名" autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} placeholder="密码" autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Form.Item style={{ marginBottom: 0 }}>
            <Button type="primary" htmlType="submit" block loading={submitting} data-testid="login-submit">
              登录
            </Button>
          </Form.Item>
        </Form>
        <div style={{ textAlign: 'center', marginTop: 16 }}>
          <Link to="/portal" data-testid="login-portal-link">
            公众监督举报
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 8 }}>
            无需账号，凭查询码查进度
          </Typography.Text>
        </div>
      </Card>
    </div>
  );
}
