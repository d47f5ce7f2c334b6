// 问题线索: the clues of the caller's scope (GET /clues; the server scopes them: a supervisor's
// jurisdiction, an agency's own assigned clues), filtered by model, region, agency, severity, status,
// source and overdue, overdue first. Filters and page live in the URL, so the model library and the
// workbench link to a filtered list. Supervisors select clues to assign them in bulk, issue a notice
// from them or merge them into one case.
import { useMemo, useState } from 'react';
import { Alert, App, Button, Checkbox, Input, Select, Space, Typography } from 'antd';
import { ApartmentOutlined, FileTextOutlined, ReloadOutlined, SendOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router-dom';
import { api, CLUE_SOURCES, type ClueFilters, type ClueSummary, type Severity } from '../../api.ts';
import { useCatalog } from '../../catalog/use-catalog.ts';
import { BulkAssignModal, NoticeModal, agencyOptions, useMerge } from '../../clues/bulk-actions.tsx';
import { regionContains, SEVERITY_LABELS, SOURCE_LABELS, STATUS_LABELS, STATUS_ORDER } from '../../clues/clue-rules.ts';
import { ClueTable } from '../../clues/clue-table.tsx';
import { useAgencies, useModelList } from '../../clues/lookups.ts';
import { useUser } from '../../session.tsx';
import { useLoad } from '../../use-load.ts';
import { PageFrame } from '../page-frame.tsx';
import { DateRangeFilter } from '../../lists/date-range.tsx';
import { ExportButton } from '../../lists/export-button.tsx';

const PAGE_SIZES = [10, 20, 50, 100];
const FILTER_KEYS = [
  'status',
  'severity',
  'source',
  'procedure',
  'modelCode',
  'regionCode',
  'agencyId',
  'overdue',
  'escalated',
  'q',
  'from',
  'to',
  'sort',
  'order',
] as const;
/** The orders a list offers (the server's CLUE_SORTS); the default puts overdue clues first. */
const SORTS: { value: string; label: string }[] = [
  { value: '', label: '逾期优先（默认）' },
  { value: 'created_at:desc', label: '发现时间：新→旧' },
  { value: 'created_at:asc', label: '发现时间：旧→新' },
  { value: 'deadline:asc', label: '整改期限：近→远' },
  { value: 'severity:asc', label: '严重程度：高→低' },
  { value: 'number:asc', label: '线索编号' },
  { value: 'updated_at:desc', label: '最近办理' },
];

export default function CluesPage() {
  const user = useUser();
  const { message } = App.useApp();
  const manage = user.can.manageClues;
  const agencyRole = user.agencyBound;
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = PAGE_SIZES.includes(Number(params.get('pageSize'))) ? Number(params.get('pageSize')) : 20;
  const filters: ClueFilters = useMemo(() => {
    const f: Record<string, string> = {};
    for (const k of FILTER_KEYS) {
      const v = params.get(k);
      if (v) f[k] = v;
    }
    return f as ClueFilters;
  }, [params]);
  const filterKey = JSON.stringify(filters);
  const load = useLoad((signal) => api.clues({ ...filters, page, pageSize }, signal), [filterKey, page, pageSize]);
  const models = useModelList();
  const agencies = useAgencies(!agencyRole);
  const regions = useCatalog('regions');
  const [selected, setSelected] = useState<ClueSummary[]>([]);
  const [assignOpen, setAssignOpen] = useState(false);
  // The clues a notice is drawn from, fixed when the dialog opens (the selection is cleared once it is issued).
  const [noticeFor, setNoticeFor] = useState<ClueSummary[] | null>(null);
  const merge = useMerge(() => {
    setSelected([]);
    load.retry();
  });

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: !('page' in changes) });
  };

  const modelNames = useMemo(() => new Map((models.data ?? []).map((m) => [m.code, m.name])), [models.data]);
  const regionOptions = useMemo(
    () =>
      (regions.data ?? [])
        .filter((r) => (r.level === 'city' || r.level === 'county') && regionContains(user.regionCode, r.code))
        .sort((a, b) => a.code.localeCompare(b.code))
        .map((r) => ({ value: r.code, label: r.level === 'city' ? r.name : `\u3000${r.name}` })),
    [regions.data, user.regionCode],
  );
  const statuses = (filters.status ?? '').split(',').filter(Boolean);
  const active = FILTER_KEYS.some((k) => params.get(k));

  return (
    <PageFrame
      testId="clues-page"
      title="问题线索"
      subtitle={
        load.data
          ? `${agencyRole ? (user.agencyName ?? '本部门') + '承办的' : user.regionName + '的'}线索共 ${load.data.total} 条${active ? '（已筛选）' : ''}，逾期的排在最前`
          : '发现 → 交办 → 整改 → 销号'
      }
      load={load}
      extra={
        <Space>
          <ExportButton path="/clues.xlsx" query={filters as Record<string, string>} />
          <Button icon={<ReloadOutlined />} onClick={load.retry}>
            刷新
          </Button>
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }} data-testid="clues-filters">
        <Select
          mode="multiple"
          allowClear
          placeholder="状态"
          style={{ minWidth: 180 }}
          maxTagCount="responsive"
          value={statuses}
          onChange={(v: string[]) => update({ status: v.join(',') || undefined })}
          options={STATUS_ORDER.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
          data-testid="clues-filter-status"
        />
        <Select
          allowClear
          placeholder="严重程度"
          style={{ width: 110 }}
          value={filters.severity}
          onChange={(v?: string) => update({ severity: v })}
          options={(['high', 'medium', 'low'] as Severity[]).map((s) => ({ value: s, label: SEVERITY_LABELS[s] }))}
          data-testid="clues-filter-severity"
        />
        <Select
          allowClear
          placeholder="来源"
          style={{ width: 130 }}
          value={filters.source}
          onChange={(v?: string) => update({ source: v })}
          options={CLUE_SOURCES.map((s) => ({ value: s, label: SOURCE_LABELS[s] }))}
          data-testid="clues-filter-source"
        />
        <Select
          allowClear
          placeholder="办理程序"
          style={{ width: 110 }}
          value={filters.procedure}
          onChange={(v?: string) => update({ procedure: v })}
          options={[
            { value: 'general', label: '一般程序' },
            { value: 'simple', label: '简易程序' },
          ]}
          data-testid="clues-filter-procedure"
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="监督模型"
          style={{ width: 220 }}
          value={filters.modelCode}
          loading={models.state === 'loading'}
          onChange={(v?: string) => update({ modelCode: v })}
          options={(models.data ?? []).map((m) => ({ value: m.code, label: m.name }))}
          data-testid="clues-filter-model"
        />
        {!agencyRole && (
          <>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="区划"
              style={{ width: 140 }}
              value={filters.regionCode}
              onChange={(v?: string) => update({ regionCode: v })}
              options={regionOptions}
              data-testid="clues-filter-region"
            />
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="执法主体"
              style={{ width: 240 }}
              value={filters.agencyId}
              loading={agencies.state === 'loading'}
              onChange={(v?: string) => update({ agencyId: v })}
              options={agencyOptions(agencies.data)}
              data-testid="clues-filter-agency"
            />
          </>
        )}
        <Select
          allowClear
          placeholder="是否逾期"
          style={{ width: 110 }}
          value={filters.overdue}
          onChange={(v?: string) => update({ overdue: v })}
          options={[
            { value: 'true', label: '已逾期' },
            { value: 'false', label: '未逾期' },
          ]}
          data-testid="clues-filter-overdue"
        />
        {manage && (
          <Checkbox
            checked={filters.escalated === 'true'}
            onChange={(e) => update({ escalated: e.target.checked ? 'true' : undefined })}
            data-testid="clues-filter-escalated"
          >
            升级至本级督办
          </Checkbox>
        )}
        <Input.Search
          allowClear
          placeholder="标题、说明或编号"
          defaultValue={filters.q}
          key={filters.q ?? ''}
          onSearch={(v) => update({ q: v.trim() || undefined })}
          style={{ width: 220 }}
          data-testid="clues-search"
        />
        <DateRangeFilter
          testId="clues-filter-range"
          from={filters.from}
          to={filters.to}
          placeholder={['发现日期起', '止']}
          onChange={(from, to) => update({ from, to })}
        />
        <Select
          style={{ width: 170 }}
          value={filters.sort ? `${filters.sort}:${filters.order ?? 'asc'}` : ''}
          onChange={(v: string) => {
            const [sort, order] = v.split(':');
            update({ sort: sort || undefined, order: order || undefined });
          }}
          options={SORTS}
          data-testid="clues-sort"
        />
        {active && (
          <Button type="link" onClick={() => setParams(new URLSearchParams(), { replace: true })} data-testid="clues-filter-reset">
            清除筛选
          </Button>
        )}
      </Space>

      {manage && (
        <Space wrap style={{ marginBottom: 12 }} data-testid="clues-bulk-bar" data-selected={selected.length}>
          <Typography.Text type="secondary">已选 {selected.length} 条</Typography.Text>
          <Button
            type="primary"
            icon={<SendOutlined />}
            disabled={selected.length === 0}
            onClick={() => setAssignOpen(true)}
            data-testid="bulk-assign-button"
          >
            批量交办
          </Button>
          <Button
            icon={<FileTextOutlined />}
            disabled={selected.length === 0}
            onClick={() => setNoticeFor(selected)}
            data-testid="notice-create-button"
          >
            制发文书
          </Button>
          <Button icon={<ApartmentOutlined />} disabled={selected.length < 2} onClick={() => merge(selected)} data-testid="merge-button">
            并案
          </Button>
          {selected.length > 0 && (
            <Button type="link" onClick={() => setSelected([])}>
              取消选择
            </Button>
          )}
        </Space>
      )}
      {agencyRole && !user.can.rectifyClues && (
        <Alert
          type="info"
          showIcon
          title="执法人员可查看本部门承办的线索；签收、提交整改由执法部门账号办理。"
          style={{ marginBottom: 12 }}
        />
      )}

      <ClueTable
        rows={load.data?.rows ?? []}
        total={load.data?.total ?? 0}
        page={page}
        pageSize={pageSize}
        loading={load.state === 'loading'}
        onPage={(p, size) => update({ page: String(p), pageSize: String(size) })}
        selected={manage ? selected.map((c) => c.id) : undefined}
        onSelect={manage ? (_ids, rows) => setSelected(rows) : undefined}
        hide={agencyRole ? ['agency'] : []}
        modelNames={modelNames}
        pageSizes={PAGE_SIZES}
      />

      <BulkAssignModal
        open={assignOpen}
        clueIds={selected.map((c) => c.id)}
        onClose={() => setAssignOpen(false)}
        onDone={(r) => {
          if (r.assigned > 0) message.success(`已交办 ${r.assigned} 条线索`);
          setSelected([]);
          load.retry();
        }}
      />
      <NoticeModal
        open={noticeFor !== null}
        clues={noticeFor ?? []}
        onClose={() => setNoticeFor(null)}
        onDone={() => {
          setSelected([]);
          load.retry();
        }}
      />
    </PageFrame>
  );
}
