// 效能评价 · 态势通报: the situation reports of the caller's jurisdiction (GET /reports), scheduled and on
// demand, each as Word (and PDF where the server has LibreOffice); supervisors and admins generate one
// for a region of their jurisdiction and a period (POST /reports).
import { useState } from 'react';
import { Alert, App, Button, Input, Select, Space, Table, Tag } from 'antd';
import { useUser } from '../../session.tsx';
import { useLoad } from '../../use-load.ts';
import { errorText } from '../../api.ts';
import { formatInstant } from '../../format.ts';
import { PageFrame } from '../page-frame.tsx';
import { recentPeriods, reportsApi, type ReportEntry } from '../../evaluation/evaluation-api.ts';

const TRIGGER_LABELS: Record<ReportEntry['trigger'], string> = { schedule: '定期生成', request: '按需生成', cli: '命令行' };

export default function ReportsPage() {
  const user = useUser();
  const { message } = App.useApp();
  const load = useLoad((signal) => reportsApi.list(signal), []);
  const [region, setRegion] = useState(user.regionCode);
  const [period, setPeriod] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const canGenerate = user.can.generateReports;
  const generate = async () => {
    if (!period) return;
    setBusy(true);
    setError(null);
    try {
      const { report } = await reportsApi.generate({ regionCode: region, period });
      message.success(`已生成 ${report.number}`);
      load.retry();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <PageFrame
      testId="reports-page"
      title="效能评价 · 态势分析通报"
      subtitle="每月、每季度自动生成，也可按需生成；Word 文档为公文格式"
      load={load}
      extra={
        canGenerate && (
          <Space data-testid="report-form">
            <Input data-testid="report-region" style={{ width: 110 }} value={region} onChange={(e) => setRegion(e.target.value.trim())} />
            <Select
              data-testid="report-period"
              style={{ width: 170 }}
              placeholder="统计期间"
              value={period}
              options={recentPeriods(new Date().toISOString().slice(0, 10))}
              onChange={setPeriod}
            />
            <Button type="primary" data-testid="report-generate" loading={busy} disabled={!period} onClick={generate}>
              生成通报
            </Button>
          </Space>
        )
      }
    >
      {error && <Alert type="error" showIcon title={error} data-testid="report-error" style={{ marginBottom: 16 }} />}
      <Table
        data-testid="reports-table"
        data-count={load.data?.rows.length}
        rowKey="id"
        loading={load.state === 'loading'}
        dataSource={load.data?.rows ?? []}
        onRow={(r) => ({ 'data-testid': 'report-row', 'data-id': r.id }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: '文号', dataIndex: 'number', width: 180 },
          { title: '标题', dataIndex: 'title' },
          { title: '期间', dataIndex: 'period', width: 90 },
          { title: '方式', dataIndex: 'trigger', width: 100, render: (t: ReportEntry['trigger']) => <Tag>{TRIGGER_LABELS[t]}</Tag> },
          { title: '生成时间', dataIndex: 'createdAt', width: 170, render: (s: string) => formatInstant(s) },
          {
            title: '下载',
            key: 'download',
            width: 140,
            render: (_: unknown, r) => (
              <Space>
                <a href={r.download} data-testid="report-docx">
                  Word
                </a>
                {load.data?.pdf && (
                  <a href={r.pdf} data-testid="report-pdf">
                    PDF
                  </a>
                )}
              </Space>
            ),
          },
        ]}
      />
    </PageFrame>
  );
}
