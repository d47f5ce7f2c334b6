// 导出Excel: a plain link to the list's .xlsx on the server with the list's own filters (the session
// cookie goes with it; the server scopes, masks and names the rows as the list does).
import { Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { exportUrl } from '../api.ts';

export function ExportButton({
  path,
  query,
  testId = 'export-xlsx',
}: {
  path: string;
  query: Record<string, string | number | undefined>;
  testId?: string;
}) {
  return (
    <Button icon={<DownloadOutlined />} href={exportUrl(path, query)} download data-testid={testId}>
      导出Excel
    </Button>
  );
}
