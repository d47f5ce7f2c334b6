// 本地模型 (/models/local): the models a county writes itself. The list of the caller's region (and
// above and below it) with their version and on/off switch; for admins a template form — record kind,
// filters over the kind's fields, grouping, window, threshold, severity, explanation, legal basis — a
// preview on the live data (hit count and sample explanations) and save, each save a new version.
// GET/POST/PUT /local-models…; docs/local-models.md.
import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, InputNumber, List, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { api, errorText, type LocalModel, type LocalPreview, type LocalTemplate } from '../../api.ts';
import { SEVERITY_LABELS } from '../../clues/clue-rules.ts';
import { useCatalog } from '../../catalog/use-catalog.ts';
import { useUser } from '../../session.tsx';
import { useLoad } from '../../use-load.ts';
import { PageFrame } from '../page-frame.tsx';

interface FilterRow {
  field?: string;
  op?: string;
  value?: string;
}

interface FormValues {
  name: string;
  description: string;
  kind: string;
  filters: FilterRow[];
  groupBy?: string;
  dateField: string;
  windowDays: number;
  threshold: number;
  severity: 'low' | 'medium' | 'high';
  explanation: string;
  regulationId: string;
  article?: number;
}

const NUMERIC = new Set(['decimal', 'integer']);

/** The form's values as a template: each filter value typed by its field (numbers, booleans, lists for 属于). */
function toTemplate(v: FormValues, fieldType: (name: string) => string | undefined): LocalTemplate {
  const typed = (field: string, raw: string): string | number | boolean => {
    const type = fieldType(field);
    if (type && NUMERIC.has(type)) return Number(raw);
    if (type === 'boolean') return raw === 'true';
    return raw;
  };
  return {
    name: v.name,
    description: v.description ?? '',
    kind: v.kind,
    filters: (v.filters ?? [])
      .filter((f) => f.field && f.op)
      .map((f) => {
        if (f.op === 'is_null' || f.op === 'not_null') return { field: f.field!, op: f.op };
        if (f.op === 'in')
          return {
            field: f.field!,
            op: f.op,
            value: (f.value ?? '')
              .split(/[,，]/)
              .map((x) => x.trim())
              .filter(Boolean)
              .map((x) => typed(f.field!, x) as string | number),
          };
        return { field: f.field!, op: f.op!, value: typed(f.field!, f.value ?? '') };
      }),
    groupBy: v.groupBy || null,
    dateField: v.dateField,
    windowDays: v.windowDays,
    threshold: v.groupBy ? v.threshold : 1,
    severity: v.severity,
    explanation: v.explanation,
    basis: { regulationId: v.regulationId, ...(v.article ? { article: v.article } : {}) },
  };
}

function Editor({ onSaved }: { onSaved: () => void }) {
  const user = useUser();
  const { message } = App.useApp();
  const schema = useLoad((signal) => api.localModelSchema(signal), []);
  const regulations = useCatalog('regulations');
  const [form] = Form.useForm<FormValues>();
  const kind = Form.useWatch('kind', form);
  const groupBy = Form.useWatch('groupBy', form);
  const filterRows = Form.useWatch('filters', form);
  const [preview, setPreview] = useState<LocalPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const spec = schema.data?.kinds.find((k) => k.kind === kind);
  const fieldOptions = (spec?.fields ?? []).map((f) => ({ value: f.name, label: `${f.label}（${f.name}）` }));
  const fieldType = (name: string) => spec?.fields.find((f) => f.name === name)?.type;
  // A field with several codes in a cell compares per code: 包含 / 不包含 / 包含其一.
  const operatorOptions = (row: number) => {
    const multiple = spec?.fields.find((f) => f.name === filterRows?.[row]?.field)?.multiple === true;
    return schema
      .data!.operators.filter((o) => !multiple || o.multipleLabel !== null || o.op === 'is_null' || o.op === 'not_null')
      .map((o) => ({ value: o.op, label: multiple ? (o.multipleLabel ?? o.label) : o.label }));
  };
  const groupOptions = (spec?.fields ?? [])
    .filter((f) => f.type === 'uscc' || f.name === 'agency_id' || f.name.endsWith('officer_id'))
    .map((f) => ({ value: f.name, label: f.label }));
  const dateOptions = (spec?.fields ?? []).filter((f) => f.type === 'date').map((f) => ({ value: f.name, label: f.label }));

  const run = async (action: 'preview' | 'save') => {
    const values = await form.validateFields();
    const template = toTemplate(values, fieldType);
    setBusy(true);
    try {
      if (action === 'preview') setPreview(await api.previewLocalModel(user.regionCode, template));
      else {
        const saved = await api.createLocalModel(user.regionCode, template);
        message.success(`已保存本地模型 ${saved.code}（第${saved.version}版，尚未启用）`);
        setPreview(null);
        form.resetFields();
        onSaved();
      }
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  if (!schema.data) return <Card size="small" loading title="新建本地模型" />;
  return (
    <Card size="small" title="新建本地模型" data-testid="local-model-editor" style={{ marginBottom: 16 }}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ severity: 'medium', windowDays: 365, threshold: 3, filters: [] }}
        onValuesChange={(changed) => {
          if ('kind' in changed) form.setFieldsValue({ filters: [], groupBy: undefined, dateField: undefined });
          setPreview(null);
        }}
      >
        <Space wrap align="start">
          <Form.Item name="name" label="模型名称" rules={[{ required: true, max: 40 }]}>
            <Input style={{ width: 240 }} data-testid="local-name" />
          </Form.Item>
          <Form.Item name="kind" label="记录类型" rules={[{ required: true }]}>
            <Select
              style={{ width: 180 }}
              data-testid="local-kind"
              options={schema.data.kinds.map((k) => ({ value: k.kind, label: k.label }))}
            />
          </Form.Item>
          <Form.Item name="severity" label="严重程度">
            <Select
              style={{ width: 90 }}
              options={(['high', 'medium', 'low'] as const).map((s) => ({ value: s, label: SEVERITY_LABELS[s] }))}
            />
          </Form.Item>
        </Space>
        <Form.Item name="description" label="模型说明（查什么）">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Typography.Text strong>筛选条件</Typography.Text>
        <Form.List name="filters">
          {(rows, { add, remove }) => (
            <div style={{ margin: '8px 0 16px' }}>
              {rows.map((row) => (
                <Space key={row.key} wrap data-testid="local-filter">
                  <Form.Item name={[row.name, 'field']} rules={[{ required: true, message: '请选择字段' }]}>
                    <Select
                      style={{ width: 220 }}
                      placeholder="字段"
                      options={fieldOptions}
                      showSearch={{ optionFilterProp: 'label' }}
                      data-testid="local-filter-field"
                    />
                  </Form.Item>
                  <Form.Item name={[row.name, 'op']} rules={[{ required: true, message: '请选择比较方式' }]}>
                    <Select style={{ width: 100 }} placeholder="比较" options={operatorOptions(row.name)} data-testid="local-filter-op" />
                  </Form.Item>
                  <Form.Item name={[row.name, 'value']}>
                    <Input style={{ width: 200 }} placeholder="取值（属于：逗号分隔）" data-testid="local-filter-value" />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(row.name)} aria-label="删除条件" />
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({})} disabled={!spec} data-testid="local-add-filter">
                添加条件
              </Button>
            </div>
          )}
        </Form.List>
        <Space wrap align="start">
          <Form.Item name="groupBy" label="按对象归集（不选：每条记录一条命中）">
            <Select allowClear style={{ width: 220 }} options={groupOptions} data-testid="local-group" />
          </Form.Item>
          <Form.Item name="dateField" label="统计日期" rules={[{ required: true }]}>
            <Select style={{ width: 160 }} options={dateOptions} data-testid="local-date" />
          </Form.Item>
          <Form.Item name="windowDays" label="统计周期（天）" rules={[{ required: true }]}>
            <InputNumber min={1} max={3650} data-testid="local-window" />
          </Form.Item>
          {groupBy && (
            <Form.Item name="threshold" label="记录数不少于" rules={[{ required: true }]}>
              <InputNumber min={1} max={10000} data-testid="local-threshold" />
            </Form.Item>
          )}
        </Space>
        <Form.Item
          name="explanation"
          label={`线索说明（可用 ${schema.data.placeholders.map((p) => `{${p}}`).join('、')}）`}
          rules={[{ required: true, max: 500 }]}
        >
          <Input.TextArea rows={2} data-testid="local-explanation" />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="regulationId" label="依据法规" rules={[{ required: true }]}>
            <Select
              style={{ width: 320 }}
              showSearch={{ optionFilterProp: 'label' }}
              loading={regulations.state === 'loading'}
              options={(regulations.data ?? []).map((r) => ({ value: r.id, label: r.title }))}
              data-testid="local-regulation"
            />
          </Form.Item>
          <Form.Item name="article" label="条">
            <InputNumber min={1} max={2000} data-testid="local-article" />
          </Form.Item>
        </Space>
        <Space>
          <Button onClick={() => run('preview')} loading={busy} data-testid="local-preview">
            预览命中
          </Button>
          <Button type="primary" onClick={() => run('save')} loading={busy} disabled={!preview} data-testid="local-save">
            保存
          </Button>
          {!preview && <Typography.Text type="secondary">保存前请先预览</Typography.Text>}
        </Space>
      </Form>
      {preview && (
        <Alert
          style={{ marginTop: 16 }}
          type={preview.hits ? 'info' : 'warning'}
          data-testid="local-preview-result"
          data-hits={preview.hits}
          title={`以 ${preview.asOf} 为准，在本辖区现有数据上命中 ${preview.hits} 条（${preview.millis} 毫秒）`}
          description={
            <List
              size="small"
              dataSource={preview.sample}
              renderItem={(s) => (
                <List.Item>
                  <Typography.Text>
                    {s.subjectName ?? s.subjectId}：{s.explanation}
                  </Typography.Text>
                </List.Item>
              )}
            />
          }
        />
      )}
    </Card>
  );
}

export default function LocalModelsPage() {
  const user = useUser();
  const { message } = App.useApp();
  const [version, setVersion] = useState(0);
  const load = useLoad((signal) => api.localModels(signal), [version]);
  const admin = user.role === 'admin';
  const rows = useMemo(() => load.data?.rows ?? [], [load.data]);
  const toggle = async (m: LocalModel, enabled: boolean) => {
    try {
      await api.enableLocalModel(m.code, enabled);
      message.success(`${m.name}已${enabled ? '启用，随模型库运行' : '停用'}`);
      setVersion((v) => v + 1);
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <PageFrame
      testId="local-models-page"
      title="本地模型"
      subtitle="本地区自行编写的监督模型：声明式模板，预览后启用，每次修改保存为新版本"
      load={load}
      extra={<Link to="/models">返回模型库</Link>}
    >
      {admin && <Editor onSaved={() => setVersion((v) => v + 1)} />}
      <Card size="small" title="本地模型">
        <Table<LocalModel>
          size="small"
          rowKey="code"
          data-testid="local-models"
          dataSource={rows}
          pagination={false}
          columns={[
            { title: '编号', dataIndex: 'code', width: 180 },
            {
              title: '名称',
              dataIndex: 'name',
              render: (v: string, m) => (
                <Link to={`/clues?modelCode=${encodeURIComponent(m.code)}`} data-testid="local-model-clues" data-code={m.code}>
                  {v}
                </Link>
              ),
            },
            { title: '区划', dataIndex: 'regionCode', width: 90 },
            { title: '版本', dataIndex: 'version', width: 60, render: (v: number) => <Tag>第{v}版</Tag> },
            { title: '更新', dataIndex: 'updatedBy', width: 100 },
            {
              title: '启用',
              dataIndex: 'enabled',
              width: 80,
              render: (v: boolean, m) => (
                <Switch
                  checked={v}
                  disabled={!admin}
                  onChange={(on) => toggle(m, on)}
                  data-testid="local-model-switch"
                  data-code={m.code}
                />
              ),
            },
          ]}
        />
      </Card>
    </PageFrame>
  );
}
