// 新建计划: an agency's staff make one plan item of their agency's yearly plan in the console. It lands as
// one record through the import path (POST /ingest/inspection_plans), so the checks are the import's —
// an item of the published list and of the agency's line, officers certified for it, registered
// entities, a window not in the past — and each refusal shows next to the field it names.
import { useState } from 'react';
import { Alert, Form, Input, InputNumber, Modal, Select, type ButtonProps } from 'antd';
import { api, type ImportError } from '../../api.ts';
import { useCatalog } from '../../catalog/use-catalog.ts';
import { useUser } from '../../session.tsx';
import { SubmitError, useSubmit } from '../../submit.tsx';

interface PlanValues {
  name: string;
  plan_year: number;
  inspection_item_code: string;
  method: 'random' | 'targeted';
  target_count: number;
  weighting?: 'none' | 'risk' | 'credit';
  object_type?: string;
  entity_usccs?: string;
  officer_ids?: string;
  officers_per_task?: number;
  task_days?: number;
  starts_on: string;
  ends_on: string;
}

export function NewPlanModal({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: (planName: string) => void }) {
  const user = useUser();
  const [form] = Form.useForm<PlanValues>();
  const method = Form.useWatch('method', form);
  const items = useCatalog('inspection-items');
  const { saving, error, run } = useSubmit();
  const [rowErrors, setRowErrors] = useState<ImportError[]>([]);
  // The fields the form showed at the last submission: an error on any other (the agency, the region) shows above it.
  const [shown, setShown] = useState<Set<string>>(new Set());
  const year = new Date().getFullYear() + 1;

  const submit = (v: PlanValues) =>
    run(async () => {
      setRowErrors([]);
      const record: Record<string, string | number> = {
        source_id: `WEB-${Date.now().toString(36).toUpperCase()}`,
        region_code: user.regionCode,
        agency_id: user.agencyId ?? '',
      };
      // The fields the form shows are the values it gives; a blank one is left to the import's default.
      for (const [f, value] of Object.entries(v)) {
        if (value !== undefined && value !== null && String(value).trim() !== '')
          record[f] = typeof value === 'string' ? value.trim() : value;
      }
      setShown(new Set(Object.keys(v)));
      const report = await api.inspections.createPlan(record);
      if (report.rowsBad > 0) {
        setRowErrors(report.errors);
        return;
      }
      form.resetFields();
      onClose();
      onDone(v.name);
    });
  const byField = new Map(rowErrors.filter((e) => e.field).map((e) => [e.field, e.message]));
  const help = (name: keyof PlanValues) =>
    byField.has(name)
      ? { validateStatus: 'error' as const, help: <span data-testid={`plan-error-${name}`}>{byField.get(name)}</span> }
      : {};
  const elsewhere = rowErrors.filter((e) => !shown.has(e.field));

  return (
    <Modal
      open={open}
      title="新建年度检查计划"
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="保存计划"
      confirmLoading={saving}
      destroyOnHidden
      width={640}
      okButtonProps={{ 'data-testid': 'plan-submit' } as ButtonProps}
    >
      <div data-testid="plan-form">
        <SubmitError error={error} testId="plan-form-error" />
        {elsewhere.length > 0 && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="plan-form-row-error"
            title={elsewhere.map((e) => e.message).join('；')}
          />
        )}
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ plan_year: year, method: 'random', weighting: 'none', officers_per_task: 2, task_days: 15 }}
        >
          <Form.Item name="name" label="计划名称" rules={[{ required: true, message: '请填写计划名称' }]} {...help('name')}>
            <Input maxLength={200} placeholder={`如 ${year}年食品经营者双随机抽查`} data-testid="plan-name" />
          </Form.Item>
          <Form.Item name="plan_year" label="计划年度" rules={[{ required: true, message: '请填写年度' }]} {...help('plan_year')}>
            <InputNumber data-testid="plan-year" />
          </Form.Item>
          <Form.Item
            name="inspection_item_code"
            label="检查事项（本部门条线、已公布的涉企检查事项）"
            rules={[{ required: true, message: '请选择检查事项' }]}
            {...help('inspection_item_code')}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={items.state === 'loading'}
              placeholder="输入事项名称或编码检索"
              options={(items.data ?? []).map((i) => ({ value: i.code, label: `${i.name}（${i.code}）` }))}
              data-testid="plan-item"
            />
          </Form.Item>
          <Form.Item name="method" label="抽取方式" {...help('method')}>
            <Select
              options={[
                { value: 'random', label: '双随机抽查（从本部门检查对象名录随机抽取）' },
                { value: 'targeted', label: '重点检查（从所列企业中抽取）' },
              ]}
              data-testid="plan-method"
            />
          </Form.Item>
          <Form.Item
            name="target_count"
            label="计划检查户数"
            rules={[{ required: true, message: '请填写计划检查户数' }]}
            {...help('target_count')}
          >
            <InputNumber data-testid="plan-target" />
          </Form.Item>
          <Form.Item name="weighting" label="抽取权重" {...help('weighting')}>
            <Select
              options={[
                { value: 'none', label: '等概率' },
                { value: 'risk', label: '按风险等级加权' },
                { value: 'credit', label: '按信用等级加权' },
              ]}
              data-testid="plan-weighting"
            />
          </Form.Item>
          <Form.Item name="object_type" label="检查对象类型（不填为全部名录）" {...help('object_type')}>
            <Input maxLength={64} data-testid="plan-object-type" />
          </Form.Item>
          {method === 'targeted' && (
            <Form.Item name="entity_usccs" label="检查对象（统一社会信用代码，逗号或顿号分隔）" {...help('entity_usccs')}>
              <Input.TextArea rows={2} data-testid="plan-entities" />
            </Form.Item>
          )}
          <Form.Item name="officer_ids" label="执法人员库（执法人员编号，逗号分隔；不填为本部门全部持证人员）" {...help('officer_ids')}>
            <Input data-testid="plan-officers" />
          </Form.Item>
          <Form.Item name="officers_per_task" label="每户检查人数" {...help('officers_per_task')}>
            <InputNumber data-testid="plan-officers-per-task" />
          </Form.Item>
          <Form.Item name="task_days" label="每户检查期限（天）" {...help('task_days')}>
            <InputNumber data-testid="plan-task-days" />
          </Form.Item>
          <Form.Item name="starts_on" label="开始日期" rules={[{ required: true, message: '请填写开始日期' }]} {...help('starts_on')}>
            <Input placeholder={`如 ${year}-03-01`} data-testid="plan-starts-on" />
          </Form.Item>
          <Form.Item name="ends_on" label="结束日期" rules={[{ required: true, message: '请填写结束日期' }]} {...help('ends_on')}>
            <Input placeholder={`如 ${year}-11-30`} data-testid="plan-ends-on" />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
