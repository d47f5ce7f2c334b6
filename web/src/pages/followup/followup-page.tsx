// 回访 (/follow-up): supervisors list and create the campaigns of their region (GET/POST
// /followup/campaigns) and read the duty list; an agency's staff see their duty team's daily check
// list (驻队日查, GET /followup/duty-list) — the follow-up problems assigned to them and still open.
import { useState } from 'react';
import { Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Tabs, Tag, Typography, type ButtonProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api, type CampaignSummary, type DutyList } from '../../api.ts';
import { useUser } from '../../session.tsx';
import { useLoad } from '../../use-load.ts';
import { SubmitError, useSubmit } from '../../submit.tsx';
import { PageFrame } from '../page-frame.tsx';

const METHOD_COLORS: Record<string, string> = { cloud: 'blue', targeted: 'orange', random: 'purple' };

interface CreateValues {
  name: string;
  subjectKind: string;
  method: string;
  period: [Dayjs, Dayjs];
  sampleSize: number;
  quotaPerAgency: number;
  noRepeatDays: number;
  rules: string[];
}

function CreateCampaign({ open, onClose }: { open: boolean; onClose: () => void }) {
  const user = useUser();
  const meta = useLoad((signal) => api.followup.meta(signal), []);
  const [form] = Form.useForm<CreateValues>();
  const method = Form.useWatch('method', form);
  const { saving, error, run } = useSubmit();
  const navigate = useNavigate();
  const d = meta.data?.defaultSettings;
  const submit = (v: CreateValues) =>
    run(async () => {
      const { campaign } = await api.followup.create({
        name: v.name,
        regionCode: user.regionCode,
        subjectKind: v.subjectKind,
        method: v.method,
        periodFrom: v.period[0].format('YYYY-MM-DD'),
        periodTo: v.period[1].format('YYYY-MM-DD'),
        settings: { sampleSize: v.sampleSize, quotaPerAgency: v.quotaPerAgency, noRepeatDays: v.noRepeatDays, rules: v.rules },
      });
      onClose();
      navigate(`/follow-up/${campaign.id}`);
    });
  return (
    <Modal
      open={open}
      title="新建回访活动"
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="创建"
      confirmLoading={saving}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'campaign-create-submit' } as ButtonProps}
    >
      <div data-testid="campaign-create-modal">
        <SubmitError error={error} testId="campaign-create-error" />
        {d && (
          <Form
            form={form}
            layout="vertical"
            onFinish={submit}
            initialValues={{
              subjectKind: 'inspection',
              method: 'random',
              period: [dayjs().subtract(1, 'month').startOf('month'), dayjs().subtract(1, 'month').endOf('month')],
              sampleSize: d.sampleSize,
              quotaPerAgency: d.quotaPerAgency,
              noRepeatDays: d.noRepeatDays,
              rules: d.rules,
            }}
          >
            <Form.Item name="name" label="活动名称" rules={[{ required: true, message: '请填写活动名称' }, { max: 100 }]}>
              <Input data-testid="campaign-name" placeholder={`${user.regionName}检查后回访`} />
            </Form.Item>
            <Space wrap>
              <Form.Item name="subjectKind" label="回访类别">
                <Select
                  data-testid="campaign-kind"
                  style={{ width: 160 }}
                  options={meta.data!.subjectKinds.map((k) => ({ value: k.code, label: k.label }))}
                />
              </Form.Item>
              <Form.Item name="method" label="回访方式">
                <Select
                  data-testid="campaign-method"
                  style={{ width: 140 }}
                  options={meta.data!.methods.map((k) => ({ value: k.code, label: k.label }))}
                />
              </Form.Item>
            </Space>
            <div data-testid="campaign-period">
              <Form.Item name="period" label="回访的执法记录期间" rules={[{ required: true }]}>
                <DatePicker.RangePicker />
              </Form.Item>
            </div>
            <Space wrap>
              {method !== 'cloud' && (
                <Form.Item name="sampleSize" label="抽取数量">
                  <InputNumber min={1} max={100000} data-testid="campaign-sample-size" />
                </Form.Item>
              )}
              <Form.Item name="quotaPerAgency" label="每个执法部门至多">
                <InputNumber min={1} max={100000} />
              </Form.Item>
              <Form.Item name="noRepeatDays" label="不重复回访天数">
                <InputNumber min={0} max={3650} />
              </Form.Item>
            </Space>
            {method === 'targeted' && (
              <Form.Item name="rules" label="差异访规则（按优先顺序）">
                <Select mode="multiple" options={meta.data!.rules.map((r) => ({ value: r.code, label: r.label }))} />
              </Form.Item>
            )}
            <Typography.Text type="secondary">区划：{user.regionName}；问卷使用该类别的默认问卷。</Typography.Text>
          </Form>
        )}
      </div>
    </Modal>
  );
}

function Campaigns() {
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? 1);
  const [creating, setCreating] = useState(false);
  const load = useLoad((signal) => api.followup.campaigns({ page, pageSize: 20 }, signal), [page]);
  return (
    <div data-testid="campaigns" data-state={load.state}>
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="campaign-create">
          新建回访活动
        </Button>
      </Space>
      <div data-testid="campaigns-table" data-total={load.data?.total ?? 0}>
        <Table<CampaignSummary>
          rowKey="id"
          size="small"
          loading={load.state === 'loading'}
          dataSource={load.data?.rows ?? []}
          onRow={(r) => ({ 'data-testid': 'campaign-row', 'data-id': r.id }) as object}
          pagination={{
            current: page,
            pageSize: 20,
            total: load.data?.total ?? 0,
            showSizeChanger: false,
            onChange: (p) => setParams({ page: String(p) }),
          }}
          columns={[
            {
              title: '回访活动',
              dataIndex: 'name',
              render: (v: string, r) => (
                <Link to={`/follow-up/${r.id}`} data-testid="campaign-link">
                  {v}
                </Link>
              ),
            },
            { title: '层级', dataIndex: 'levelLabel', width: 70 },
            { title: '类别', dataIndex: 'subjectLabel', width: 110 },
            {
              title: '方式',
              dataIndex: 'methodLabel',
              width: 90,
              render: (v: string, r) => <Tag color={METHOD_COLORS[r.method]}>{v}</Tag>,
            },
            { title: '期间', key: 'period', width: 200, render: (_, r) => (r.periodFrom ? `${r.periodFrom} 至 ${r.periodTo}` : '—') },
            { title: '状态', dataIndex: 'statusLabel', width: 80 },
            { title: '回访对象', dataIndex: 'tasks', width: 90, align: 'right' },
            { title: '已答复', dataIndex: 'answered', width: 80, align: 'right' },
          ]}
        />
      </div>
      <CreateCampaign open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}

export function DutyListView() {
  const load = useLoad((signal) => api.followup.dutyList(signal), []);
  const data: DutyList | undefined = load.data;
  return (
    <div data-testid="duty-list" data-state={load.state} data-count={data?.problems.length ?? 0}>
      <Typography.Paragraph type="secondary">驻队日查：{data?.today ?? ''} 仍未办结的回访问题，逾期的排在最前。</Typography.Paragraph>
      <Table
        rowKey="clueId"
        size="small"
        loading={load.state === 'loading'}
        dataSource={data?.problems ?? []}
        pagination={false}
        onRow={(r) => ({ 'data-testid': 'duty-row', 'data-id': r.clueId, 'data-overdue': r.overdue }) as object}
        columns={[
          { title: '问题', dataIndex: 'title', render: (v: string, r) => <Link to={`/clues/${r.clueId}`}>{v}</Link> },
          { title: '执法部门', dataIndex: 'agencyName', width: 220 },
          { title: '发现日期', dataIndex: 'foundOn', width: 110 },
          {
            title: '整改期限',
            dataIndex: 'deadline',
            width: 120,
            render: (v: string | null, r) =>
              v ? (
                <span>
                  {v} {r.overdue && <Tag color="red">逾期</Tag>}
                </span>
              ) : (
                '未交办'
              ),
          },
        ]}
      />
      {data && data.secondCalls.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            待人工复核（{data.secondCalls.length}）
          </Typography.Title>
          <Table
            rowKey="taskId"
            size="small"
            dataSource={data.secondCalls}
            pagination={{ pageSize: 10 }}
            columns={[
              { title: '企业', dataIndex: 'entityName' },
              { title: '回访活动', dataIndex: 'campaignId', render: (v: string) => <Link to={`/follow-up/${v}`}>{v}</Link> },
              {
                title: '复核期限',
                dataIndex: 'due',
                width: 140,
                render: (v: string, r) => (
                  <span>
                    {v} {r.overdue && <Tag color="red">逾期</Tag>}
                  </span>
                ),
              },
            ]}
          />
        </>
      )}
    </div>
  );
}

export default function FollowupPage() {
  const user = useUser();
  // Those who run campaigns see them; the rest (an agency's staff) their duty list.
  const agency = !user.can.manageFollowup;
  return (
    <PageFrame testId="followup-page" title="回访" subtitle="“后陈式”三级三类回访：云调研、差异访、双随机；AI回访与碰撞分析" state="ready">
      {agency ? (
        <DutyListView />
      ) : (
        <Tabs
          items={[
            { key: 'campaigns', label: '回访活动', children: <Campaigns /> },
            { key: 'duty', label: '驻队日查', children: <DutyListView /> },
          ]}
        />
      )}
    </PageFrame>
  );
}
