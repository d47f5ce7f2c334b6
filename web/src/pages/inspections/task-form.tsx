// 临时检查赋码: an agency's staff code an inspection the year's plan did not foresee (a complaint, a
// referral) before they enter the enterprise (POST /inspection-tasks). The server checks what matters —
// an item of the agency's line on the published list, an entity registered in its area, two officers
// or more certified over the window, a window of at most 90 days not yet past, a reason — and a refusal
// shows next to the field it names. The task's page then shows the code and prints its notice.
import { useMemo } from 'react';
import { Form, Input, Modal, Select, type ButtonProps } from 'antd';
import { api } from '../../api.ts';
import { useCatalog } from '../../catalog/use-catalog.ts';
import { useUser } from '../../session.tsx';
import { SubmitError, useSubmit } from '../../submit.tsx';
import { useLoad } from '../../use-load.ts';

interface TaskValues {
  origin: 'complaint' | 'adhoc';
  inspectionItemCode: string;
  entityUscc: string;
  officerIds: string[];
  validFrom: string;
  validTo: string;
  reason: string;
}

const SHOWN = ['inspectionItemCode', 'entityUscc', 'officerIds', 'validFrom', 'validTo', 'reason'];
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** Mounted only while shown (the page renders it on demand): its loads run when the form opens, not with the page. */
export function NewTaskModal({ onClose, onDone }: { onClose: () => void; onDone: (taskId: string) => void }) {
  const user = useUser();
  const agencyId = user.agencyId ?? '';
  const [form] = Form.useForm<TaskValues>();
  const items = useCatalog('inspection-items');
  // The agency's line (its items) and its officers, read in the caller's scope like every record.
  const agency = useLoad((signal) => api.record('agencies', agencyId, signal), [agencyId]);
  const officers = useLoad((signal) => api.recordList('officers', { agencyId, pageSize: 200, sort: 'id' }, signal), [agencyId]);
  const line = agency.data ? String(agency.data.record.line_code ?? '') : '';
  const itemOptions = useMemo(
    () => (items.data ?? []).filter((i) => !line || i.line_code === line).map((i) => ({ value: i.code, label: `${i.name}（${i.code}）` })),
    [items.data, line],
  );
  const { saving, error, field, run, fieldError } = useSubmit();
  const today = new Date();

  const submit = (v: TaskValues) =>
    run(async () => {
      const t = await api.inspections.createTask({
        agencyId,
        origin: v.origin,
        inspectionItemCode: v.inspectionItemCode,
        entityUscc: v.entityUscc.trim().toUpperCase(),
        officerIds: v.officerIds,
        validFrom: v.validFrom.trim(),
        validTo: v.validTo.trim(),
        reason: v.reason.trim(),
      });
      form.resetFields();
      onClose();
      onDone(t.id);
    });
  // A refusal naming a field the form shows is shown next to it; any other above the form.
  const besideField = field !== null && SHOWN.includes(field);

  return (
    <Modal
      open
      title="临时检查赋码（计划外检查）"
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="生成行政行为码"
      confirmLoading={saving}
      destroyOnHidden
      width={600}
      okButtonProps={{ 'data-testid': 'task-submit' } as ButtonProps}
    >
      <div data-testid="task-form">
        <SubmitError error={besideField ? null : error} testId="task-form-error" />
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{
            origin: 'complaint',
            officerIds: [],
            validFrom: isoDay(today),
            validTo: isoDay(new Date(today.getTime() + 14 * 86_400_000)),
          }}
        >
          <Form.Item name="origin" label="检查来源">
            <Select
              options={[
                { value: 'complaint', label: '投诉举报核查' },
                { value: 'adhoc', label: '转办、交办等其他计划外检查' },
              ]}
              data-testid="task-origin"
            />
          </Form.Item>
          <Form.Item
            name="inspectionItemCode"
            label="检查事项（本部门条线、已公布的涉企检查事项）"
            rules={[{ required: true, message: '请选择检查事项' }]}
            {...fieldError('inspectionItemCode')}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={items.state === 'loading' || agency.state === 'loading'}
              placeholder="输入事项名称或编码检索"
              options={itemOptions}
              data-testid="task-item"
            />
          </Form.Item>
          <Form.Item
            name="entityUscc"
            label="检查对象（统一社会信用代码）"
            rules={[{ required: true, message: '请填写检查对象的统一社会信用代码' }]}
            {...fieldError('entityUscc')}
          >
            <Input maxLength={18} data-testid="task-entity" />
          </Form.Item>
          <Form.Item
            name="officerIds"
            label="执法人员（两名以上，持有效执法证）"
            rules={[{ required: true, type: 'array', min: 2, message: '请选择两名以上执法人员' }]}
            {...fieldError('officerIds')}
          >
            <Select
              mode="multiple"
              maxCount={10}
              loading={officers.state === 'loading'}
              optionFilterProp="label"
              options={(officers.data?.rows ?? []).map((o) => ({
                value: String(o.id),
                label: `${String(o.name ?? '')}（${String(o.id)}）`,
              }))}
              data-testid="task-officers"
            />
          </Form.Item>
          <Form.Item
            name="validFrom"
            label="有效期开始（YYYY-MM-DD）"
            rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: '请按 YYYY-MM-DD 填写日期' }]}
            {...fieldError('validFrom')}
          >
            <Input data-testid="task-valid-from" />
          </Form.Item>
          <Form.Item
            name="validTo"
            label="有效期结束（最长90天）"
            rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: '请按 YYYY-MM-DD 填写日期' }]}
            {...fieldError('validTo')}
          >
            <Input data-testid="task-valid-to" />
          </Form.Item>
          <Form.Item name="reason" label="检查事由" rules={[{ required: true, message: '请写明检查事由' }]} {...fieldError('reason')}>
            <Input.TextArea rows={2} maxLength={500} placeholder="如 消费者投诉后厨卫生问题，现场核查" data-testid="task-reason" />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
