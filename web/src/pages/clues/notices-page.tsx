// 监督文书: the notices the caller may read (GET /notices) — advisory notices, supervision notices and
// transfer letters, with their number, addressee, answer deadline and whether the answer is back.
// Each opens in a drawer with what it says (GET /notices/:id: facts, the articles cited verbatim,
// the requirement), downloads as the Word document (GET /notices/:id.docx), and takes its answer
// (POST /notices/:id/response). Notices are issued from selected clues on the clue list.
import { useState, type HTMLAttributes } from 'react';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
  type ButtonProps,
} from 'antd';
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useSearchParams } from 'react-router-dom';
import { api, type Notice, type NoticeFilters, type NoticeKind } from '../../api.ts';
import { formatCount } from '../../format.ts';
import { useUser } from '../../session.tsx';
import { useLoad } from '../../use-load.ts';
import { SubmitError, useSubmit } from '../../submit.tsx';
import { PageFrame } from '../page-frame.tsx';
import { DateRangeFilter } from '../../lists/date-range.tsx';
import { ExportButton } from '../../lists/export-button.tsx';

const KIND_LABELS: Record<NoticeKind, string> = { advisory: '监督提示单', supervision: '执法监督通知书', transfer: '移送函' };
const KIND_COLORS: Record<NoticeKind, string> = { advisory: 'blue', supervision: 'orange', transfer: 'red' };

/** Prints the open notice alone (print.css: body.print-notice hides the page behind the drawer). */
function printNotice() {
  document.body.classList.add('print-notice');
  const done = () => {
    document.body.classList.remove('print-notice');
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
}

function NoticeDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const load = useLoad((signal) => (id ? api.notice(id, signal) : Promise.resolve(null)), [id]);
  const n = load.state === 'ready' ? load.data?.notice : undefined;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={640}
      title={n ? `${n.title}（${n.number}）` : '文书'}
      destroyOnHidden
      extra={
        n && (
          <Button icon={<PrinterOutlined />} onClick={printNotice} className="no-print" data-testid="notice-print">
            打印
          </Button>
        )
      }
    >
      <div data-testid="notice-drawer" data-id={id ?? undefined} data-state={load.state}>
        {load.state === 'loading' && <Spin />}
        {load.state === 'error' && <Alert type="error" showIcon title={load.message} />}
        {n && (
          <>
            <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
              <Descriptions.Item label="发文机关">{n.issuer}</Descriptions.Item>
              <Descriptions.Item label="文号">{n.number}</Descriptions.Item>
              <Descriptions.Item label="主送">{n.addressee}</Descriptions.Item>
              <Descriptions.Item label="签发日期">{n.issuedOn}</Descriptions.Item>
              <Descriptions.Item label="答复期限">{n.deadline ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="状态">
                {n.statusLabel}
                {n.respondedOn ? `（${n.respondedOn}）` : ''}
              </Descriptions.Item>
            </Descriptions>
            <Typography.Paragraph>{n.content.opening}</Typography.Paragraph>
            <Typography.Title level={5}>一、基本情况</Typography.Title>
            {n.content.facts.map((f, i) => (
              <Typography.Paragraph key={f.clueId}>
                （{i + 1}）<Link to={`/clues/${encodeURIComponent(f.clueId)}`}>{f.title}</Link>（{f.clueNumber ?? f.clueId}）：
                {f.explanation}
              </Typography.Paragraph>
            ))}
            <Typography.Title level={5}>二、法律依据</Typography.Title>
            {n.content.basis.map((b) => (
              <Typography.Paragraph key={`${b.regulationId}-${b.article}`} data-testid="notice-basis" style={{ whiteSpace: 'pre-wrap' }}>
                《{b.regulationTitle}》{b.label}规定：“{b.text}”
              </Typography.Paragraph>
            ))}
            <Typography.Title level={5}>三、监督意见和要求</Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{n.content.requirement}</Typography.Paragraph>
            {n.response && (
              <Alert
                type="success"
                showIcon
                title={`答复（${n.respondedOn}）`}
                description={<span style={{ whiteSpace: 'pre-wrap' }}>{n.response}</span>}
              />
            )}
          </>
        )}
      </div>
    </Drawer>
  );
}

function RespondModal({ notice, onClose, onDone }: { notice: Notice | null; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{ text: string; respondedOn?: Dayjs }>();
  const { saving, error, run } = useSubmit();
  if (!notice) return null;
  const submit = async (v: { text: string; respondedOn?: Dayjs }) => {
    await run(async () => {
      await api.respondNotice(notice.id, v.text.trim(), v.respondedOn?.format('YYYY-MM-DD'));
      onDone();
    });
  };
  return (
    <Modal
      open
      title={`登记答复 · ${notice.number}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="登记"
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'notice-response-submit' } as ButtonProps}
      destroyOnHidden
    >
      <div data-testid="notice-response-modal">
        <SubmitError error={error} testId="notice-response-error" />
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="text" label="答复内容" rules={[{ required: true, whitespace: true, message: '请填写答复内容' }]}>
            <Input.TextArea rows={5} maxLength={10000} data-testid="notice-response-text" />
          </Form.Item>
          <Form.Item name="respondedOn" label="答复日期" extra="不填则为今天；纸质答复代录时填写实际日期">
            <DatePicker
              style={{ width: '100%' }}
              disabledDate={(d) => d.isAfter(dayjs(), 'day') || d.isBefore(dayjs(notice.issuedOn), 'day')}
            />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}

export default function NoticesPage() {
  const user = useUser();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = 20;
  const filters: NoticeFilters = {
    kind: (params.get('kind') as NoticeKind | null) ?? undefined,
    status: (params.get('status') as 'issued' | 'answered' | null) ?? undefined,
    overdue: params.get('overdue') === 'true' ? 'true' : undefined,
    clueId: params.get('clueId') ?? undefined,
    q: params.get('q') ?? undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
    sort: (params.get('sort') as NoticeFilters['sort']) ?? undefined,
    order: (params.get('order') as NoticeFilters['order']) ?? undefined,
  };
  const openId = params.get('id');
  const load = useLoad((signal) => api.notices({ ...filters, page, pageSize }, signal), [JSON.stringify(filters), page]);
  const [responding, setResponding] = useState<Notice | null>(null);

  const sortOrder = (key: string) => (filters.sort === key ? (filters.order === 'asc' ? 'ascend' : 'descend') : null);
  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next);
  };

  return (
    <PageFrame
      testId="notices-page"
      title="监督文书"
      subtitle={
        load.data
          ? `共 ${formatCount(load.data.total)} 份；${user.can.issueNotices ? '在「问题线索」中勾选线索后制发' : '请在答复期限内登记答复'}`
          : '监督提示单、执法监督通知书、移送函'
      }
      load={load}
      extra={
        <Space>
          <ExportButton path="/notices.xlsx" query={filters as Record<string, string>} />
          {user.can.issueNotices && <Link to="/clues?status=new,triaged,assigned,rectifying,submitted,returned">选择线索制发文书 →</Link>}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          key={filters.q ?? ''}
          placeholder="文号、主送单位或制发机关"
          defaultValue={filters.q}
          onSearch={(v) => update({ q: v.trim() || undefined, page: undefined })}
          style={{ width: 240 }}
          data-testid="notices-search"
        />
        <DateRangeFilter
          testId="notices-filter-range"
          from={filters.from}
          to={filters.to}
          placeholder={['签发日期起', '止']}
          onChange={(from, to) => update({ from, to, page: undefined })}
        />
        <Select
          allowClear
          placeholder="文书类型"
          style={{ width: 160 }}
          value={filters.kind}
          onChange={(v?: string) => update({ kind: v, page: undefined })}
          options={(Object.keys(KIND_LABELS) as NoticeKind[]).map((k) => ({ value: k, label: KIND_LABELS[k] }))}
          data-testid="notices-filter-kind"
        />
        <Select
          allowClear
          placeholder="答复状态"
          style={{ width: 120 }}
          value={filters.status}
          onChange={(v?: string) => update({ status: v, page: undefined })}
          options={[
            { value: 'issued', label: '待答复' },
            { value: 'answered', label: '已答复' },
          ]}
          data-testid="notices-filter-status"
        />
        <Select
          allowClear
          placeholder="是否逾期"
          style={{ width: 120 }}
          value={filters.overdue}
          onChange={(v?: string) => update({ overdue: v, page: undefined })}
          options={[{ value: 'true', label: '逾期未答复' }]}
          data-testid="notices-filter-overdue"
        />
        {filters.clueId && (
          <Tag closable onClose={() => update({ clueId: undefined })}>
            线索 {load.data?.rows[0]?.clueNumbers[load.data.rows[0].clueIds.indexOf(filters.clueId)] ?? filters.clueId}
          </Tag>
        )}
      </Space>
      <div data-testid="notices-table" data-total={load.data?.total}>
        <Table<Notice>
          rowKey="id"
          size="middle"
          loading={load.state === 'loading'}
          dataSource={load.data?.rows ?? []}
          scroll={{ x: 1100 }}
          onRow={(n) => ({ 'data-testid': 'notice-row', 'data-id': n.id, 'data-status': n.status }) as HTMLAttributes<HTMLElement>}
          onChange={(_p, _f, sorter, extra) => {
            if (extra.action !== 'sort') return;
            const s = Array.isArray(sorter) ? sorter[0] : sorter;
            update({
              sort: s?.order ? String(s.columnKey) : undefined,
              order: s?.order === 'ascend' ? 'asc' : s?.order ? 'desc' : undefined,
              page: undefined,
            });
          }}
          pagination={{
            current: page,
            pageSize,
            total: load.data?.total ?? 0,
            showTotal: (n) => `共 ${formatCount(n)} 份`,
            onChange: (p) => update({ page: String(p) }),
          }}
          columns={[
            {
              title: '文号',
              dataIndex: 'number',
              key: 'number',
              width: 170,
              sorter: true,
              sortOrder: sortOrder('number'),
              render: (v: string, n) => (
                <a onClick={() => update({ id: n.id })} data-testid="notice-open">
                  {v}
                </a>
              ),
            },
            {
              title: '类型',
              dataIndex: 'kind',
              width: 124,
              render: (k: NoticeKind, n) => <Tag color={KIND_COLORS[k]}>{n.kindLabel ?? KIND_LABELS[k]}</Tag>,
            },
            {
              title: '主送',
              dataIndex: 'addressee',
              ellipsis: true,
              render: (v: string, n) => <span title={`${n.issuer} → ${v}`}>{v}</span>,
            },
            {
              title: '线索',
              dataIndex: 'clueIds',
              width: 180,
              render: (ids: string[], n) => (
                <Space size={2} wrap>
                  {ids.slice(0, 3).map((id, i) => (
                    <Link key={id} to={`/clues/${encodeURIComponent(id)}`} style={{ fontSize: 12 }}>
                      {n.clueNumbers[i] ?? id}
                    </Link>
                  ))}
                  {ids.length > 3 && <Typography.Text type="secondary">等{ids.length}条</Typography.Text>}
                </Space>
              ),
            },
            { title: '签发日期', dataIndex: 'issuedOn', key: 'issued_on', width: 110, sorter: true, sortOrder: sortOrder('issued_on') },
            {
              title: '答复期限',
              dataIndex: 'deadline',
              key: 'deadline',
              sorter: true,
              sortOrder: sortOrder('deadline'),
              width: 140,
              render: (v: string | null, n) => (
                <Space size={4}>
                  {v ?? '—'}
                  {n.overdue && <Tag color="red">逾期</Tag>}
                </Space>
              ),
            },
            {
              title: '状态',
              dataIndex: 'status',
              width: 90,
              render: (s: string, n) => <Tag color={s === 'answered' ? 'green' : 'gold'}>{n.statusLabel}</Tag>,
            },
            {
              title: '操作',
              key: 'ops',
              width: 160,
              fixed: 'right',
              render: (_: unknown, n) => (
                <Space size={4}>
                  <a href={n.download} download data-testid="notice-download">
                    <DownloadOutlined /> Word
                  </a>
                  {n.status === 'issued' && n.can.respond && (
                    <Button type="link" size="small" onClick={() => setResponding(n)} data-testid="notice-respond">
                      登记答复
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </div>
      <NoticeDrawer id={openId} onClose={() => update({ id: undefined })} />
      <RespondModal
        notice={responding}
        onClose={() => setResponding(null)}
        onDone={() => {
          setResponding(null);
          message.success('答复已登记');
          load.retry();
        }}
      />
    </PageFrame>
  );
}
