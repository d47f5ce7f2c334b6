// 执法事项: the catalog of enforcement items with their legal basis and statutory fine range
// (GET /catalog/items, /catalog/lines, /catalog/regulations). Filters live in the URL
// (?line=MKT&kind=penalty&q=…), so the lines page can link to one line's items.
import { useMemo } from 'react';
import { Input, Select, Space, Table, Tag, Tooltip } from 'antd';
import { InfoCircleOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { ItemEntry, ItemKind } from '../../api.ts';
import { ArticleLink } from '../../catalog/law-link.tsx';
import { indexBy, useCatalog } from '../../catalog/use-catalog.ts';
import { LineFilter, matchesNameOrCode, namesOf, RowCount, useUrlFilters } from '../../catalog/list-filters.tsx';
import { fineRangeText } from '../../format.ts';
import { ITEM_KIND_LABELS } from '../../labels.ts';
import { PageFrame } from '../page-frame.tsx';

export const ITEM_KIND_COLORS: Record<ItemKind, string> = {
  licence: 'cyan',
  inspection: 'blue',
  penalty: 'orange',
  coercion: 'red',
};

export default function ItemsPage() {
  const items = useCatalog('items');
  const lines = useCatalog('lines');
  const regulations = useCatalog('regulations');
  const { params, setParam } = useUrlFilters();
  const line = params.get('line') ?? undefined;
  const kind = (params.get('kind') as ItemKind | null) ?? undefined;
  const query = params.get('q') ?? '';

  const lineNames = useMemo(() => namesOf(lines.data), [lines.data]);
  const regulationIndex = useMemo(() => indexBy(regulations.data, 'id'), [regulations.data]);
  const rows = useMemo(() => {
    const q = query.trim();
    return (items.data ?? []).filter((i) => (!line || i.line_code === line) && (!kind || i.kind === kind) && matchesNameOrCode(i, q));
  }, [items.data, line, kind, query]);
  const usedLines = useMemo(() => [...new Set((items.data ?? []).map((i) => i.line_code))], [items.data]);

  return (
    <PageFrame
      testId="items-page"
      title="执法事项"
      subtitle="行政许可、行政检查、行政处罚、行政强制事项及其设定依据、罚则与法定罚款幅度"
      state={items.state === 'error' ? 'error' : items.state}
      error={items.state === 'error' ? items.message : undefined}
      onRetry={items.retry}
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <LineFilter codes={usedLines} names={lineNames} value={line} onChange={(v) => setParam('line', v)} testId="items-filter-line" />
        <Select
          allowClear
          placeholder="事项类别"
          style={{ width: 140 }}
          value={kind}
          onChange={(v?: string) => setParam('kind', v)}
          options={(Object.keys(ITEM_KIND_LABELS) as ItemKind[]).map((k) => ({ value: k, label: ITEM_KIND_LABELS[k] }))}
          data-testid="items-filter-kind"
        />
        <Input.Search
          allowClear
          placeholder="按名称或编码查找"
          defaultValue={query}
          onSearch={(v) => setParam('q', v.trim() || undefined)}
          style={{ width: 260 }}
          data-testid="items-search"
        />
        <RowCount count={rows.length} testId="items-count" />
      </Space>
      <Table<ItemEntry>
        data-testid="items-table"
        rowKey="code"
        size="middle"
        loading={items.state === 'loading'}
        dataSource={rows}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (n) => `共 ${n} 项` }}
        scroll={{ x: 1100 }}
        columns={[
          { title: '编码', dataIndex: 'code', width: 110 },
          { title: '事项名称', dataIndex: 'name', width: 280 },
          {
            title: '类别',
            dataIndex: 'kind',
            width: 100,
            render: (k: ItemKind) => <Tag color={ITEM_KIND_COLORS[k]}>{ITEM_KIND_LABELS[k] ?? k}</Tag>,
          },
          { title: '条线', dataIndex: 'line_code', width: 120, render: (c: string) => lineNames.get(c) ?? c },
          {
            title: '设定依据',
            key: 'basis',
            width: 220,
            render: (_: unknown, i) => (
              <ArticleLink
                regulationId={i.basis_regulation_id}
                article={i.basis_article}
                regulations={regulationIndex}
                testId="item-basis-link"
              />
            ),
          },
          {
            title: '罚则',
            key: 'penalty',
            width: 220,
            render: (_: unknown, i) =>
              i.penalty_regulation_id ? (
                <ArticleLink
                  regulationId={i.penalty_regulation_id}
                  article={i.penalty_article}
                  regulations={regulationIndex}
                  testId="item-penalty-link"
                />
              ) : (
                '—'
              ),
          },
          {
            title: '法定罚款幅度',
            key: 'fine',
            width: 190,
            sorter: (a, b) => (a.fine_max ?? -1) - (b.fine_max ?? -1),
            render: (_: unknown, i) => (
              <Space size={4} data-testid="item-fine" data-min={i.fine_min ?? undefined} data-max={i.fine_max ?? undefined}>
                <span>{fineRangeText(i.fine_min, i.fine_max)}</span>
                {i.fine_note && (
                  <Tooltip title={i.fine_note}>
                    <InfoCircleOutlined style={{ color: '#8c8c8c' }} />
                  </Tooltip>
                )}
              </Space>
            ),
          },
          {
            title: '裁量基准',
            key: 'baseline',
            width: 90,
            render: (_: unknown, i) =>
              i.kind === 'penalty' ? <Link to={`/catalog/baselines?item=${encodeURIComponent(i.code)}`}>查看</Link> : '—',
          },
        ]}
      />
    </PageFrame>
  );
}
