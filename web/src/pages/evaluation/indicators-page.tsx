// 效能评价 · 指标体系: every indicator with its group, definition, unit, direction, scoring rule and the
// weight and target in force for the caller's region (GET /evaluation/indicators). Admins change the
// weight and target for a region of their jurisdiction (PUT /evaluation/indicators/:code/settings);
// the server checks each value and says which field is wrong.
import { useState } from 'react';
import { Alert, App, Button, Form, InputNumber, Modal, Input, Table, Tag, Typography } from 'antd';
import { useUser } from '../../session.tsx';
import { useLoad } from '../../use-load.ts';
import { errorText, ApiError } from '../../api.ts';
import { PageFrame } from '../page-frame.tsx';
import { evaluationApi, LEVEL_LABELS, type IndicatorEntry } from '../../evaluation/evaluation-api.ts';
import { ruleText } from './scorecard-page.tsx';

function SettingDialog({ indicator, onClose, onSaved }: { indicator: IndicatorEntry | null; onClose: () => void; onSaved: () => void }) {
  const user = useUser();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ regionCode: string; weight: number | null; target: number | null }>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const save = async () => {
    const values = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      await evaluationApi.saveSetting(indicator!.code, { regionCode: values.regionCode, weight: values.weight, target: values.target });
      message.success('已保存，并记入审计日志');
      onSaved();
      onClose();
    } catch (e) {
      setError(e instanceof ApiError && e.field ? `${errorText(e)}（${e.field}）` : errorText(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={!!indicator}
      title={indicator ? `调整指标：${indicator.name}` : ''}
      onCancel={onClose}
      onOk={save}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'indicator-setting-save' } as React.ComponentProps<typeof Button>}
      destroyOnHidden
    >
      {indicator && (
        <Form
          form={form}
          layout="vertical"
          data-testid="indicator-setting-form"
          initialValues={{ regionCode: user.regionCode, weight: indicator.inForce.weight, target: indicator.inForce.target }}
        >
          <Form.Item name="regionCode" label="适用区划（含下级）" rules={[{ required: true, message: '请填写区划代码' }]}>
            <Input data-testid="indicator-setting-region" />
          </Form.Item>
          <Form.Item name="weight" label="权重">
            <InputNumber data-testid="indicator-setting-weight" min={0} max={100} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="target" label={`目标值（${indicator.unit}）`}>
            <InputNumber data-testid="indicator-setting-target" style={{ width: '100%' }} />
          </Form.Item>
          {error && <Alert type="error" showIcon title={error} data-testid="indicator-setting-error" />}
        </Form>
      )}
    </Modal>
  );
}

export default function IndicatorsPage() {
  const user = useUser();
  const load = useLoad((signal) => evaluationApi.indicators(signal), []);
  const [editing, setEditing] = useState<IndicatorEntry | null>(null);
  return (
    <PageFrame
      testId="indicators-page"
      title="效能评价 · 指标体系"
      subtitle="每项指标的定义、计分规则，以及本辖区生效的权重和目标值"
      load={load}
    >
      <Table
        data-testid="indicators-table"
        data-count={load.data?.rows.length}
        rowKey="code"
        size="middle"
        loading={load.state === 'loading'}
        dataSource={load.data?.rows ?? []}
        pagination={false}
        onRow={(r) =>
          ({
            'data-testid': 'indicator-row',
            'data-code': r.code,
            'data-weight': r.inForce.weight,
            'data-target': r.inForce.target,
          }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          { title: '分组', dataIndex: 'groupName', width: 90 },
          {
            title: '指标',
            dataIndex: 'name',
            render: (name: string, r) => (
              <>
                <Typography.Text strong>{name}</Typography.Text>
                <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 12 }}>
                  {r.definition}
                </Typography.Paragraph>
              </>
            ),
          },
          { title: '计分规则', key: 'rule', width: 260, render: (_: unknown, r) => ruleText({ ...r, target: r.inForce.target }) },
          {
            title: '适用对象',
            dataIndex: 'levels',
            width: 150,
            render: (ls: IndicatorEntry['levels']) => ls.map((l) => <Tag key={l}>{LEVEL_LABELS[l]}</Tag>),
          },
          { title: '权重', key: 'weight', width: 70, render: (_: unknown, r) => r.inForce.weight },
          { title: '目标值', key: 'target', width: 100, render: (_: unknown, r) => `${r.inForce.target}${r.unit}` },
          ...(user.can.configureEvaluation
            ? [
                {
                  title: '',
                  key: 'edit',
                  width: 80,
                  render: (_: unknown, r: IndicatorEntry) => (
                    <Button size="small" data-testid="indicator-edit" data-code={r.code} onClick={() => setEditing(r)}>
                      调整
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <SettingDialog indicator={editing} onClose={() => setEditing(null)} onSaved={load.retry} />
    </PageFrame>
  );
}
