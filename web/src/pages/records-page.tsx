// 执法数据: one page per record kind, server-side paginated (GET /records/:kind?page&pageSize), and
// a drawer with the whole record (GET /records/:kind/:id). The server scopes both to the caller's
// jurisdiction. Page, size and the open record live in the URL (?page=2&pageSize=50&id=…), so a
// record can be linked to and the back button works.
import { useMemo, type HTMLAttributes, type ReactNode } from 'react';
import { Alert, Descriptions, Drawer, Space, Spin, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/index.js';
import { Link, useSearchParams } from 'react-router-dom';
import { api, type RecordKind, type RecordRow } from '../api.ts';
import { formatCount } from '../format.ts';
import { columnLabel, RECORD_KIND_LABELS } from '../labels.ts';
import {
  columnWidth,
  formatValue,
  isMoney,
  RECORD_PAGE_BY_KIND,
  recordKey,
  recordPath,
  refOf,
  type RecordPageSpec,
} from '../records/record-kinds.ts';
import { useNames, type NameOf } from '../records/use-names.ts';
import { useUser } from '../session.tsx';
import { useLoad } from '../use-load.ts';
import { PageFrame } from './page-frame.tsx';
import { CaseGuidePanel } from './navigator/case-guide-panel.tsx';

const PAGE_SIZES = [10, 20, 50, 100];

/** Where a reference leads: the record's own page with its drawer, or the catalog list. */
function refPath(column: string, value: string): string | null {
  const ref = refOf(column);
  if (!ref) return null;
  if ('record' in ref) return recordPath(ref.record, value);
  if (ref.catalog === 'items') return `/catalog/items?q=${encodeURIComponent(value)}`;
  if (ref.catalog === 'inspection-items') return `/catalog/inspection-items?q=${encodeURIComponent(value)}`;
  if (ref.catalog === 'whitelist') return '/catalog/services';
  return null;
}

/** A cell: the name when known (the code as a tooltip), else the formatted value. */
function Cell({ kind, column, value, nameOf, link }: { kind: RecordKind; column: string; value: unknown; nameOf: NameOf; link: boolean }) {
  const text = formatValue(kind, column, value);
  const name = nameOf(column, value);
  const target = link && typeof value === 'string' ? refPath(column, value) : null;
  const shown = name ?? text;
  return <span title={name ? `${name}（${text}）` : text}>{target ? <Link to={target}>{shown}</Link> : shown}</span>;
}

function RecordDrawer({ spec, id, onClose }: { spec: RecordPageSpec; id: string | null; onClose: () => void }) {
  const { kind } = spec;
  const load = useLoad((signal) => (id ? api.record(kind, id, signal) : Promise.resolve(null)), [kind, id]);
  const record = load.state === 'ready' ? load.data?.record : undefined;
  const pairs = useMemo(() => Object.entries(record ?? {}), [record]);
  const nameOf = useNames(pairs);

  const valueNode = (column: string, value: unknown): ReactNode => {
    const text = formatValue(kind, column, value);
    const name = nameOf(column, value);
    const target = typeof value === 'string' && column !== spec.key ? refPath(column, value) : null;
    return (
      <span data-testid={`record-field-${column}`} data-value={value === null || value === undefined ? undefined : String(value)}>
        {name ? (
          <Space size={6} wrap>
            {target ? <Link to={target}>{name}</Link> : <span>{name}</span>}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {text}
            </Typography.Text>
          </Space>
        ) : target ? (
          <Link to={target}>{text}</Link>
        ) : (
          <span style={{ whiteSpace: 'pre-wrap' }}>{text}</span>
        )}
        {kind === 'cases' && column === 'item_code' && typeof value === 'string' && (
          <Link to={`/catalog/baselines?item=${encodeURIComponent(value)}`} style={{ marginLeft: 12, fontSize: 12 }}>
            裁量基准
          </Link>
        )}
      </span>
    );
  };

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={kind === 'cases' ? 880 : 560}
      title={`${RECORD_KIND_LABELS[kind]} · 详情`}
      destroyOnHidden
    >
      <div data-testid="record-drawer" data-id={id ?? undefined} data-state={load.state}>
        {load.state === 'loading' && (
          <div style={{ textAlign: 'center', padding: 48 }}>
            <Spin />
          </div>
        )}
        {load.state === 'error' && (
          <Alert type="error" showIcon title="无法读取该记录" description={load.message} data-testid="record-error" />
        )}
        {record && (
          <Descriptions column={1} size="small" bordered styles={{ label: { width: 150 } }}>
            {pairs.map(([column, value]) => (
              <Descriptions.Item key={column} label={columnLabel(kind, column)}>
                {valueNode(column, value)}
              </Descriptions.Item>
            ))}
          </Descriptions>
        )}
        {record && kind === 'cases' && id && <CaseGuidePanel caseId={id} />}
      </div>
    </Drawer>
  );
}

export default function RecordsPage({ kind }: { kind: RecordKind }) {
  const spec = RECORD_PAGE_BY_KIND.get(kind)!;
  const user = useUser();
  // The server scopes the rows and names the scope (本部门 for agency roles, 本辖区 for the rest).
  const scope = user.scopeLabel;
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = PAGE_SIZES.includes(Number(params.get('pageSize'))) ? Number(params.get('pageSize')) : 20;
  const openId = params.get('id');
  const load = useLoad((signal) => api.records(kind, page, pageSize, signal), [kind, page, pageSize]);
  const rows = useMemo(() => load.data?.rows ?? [], [load.data]);
  const pairs = useMemo(() => rows.flatMap((r) => spec.list.map((c) => [c, r[c]] as const)), [rows, spec.list]);
  const nameOf = useNames(pairs);

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    setParams(next);
  };

  const columns: ColumnsType<RecordRow> = spec.list.map((column) => ({
    key: column,
    dataIndex: column,
    title: columnLabel(kind, column),
    align: isMoney(column) ? 'right' : undefined,
    // One line per row; the cell's title holds the whole text.
    ellipsis: { showTitle: false },
    width: columnWidth(spec, column),
    render: (value: unknown) => <Cell kind={kind} column={column} value={value} nameOf={nameOf} link={false} />,
  }));

  return (
    <PageFrame
      testId="records-page"
      title={RECORD_KIND_LABELS[kind]}
      subtitle={load.data ? `${scope}共 ${formatCount(load.data.total)} 条，点击一行查看详情` : `${scope}数据`}
      load={load}
    >
      <div data-testid="records-table" data-kind={kind} data-total={load.data?.total} data-page={page} data-page-size={pageSize}>
        <Table<RecordRow>
          rowKey={(r) => recordKey(spec, r)}
          size="middle"
          loading={load.state === 'loading'}
          dataSource={rows}
          columns={columns}
          tableLayout="fixed"
          scroll={{ x: columns.reduce((sum, c) => sum + Number(c.width ?? 0), 0) }}
          onRow={(r) =>
            ({
              'data-testid': 'record-row',
              'data-id': recordKey(spec, r),
              onClick: () => update({ id: recordKey(spec, r) }),
              style: { cursor: 'pointer' },
            }) as HTMLAttributes<HTMLElement>
          }
          pagination={{
            current: page,
            pageSize,
            total: load.data?.total ?? 0,
            pageSizeOptions: PAGE_SIZES,
            showSizeChanger: true,
            showQuickJumper: (load.data?.total ?? 0) > pageSize * 10,
            showTotal: (total) => `共 ${formatCount(total)} 条`,
            onChange: (p, size) => update({ page: size !== pageSize ? '1' : String(p), pageSize: String(size) }),
          }}
        />
      </div>
      <RecordDrawer spec={spec} id={openId} onClose={() => update({ id: null })} />
    </PageFrame>
  );
}
