// 检查任务 (/inspections/tasks): the tasks of the caller's scope with their 行政行为码 (GET
// /inspection-tasks — the server scopes them), filtered by agency, status and the planned day. The same
// table lists a plan's drawn tasks on its page.
import { useState } from 'react';
import { Button, Select, Space, Table, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { api, type InspectionTaskRow, type TaskStatus } from '../../api.ts';
import { AgencyFilter } from '../../lists/agency-filter.tsx';
import { DateRangeFilter } from '../../lists/date-range.tsx';
import { useListParams } from '../../lists/use-list-params.ts';
import { useUser } from '../../session.tsx';
import { useLoad } from '../../use-load.ts';
import { PageFrame } from '../page-frame.tsx';
import { NewTaskModal } from './task-form.tsx';

export const TASK_STATUS: Record<TaskStatus, [string, string]> = {
  open: ['有效', 'green'],
  merged: ['已合并', 'purple'],
  revoked: ['已撤销', 'red'],
};
const ORIGIN: Record<string, string> = { plan: '计划', complaint: '投诉举报', adhoc: '临时', joint: '联合检查' };

interface TaskFilters {
  planId?: string;
  agencyId?: string;
  status?: string;
  from?: string;
  to?: string;
}

/** A page of tasks under the given filters, its own paging (a plan's page, or the list page's). */
export function TaskTable({
  page: listPage,
  pageSize: listPageSize,
  onPage: listOnPage,
  ...filters
}: TaskFilters & { page?: number; pageSize?: number; onPage?: (page: number, pageSize: number) => void }) {
  // Paged by the list page's URL when it hands its paging over, else by the table itself.
  const [own, setOwn] = useState({ page: 1, pageSize: 20 });
  const page = listPage ?? own.page;
  const pageSize = listPageSize ?? own.pageSize;
  const onPage = listOnPage ?? ((p: number, s: number) => setOwn({ page: p, pageSize: s }));
  const load = useLoad(
    (signal) => api.inspections.tasks({ ...filters, page, pageSize }, signal),
    [JSON.stringify(filters), page, pageSize],
  );
  return (
    <div data-testid="tasks-table" data-state={load.state} data-total={load.data?.total ?? 0}>
      <Table<InspectionTaskRow>
        rowKey="id"
        size="small"
        loading={load.state === 'loading'}
        dataSource={load.data?.rows ?? []}
        onRow={(r) => ({ 'data-testid': 'task-row', 'data-id': r.id, 'data-code': r.code }) as object}
        pagination={{ current: page, pageSize, total: load.data?.total ?? 0, onChange: onPage, hideOnSinglePage: true }}
        columns={[
          {
            title: '行政行为码',
            dataIndex: 'displayCode',
            width: 190,
            render: (v: string, r) => (
              <Link to={`/inspections/tasks/${encodeURIComponent(r.id)}`} data-testid="task-link">
                <Typography.Text code>{v}</Typography.Text>
              </Link>
            ),
          },
          { title: '检查对象', dataIndex: 'entity_name', render: (v: unknown, r) => String(v ?? r.entity_uscc) },
          { title: '执法部门', dataIndex: 'agency_name', width: 220 },
          { title: '检查事项', dataIndex: 'item_name', render: (v: unknown) => (v ? String(v) : '—') },
          {
            title: '执法人员',
            dataIndex: 'officer_ids',
            width: 130,
            render: (v: unknown) => <span className="kd-code">{String(v)}</span>,
          },
          { title: '来源', dataIndex: 'origin', width: 80, render: (v: string) => ORIGIN[v] ?? v },
          {
            title: '有效期',
            key: 'window',
            width: 200,
            render: (_, r) => `${String(r.valid_from)} 至 ${String(r.valid_to)}`,
          },
          {
            title: '状态',
            dataIndex: 'status',
            width: 80,
            render: (v: TaskStatus) => <Tag color={TASK_STATUS[v]?.[1]}>{TASK_STATUS[v]?.[0] ?? v}</Tag>,
          },
        ]}
      />
    </div>
  );
}

const KEYS = ['agencyId', 'status', 'from', 'to'] as const;

export default function TasksPage() {
  const user = useUser();
  const list = useListParams(KEYS);
  const v = list.values;
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  // An agency's own staff code their ad-hoc inspections; the server's policy decides (a refusal shows in the form).
  const mayCreate = !!user.agencyId && user.can.workInspections;
  return (
    <PageFrame
      testId="inspection-tasks-page"
      title="检查任务"
      subtitle={`${user.scopeLabel}的检查任务及其行政行为码：入企检查前赋码，扫码可核验`}
      state="ready"
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <AgencyFilter value={v.agencyId} onChange={(v) => list.set({ agencyId: v })} testId="tasks-filter-agency" />
        <Select
          allowClear
          placeholder="状态"
          style={{ width: 120 }}
          value={v.status}
          onChange={(x?: string) => list.set({ status: x })}
          options={Object.entries(TASK_STATUS).map(([value, [label]]) => ({ value, label }))}
          data-testid="tasks-filter-status"
        />
        <DateRangeFilter
          testId="tasks-filter-window"
          from={v.from}
          to={v.to}
          placeholder={['计划日期起', '计划日期止']}
          onChange={(from, to) => list.set({ from, to })}
        />
        {mayCreate && (
          <Button type="primary" onClick={() => setCreating(true)} data-testid="task-new">
            临时检查赋码
          </Button>
        )}
      </Space>
      {/* Mounted only while open: it reads the agency's line and officers, which only agency staff have. */}
      {mayCreate && creating && (
        <NewTaskModal onClose={() => setCreating(false)} onDone={(id) => navigate(`/inspections/tasks/${encodeURIComponent(id)}`)} />
      )}
      <TaskTable
        agencyId={v.agencyId}
        status={v.status}
        from={v.from}
        to={v.to}
        page={list.page}
        pageSize={list.pageSize}
        onPage={(page, pageSize) => list.set({ page: String(page), pageSize: String(pageSize) })}
      />
    </PageFrame>
  );
}
