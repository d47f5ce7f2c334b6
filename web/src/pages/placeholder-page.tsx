// The 404 of the console, and the page of a path the caller's role may not open (the menu does not
// offer it; a typed or old link still lands somewhere honest).
import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';
import { usePageTitle } from './page-frame.tsx';

export function NoAccess() {
  const navigate = useNavigate();
  usePageTitle('无权访问');
  return (
    <Result
      data-testid="no-access"
      status="403"
      title="无权访问该页面"
      subTitle="您的角色不能使用此功能；如需使用，请联系管理员"
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          返回首页
        </Button>
      }
    />
  );
}

export function NotFound() {
  const navigate = useNavigate();
  usePageTitle('页面不存在');
  return (
    <Result
      data-testid="not-found"
      status="404"
      title="页面不存在"
      subTitle="您访问的页面不存在或已被移除"
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          返回首页
        </Button>
      }
    />
  );
}
