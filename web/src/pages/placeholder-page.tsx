// The one page for every capability not built yet, and the 404. Honest: it says the feature is not
// here, it does not pretend with sample data.
import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';

export function ComingSoon({ title, group }: { title: string; group?: string }) {
  return <Result data-testid="coming-soon" status="info" title={group ? `${group} · ${title}` : title} subTitle="该功能将在后续版本提供" />;
}

export function NotFound() {
  const navigate = useNavigate();
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
