// 条线: the enforcement domains, each with how many items and inspection items the catalog holds
// for it (GET /catalog/lines, /catalog/items, /catalog/inspection-items).
import { useMemo, useState } from 'react';
import { Input, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { LineEntry } from '../../api.ts';
import { useCatalog } from '../../catalog/use-catalog.ts';
import { PageFrame } from '../page-frame.tsx';

interface LineRow extends LineEntry {
  items: number;
  inspectionItems: number;
}

export default function LinesPage() {
  const lines = useCatalog('lines');
  const items = useCatalog('items');
  const inspectionItems = useCatalog('inspection-items');
  const [query, setQuery] = useState('');

  const rows = useMemo<LineRow[]>(() => {
    const count = (list: { line_code: string | null }[] | undefined) => {
      const m = new Map<string, number>();
      for (const x of list ?? []) if (x.line_code) m.set(x.line_code, (m.get(x.line_code) ?? 0) + 1);
      return m;
    };
    const itemCounts = count(items.data);
    const inspectionCounts = count(inspectionItems.data);
    const q = query.trim();
    return (lines.data ?? [])
      .filter((l) => !q || l.name.includes(q) || l.code.toLowerCase().includes(q.toLowerCase()))
      .map((l) => ({ ...l, items: itemCounts.get(l.code) ?? 0, inspectionItems: inspectionCounts.get(l.code) ?? 0 }));
  }, [lines.data, items.data, inspectionItems.data, query]);

  const failed = [lines, items, inspectionItems].find((l) => l.state === 'error');
  const state = failed
    ? 'error'
    : lines.state === 'ready' && items.state === 'ready' && inspectionItems.state === 'ready'
      ? 'ready'
      : 'loading';

  return (
    <PageFrame
      testId="lines-page"
      title="条线"
      subtitle={`执法条线 ${lines.data?.length ?? '…'} 个（“大综合一体化”执法领域）`}
      state={state}
      error={failed?.state === 'error' ? failed.message : undefined}
      onRetry={() => [lines, items, inspectionItems].forEach((l) => l.retry())}
      extra={<Input.Search allowClear placeholder="按名称或代码查找" onChange={(e) => setQuery(e.target.value)} style={{ width: 240 }} />}
    >
      <Table<LineRow>
        data-testid="lines-table"
        rowKey="code"
        size="middle"
        loading={lines.state === 'loading'}
        dataSource={rows}
        pagination={false}
        columns={[
          { title: '代码', dataIndex: 'code', width: 100, render: (code: string) => <span className="kd-code">{code}</span> },
          { title: '条线名称', dataIndex: 'name' },
          {
            title: '执法事项',
            dataIndex: 'items',
            width: 140,
            align: 'right',
            sorter: (a, b) => a.items - b.items,
            render: (n: number, r) =>
              n ? <Link to={`/catalog/items?line=${r.code}`}>{n}</Link> : <Typography.Text type="secondary">0</Typography.Text>,
          },
          {
            title: '涉企检查事项',
            dataIndex: 'inspectionItems',
            width: 140,
            align: 'right',
            sorter: (a, b) => a.inspectionItems - b.inspectionItems,
            render: (n: number, r) =>
              n ? <Link to={`/catalog/inspection-items?line=${r.code}`}>{n}</Link> : <Typography.Text type="secondary">0</Typography.Text>,
          },
        ]}
      />
    </PageFrame>
  );
}
