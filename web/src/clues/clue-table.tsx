// The clue list as the list page and the workbench show it: title (a link to the clue), status,
// severity, region, agency, source, deadline with days left or overdue; optional row selection for
// supervisors' bulk actions. Server-side pagination: the caller passes the page and a change handler.
import type { HTMLAttributes, Key } from 'react';
import { Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { ClueSummary } from '../api.ts';
import { formatCount, formatInstant } from '../format.ts';
import { DeadlineCell, SeverityTag, StatusTag } from './clue-tags.tsx';

export interface ClueTableProps {
  testId?: string;
  rows: ClueSummary[];
  total: number;
  page: number;
  pageSize: number;
  loading?: boolean;
  onPage: (page: number, pageSize: number) => void;
  /** Row selection (bulk assign, notices); absent: no checkboxes. */
  selected?: string[];
  onSelect?: (ids: string[], rows: ClueSummary[]) => void;
  /** Hide columns the viewer does not need (an agency sees its own name on every row). */
  hide?: ('agency' | 'region' | 'source')[];
  /** The model names, for the source column. */
  modelNames?: Map<string, string>;
  pageSizes?: number[];
}

export function ClueTable({
  testId = 'clues-table',
  rows,
  total,
  page,
  pageSize,
  loading,
  onPage,
  selected,
  onSelect,
  hide = [],
  modelNames,
  pageSizes = [10, 20, 50, 100],
}: ClueTableProps) {
  const columns = [
    {
      title: '线索',
      key: 'title',
      render: (_: unknown, c: ClueSummary) => (
        <Space orientation="vertical" size={0} style={{ maxWidth: '100%' }}>
          <Link to={`/clues/${encodeURIComponent(c.id)}`} data-testid="clue-link" title={c.title}>
            <Typography.Text ellipsis style={{ maxWidth: '100%', color: 'inherit' }}>
              {c.title}
            </Typography.Text>
          </Link>
          <Space size={4} wrap>
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="clue-number" title={c.id}>
              {c.number ?? c.id}
            </Typography.Text>
            {c.isCase && c.memberCount > 0 && <Tag color="purple">案件 · {c.memberCount + 1}条</Tag>}
            {c.caseId && !c.isCase && <Tag>已并案</Tag>}
            {c.reportCount > 1 && <Tag color="gold">举报{c.reportCount}次</Tag>}
          </Space>
        </Space>
      ),
    },
    {
      title: '状态',
      key: 'status',
      width: 104,
      render: (_: unknown, c: ClueSummary) => <StatusTag status={c.status} label={c.statusLabel} />,
    },
    { title: '严重程度', key: 'severity', width: 80, render: (_: unknown, c: ClueSummary) => <SeverityTag severity={c.severity} /> },
    ...(hide.includes('region') ? [] : [{ title: '区划', dataIndex: 'regionName', width: 90, ellipsis: true }]),
    ...(hide.includes('agency')
      ? []
      : [
          {
            title: '执法主体',
            key: 'agency',
            width: 200,
            ellipsis: true,
            render: (_: unknown, c: ClueSummary) => c.agencyName ?? <Typography.Text type="secondary">—</Typography.Text>,
          },
        ]),
    ...(hide.includes('source')
      ? []
      : [
          {
            title: '来源',
            key: 'source',
            width: 150,
            ellipsis: true,
            render: (_: unknown, c: ClueSummary) =>
              c.modelCode ? <span title={c.modelCode}>{modelNames?.get(c.modelCode) ?? c.modelCode}</span> : c.sourceLabel,
          },
        ]),
    { title: '整改期限', key: 'deadline', width: 190, render: (_: unknown, c: ClueSummary) => <DeadlineCell clue={c} /> },
    { title: '发现时间', key: 'createdAt', width: 130, render: (_: unknown, c: ClueSummary) => formatInstant(c.createdAt) },
  ];

  return (
    <div data-testid={testId} data-total={total} data-page={page} data-count={rows.length}>
      <Table<ClueSummary>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={rows}
        columns={columns}
        tableLayout="fixed"
        // The title takes what the fixed columns leave, at least 280 px.
        scroll={{ x: columns.reduce((s, c) => s + Number((c as { width?: number }).width ?? 280), 0) }}
        rowSelection={
          onSelect
            ? {
                selectedRowKeys: selected ?? [],
                preserveSelectedRowKeys: true,
                onChange: (keys: Key[], selectedRows: ClueSummary[]) => onSelect(keys.map(String), selectedRows),
              }
            : undefined
        }
        onRow={(c) =>
          ({
            'data-testid': 'clue-row',
            'data-id': c.id,
            'data-status': c.status,
            'data-overdue': c.overdue ? 'true' : 'false',
            'data-agency': c.agencyId ?? '',
          }) as HTMLAttributes<HTMLElement>
        }
        pagination={{
          current: page,
          pageSize,
          total,
          pageSizeOptions: pageSizes,
          showSizeChanger: true,
          showTotal: (n) => `共 ${formatCount(n)} 条`,
          onChange: (p, size) => onPage(size !== pageSize ? 1 : p, size),
        }}
      />
    </div>
  );
}
