// 检查计划详情 (/inspections/plans/:id): the plan item and its sampling rule; 抽取 (POST /plans/:id/draw,
// the agency's staff) and the stored draw — seed, pool, officers — with the entities and officers it
// drew (the plan's tasks); 核验抽取 (GET /plans/:id/draw-check) recomputes the draw from its seed and
// says whether it reproduces; 调整 (POST /plans/:id/adjustments) takes a reason the server requires.
// Whether the buttons appear is the server's word (`can.workInspections`); the server decides again.
import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type ButtonProps,
} from 'antd';
import { useParams } from 'react-router-dom';
import { api, type DrawCheck, type PlanAdjustment, type PlanDetail } from '../../api.ts';
import { useUser } from '../../session.tsx';
import { SubmitError, useSubmit } from '../../submit.tsx';
import { useLoad } from '../../use-load.ts';
import { PageFrame } from '../page-frame.tsx';
import { METHOD_LABELS } from './plans-page.tsx';
import { TaskTable } from './tasks-page.tsx';

const WEIGHTING: Record<string, string> = { none: '等概率', risk: '按风险等级加权', credit: '按信用等级加权' };
const ADJUSTMENT: Record<string, string> = { target: '调整户数', window: '调整结束日期', replace: '替换检查对象' };

interface AdjustValues {
  kind: PlanAdjustment['kind'];
  targetCount?: number;
  endsOn?: string;
  taskId?: string;
  reason: string;
}

function AdjustModal({ id, open, onClose, onDone }: { id: string; open: boolean; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<AdjustValues>();
  const kind = Form.useWatch('kind', form);
  const { saving, error, field, run, fieldError } = useSubmit();
  const submit = (v: AdjustValues) =>
    run(async () => {
      const body: PlanAdjustment =
        v.kind === 'target'
          ? { kind: 'target', targetCount: Number(v.targetCount), reason: v.reason ?? '' }
          : v.kind === 'window'
            ? { kind: 'window', endsOn: v.endsOn ?? '', reason: v.reason ?? '' }
            : { kind: 'replace', taskId: v.taskId ?? '', reason: v.reason ?? '' };
      await api.inspections.adjust(id, body);
      onClose();
      onDone();
    });
  return (
    <Modal
      open={open}
      title="计划动态调整"
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="提交调整"
      confirmLoading={saving}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'adjust-submit' } as ButtonProps}
    >
      <div data-testid="adjust-modal">
        {/* A refusal that names no field of this form shows above it. */}
        <SubmitError error={field && ['targetCount', 'endsOn', 'taskId', 'reason'].includes(field) ? null : error} testId="adjust-error" />
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'target' }}>
          <Form.Item name="kind" label="调整内容">
            <Select
              data-testid="adjust-kind"
              options={Object.entries(ADJUSTMENT).map(([value, label]) => ({ value, label }))}
              style={{ width: 200 }}
            />
          </Form.Item>
          {kind === 'target' && (
            <Form.Item name="targetCount" label="计划检查户数" {...fieldError('targetCount')}>
              <InputNumber data-testid="adjust-target" />
            </Form.Item>
          )}
          {kind === 'window' && (
            <Form.Item name="endsOn" label="结束日期" {...fieldError('endsOn')}>
              <Input placeholder="如 2026-12-31" data-testid="adjust-ends-on" />
            </Form.Item>
          )}
          {kind === 'replace' && (
            <Form.Item name="taskId" label="被替换的任务编号" {...fieldError('taskId')}>
              <Input data-testid="adjust-task" />
            </Form.Item>
          )}
          {/* Required by the server (at least four characters, audited): its refusal shows here. */}
          <Form.Item name="reason" label="调整原因" required {...fieldError('reason')}>
            <Input.TextArea rows={2} maxLength={500} data-testid="adjust-reason" />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}

function DrawCheckResult({ checks }: { checks: DrawCheck[] }) {
  if (!checks.length) return <Alert type="info" showIcon title="该计划尚未抽取" data-testid="draw-check" data-ok="none" />;
  const ok = checks.every((c) => c.ok);
  return (
    <div data-testid="draw-check" data-ok={ok}>
      {checks.map((c) => (
        <Alert
          key={c.drawId}
          style={{ marginBottom: 8 }}
          type={c.ok ? 'success' : 'error'}
          showIcon
          title={c.ok ? `复核一致：以留存的种子重新抽取，${c.ranks} 个位次与已生成的任务逐一相符` : '复核不一致'}
          description={
            <>
              <div>{c.message}</div>
              {!c.poolUnchanged && (
                <div>
                  检查对象库已变化：抽取时 {c.poolSize} 户，现在 {c.poolNow} 户
                </div>
              )}
              {c.mismatches.map((m) => (
                <div key={m.rank}>
                  第 {m.rank + 1} 位（任务 {m.taskId}）：应为 {m.expected}，实为 {m.found}
                </div>
              ))}
            </>
          }
        />
      ))}
    </div>
  );
}

function PlanFacts({ d }: { d: PlanDetail }) {
  const p = d.plan;
  const s = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v));
  return (
    <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} data-testid="plan-facts">
      <Descriptions.Item label="执法部门">{s(p.agency_name)}</Descriptions.Item>
      <Descriptions.Item label="年度">{s(p.plan_year)}</Descriptions.Item>
      <Descriptions.Item label="检查事项">
        {s(p.item_name)}（{s(p.inspection_item_code)}）
      </Descriptions.Item>
      <Descriptions.Item label="检查期间">
        {s(p.starts_on)} 至 {s(p.ends_on)}
      </Descriptions.Item>
      <Descriptions.Item label="抽取方式">{METHOD_LABELS[String(p.method)] ?? s(p.method)}</Descriptions.Item>
      <Descriptions.Item label="计划户数">
        <span data-testid="plan-target">{s(p.target_count)}</span>
      </Descriptions.Item>
      <Descriptions.Item label="加权">{WEIGHTING[String(p.weighting ?? 'none')] ?? s(p.weighting)}</Descriptions.Item>
      <Descriptions.Item label="检查对象类型">
        {/* The directory's own type code (餐饮 is `catering` in an agency's list), shown as it is. */}
        <span className="kd-code">{s(p.object_type)}</span>
      </Descriptions.Item>
      <Descriptions.Item label="每次检查人员">{s(p.officers_per_task ?? 2)} 名</Descriptions.Item>
      <Descriptions.Item label="行政行为码有效天数">{s(p.task_days ?? 15)} 天</Descriptions.Item>
      <Descriptions.Item label="执法人员范围" span={2}>
        {p.officer_ids ? <span className="kd-code">{String(p.officer_ids)}</span> : '本部门全部持证执法人员'}
      </Descriptions.Item>
      <Descriptions.Item label="任务" span={2}>
        待执行 {d.tasks.open} · 已执行 {d.tasks.executed} · 已合并 {d.tasks.merged} · 已撤销 {d.tasks.revoked}
      </Descriptions.Item>
    </Descriptions>
  );
}

export default function PlanPage() {
  const { id = '' } = useParams();
  const user = useUser();
  const load = useLoad((signal) => api.inspections.plan(id, signal), [id]);
  const { saving, error, run } = useSubmit();
  const [checks, setChecks] = useState<DrawCheck[] | null>(null);
  const [adjusting, setAdjusting] = useState(false);
  const [version, setVersion] = useState(0);
  const d = load.data;
  const refresh = () => {
    load.retry();
    setVersion((n) => n + 1);
  };
  const drawn = !!d && d.draws.length > 0;
  return (
    <PageFrame testId="plan-page" title={d ? String(d.plan.name) : '检查计划'} load={load}>
      {d && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <PlanFacts d={d} />
          <Card
            size="small"
            title="双随机抽取"
            extra={
              <Space>
                {user.can.workInspections && !drawn && (
                  <Button
                    type="primary"
                    loading={saving}
                    data-testid="draw-button"
                    onClick={() => run(async () => void (await api.inspections.draw(id), refresh()))}
                  >
                    抽取
                  </Button>
                )}
                {drawn && (
                  <Button
                    loading={saving}
                    data-testid="draw-check-button"
                    onClick={() => run(async () => setChecks((await api.inspections.drawCheck(id)).checks))}
                  >
                    核验抽取
                  </Button>
                )}
                {user.can.workInspections && drawn && (
                  <Button data-testid="adjust-button" onClick={() => setAdjusting(true)}>
                    调整
                  </Button>
                )}
              </Space>
            }
          >
            <SubmitError error={error} testId="draw-error" />
            {!drawn && (
              <Typography.Text type="secondary">
                尚未抽取：抽取时以新的随机种子从检查对象名录中抽取检查对象和执法人员，每户生成一个检查任务及其行政行为码。
              </Typography.Text>
            )}
            {d.draws.map((draw) => (
              <Descriptions key={String(draw.id)} size="small" column={{ xs: 1, md: 2 }} data-testid="draw-facts">
                <Descriptions.Item label="随机种子">
                  <Typography.Text code copyable data-testid="draw-seed">
                    {draw.seed ? String(draw.seed) : '（外部系统抽取，无种子）'}
                  </Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label="抽取时间">{String(draw.drawn_at)}</Descriptions.Item>
                <Descriptions.Item label="检查对象库">{String(draw.pool_size)} 户</Descriptions.Item>
                <Descriptions.Item label="已抽取位次">{String(draw.drawn)}</Descriptions.Item>
                <Descriptions.Item label="执法人员库" span={2}>
                  <span className="kd-code">{String(draw.officer_pool)}</span>
                </Descriptions.Item>
              </Descriptions>
            ))}
            {checks && <DrawCheckResult checks={checks} />}
          </Card>
          {d.adjustments.length > 0 && (
            <Card size="small" title="调整记录">
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={d.adjustments}
                onRow={() => ({ 'data-testid': 'adjustment-row' }) as object}
                columns={[
                  { title: '调整', dataIndex: 'kind', width: 120, render: (v: string) => <Tag>{ADJUSTMENT[v] ?? v}</Tag> },
                  { title: '原因', dataIndex: 'reason' },
                  { title: '时间', dataIndex: 'adjusted_at', width: 220, render: (v: unknown) => String(v) },
                ]}
              />
            </Card>
          )}
          {drawn && (
            <Card size="small" title="抽中的检查对象和执法人员">
              <TaskTable key={version} planId={id} />
            </Card>
          )}
        </Space>
      )}
      <AdjustModal id={id} open={adjusting} onClose={() => setAdjusting(false)} onDone={refresh} />
    </PageFrame>
  );
}
