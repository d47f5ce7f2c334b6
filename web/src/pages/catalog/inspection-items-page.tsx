// 涉企行政检查事项: the published list of enterprise-inspection items with the frequency limit per
// entity and year (GET /catalog/inspection-items; names from /catalog/items, /lines, /regions).
import { useMemo } from 'react';
import { Input, Space, Table, Tag } from 'antd';
import type { InspectionItemEntry } from '../../api.ts';
import { indexBy, useCatalog } from '../../catalog/use-catalog.ts';
import { LineFilter, matchesNameOrCode, namesOf, RowCount, useUrlFilters } from '../../catalog/list-filters.tsx';
import { PageFrame } from '../page-frame.tsx';

export default function InspectionItemsPage() {
  const load = useCatalog('inspection-items');
  const items = useCatalog('items');
  const lines = useCatalog('lines');
  const regions = useCatalog('regions');
  const { params, setParam } = useUrlFilters();
  const line = params.get('line') ?? undefined;
  const query = params.get('q') ?? '';

  const itemIndex = useMemo(() => indexBy(items.data, 'code'), [items.data]);
  const lineNames = useMemo(() => namesOf(lines.data), [lines.data]);
  const regionNames = useMemo(() => namesOf(regions.data), [regions.data]);
  const rows = useMemo(() => {
    const q = query.trim();
    return (load.data ?? []).filter((r) => (!line || r.line_code === line) && matchesNameOrCode(r, q));
  }, [load.data, line, query]);
  const usedLines = useMemo(() => [...new Set((load.data ?? []).map((r) => r.line_code))], [load.data]);

  return (
    <PageFrame
      testId="inspection-items-page"
      title="涉企行政检查事项"
      subtitle="公布的涉企行政检查事项清单及其频次上限：同一经营主体每年接受同一事项检查的次数不超过上限"
      load={load}
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <LineFilter
          codes={usedLines}
          names={lineNames}
          value={line}
          onChange={(v) => setParam('line', v)}
          testId="inspection-items-filter-line"
        />
        <Input.Search
          allowClear
          placeholder="按名称或编码查找"
          defaultValue={query}
          onSearch={(v) => setParam('q', v.trim() || undefined)}
          style={{ width: 260 }}
        />
        <RowCount count={rows.length} testId="inspection-items-count" />
      </Space>
      <Table<InspectionItemEntry>
        data-testid="inspection-items-table"
        rowKey="code"
        size="middle"
        loading={load.state === 'loading'}
        dataSource={rows}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (n) => `共 ${n} 项` }}
        columns={[
          { title: '编码', dataIndex: 'code', width: 130 },
          { title: '检查事项', dataIndex: 'name' },
          {
            title: '所属执法事项',
            dataIndex: 'item_code',
            width: 260,
            render: (code: string) => <span title={code}>{itemIndex.get(code)?.name ?? code}</span>,
          },
          { title: '条线', dataIndex: 'line_code', width: 120, render: (c: string) => lineNames.get(c) ?? c },
          { title: '发布层级', dataIndex: 'region_code', width: 110, render: (c: string) => regionNames.get(c) ?? c },
          {
            title: '每年检查上限',
            dataIndex: 'max_per_year',
            width: 130,
            align: 'right',
            sorter: (a, b) => a.max_per_year - b.max_per_year,
            render: (n: number) => (
              <Tag color={n <= 1 ? 'green' : 'blue'} data-testid="max-per-year" data-value={n} style={{ marginInlineEnd: 0 }}>
                ≤ {n} 次/年
              </Tag>
            ),
          },
        ]}
      />
    </PageFrame>
  );
}
