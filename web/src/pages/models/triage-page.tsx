// 研判分流 (/models/triage): what triage did with the models' hits in the caller's scope — files and hits
// per procedure (预警, 简易, 一般), the files left at 预警 (no clue: a watch list), and the thresholds
// that choose a file's procedure, in force for the caller's region. Admins set their region's
// thresholds here (PUT /triage/settings/:region, audited); the scoring rules are shown beside them.
import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { Link } from 'react-router-dom';
import { api, errorText, type TriageThresholds, type TriageWarning } from '../../api.ts';
import { SEVERITY_LABELS } from '../../clues/clue-rules.ts';
import { formatCount } from '../../format.ts';
import { recordPath } from '../../records/record-kinds.ts';
import { useUser } from '../../session.tsx';
import { useLoad } from '../../use-load.ts';
import { PageFrame } from '../page-frame.tsx';

const PROCEDURE_HELP: Record<string, string> = {
  warning: '只在看板和画像中提示，不立线索',
  simple: '交执法部门自查，部门填写说明后自行办结',
  general: '研判、交办、整改、销号的完整流程',
};

function fileLink(w: TriageWarning) {
  if (w.file.kind === 'entity') return <Link to={recordPath('entities', w.file.id)}>{w.title}</Link>;
  if (w.file.kind === 'officer') return <Link to={recordPath('officers', w.file.id)}>{w.title}</Link>;
  return <span>{w.title}</span>;
}

function Thresholds({ onSaved }: { onSaved: () => void }) {
  const user = useUser();
  const { message } = App.useApp();
  const load = useLoad((signal) => api.triageSettings(signal), []);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<TriageThresholds>();
  if (!load.data) return <Card size="small" title="分流阈值" loading={load.state === 'loading'} />;
  const s = load.data;
  const own = s.settings.find((x) => x.regionCode === user.regionCode);
  const save = async (values: TriageThresholds) => {
    setSaving(true);
    try {
      await api.saveTriageSettings(user.regionCode, values);
      message.success('分流阈值已保存，下次模型运行起生效');
      load.retry();
      onSaved();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setSaving(false);
    }
  };
  const clear = async () => {
    try {
      await api.clearTriageSettings(user.regionCode);
      message.success('已恢复为上级设置');
      load.retry();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <Card size="small" title="分流阈值" data-testid="triage-thresholds" style={{ marginBottom: 16 }}>
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label="简易程序分数线">{s.inForce.simpleMin}</Descriptions.Item>
        <Descriptions.Item label="一般程序分数线">
          {s.inForce.generalMin}（且至少一条命中严重程度为{SEVERITY_LABELS[s.inForce.generalSeverity]}）
        </Descriptions.Item>
        <Descriptions.Item label="简易线索办结期限">{s.inForce.simpleDays} 天</Descriptions.Item>
        <Descriptions.Item label="设置来源">{s.inForce.from ? `区划 ${s.inForce.from}` : '系统默认'}</Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        风险分（0–{s.score.max}）= 模型严重程度（高 {s.score.severity.high}、中 {s.score.severity.medium}、低 {s.score.severity.low}）+
        证据强度（单条记录 {s.score.evidence.record}、多条记录的规律 {s.score.evidence.pattern}、回访或投诉 {s.score.evidence.report}
        、统计异常 {s.score.evidence.statistical}）+ 涉及金额（
        {s.score.money.map((m) => `${m.from / 10000}万元以上 ${m.points}`).join('、')}）+ 同一对象本年度每多一条命中{' '}
        {s.score.repetition.each}（至多 {s.score.repetition.max}）+ 近两年每条经核实办结的线索 {s.score.history.each}（至多{' '}
        {s.score.history.max}）。同一档案取最高命中的分数加上重复与历史。
      </Typography.Paragraph>
      {user.role === 'admin' && (
        <Form
          form={form}
          layout="inline"
          initialValues={own ?? s.inForce}
          onFinish={save}
          data-testid="triage-thresholds-form"
          style={{ rowGap: 8 }}
        >
          <Form.Item name="simpleMin" label="简易分数线" rules={[{ required: true }]}>
            <InputNumber min={0} max={100} data-testid="triage-simple-min" />
          </Form.Item>
          <Form.Item name="generalMin" label="一般分数线" rules={[{ required: true }]}>
            <InputNumber min={0} max={100} data-testid="triage-general-min" />
          </Form.Item>
          <Form.Item name="generalSeverity" label="一般程序最低严重程度">
            <Select
              style={{ width: 80 }}
              options={(['high', 'medium', 'low'] as const).map((v) => ({ value: v, label: SEVERITY_LABELS[v] }))}
            />
          </Form.Item>
          <Form.Item name="simpleDays" label="简易期限（天）" rules={[{ required: true }]}>
            <InputNumber min={1} max={90} />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="triage-thresholds-save">
              保存为{user.regionName}的设置
            </Button>
            {own && (
              <Popconfirm title="删除本辖区的设置，沿用上级？" onConfirm={clear}>
                <Button>恢复上级设置</Button>
              </Popconfirm>
            )}
          </Space>
        </Form>
      )}
    </Card>
  );
}

export default function TriagePage() {
  const [page, setPage] = useState(1);
  const [q, setQ] = useState('');
  const [version, setVersion] = useState(0);
  const summary = useLoad((signal) => api.triageSummary(signal), [version]);
  const warnings = useLoad((signal) => api.triageWarnings(page, 20, q, signal), [page, q, version]);
  return (
    <PageFrame
      testId="triage-page"
      title="研判分流"
      subtitle="模型命中按对象归档（一企一档、一人一档、系统性问题），按风险分分为预警、简易、一般三种程序"
      load={summary}
      extra={<Link to="/models">返回模型库</Link>}
    >
      <Row gutter={16} style={{ marginBottom: 16 }}>
        {(summary.data?.rows ?? []).map((r) => (
          <Col xs={24} md={8} key={r.procedure}>
            <Card size="small" data-testid={`triage-count-${r.procedure}`} data-files={r.files}>
              <Statistic
                title={`${r.label}（${PROCEDURE_HELP[r.procedure]}）`}
                value={r.files}
                suffix={`个档案 · ${formatCount(r.hits)} 条命中`}
              />
              {r.procedure !== 'warning' && (
                <Link to={`/clues?procedure=${r.procedure}`} style={{ fontSize: 12 }}>
                  查看{r.label}线索 →
                </Link>
              )}
            </Card>
          </Col>
        ))}
      </Row>
      <Thresholds onSaved={() => setVersion((v) => v + 1)} />
      <Card
        size="small"
        title="预警档案（未立线索）"
        extra={<Input.Search allowClear placeholder="对象或模型" style={{ width: 220 }} onSearch={(v) => (setPage(1), setQ(v))} />}
      >
        {warnings.state === 'error' && <Alert type="error" title={warnings.message} />}
        <Table<TriageWarning>
          size="small"
          rowKey="key"
          data-testid="triage-warnings"
          loading={warnings.state === 'loading'}
          dataSource={warnings.data?.rows ?? []}
          pagination={{ current: page, pageSize: 20, total: warnings.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          columns={[
            { title: '档案', key: 'file', render: (_: unknown, w) => <Tag style={{ marginInlineEnd: 0 }}>{w.file.label}</Tag>, width: 100 },
            { title: '对象', key: 'title', render: (_: unknown, w) => fileLink(w) },
            { title: '模型', dataIndex: 'modelName', render: (v: string, w) => (w.models > 1 ? `${v} 等${w.models}个` : v) },
            { title: '命中', dataIndex: 'hits', width: 70, align: 'right' },
            { title: '最高风险分', dataIndex: 'score', width: 100, align: 'right' },
            { title: '最近发现', dataIndex: 'lastFound', width: 110 },
          ]}
        />
      </Card>
    </PageFrame>
  );
}
