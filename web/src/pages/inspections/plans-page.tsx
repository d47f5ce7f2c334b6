// 年度计划 (/inspections/plans): the plan items of the caller's scope (GET /plans — the server scopes
// them: an agency's staff see their agency's, a supervisor the region's), each with its target and how
// many tasks its draws issued. An agency's staff make a plan item here (新建计划, plan-form.tsx) or bring
// a whole plan in through 数据导入 (record kind inspection_plans): both land through the import path.
import { useState } from 'react';
import { Button, InputNumber, Space, Table, Tag, Typography, message } from 'antd';
import { Link } from 'react-router-dom';
import { api, type PlanRow } from '../../api.ts';
import { AgencyFilter } from '../../lists/agency-filter.tsx';
import { useListParams } from '../../lists/use-list-params.ts';
import { useUser } from '../../session.tsx';
import { useLoad } from '../../use-load.ts';
import { PageFrame } from '../page-frame.tsx';
import { NewPlanModal } from './plan-form.tsx';

const KEYS = ['year', 'agencyId'] as const;
export const METHOD_LABELS: Record<string, string> = { random: '双随机', targeted: '定向' };
const num = (v: unknown) => Number(v ?? 0);

export default function PlansPage() {
  const user = useUser();
  const list = useListParams(KEYS);
  const year = list.values.year ? Number(list.values.year) : undefined;
  const [creating, setCreating] = useState(false);
  const [made, setMade] = useState(0);
  const load = useLoad(
    (signal) => api.inspections.plans({ year, agencyId: list.values.agencyId, page: list.page, pageSize: list.pageSize }, signal),
    [list.key, list.page, list.pageSize, made],
  );
  // An agency's own staff make their agency's plan; the import route's policy decides (a refusal shows in the form).
  const mayCreate = !!user.agencyId && user.can.importRecords;
  return (
    <PageFrame
      testId="plans-page"
      title="年度计划"
      subtitle={`${user.scopeLabel}的年度检查计划（每行一个检查事项）；可新建，或通过“数据导入”成批导入（检查计划）`}
      load={load}
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <InputNumber
          placeholder="年度"
          min={2000}
          max={2100}
          value={year}
          onChange={(v) => list.set({ year: v ? String(v) : undefined })}
          data-testid="plans-filter-year"
        />
        <AgencyFilter value={list.values.agencyId} onChange={(v) => list.set({ agencyId: v })} testId="plans-filter-agency" />
        {mayCreate && (
          <Button type="primary" onClick={() => setCreating(true)} data-testid="plan-new">
            新建计划
          </Button>
        )}
      </Space>
      <NewPlanModal
        open={creating}
        onClose={() => setCreating(false)}
        onDone={(name) => {
          void message.success(`已保存计划：${name}`);
          setMade((n) => n + 1);
        }}
      />
      <div data-testid="plans-table" data-total={load.data?.total ?? 0}>
        <Table<PlanRow>
          rowKey="id"
          size="small"
          loading={load.state === 'loading'}
          dataSource={load.data?.rows ?? []}
          onRow={(r) => ({ 'data-testid': 'plan-row', 'data-id': r.id }) as object}
          pagination={{
            current: list.page,
            pageSize: list.pageSize,
            total: load.data?.total ?? 0,
            onChange: (page, pageSize) => list.set({ page: String(page), pageSize: String(pageSize) }),
          }}
          columns={[
            {
              title: '计划',
              dataIndex: 'name',
              render: (v: string, r) => (
                <Link to={`/inspections/plans/${encodeURIComponent(r.id)}`} data-testid="plan-link">
                  {v}
                </Link>
              ),
            },
            { title: '执法部门', dataIndex: 'agency_name', width: 220 },
            { title: '年度', dataIndex: 'plan_year', width: 70 },
            { title: '检查事项', dataIndex: 'item_name', render: (v: string | null, r) => v ?? String(r.inspection_item_code) },
            { title: '方式', dataIndex: 'method', width: 80, render: (v: string) => METHOD_LABELS[v] ?? v },
            {
              title: '计划户数 / 已抽取',
              key: 'counts',
              width: 130,
              align: 'right',
              render: (_, r) => (
                <span data-testid="plan-counts">
                  {num(r.target_count)} / {num(r.tasks)}
                </span>
              ),
            },
            {
              title: '状态',
              key: 'status',
              width: 90,
              render: (_, r) => (num(r.draws) > 0 ? <Tag color="blue">已抽取</Tag> : <Tag>待抽取</Tag>),
            },
            {
              title: '检查期间',
              key: 'window',
              width: 200,
              render: (_, r) => (
                <Typography.Text>
                  {String(r.starts_on)} 至 {String(r.ends_on)}
                </Typography.Text>
              ),
            },
          ]}
        />
      </div>
    </PageFrame>
  );
}
