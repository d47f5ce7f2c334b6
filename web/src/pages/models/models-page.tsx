// 监督模型: the model library by category (GET /models) — what each model finds, the article it
// enforces (a link to the law at that article), its severity, the parameters in force for the
// caller's region, its clues in the caller's scope, and whether it is on. Admins switch a model for
// their own region here (PUT /models/:code/settings); supervisors and admins run the whole library
// over their jurisdiction (POST /models/run).
import { useMemo, useState, type HTMLAttributes } from 'react';
import { Alert, App, Button, Card, Input, Popconfirm, Segmented, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { PlayCircleOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import { api, errorText, type ModelCategory, type ModelEntry, type ModelRunReport } from '../../api.ts';
import { SeverityTag } from '../../clues/clue-tags.tsx';
import { formatCount } from '../../format.ts';
import { ownSetting } from '../../models/model-settings.ts';
import { useUser } from '../../session.tsx';
import { useLoad } from '../../use-load.ts';
import { PageFrame } from '../page-frame.tsx';
import { BasisLink } from './basis-link.tsx';

/** src/models/model.ts MODEL_CATEGORIES, in the library's order. */
export const CATEGORY_ORDER: readonly ModelCategory[] = [
  'inspection',
  'penalty',
  'coercion',
  'licensing',
  'delegation',
  'officer',
  'closure',
  'followup',
  'fees',
];

function ParamsCell({ model }: { model: ModelEntry }) {
  if (model.params.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <div data-testid="model-params-in-force">
      {model.params.map((p) => (
        <div key={p.name} style={{ fontSize: 12, lineHeight: 1.7 }} data-param={p.name} data-value={p.value}>
          <Typography.Text type="secondary">{p.label}</Typography.Text>{' '}
          <Typography.Text strong={p.value !== p.default}>{p.value}</Typography.Text>
          {p.value !== p.default && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              （默认 {p.default}）
            </Typography.Text>
          )}
        </div>
      ))}
    </div>
  );
}

export function RunReport({ reports, testId = 'models-run-result' }: { reports: ModelRunReport[]; testId?: string }) {
  const hits = reports.reduce((s, r) => s + r.hits, 0);
  const fresh = reports.reduce((s, r) => s + r.newClues, 0);
  const millis = reports.reduce((s, r) => s + r.millis, 0);
  return (
    <Alert
      type="success"
      showIcon
      closable
      data-testid={testId}
      data-models={reports.length}
      data-hits={hits}
      data-new-clues={fresh}
      title={`已运行 ${reports.length} 个模型：命中 ${formatCount(hits)} 处，新增线索 ${formatCount(fresh)} 条（用时 ${(millis / 1000).toFixed(1)} 秒）`}
      description="同一对象、同一时间窗口的命中不会重复生成线索。"
      style={{ marginBottom: 16 }}
    />
  );
}

export default function ModelsPage() {
  const user = useUser();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const category = (params.get('category') as ModelCategory | null) ?? 'all';
  const query = params.get('q') ?? '';
  const load = useLoad((signal) => api.models(signal), []);
  const [running, setRunning] = useState(false);
  const [report, setReport] = useState<ModelRunReport[] | null>(null);
  const [saving, setSaving] = useState<string | null>(null);
  // Switches flipped here, shown at once; the server's answer replaces them.
  const [enabledNow, setEnabledNow] = useState<Record<string, boolean>>({});
  const isAdmin = user.can.configureModels;

  const setParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value && value !== 'all') next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const models = useMemo(() => load.data?.rows ?? [], [load.data]);
  const counts = useMemo(() => {
    const m = new Map<string, number>();
    for (const x of models) m.set(x.category, (m.get(x.category) ?? 0) + 1);
    return m;
  }, [models]);
  const categoryLabels = useMemo(() => new Map(models.map((m) => [m.category, m.categoryLabel])), [models]);
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    return models.filter(
      (m) =>
        (category === 'all' || m.category === category) &&
        (!q ||
          m.name.toLowerCase().includes(q) ||
          m.code.toLowerCase().includes(q) ||
          m.description.includes(q) ||
          m.basis.title.includes(q)),
    );
  }, [models, category, query]);
  const groups = CATEGORY_ORDER.map((c) => [c, shown.filter((m) => m.category === c)] as const).filter(([, list]) => list.length > 0);

  const runAll = async () => {
    setRunning(true);
    setReport(null);
    try {
      const { reports } = await api.runModels();
      setReport(reports);
      load.retry();
    } catch (error) {
      message.error(errorText(error));
    } finally {
      setRunning(false);
    }
  };

  const toggle = async (model: ModelEntry, enabled: boolean) => {
    setSaving(model.code);
    setEnabledNow((m) => ({ ...m, [model.code]: enabled }));
    try {
      await api.saveModelSettings(model.code, {
        regionCode: user.regionCode,
        enabled,
        params: ownSetting(model, user.regionCode)?.params ?? {},
      });
      message.success(`已${enabled ? '启用' : '停用'}「${model.name}」（${user.regionName}）`);
      load.retry();
    } catch (error) {
      setEnabledNow((m) => {
        const { [model.code]: _, ...rest } = m;
        return rest;
      });
      message.error(errorText(error));
    } finally {
      setSaving(null);
    }
  };

  const columns = [
    {
      title: '模型',
      key: 'name',
      width: 250,
      render: (_: unknown, m: ModelEntry) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/models/${encodeURIComponent(m.code)}`} data-testid="model-link" data-code={m.code}>
            {m.name}
          </Link>
          <Space size={4}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }} className="kd-code">
              {m.code}
            </Typography.Text>
            {m.realtime && (
              <Tooltip title="数据接入时即时研判">
                <Tag color="cyan" icon={<ThunderboltOutlined />} style={{ fontSize: 11, lineHeight: '16px', marginInlineEnd: 0 }}>
                  实时
                </Tag>
              </Tooltip>
            )}
          </Space>
        </Space>
      ),
    },
    {
      title: '依据',
      key: 'basis',
      width: 230,
      render: (_: unknown, m: ModelEntry) => <BasisLink basis={m.basis} />,
    },
    { title: '严重程度', dataIndex: 'severity', width: 90, render: (_: unknown, m: ModelEntry) => <SeverityTag severity={m.severity} /> },
    { title: '参数（本辖区生效）', key: 'params', render: (_: unknown, m: ModelEntry) => <ParamsCell model={m} /> },
    {
      title: '线索',
      key: 'clues',
      width: 110,
      align: 'right' as const,
      sorter: (a: ModelEntry, b: ModelEntry) => (a.clues ?? 0) - (b.clues ?? 0),
      render: (_: unknown, m: ModelEntry) => (
        <span data-testid="model-clues" data-count={m.clues ?? 0} data-open={m.openClues ?? 0}>
          <Link to={`/clues?modelCode=${encodeURIComponent(m.code)}`}>{formatCount(m.clues ?? 0)}</Link>
          {(m.openClues ?? 0) > 0 && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              未办结 {formatCount(m.openClues ?? 0)}
            </Typography.Text>
          )}
        </span>
      ),
    },
    {
      title: '启用',
      key: 'enabled',
      width: 80,
      render: (_: unknown, m: ModelEntry) => {
        const on = enabledNow[m.code] ?? m.enabled;
        const control = (
          <Switch
            size="small"
            checked={on}
            disabled={!isAdmin}
            loading={saving === m.code}
            onChange={(v) => toggle(m, v)}
            data-testid="model-enabled"
            data-enabled={on ? 'true' : 'false'}
            aria-label={`${m.name} 启用`}
          />
        );
        return isAdmin ? control : <Tooltip title="仅管理员可以启停模型">{control}</Tooltip>;
      },
    },
  ];

  return (
    <PageFrame
      testId="models-page"
      title="监督模型"
      subtitle={
        load.data
          ? `共 ${models.length} 个模型，按类别列出；参数与启停为${user.regionName}生效的设置，线索数为本辖区`
          : '执法监管大脑的模型库'
      }
      load={load}
      extra={
        user.can.runModels && (
          <Space>
            <Link to="/models/triage" data-testid="models-triage-link">
              <Button>研判分流</Button>
            </Link>
            <Link to="/models/local" data-testid="models-local-link">
              <Button>本地模型</Button>
            </Link>
            <Popconfirm
              title={`在${user.regionName}运行全部已启用的模型？`}
              description="运行期间请勿关闭页面；全省运行约需数十秒。"
              okText="运行"
              cancelText="取消"
              onConfirm={runAll}
            >
              <Button type="primary" icon={<PlayCircleOutlined />} loading={running} data-testid="models-run-all">
                运行模型
              </Button>
            </Popconfirm>
          </Space>
        )
      }
    >
      {report && <RunReport reports={report} />}
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented
          value={category}
          onChange={(v) => setParam('category', String(v))}
          options={[
            { value: 'all', label: `全部 ${models.length}` },
            ...CATEGORY_ORDER.filter((c) => counts.has(c)).map((c) => ({
              value: c,
              label: `${categoryLabels.get(c) ?? c} ${counts.get(c)}`,
            })),
          ]}
          data-testid="models-category"
        />
        <Input.Search
          allowClear
          placeholder="按名称、编码或依据查找"
          defaultValue={query}
          onSearch={(v) => setParam('q', v.trim() || undefined)}
          style={{ width: 260 }}
          data-testid="models-search"
        />
        <Typography.Text type="secondary" data-testid="models-count" data-count={shown.length}>
          显示 {shown.length} 个
        </Typography.Text>
      </Space>
      {groups.map(([c, list]) => (
        <Card
          key={c}
          size="small"
          title={`${categoryLabels.get(c) ?? c}类模型 · ${list.length} 个`}
          style={{ marginBottom: 16 }}
          data-testid={`models-group-${c}`}
          data-count={list.length}
        >
          <Table<ModelEntry>
            rowKey="code"
            size="small"
            dataSource={list}
            columns={columns}
            pagination={false}
            tableLayout="fixed"
            scroll={{ x: 1000 }}
            onRow={(m) => ({ 'data-testid': 'model-row', 'data-code': m.code, 'data-category': m.category }) as HTMLAttributes<HTMLElement>}
          />
        </Card>
      ))}
      {load.state === 'ready' && groups.length === 0 && <Alert type="info" title="没有符合条件的模型" />}
    </PageFrame>
  );
}
