// 综合查一次 (/inspections/merge): a region's supervisors run the merge suggestions (POST
// /merge-suggestions/run) — one entity, related items of two agencies or more, planned days close
// together — and see the burden before and after (GET /inspection-burden) as charts; each member
// agency's staff accept or decline the suggestions their tasks are in, with a reason (POST
// /merge-suggestions/:id/decision). Which suggestions a user sees is the server's (suggestionScope).
import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
  type ButtonProps,
} from 'antd';
import { Link } from 'react-router-dom';
import { api, type InspectionBurden, type MergeSuggestion, type SuggestReport } from '../../api.ts';
import { EChart } from '../../charts/echart.tsx';
import { burdenHistogramOption, burdenOverOption } from '../../charts/inspection-burden-option.ts';
import { useListParams } from '../../lists/use-list-params.ts';
import { useUser } from '../../session.tsx';
import { SubmitError, useSubmit } from '../../submit.tsx';
import { useLoad } from '../../use-load.ts';
import { PageFrame } from '../page-frame.tsx';

const STATUS: Record<MergeSuggestion['status'], [string, string]> = {
  pending: ['待确认', 'orange'],
  accepted: ['已合并', 'green'],
  declined: ['已拒绝', 'red'],
};
const DECISION: Record<'accept' | 'decline', string> = { accept: '确认合并', decline: '拒绝合并' };

function RunForm({ onDone }: { onDone: (r: SuggestReport) => void }) {
  const [form] = Form.useForm<{ windowDays?: number; from?: string }>();
  const { saving, error, field, run, fieldError } = useSubmit();
  return (
    <div data-testid="merge-run">
      <SubmitError error={field === 'windowDays' || field === 'from' ? null : error} testId="merge-run-error" />
      <Form
        form={form}
        layout="inline"
        initialValues={{ windowDays: 30 }}
        onFinish={(v) =>
          run(async () => onDone(await api.inspections.runSuggestions({ windowDays: v.windowDays, from: v.from || undefined })))
        }
      >
        <Form.Item name="windowDays" label="时间窗口（天）" {...fieldError('windowDays')}>
          <InputNumber data-testid="merge-window" />
        </Form.Item>
        <Form.Item name="from" label="起始日期（空为今天）" {...fieldError('from')}>
          <Input style={{ width: 140 }} placeholder="如 2026-01-01" data-testid="merge-from" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="merge-run-button">
            生成合并建议
          </Button>
        </Form.Item>
      </Form>
    </div>
  );
}

function DecideModal({
  target,
  onClose,
  onDone,
}: {
  target: { id: string; decision: 'accept' | 'decline' } | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const { saving, error, field, run, fieldError } = useSubmit();
  return (
    <Modal
      open={!!target}
      title={target ? DECISION[target.decision] : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="提交"
      confirmLoading={saving}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'decide-submit' } as ButtonProps}
    >
      <SubmitError error={field === 'reason' ? null : error} testId="decide-error" />
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          run(async () => {
            if (!target) return;
            await api.inspections.decide(target.id, target.decision, v.reason ?? '');
            onClose();
            onDone();
          })
        }
      >
        <Form.Item name="reason" label="理由（记入审计日志）" required {...fieldError('reason')}>
          <Input.TextArea rows={2} maxLength={500} data-testid="decide-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Burden({ year, threshold, version }: { year: number; threshold: number; version: number }) {
  const load = useLoad((signal) => api.inspections.burden({ year, threshold }, signal), [year, threshold, version]);
  const b: InspectionBurden | undefined = load.data;
  return (
    <Card size="small" title={`检查负担（${year}年）`} data-testid="burden" data-state={load.state}>
      {load.state === 'error' && <Alert type="error" showIcon title={load.message} />}
      {b && (
        <>
          <Row gutter={16} style={{ marginBottom: 12 }}>
            <Col span={6}>
              <Statistic title="检查对象" value={b.planned.entities} />
            </Col>
            <Col span={6}>
              <Statistic title="按计划入企次数" value={b.planned.visits} />
            </Col>
            <Col span={6}>
              <Statistic title="已合并后" value={b.merged.visits} />
            </Col>
            <Col span={6}>
              <Statistic title="全部采纳后" value={b.ifAccepted.visits} />
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} lg={12}>
              <Typography.Text strong>每户检查次数分布</Typography.Text>
              <div data-testid="burden-histogram" data-planned={b.planned.histogram.join(',')} data-merged={b.merged.histogram.join(',')}>
                <EChart option={burdenHistogramOption(b)} height={260} />
              </div>
            </Col>
            <Col xs={24} lg={12}>
              <Typography.Text strong>检查超过{b.threshold}次的企业</Typography.Text>
              <div data-testid="burden-over" data-planned={b.planned.over} data-merged={b.merged.over} data-if-accepted={b.ifAccepted.over}>
                <EChart option={burdenOverOption(b)} height={260} />
              </div>
            </Col>
          </Row>
        </>
      )}
    </Card>
  );
}

const KEYS = ['status', 'year', 'threshold'] as const;

export default function MergePage() {
  const user = useUser();
  const list = useListParams(KEYS);
  const [report, setReport] = useState<SuggestReport | null>(null);
  const [deciding, setDeciding] = useState<{ id: string; decision: 'accept' | 'decline' } | null>(null);
  const [version, setVersion] = useState(0);
  const load = useLoad(
    (signal) => api.inspections.suggestions({ status: list.values.status, page: list.page, pageSize: list.pageSize }, signal),
    [list.key, list.page, list.pageSize, version],
  );
  const refresh = () => setVersion((n) => n + 1);
  // The burden's year: the one asked for, else the year of the suggestions listed, else this year.
  const year = Number(list.values.year) || Number(load.data?.rows[0]?.firstOn.slice(0, 4)) || new Date().getFullYear();
  const threshold = Number(list.values.threshold) || 3;
  const mine = (s: MergeSuggestion) =>
    user.can.decideMerges && s.status === 'pending' && s.members.some((m) => m.agencyId === user.agencyId && m.decision === null);
  return (
    <PageFrame
      testId="merge-page"
      title="综合查一次"
      subtitle="同一企业、相关事项、相近日期的多部门检查合并为一次联合检查：监督员生成建议，各部门确认或拒绝"
      load={load}
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {user.can.suggestMerges && (
          <Card size="small" title="生成合并建议">
            <RunForm
              onDone={(r) => {
                setReport(r);
                refresh();
              }}
            />
            {report && (
              <Alert
                style={{ marginTop: 12 }}
                type="success"
                showIcon
                data-testid="merge-report"
                data-suggestions={report.suggestions}
                title={`辖区内未执行的计划任务 ${report.tasks} 个，生成合并建议 ${report.suggestions} 条，全部采纳可减少入企 ${report.visitsSaved} 次`}
              />
            )}
          </Card>
        )}
        <Space wrap>
          <Select
            allowClear
            placeholder="状态"
            style={{ width: 120 }}
            value={list.values.status}
            onChange={(x?: string) => list.set({ status: x })}
            options={Object.entries(STATUS).map(([value, [label]]) => ({ value, label }))}
            data-testid="merge-filter-status"
          />
          {user.can.suggestMerges && (
            <>
              <InputNumber
                min={2000}
                max={2100}
                value={year}
                onChange={(v) => list.set({ year: v ? String(v) : undefined })}
                addonBefore="年度"
              />
              <InputNumber
                min={1}
                max={100}
                value={threshold}
                onChange={(v) => list.set({ threshold: v ? String(v) : undefined })}
                addonBefore="超过"
                addonAfter="次"
              />
            </>
          )}
        </Space>
        <div data-testid="suggestions-table" data-total={load.data?.total ?? 0}>
          <Table<MergeSuggestion>
            rowKey="id"
            size="small"
            dataSource={load.data?.rows ?? []}
            loading={load.state === 'loading'}
            onRow={(r) => ({ 'data-testid': 'suggestion-row', 'data-id': r.id, 'data-status': r.status }) as object}
            pagination={{
              current: list.page,
              pageSize: list.pageSize,
              total: load.data?.total ?? 0,
              onChange: (page, pageSize) => list.set({ page: String(page), pageSize: String(pageSize) }),
            }}
            expandable={{
              expandedRowRender: (s) => (
                <Table
                  rowKey="taskId"
                  size="small"
                  pagination={false}
                  dataSource={s.members}
                  columns={[
                    { title: '执法部门', dataIndex: 'agencyName' },
                    { title: '检查事项', dataIndex: 'itemName' },
                    { title: '计划日期', dataIndex: 'plannedOn', width: 110 },
                    {
                      title: '答复',
                      dataIndex: 'decision',
                      width: 260,
                      render: (v: 'accept' | 'decline' | null, m) =>
                        v ? `${v === 'accept' ? '确认' : '拒绝'}：${m.reason ?? ''}` : '待答复',
                    },
                  ]}
                />
              ),
            }}
            columns={[
              { title: '检查对象', dataIndex: 'entityName', render: (v: string | null, r) => v ?? r.entityUscc },
              { title: '场景', dataIndex: 'scenarioName', width: 140 },
              {
                title: '执法部门',
                key: 'agencies',
                render: (_, r) => [...new Set(r.members.map((m) => m.agencyName ?? m.agencyId))].join('、'),
              },
              {
                title: '检查事项',
                key: 'items',
                render: (_, r) => [...new Set(r.members.map((m) => m.itemName ?? m.itemCode ?? '—'))].join('、'),
              },
              { title: '日期', key: 'dates', width: 200, render: (_, r) => `${r.firstOn} 至 ${r.lastOn}` },
              { title: '建议牵头', dataIndex: 'leadAgencyName', width: 200 },
              { title: '减少入企', dataIndex: 'visitsSaved', width: 80, align: 'right' },
              {
                title: '状态',
                dataIndex: 'status',
                width: 160,
                render: (v: MergeSuggestion['status'], r) => (
                  <Space size={4}>
                    <Tag color={STATUS[v][1]}>{STATUS[v][0]}</Tag>
                    {r.jointTaskId && (
                      <Link to={`/inspections/tasks/${encodeURIComponent(r.jointTaskId)}`} data-testid="joint-task-link">
                        联合任务
                      </Link>
                    )}
                  </Space>
                ),
              },
              ...(user.can.decideMerges
                ? [
                    {
                      title: '本部门答复',
                      key: 'decide',
                      width: 150,
                      render: (_: unknown, r: MergeSuggestion) =>
                        mine(r) ? (
                          <Space size={4}>
                            <Button
                              size="small"
                              type="primary"
                              onClick={() => setDeciding({ id: r.id, decision: 'accept' })}
                              data-testid="accept-button"
                            >
                              确认
                            </Button>
                            <Button
                              size="small"
                              danger
                              onClick={() => setDeciding({ id: r.id, decision: 'decline' })}
                              data-testid="decline-button"
                            >
                              拒绝
                            </Button>
                          </Space>
                        ) : (
                          '—'
                        ),
                    },
                  ]
                : []),
            ]}
          />
        </div>
        {user.can.suggestMerges && <Burden year={year} threshold={threshold} version={version} />}
      </Space>
      <DecideModal target={deciding} onClose={() => setDeciding(null)} onDone={refresh} />
    </PageFrame>
  );
}
