// 执法数据: one page per record kind, server-side paginated (GET /records/:kind?page&pageSize), and
// a drawer with the whole record (GET /records/:kind/:id). The server scopes both to the caller's
// jurisdiction. Page, size and the open record live in the URL (?page=2&pageSize=50&id=…), so a
// record can be linked to and the back button works.
import { useMemo, type HTMLAttributes, type ReactNode } from 'react';
import { Alert, Button, Descriptions, Drawer, Input, Select, Space, Spin, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/index.js';
import { Link } from 'react-router-dom';
import { api, type RecordKind, type RecordRow } from '../api.ts';
import { formatCount } from '../format.ts';
import { columnLabel, RECORD_KIND_LABELS, valueLabels } from '../labels.ts';
import { LIST_SPECS as RECORD_LISTS, NAME_OF } from '../records/kinds.generated.ts';
import { useCatalog } from '../catalog/use-catalog.ts';
import { agencyOptions } from '../clues/bulk-actions.tsx';
import { useAgencies } from '../clues/lookups.ts';
import { DateRangeFilter } from '../lists/date-range.tsx';
import { ExportButton } from '../lists/export-button.tsx';
import { PAGE_SIZES, useListParams } from '../lists/use-list-params.ts';
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

/** A cell: the name when known (the server's, beside the code in the row, or the catalog's), the code as a tooltip; else the formatted value. */
function Cell({
  kind,
  column,
  value,
  row,
  nameOf,
  link,
}: {
  kind: RecordKind;
  column: string;
  value: unknown;
  row?: RecordRow;
  nameOf: NameOf;
  link: boolean;
}) {
  const text = formatValue(kind, column, value);
  const served = NAME_OF[column] && column !== RECORD_LISTS[kind].key ? row?.[NAME_OF[column]] : undefined;
  const name = (typeof served === 'string' && served) || nameOf(column, value);
  const target = link && typeof value === 'string' ? refPath(column, value) : null;
  const shown = name ?? text;
  return <span title={name ? `${name}（${text}）` : text}>{target ? <Link to={target}>{shown}</Link> : shown}</span>;
}

const SERVED_NAMES = new Set(Object.values(NAME_OF));

function RecordDrawer({ spec, id, onClose }: { spec: RecordPageSpec; id: string | null; onClose: () => void }) {
  const { kind } = spec;
  const load = useLoad((signal) => (id ? api.record(kind, id, signal) : Promise.resolve(null)), [kind, id]);
  const record = load.state === 'ready' ? load.data?.record : undefined;
  // The names the server sent beside the codes are shown with their codes, not as rows of their own.
  const pairs = useMemo(() => Object.entries(record ?? {}).filter(([column]) => !SERVED_NAMES.has(column)), [record]);
  const nameOf = useNames(useMemo(() => pairs.filter(([column]) => !(NAME_OF[column] && record?.[NAME_OF[column]])), [pairs, record]));

  const valueNode = (column: string, value: unknown): ReactNode => {
    const text = formatValue(kind, column, value);
    const served = NAME_OF[column] && column !== spec.key ? record?.[NAME_OF[column]] : undefined;
    const name = (typeof served === 'string' && served) || nameOf(column, value);
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

/** The filters of a list in the URL: the shared ones and the coded columns of the kind. */
const SHARED_KEYS = ['q', 'from', 'to', 'regionCode', 'agencyId', 'sort', 'order'] as const;
const BOOLEAN_CODES = new Set(['via_code', 'approved', 'says_inspection']);

export default function RecordsPage({ kind }: { kind: RecordKind }) {
  const spec = RECORD_PAGE_BY_KIND.get(kind)!;
  const listSpec = RECORD_LISTS[kind];
  const user = useUser();
  // The server scopes the rows and names the scope (本部门 for agency roles, 本辖区 for the rest).
  const scope = user.scopeLabel;
  // An agency's people read their own agency's records only: no agency filter to offer them.
  const agencyRole = !!user.agencyId;
  const keys = useMemo(() => [...SHARED_KEYS, ...listSpec.codes, 'id'] as string[], [listSpec]);
  const list = useListParams(keys);
  const f = list.values;
  const { id: openId, ...filters } = f;
  const filterKey = JSON.stringify(filters);
  const load = useLoad(
    (signal) => api.recordList(kind, { ...filters, page: list.page, pageSize: list.pageSize }, signal),
    [kind, filterKey, list.page, list.pageSize],
  );
  const rows = useMemo(() => load.data?.rows ?? [], [load.data]);
  // Codes whose name the server sent with the row need no lookup (and one outside the jurisdiction could not be looked up).
  const pairs = useMemo(
    () => rows.flatMap((r) => spec.list.filter((c) => !(NAME_OF[c] && r[NAME_OF[c]])).map((c) => [c, r[c]] as const)),
    [rows, spec.list],
  );
  const nameOf = useNames(pairs);
  const regions = useCatalog('regions');
  const lines = useCatalog('lines');
  const agencies = useAgencies(!agencyRole && kind !== 'agencies');
  const regionOptions = useMemo(
    () =>
      (regions.data ?? [])
        .filter((r) => (r.level === 'city' || r.level === 'county') && r.code.startsWith(regionPrefixOf(user.regionCode)))
        .sort((a, b) => a.code.localeCompare(b.code))
        .map((r) => ({ value: r.code, label: r.level === 'city' ? r.name : `\u3000${r.name}` })),
    [regions.data, user.regionCode],
  );
  const codeOptions = (column: string): { value: string; label: string }[] => {
    if (BOOLEAN_CODES.has(column))
      return [
        { value: 'true', label: '是' },
        { value: 'false', label: '否' },
      ];
    if (column === 'line_code') return (lines.data ?? []).map((l) => ({ value: l.code, label: l.name }));
    return Object.entries(valueLabels(kind, column)).map(([value, label]) => ({ value, label }));
  };
  const filterable = listSpec.codes.filter((c) => codeOptions(c).length > 0);
  const active = Object.keys(filters).some((k) => k !== 'sort' && k !== 'order');

  const columns: ColumnsType<RecordRow> = spec.list.map((column) => ({
    key: column,
    dataIndex: column,
    title: columnLabel(kind, column),
    align: isMoney(column) ? 'right' : undefined,
    // One line per row; the cell's title holds the whole text.
    ellipsis: { showTitle: false },
    width: columnWidth(spec, column),
    sorter: true,
    sortOrder: f.sort === column ? (f.order === 'desc' ? 'descend' : 'ascend') : null,
    render: (value: unknown, row: RecordRow) => <Cell kind={kind} column={column} value={value} row={row} nameOf={nameOf} link={false} />,
  }));

  return (
    <PageFrame
      testId="records-page"
      title={RECORD_KIND_LABELS[kind]}
      subtitle={load.data ? `${scope}${active ? '符合条件的' : ''}共 ${formatCount(load.data.total)} 条，点击一行查看详情` : `${scope}数据`}
      load={load}
      extra={<ExportButton path={`/records/${kind}.xlsx`} query={filters} />}
    >
      <Space wrap style={{ marginBottom: 12 }} data-testid="records-filters">
        <Input.Search
          key={`${kind}|${f.q ?? ''}`}
          allowClear
          placeholder={searchPlaceholder(kind)}
          defaultValue={f.q}
          onSearch={(v) => list.set({ q: v.trim() || undefined })}
          style={{ width: 240 }}
          data-testid="records-search"
        />
        {listSpec.date && (
          <DateRangeFilter
            testId="records-filter-range"
            from={f.from}
            to={f.to}
            onChange={(from, to) => list.set({ from, to })}
            placeholder={[`${columnLabel(kind, listSpec.date)}起`, '止']}
          />
        )}
        {filterable.map((column) => (
          <Select
            key={column}
            allowClear
            placeholder={columnLabel(kind, column)}
            style={{ minWidth: 130 }}
            value={f[column]}
            onChange={(v?: string) => list.set({ [column]: v })}
            options={codeOptions(column)}
            data-testid={`records-filter-${column}`}
          />
        ))}
        {!agencyRole && regionOptions.length > 1 && (
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="区划"
            style={{ width: 160 }}
            value={f.regionCode}
            onChange={(v?: string) => list.set({ regionCode: v })}
            options={regionOptions}
            data-testid="records-filter-region"
          />
        )}
        {!agencyRole && kind !== 'agencies' && listSpec.names.includes('agency_name') && (
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="执法主体"
            style={{ width: 240 }}
            value={f.agencyId}
            onChange={(v?: string) => list.set({ agencyId: v })}
            options={agencyOptions(agencies.data)}
            loading={agencies.state === 'loading'}
            data-testid="records-filter-agency"
          />
        )}
        {active && (
          <Button
            onClick={() => list.set(Object.fromEntries(keys.filter((k) => k !== 'sort' && k !== 'order').map((k) => [k, undefined])))}
            data-testid="records-filter-reset"
          >
            清除筛选
          </Button>
        )}
      </Space>
      <div data-testid="records-table" data-kind={kind} data-total={load.data?.total} data-page={list.page} data-page-size={list.pageSize}>
        <Table<RecordRow>
          rowKey={(r) => recordKey(spec, r)}
          size="middle"
          loading={load.state === 'loading'}
          dataSource={rows}
          columns={columns}
          tableLayout="fixed"
          scroll={{ x: columns.reduce((sum, c) => sum + Number(c.width ?? 0), 0) }}
          onChange={(_p, _f, sorter, extra) => {
            if (extra.action !== 'sort') return;
            const s = Array.isArray(sorter) ? sorter[0] : sorter;
            list.set({
              sort: s?.order ? String(s.columnKey) : undefined,
              order: s?.order === 'descend' ? 'desc' : s?.order ? 'asc' : undefined,
            });
          }}
          onRow={(r) =>
            ({
              'data-testid': 'record-row',
              'data-id': recordKey(spec, r),
              onClick: () => list.set({ id: recordKey(spec, r), page: String(list.page) }),
              style: { cursor: 'pointer' },
            }) as HTMLAttributes<HTMLElement>
          }
          pagination={{
            current: list.page,
            pageSize: list.pageSize,
            total: load.data?.total ?? 0,
            pageSizeOptions: PAGE_SIZES,
            showSizeChanger: true,
            showQuickJumper: (load.data?.total ?? 0) > list.pageSize * 10,
            showTotal: (total) => `共 ${formatCount(total)} 条`,
            onChange: (p, size) => list.set({ page: size !== list.pageSize ? '1' : String(p), pageSize: String(size), id: openId }),
          }}
        />
      </div>
      <RecordDrawer spec={spec} id={openId ?? null} onClose={() => list.set({ id: undefined, page: String(list.page) })} />
    </PageFrame>
  );
}

function searchPlaceholder(kind: RecordKind): string {
  const words: Partial<Record<RecordKind, string>> = {
    agencies: '主体名称或编码',
    officers: '姓名或人员编号',
    entities: '企业名称、信用代码或住所',
    hotline_tickets: '诉求内容或类别',
    delegations: '服务名称或受托机构',
    cases: '当事人、编号或违法事实',
  };
  return words[kind] ?? '编号或经营主体名称';
}

const regionPrefixOf = (code: string): string => (code.endsWith('0000') ? code.slice(0, 2) : code.endsWith('00') ? code.slice(0, 4) : code);
