// What a supervisor does with several clues at once: assign them to one agency (POST
// /clues/bulk-assign, each clue on its own: refusals are listed, the rest go through), issue a
// notice drawn from them (POST /notices), or merge them into one case (POST /clues/merge).
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link } from 'react-router-dom';
import { api, errorText, type BulkAssignResult, type ClueSummary, type Notice, type NoticeKind } from '../api.ts';
import { useAgencies, type AgencyOption } from './lookups.ts';
import { SubmitError, useSubmit } from '../submit.tsx';

export function agencyOptions(agencies: readonly AgencyOption[] | undefined, regionNames?: Map<string, string>) {
  return (agencies ?? []).map((a) => ({
    value: a.id,
    label: a.name,
    title: `${a.name}（${regionNames?.get(a.regionCode) ?? a.regionCode}）`,
  }));
}

/** 承办单位: the agency a clue is assigned to, from the caller's jurisdiction (single and bulk assignment). */
export function AgencyFormItem({ agencies, testId }: { agencies: ReturnType<typeof useAgencies>; testId: string }) {
  return (
    <Form.Item name="agencyId" label="承办单位" rules={[{ required: true, message: '请选择承办单位' }]}>
      <Select
        showSearch={{ optionFilterProp: 'label' }}
        placeholder="选择本辖区的执法主体"
        loading={agencies.state === 'loading'}
        options={agencyOptions(agencies.data)}
        data-testid={testId}
      />
    </Form.Item>
  );
}

const disabledPast = (d: Dayjs) => d.isBefore(dayjs().startOf('day'));

interface AssignValues {
  agencyId: string;
  deadline?: Dayjs;
  comment?: string;
}

export function BulkAssignModal({
  open,
  clueIds,
  onClose,
  onDone,
}: {
  open: boolean;
  clueIds: string[];
  onClose: () => void;
  onDone: (r: BulkAssignResult) => void;
}) {
  const agencies = useAgencies(open);
  const [form] = Form.useForm<AssignValues>();
  const { saving, error, setError, run } = useSubmit();
  const [result, setResult] = useState<BulkAssignResult | null>(null);

  useEffect(() => {
    if (open) {
      setError(null);
      setResult(null);
      form.resetFields();
    }
  }, [open, form, setError]);

  const submit = async (v: AssignValues) => {
    await run(async () => {
      const r = await api.bulkAssign(clueIds, v.agencyId, v.deadline?.format('YYYY-MM-DD'), v.comment?.trim() || undefined);
      setResult(r);
      onDone(r);
    });
  };

  return (
    <Modal
      open={open}
      title={`批量交办 ${result ? result.results.length : clueIds.length} 条线索`}
      onCancel={onClose}
      onOk={() => (result ? onClose() : form.submit())}
      okText={result ? '完成' : '交办'}
      cancelButtonProps={{ style: result ? { display: 'none' } : undefined }}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'bulk-assign-submit' } as never}
      destroyOnHidden
    >
      <div data-testid="bulk-assign-modal">
        <SubmitError error={error} testId="bulk-assign-error" />
        {result ? (
          <div data-testid="bulk-assign-result" data-assigned={result.assigned} data-refused={result.refused}>
            <Alert
              type={result.refused ? 'warning' : 'success'}
              showIcon
              title={`已交办 ${result.assigned} 条${result.refused ? `，${result.refused} 条未能交办` : ''}`}
              style={{ marginBottom: 12 }}
            />
            {result.results
              .filter((r) => !r.ok)
              .map((r) => (
                <div key={r.id} style={{ fontSize: 12, marginBottom: 4 }}>
                  <Link to={`/clues/${encodeURIComponent(r.id)}`}>{r.id}</Link>：{r.error?.message}
                </div>
              ))}
          </div>
        ) : (
          <Form<AssignValues> form={form} layout="vertical" onFinish={submit}>
            <AgencyFormItem agencies={agencies} testId="bulk-assign-agency" />
            <Form.Item name="deadline" label="整改期限" extra="不填则按严重程度：高 10 天、中 20 天、低 30 天">
              <DatePicker style={{ width: '100%' }} disabledDate={disabledPast} data-testid="bulk-assign-deadline" />
            </Form.Item>
            <Form.Item name="comment" label="交办意见">
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
          </Form>
        )}
      </div>
    </Modal>
  );
}

interface NoticeValues {
  kind: NoticeKind;
  agencyId?: string;
  addressee?: string;
  requiredAction?: string;
  deadline?: Dayjs;
}

const KIND_TEXT: Record<NoticeKind, string> = { advisory: '监督提示单', supervision: '执法监督通知书', transfer: '问题线索移送函' };

/** A notice from the selected clues: an advisory or supervision notice to one agency, or a transfer letter for transferred clues. */
export function NoticeModal({
  open,
  clues,
  onClose,
  onDone,
}: {
  open: boolean;
  clues: ClueSummary[];
  onClose: () => void;
  onDone: (n: Notice) => void;
}) {
  const agencies = useAgencies(open);
  const [form] = Form.useForm<NoticeValues>();
  const { saving, error, setError, run } = useSubmit();
  const [issued, setIssued] = useState<Notice | null>(null);
  const allTransferred = clues.length > 0 && clues.every((c) => c.status === 'transferred');
  const agencyIds = useMemo(() => [...new Set(clues.map((c) => c.agencyId).filter((a): a is string => !!a))], [clues]);
  const kind = Form.useWatch('kind', form);

  useEffect(() => {
    if (open) {
      setError(null);
      setIssued(null);
      form.resetFields();
      form.setFieldsValue({ kind: allTransferred ? 'transfer' : 'advisory', agencyId: agencyIds.length === 1 ? agencyIds[0] : undefined });
    }
  }, [open, form, allTransferred, agencyIds, setError]);

  const submit = async (v: NoticeValues) => {
    await run(async () => {
      const { notice } = await api.issueNotice({
        kind: v.kind,
        clueIds: clues.map((c) => c.id),
        agencyId: v.kind === 'transfer' ? undefined : v.agencyId,
        addressee: v.kind === 'transfer' ? v.addressee?.trim() || undefined : undefined,
        requiredAction: v.requiredAction?.trim() || undefined,
        deadline: v.deadline?.format('YYYY-MM-DD'),
      });
      setIssued(notice);
      onDone(notice);
    });
  };

  return (
    <Modal
      open={open}
      title={`制发文书（${clues.length} 条线索）`}
      onCancel={onClose}
      onOk={() => (issued ? onClose() : form.submit())}
      okText={issued ? '完成' : '制发'}
      cancelButtonProps={{ style: issued ? { display: 'none' } : undefined }}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'notice-submit' } as never}
      destroyOnHidden
      width={560}
    >
      <div data-testid="notice-modal">
        <SubmitError error={error} testId="notice-error" />
        {issued ? (
          <Alert
            type="success"
            showIcon
            data-testid="notice-result"
            data-id={issued.id}
            data-number={issued.number}
            title={`已制发${issued.kindLabel}：${issued.number}`}
            description={
              <span>
                主送{issued.addressee}，答复期限 {issued.deadline ?? '—'}。
                <a href={issued.download} download style={{ marginLeft: 8 }}>
                  下载 Word 文档
                </a>
                <Link to="/notices" style={{ marginLeft: 8 }}>
                  查看文书列表
                </Link>
              </span>
            }
          />
        ) : (
          <Form<NoticeValues> form={form} layout="vertical" onFinish={submit}>
            <Form.Item name="kind" label="文书类型" rules={[{ required: true }]}>
              <Radio.Group data-testid="notice-kind">
                <Radio value="advisory" disabled={allTransferred}>
                  {KIND_TEXT.advisory}
                </Radio>
                <Radio value="supervision" disabled={allTransferred}>
                  {KIND_TEXT.supervision}
                </Radio>
                <Radio value="transfer" disabled={!allTransferred}>
                  {KIND_TEXT.transfer}
                </Radio>
              </Radio.Group>
            </Form.Item>
            {kind === 'transfer' ? (
              <Form.Item name="addressee" label="主送机关" extra="不填则为线索所在地的纪委监委">
                <Input maxLength={100} />
              </Form.Item>
            ) : (
              <Form.Item
                name="agencyId"
                label="主送单位"
                rules={[{ required: agencyIds.length !== 1, message: '所选线索涉及多个或没有执法主体，请选择主送单位' }]}
                extra={agencyIds.length === 1 ? '默认为线索的承办单位' : undefined}
              >
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  allowClear
                  loading={agencies.state === 'loading'}
                  options={agencyOptions(agencies.data)}
                  data-testid="notice-agency"
                />
              </Form.Item>
            )}
            <Form.Item name="requiredAction" label="监督意见和要求" extra="不填则使用该类文书的标准表述">
              <Input.TextArea rows={3} maxLength={4000} data-testid="notice-required-action" />
            </Form.Item>
            <Form.Item name="deadline" label="答复期限" extra="不填则按文书类型：提示单 10 天、通知书 15 天、移送函 30 天">
              <DatePicker style={{ width: '100%' }} disabledDate={disabledPast} />
            </Form.Item>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              文书引用的法律依据取自线索所列条文（原文照录），未列条文时引用该类文书的默认依据。
            </Typography.Text>
          </Form>
        )}
      </div>
    </Modal>
  );
}

/** Merges the selected clues into one case led by the first selected one. */
export function useMerge(onDone: () => void) {
  const { modal, message } = App.useApp();
  return (clues: ClueSummary[]) => {
    const lead = clues[0];
    if (!lead) return;
    modal.confirm({
      title: `将 ${clues.length} 条线索并案？`,
      content: `以「${lead.title}」（${lead.number ?? lead.id}）为案件主线索；其余线索随案件办理，不能再单独办理。`,
      okText: '并案',
      cancelText: '取消',
      onOk: async () => {
        try {
          const r = await api.mergeClues(
            clues.map((c) => c.id),
            lead.id,
          );
          message.success(`已并案：案件 ${r.caseId}，含 ${r.members.length + 1} 条线索`);
          onDone();
        } catch (e) {
          message.error(errorText(e));
          throw e;
        }
      },
    });
  };
}
