// 模型详情 (/models/:code): what the model finds and why (description, the article it enforces,
// verbatim), the explanation each clue carries, its parameters, its clues by month in the caller's
// scope, and its recent runs (GET /models/:code). Admins switch it and set its parameters per region
// (PUT /models/:code/settings, audited); the form checks the ranges, the server has the last word
// and its Chinese message is shown as is. Supervisors and admins run it (POST /models/run {model}).
import { useEffect, useMemo, useState, type HTMLAttributes } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  InputNumber,
  Row,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { ArrowLeftOutlined, PlayCircleOutlined, ThunderboltOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useParams } from 'react-router-dom';
import { api, errorText, type ModelEntry, type ModelRunReport, type ModelRunRow, type RegionEntry } from '../../api.ts';
import { useCatalog } from '../../catalog/use-catalog.ts';
import { cluesByMonthOption } from '../../charts/clues-by-month-option.ts';
import { EChart } from '../../charts/echart.tsx';
import { regionContains } from '../../clues/clue-rules.ts';
import { SeverityTag } from '../../clues/clue-tags.tsx';
import { formatCount, formatInstant } from '../../format.ts';
import { RECORD_KIND_LABELS } from '../../labels.ts';
import { effectiveFor, ownSetting, paramProblem, templateParts } from '../../models/model-settings.ts';
import { useUser } from '../../session.tsx';
import { useLoad } from '../../use-load.ts';
import { PageFrame } from '../page-frame.tsx';
import { BasisLink } from './basis-link.tsx';
import { RunReport } from './models-page.tsx';

const TRIGGER_LABELS: Record<string, string> = { batch: '手动批量', schedule: '定时', realtime: '实时' };

function evidenceKindLabel(kind: string): string {
  if (kind === 'clues') return '问题线索';
  return (RECORD_KIND_LABELS as Record<string, string>)[kind] ?? kind;
}

/** The template with each placeholder marked: a parameter shows its value in force, a fact its name. */
function Template({ model }: { model: ModelEntry }) {
  const params = new Map(model.params.map((p) => [p.name, p]));
  return (
    <Typography.Paragraph style={{ lineHeight: 2, marginBottom: 0 }} data-testid="model-explanation" data-template={model.explanation}>
      {templateParts(model.explanation).map((part, i) => {
        if ('text' in part) return <span key={i}>{part.text}</span>;
        const p = params.get(part.name);
        return p ? (
          <Tag key={i} color="blue" title={`参数 ${p.name}`} style={{ marginInline: 2 }}>
            {p.label}={p.value}
          </Tag>
        ) : (
          <Tag key={i} title="由命中记录填入" style={{ marginInline: 2 }}>
            {part.name}
          </Tag>
        );
      })}
    </Typography.Paragraph>
  );
}

interface SettingsForm {
  regionCode: string;
  enabled: boolean;
  params: Record<string, number>;
}

/** The admin's form: a region of their jurisdiction, the switch, each parameter within its range. */
function SettingsEditor({ model, onSaved }: { model: ModelEntry; onSaved: () => void }) {
  const user = useUser();
  const { message } = App.useApp();
  const regions = useCatalog('regions');
  const [form] = Form.useForm<SettingsForm>();
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const regionCode = Form.useWatch('regionCode', form) ?? user.regionCode;

  const options = useMemo(
    () =>
      (regions.data ?? [])
        .filter((r: RegionEntry) => r.level !== 'township' && regionContains(user.regionCode, r.code))
        .sort((a, b) => a.code.localeCompare(b.code))
        .map((r) => ({
          value: r.code,
          label: `${r.level === 'county' ? '　　' : r.level === 'city' ? '　' : ''}${r.name}（${r.code}）${ownSetting(model, r.code) ? ' · 已单独设置' : ''}`,
        })),
    [regions.data, user.regionCode, model],
  );

  // A region's values: its own setting, else what it inherits (the form starts from what is in force).
  useEffect(() => {
    const inForce = effectiveFor(model, regionCode);
    form.setFieldsValue({ enabled: inForce.enabled, params: inForce.params });
    setServerError(null);
  }, [regionCode, model, form]);

  const save = async (values: SettingsForm) => {
    setSaving(true);
    setServerError(null);
    try {
      await api.saveModelSettings(model.code, { regionCode: values.regionCode, enabled: values.enabled, params: values.params ?? {} });
      message.success('模型设置已保存，并已记入审计日志');
      onSaved();
    } catch (error) {
      // A 400 names the parameter in Chinese (参数 时间窗口（天） 须在 1 至 90 之间): shown as the server wrote it.
      setServerError(errorText(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<SettingsForm>
      form={form}
      layout="vertical"
      initialValues={{ regionCode: user.regionCode }}
      onFinish={save}
      data-testid="model-settings-form"
    >
      {serverError && (
        <Alert
          type="error"
          showIcon
          title="保存失败"
          description={serverError}
          style={{ marginBottom: 12 }}
          data-testid="model-settings-error"
        />
      )}
      <Row gutter={16}>
        <Col xs={24} md={14}>
          <Form.Item name="regionCode" label="适用区划（含下级）" rules={[{ required: true, message: '请选择区划' }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={options}
              loading={regions.state === 'loading'}
              data-testid="model-settings-region"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item name="enabled" label="启用" valuePropName="checked">
            <Switch checkedChildren="启用" unCheckedChildren="停用" data-testid="model-settings-enabled" />
          </Form.Item>
        </Col>
        {model.params.map((p) => (
          <Col xs={24} md={12} key={p.name}>
            <Form.Item
              name={['params', p.name]}
              label={p.label}
              rules={[
                { required: true, message: `请填写${p.label}` },
                {
                  validator: (_, value: unknown) => {
                    const problem = value === null || value === undefined ? null : paramProblem(p, value);
                    return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
                  },
                },
              ]}
              extra={`范围 ${p.min}–${p.max}${p.type === 'integer' ? '，整数' : ''}；默认 ${p.default}`}
            >
              <InputNumber style={{ width: '100%' }} step={p.type === 'integer' ? 1 : 0.1} data-testid={`model-param-${p.name}`} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      {/* Not a submit button: Enter in the region search would otherwise save the form (implicit submission). */}
      <Button type="primary" onClick={() => form.submit()} loading={saving} data-testid="model-settings-save">
        保存设置
      </Button>
      <Typography.Text type="secondary" style={{ marginLeft: 12, fontSize: 12 }}>
        设置适用于所选区划及其下级，下级区划的单独设置优先。
      </Typography.Text>
    </Form>
  );
}

export default function ModelPage() {
  const { code = '' } = useParams();
  const user = useUser();
  const { message } = App.useApp();
  const load = useLoad((signal) => api.model(code, signal), [code]);
  const [running, setRunning] = useState(false);
  const [report, setReport] = useState<ModelRunReport[] | null>(null);
  const model = load.data?.model;
  // The template filled in: the latest clue of the model in the caller's scope, if any.
  const example = useLoad(
    async (signal) => {
      const list = await api.clues({ modelCode: code, pageSize: 1 }, signal);
      const first = list.rows[0];
      return first ? { id: first.id, explanation: (await api.clue(first.id, signal)).clue.explanation } : null;
    },
    [code],
  );
  const range = useMemo(() => ({ from: dayjs().subtract(11, 'month').format('YYYY-MM'), to: dayjs().format('YYYY-MM') }), []);
  const byMonth = useMemo(() => load.data?.cluesByMonth ?? [], [load.data]);
  const option = useMemo(() => cluesByMonthOption(byMonth, range), [byMonth, range]);
  const months = (option.xAxis as { data: string[] }).data.length;
  const total = byMonth.reduce((s, r) => s + r.clues, 0);

  const run = async () => {
    setRunning(true);
    setReport(null);
    try {
      const { reports } = await api.runModels(code);
      setReport(reports);
      load.retry();
    } catch (error) {
      message.error(errorText(error));
    } finally {
      setRunning(false);
    }
  };

  return (
    <PageFrame
      testId="model-detail"
      documentTitle={model?.name ?? '模型详情'}
      title={
        <Space wrap>
          <Link to="/models" aria-label="返回模型库">
            <ArrowLeftOutlined />
          </Link>
          <span data-testid="model-name">{model?.name ?? code}</span>
          {model && <Tag className="kd-code">{model.code}</Tag>}
        </Space>
      }
      subtitle={model?.description}
      load={load}
      extra={
        <Space>
          <Link to={`/clues?modelCode=${encodeURIComponent(code)}`} data-testid="model-clue-list-link">
            <Button>查看线索</Button>
          </Link>
          {model?.can.run && (
            <Button
              type="primary"
              icon={<PlayCircleOutlined />}
              loading={running}
              onClick={run}
              disabled={model && !model.enabled}
              data-testid="model-run"
            >
              运行模型
            </Button>
          )}
        </Space>
      }
    >
      {report && <RunReport reports={report} testId="model-run-result" />}
      {model && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <Card size="small" title="模型说明" style={{ marginBottom: 16 }}>
              <Descriptions column={{ xs: 1, sm: 2 }} size="small" data-testid="model-summary">
                <Descriptions.Item label="类别">{model.categoryLabel}</Descriptions.Item>
                <Descriptions.Item label="严重程度">
                  <SeverityTag severity={model.severity} />
                </Descriptions.Item>
                <Descriptions.Item label="证据记录">{evidenceKindLabel(model.evidenceKind)}</Descriptions.Item>
                <Descriptions.Item label="运行方式">
                  {model.realtime ? (
                    <Tag color="cyan" icon={<ThunderboltOutlined />}>
                      批量 + 实时
                    </Tag>
                  ) : (
                    '批量'
                  )}
                </Descriptions.Item>
                <Descriptions.Item label={`${user.regionName}状态`}>
                  <Tag
                    color={model.enabled ? 'green' : 'default'}
                    data-testid="model-enabled-state"
                    data-enabled={model.enabled ? 'true' : 'false'}
                  >
                    {model.enabled ? '已启用' : '已停用'}
                  </Tag>
                </Descriptions.Item>
                <Descriptions.Item label="本辖区线索">
                  <span data-testid="model-clue-total" data-count={total}>
                    {formatCount(total)} 条
                  </span>
                </Descriptions.Item>
              </Descriptions>
            </Card>
            <Card
              size="small"
              title="法律依据"
              style={{ marginBottom: 16 }}
              data-testid="model-basis"
              data-regulation={model.basis.regulationId}
              data-article={model.basis.article}
            >
              <div style={{ marginBottom: 8 }}>
                <BasisLink basis={model.basis} />
              </div>
              {model.basis.text ? (
                <Typography.Paragraph
                  style={{
                    whiteSpace: 'pre-wrap',
                    lineHeight: 1.9,
                    background: '#fafafa',
                    padding: 12,
                    borderLeft: '3px solid #1677ff',
                    marginBottom: 0,
                  }}
                  data-testid="model-basis-text"
                >
                  <Typography.Text strong style={{ marginRight: 8 }}>
                    {model.basis.label}
                  </Typography.Text>
                  {model.basis.text}
                </Typography.Paragraph>
              ) : (
                <Typography.Text type="secondary" data-testid="model-basis-no-text">
                  {model.basis.note ?? '条文原文未收录'}
                </Typography.Text>
              )}
            </Card>
            <Card size="small" title="线索说明模板" style={{ marginBottom: 16 }}>
              <Template model={model} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                蓝色为参数（本辖区生效值），灰色由命中的执法记录填入。
              </Typography.Text>
              {example.data && (
                <div style={{ marginTop: 12 }} data-testid="model-example">
                  <Typography.Text type="secondary">最近一条线索：</Typography.Text>
                  <Link to={`/clues/${encodeURIComponent(example.data.id)}`}>{example.data.id}</Link>
                  <Typography.Paragraph style={{ marginTop: 4, marginBottom: 0, background: '#fafafa', padding: 8 }}>
                    {example.data.explanation}
                  </Typography.Paragraph>
                </div>
              )}
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <Card size="small" title="参数" style={{ marginBottom: 16 }}>
              <Table
                data-testid="model-params"
                rowKey="name"
                size="small"
                pagination={false}
                dataSource={model.params}
                locale={{ emptyText: '该模型没有可调参数' }}
                onRow={(p) =>
                  ({ 'data-testid': 'model-param-row', 'data-name': p.name, 'data-value': p.value }) as HTMLAttributes<HTMLElement>
                }
                columns={[
                  { title: '参数', dataIndex: 'label' },
                  {
                    title: '当前值',
                    dataIndex: 'value',
                    width: 80,
                    render: (v: number, p) => <Typography.Text strong={v !== p.default}>{v}</Typography.Text>,
                  },
                  { title: '默认', dataIndex: 'default', width: 64 },
                  { title: '范围', key: 'range', width: 110, render: (_: unknown, p) => `${p.min}–${p.max}` },
                ]}
              />
              {model.settings.length > 0 && (
                <div style={{ marginTop: 12 }} data-testid="model-settings-list" data-count={model.settings.length}>
                  <Typography.Text type="secondary">各区划设置：</Typography.Text>
                  {model.settings.map((s) => (
                    <div key={s.regionCode} style={{ fontSize: 12, lineHeight: 1.8 }}>
                      <Tag color={s.enabled ? 'green' : 'default'}>{s.enabled ? '启用' : '停用'}</Tag>
                      {s.regionCode}
                      {Object.keys(s.params).length > 0 &&
                        `：${Object.entries(s.params)
                          .map(([k, v]) => `${model.params.find((p) => p.name === k)?.label ?? k} ${v}`)
                          .join('；')}`}
                    </div>
                  ))}
                </div>
              )}
            </Card>
            {model.can.configure && (
              <Card size="small" title="按区划设置（管理员）" style={{ marginBottom: 16 }}>
                <SettingsEditor model={model} onSaved={load.retry} />
              </Card>
            )}
          </Col>
          <Col xs={24} xl={14}>
            <Card size="small" title="线索趋势（近12个月，本辖区）">
              <div data-testid="chart-clues-by-month" data-count={months} data-total={total}>
                {total === 0 && byMonth.length === 0 ? <Empty description="暂无线索" /> : <EChart option={option} height={280} />}
              </div>
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <Card size="small" title="最近运行">
              <Table<ModelRunRow>
                data-testid="model-runs"
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={load.data?.runs ?? []}
                locale={{ emptyText: '尚未运行' }}
                columns={[
                  { title: '时间', dataIndex: 'startedAt', render: (v: string) => formatInstant(v) },
                  { title: '方式', dataIndex: 'trigger', width: 80, render: (v: string) => TRIGGER_LABELS[v] ?? v },
                  { title: '区划', dataIndex: 'regionCode', width: 80 },
                  { title: '命中', dataIndex: 'hits', width: 70, align: 'right', render: (v: number) => formatCount(Number(v)) },
                  { title: '新线索', dataIndex: 'newClues', width: 70, align: 'right', render: (v: number) => formatCount(Number(v)) },
                  {
                    title: '用时',
                    dataIndex: 'millis',
                    width: 80,
                    align: 'right',
                    render: (v: number) => `${(Number(v) / 1000).toFixed(1)}秒`,
                  },
                ]}
              />
            </Card>
          </Col>
        </Row>
      )}
    </PageFrame>
  );
}
