// 检查任务详情 (/inspections/tasks/:id): what the task's 行政行为码 stands for — agencies and items with
// their legal basis, officers with certificate numbers, the window (GET /inspection-tasks/:id); 打印告知单
// opens the A6 notice; 撤销 (POST /inspection-tasks/:id/revoke) takes the reason the server requires.
import { useState } from 'react';
import { Alert, Button, Descriptions, Form, Input, Modal, Space, Table, Tag, Typography, type ButtonProps } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import { api } from '../../api.ts';
import { useUser } from '../../session.tsx';
import { SubmitError, useSubmit } from '../../submit.tsx';
import { useLoad } from '../../use-load.ts';
import { PageFrame } from '../page-frame.tsx';
import { TASK_STATUS } from './tasks-page.tsx';

function RevokeModal({ id, open, onClose, onDone }: { id: string; open: boolean; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const { saving, error, field, run, fieldError } = useSubmit();
  return (
    <Modal
      open={open}
      title="撤销行政行为码"
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="撤销"
      okButtonProps={{ danger: true, 'data-testid': 'revoke-submit' } as ButtonProps}
      confirmLoading={saving}
      destroyOnHidden
    >
      <SubmitError error={field === 'reason' ? null : error} testId="revoke-error" />
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          run(async () => {
            await api.inspections.revoke(id, v.reason ?? '');
            onClose();
            onDone();
          })
        }
      >
        <Form.Item name="reason" label="撤销原因" required {...fieldError('reason')}>
          <Input.TextArea rows={2} maxLength={500} data-testid="revoke-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function TaskPage() {
  const { id = '' } = useParams();
  const user = useUser();
  const navigate = useNavigate();
  const load = useLoad((signal) => api.inspections.task(id, signal), [id]);
  const [revoking, setRevoking] = useState(false);
  const t = load.data?.task;
  const row = load.data?.row;
  return (
    <PageFrame
      testId="inspection-task-page"
      title={t ? `检查任务 ${t.displayCode}` : '检查任务'}
      load={load}
      extra={
        t && (
          <Space>
            <Button
              icon={<PrinterOutlined />}
              onClick={() => navigate(`/inspections/tasks/${encodeURIComponent(id)}/notice`)}
              data-testid="print-notice"
            >
              打印告知单
            </Button>
            {user.can.workInspections && t.status === 'open' && (
              <Button danger onClick={() => setRevoking(true)} data-testid="revoke-button">
                撤销
              </Button>
            )}
          </Space>
        )
      }
    >
      {t && row && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          {t.status !== 'open' && (
            <Alert
              type="warning"
              showIcon
              data-testid="task-inactive"
              title={
                t.status === 'merged'
                  ? '该任务已并入联合检查，原行政行为码已撤销'
                  : `该行政行为码已撤销${row.reason ? `：${String(row.reason)}` : ''}`
              }
            />
          )}
          <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} data-testid="task-facts">
            <Descriptions.Item label="行政行为码">
              <Typography.Text code copyable data-testid="task-code">
                {t.displayCode}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="状态">
              <Tag color={TASK_STATUS[t.status][1]} data-testid="task-status" data-status={t.status}>
                {TASK_STATUS[t.status][0]}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label="检查对象">
              {t.entityName ?? '—'}（{t.entityUscc}）
            </Descriptions.Item>
            <Descriptions.Item label="来源">{t.originLabel}</Descriptions.Item>
            <Descriptions.Item label="有效期">
              <span data-testid="task-window">
                {t.validFrom} 至 {t.validTo}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label="计划检查日">{t.plannedOn}</Descriptions.Item>
          </Descriptions>
          <Table
            rowKey={(p) => `${p.agencyId}|${p.itemCode ?? ''}`}
            size="small"
            pagination={false}
            dataSource={t.parts}
            columns={[
              { title: '执法主体', dataIndex: 'agencyName', width: 260 },
              { title: '检查事项', dataIndex: 'itemName', render: (v: string | null) => v ?? '—' },
              { title: '执法依据', dataIndex: 'basis', render: (v: string | null) => v ?? '—' },
            ]}
          />
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={t.officers}
            onRow={() => ({ 'data-testid': 'task-officer' }) as object}
            columns={[
              { title: '执法人员', dataIndex: 'name', width: 160 },
              { title: '所在单位', dataIndex: 'agencyName' },
              { title: '执法证号', dataIndex: 'certificateNumber', width: 220, render: (v: string | null) => v ?? '—' },
            ]}
          />
        </Space>
      )}
      <RevokeModal id={id} open={revoking} onClose={() => setRevoking(false)} onDone={load.retry} />
    </PageFrame>
  );
}
