// One dialog for every step a clue can take: it asks for what the step needs (docs/clues.md: an
// agency and a deadline to assign, a reason to return, dismiss or transfer, a rectification report
// with evidence files to submit, a new date and a reason to extend) and shows the server's refusal as
// it words it. Evidence files are uploaded first (POST /clues/:id/attachments), then the step is
// sent with their ids.
import { useEffect, useState } from 'react';
import { Button, Checkbox, DatePicker, Form, Input, Modal, Typography, Upload, type ButtonProps, type UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api, type ClueAction, type ClueDetail } from '../api.ts';
import { AgencyFormItem } from './bulk-actions.tsx';
import { ACTIONS, addDays, MAX_EXTENSION_DAYS, MIN_RECTIFICATION, type ActionField, type ActionSpec } from './clue-rules.ts';
import { useAgencies } from './lookups.ts';
import { SubmitError, useSubmit } from '../submit.tsx';

export type ModalAction = ClueAction | 'extend';

const EXTEND: ActionSpec = { label: '延期', fields: ['deadline', 'comment'], required: ['deadline', 'comment'], commentLabel: '延期理由' };

export function specOf(action: ModalAction): ActionSpec {
  return action === 'extend' ? EXTEND : ACTIONS[action];
}

interface Values {
  agencyId?: string;
  deadline?: Dayjs;
  comment?: string;
  rectification?: string;
  existing?: string[];
}

const MAX_BYTES = 20 * 1024 * 1024;

export function ActionModal({
  action,
  detail,
  onClose,
  onDone,
}: {
  action: ModalAction | null;
  detail: ClueDetail;
  onClose: () => void;
  onDone: (label: string) => void;
}) {
  const { clue } = detail;
  const spec = action ? specOf(action) : null;
  const has = (f: ActionField) => !!spec?.fields.includes(f);
  const needs = (f: ActionField) => !!spec?.required.includes(f);
  const agencies = useAgencies(action === 'assign');
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const { saving, error, setError, run } = useSubmit();

  useEffect(() => {
    if (!action) return;
    form.resetFields();
    setFiles([]);
    setError(null);
    form.setFieldsValue({
      agencyId: action === 'assign' ? (clue.agencyId ?? undefined) : undefined,
      existing: action === 'submit' ? detail.attachments.map((a) => a.id) : undefined,
    });
  }, [action, clue.agencyId, detail.attachments, form, setError]);

  if (!action || !spec) return null;
  const today = dayjs().format('YYYY-MM-DD');
  const disabledDate = (d: Dayjs) => {
    const day = d.format('YYYY-MM-DD');
    if (day < today) return true;
    if (action === 'extend' && clue.deadline) return day <= clue.deadline || day > addDays(clue.deadline, MAX_EXTENSION_DAYS);
    return false;
  };

  const submit = async (v: Values) => {
    if (has('evidence') && files.length === 0 && (v.existing ?? []).length === 0) {
      setError('提交整改须附整改证明材料：请选择文件');
      return;
    }
    await run(async () => {
      const deadline = v.deadline?.format('YYYY-MM-DD');
      const comment = v.comment?.trim() || undefined;
      if (action === 'extend') {
        await api.extendDeadline(clue.id, deadline!, comment!);
      } else {
        let attachmentIds: string[] | undefined;
        if (has('evidence')) {
          const fresh = files.map((f) => f.originFileObj).filter((f): f is NonNullable<typeof f> => !!f);
          const uploaded = fresh.length ? (await api.uploadAttachments(clue.id, fresh)).attachments.map((a) => a.id) : [];
          attachmentIds = [...(v.existing ?? []), ...uploaded];
          setFiles([]);
        }
        await api.transition(clue.id, {
          action,
          comment,
          agencyId: has('agency') ? v.agencyId : undefined,
          deadline: has('deadline') ? deadline : undefined,
          rectification: has('rectification') ? v.rectification?.trim() : undefined,
          attachmentIds,
        });
      }
      onDone(spec.label);
      // Files uploaded before a refused step stay with the clue: offer them as existing ones next time.
    });
  };

  return (
    <Modal
      open
      title={`${spec.label} · ${clue.title}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={spec.label}
      cancelText="取消"
      confirmLoading={saving}
      okButtonProps={{ danger: spec.danger, 'data-testid': 'action-confirm' } as ButtonProps}
      width={600}
      destroyOnHidden
    >
      <div data-testid="action-modal" data-action={action}>
        <SubmitError error={error} testId="action-error" />
        {spec.confirm && <Typography.Paragraph type="secondary">{spec.confirm}</Typography.Paragraph>}
        <Form<Values> form={form} layout="vertical" onFinish={submit} disabled={saving}>
          {has('agency') && <AgencyFormItem agencies={agencies} testId="action-agency" />}
          {has('deadline') && (
            <Form.Item
              name="deadline"
              label={action === 'extend' ? '新的整改期限' : action === 'return' ? '新的整改期限（可不填）' : '整改期限'}
              rules={needs('deadline') ? [{ required: true, message: '请选择日期' }] : []}
              extra={
                action === 'extend'
                  ? `原期限 ${clue.deadline}；一次最多延期 ${MAX_EXTENSION_DAYS} 天`
                  : action === 'assign'
                    ? '不填则按严重程度：高 10 天、中 20 天、低 30 天'
                    : '不填则沿用原期限'
              }
            >
              <DatePicker style={{ width: '100%' }} disabledDate={disabledDate} data-testid="action-deadline" />
            </Form.Item>
          )}
          {has('rectification') && (
            <Form.Item
              name="rectification"
              label="整改情况"
              rules={[
                { required: true, message: '请填写整改情况' },
                { min: MIN_RECTIFICATION, message: `整改情况须至少${MIN_RECTIFICATION}个字` },
              ]}
            >
              <Input.TextArea
                rows={5}
                maxLength={10000}
                showCount
                placeholder="已采取的整改措施、结果及长效机制"
                data-testid="action-rectification"
              />
            </Form.Item>
          )}
          {has('evidence') && (
            <>
              {detail.attachments.length > 0 && (
                <Form.Item name="existing" label="已上传的材料">
                  <Checkbox.Group
                    data-testid="action-existing-attachments"
                    options={detail.attachments.map((a) => ({ value: a.id, label: a.fileName }))}
                  />
                </Form.Item>
              )}
              <Form.Item label="整改证明材料" required extra="至少一份；单个文件不超过 20 MB。文件上传时计算 SHA-256 与 SM3 摘要存证。">
                <div data-testid="action-files" data-count={files.length}>
                  <Upload
                    multiple
                    fileList={files}
                    beforeUpload={(file) => {
                      if (file.size > MAX_BYTES) {
                        setError(`文件「${file.name}」超过 20 MB`);
                        return Upload.LIST_IGNORE;
                      }
                      return false;
                    }}
                    onChange={({ fileList }) => setFiles(fileList)}
                  >
                    <Button icon={<UploadOutlined />}>选择文件</Button>
                  </Upload>
                </div>
              </Form.Item>
            </>
          )}
          {has('comment') && (
            <Form.Item
              name="comment"
              label={spec.commentLabel ?? '意见'}
              rules={needs('comment') ? [{ required: true, whitespace: true, message: `请填写${spec.commentLabel ?? '意见'}` }] : []}
            >
              <Input.TextArea rows={3} maxLength={2000} data-testid="action-comment" />
            </Form.Item>
          )}
        </Form>
      </div>
    </Modal>
  );
}
