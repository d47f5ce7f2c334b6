// The frame of every list and detail page: a title, the page's load state in data-state (loading |
// ready | error, as on the dashboard), and the load error with a retry.
import { useEffect, type ReactNode } from 'react';
import { Alert, Button, Space, Typography } from 'antd';

/** The browser tab's title: the page's, then the product's. */
export function usePageTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · 刻度` : '刻度 · 行政执法协调监督平台';
  }, [title]);
}

type LoadState = 'loading' | 'ready' | 'error';

/** A page's load (web/src/use-load.ts): its state, the error message and the retry. */
interface PageLoad {
  state: LoadState;
  message?: string;
  retry?: () => void;
}

export type PageFrameProps = {
  testId: string;
  title: ReactNode;
  /** The tab's title when `title` is not plain text (a clue's title with its tags). */
  documentTitle?: string;
  subtitle?: ReactNode;
  extra?: ReactNode;
  children: ReactNode;
} & ({ load: PageLoad } | { state: LoadState; error?: string; onRetry?: () => void });

export function PageFrame(props: PageFrameProps) {
  const { testId, title, documentTitle, subtitle, extra, children } = props;
  usePageTitle(documentTitle ?? (typeof title === 'string' ? title : undefined));
  const { state, error, onRetry } =
    'load' in props ? { state: props.load.state, error: props.load.message, onRetry: props.load.retry } : props;
  return (
    <div data-testid={testId} data-state={state}>
      <Space align="start" style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          {subtitle && (
            <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
              {subtitle}
            </Typography.Text>
          )}
        </div>
        {extra}
      </Space>
      {state === 'error' && (
        <Alert
          type="error"
          showIcon
          title="数据加载失败"
          description={error}
          style={{ marginBottom: 16 }}
          data-testid="page-error"
          action={
            onRetry && (
              <Button size="small" onClick={onRetry}>
                重试
              </Button>
            )
          }
        />
      )}
      {children}
    </div>
  );
}
