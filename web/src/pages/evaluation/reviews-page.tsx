// 效能评价 · 案卷评查: review rounds of the jurisdiction (GET /reviews/rounds); supervisors draw one —
// closed cases decided in a range, n per agency, by a seed kept with the round (POST /reviews/rounds,
// the caller reviews; more reviewers through the API); a round's files with the mean score per agency;
// a reviewer scores a file item by item with a note (POST /reviews/files/:id/score), and a serious
// defect becomes a clue, linked from the file.
import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import type { Dayjs } from 'dayjs';
import { useUser } from '../../session.tsx';
import { useLoad } from '../../use-load.ts';
import { errorText, ApiError } from '../../api.ts';
import { PageFrame } from '../page-frame.tsx';
import { reviewsApi, type ReviewFileRow } from '../../evaluation/evaluation-api.ts';

function ScoreDrawer({ fileId, onClose, onScored }: { fileId: string | null; onClose: () => void; onScored: () => void }) {
  const { message } = App.useApp();
  const load = useLoad((signal) => (fileId ? reviewsApi.file(fileId, signal) : Promise.resolve(null)), [fileId]);
  const [points, setPoints] = useState<Record<string, number>>({});
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState('');
  const [serious, setSerious] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const data = load.data;
  const scored = data?.file.status === 'scored';
  const submit = async () => {
    if (!data || !fileId) return;
    setBusy(true);
    setError(null);
    try {
      const items = data.checklist.map((i) => ({ code: i.code, points: points[i.code] ?? i.points, note: notes[i.code] || undefined }));
      const r = await reviewsApi.score(fileId, { items, summary: summary || undefined, seriousDefect: serious || undefined });
      message.success(`评分已提交：${r.score}分${r.clueId ? '，已生成问题线索' : ''}`);
      onScored();
      load.retry();
    } catch (e) {
      setError(e instanceof ApiError && e.field ? `${errorText(e)}（${e.field}）` : errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const given = new Map((data?.scores ?? []).map((s) => [s.item_code, s]));
  return (
    <Drawer open={!!fileId} onClose={onClose} size="large" title={data ? `评查案卷 ${data.file.case_id}` : '评查案卷'}>
      <div data-testid="review-file" data-state={load.state} data-status={data?.file.status} data-score={data?.file.score ?? ''}>
        {data?.case && (
          <Descriptions size="small" bordered column={2} style={{ marginBottom: 16 }}>
            <Descriptions.Item label="执法主体">{String(data.case.agency_name ?? '')}</Descriptions.Item>
            <Descriptions.Item label="当事人">{String(data.case.entity_name ?? '')}</Descriptions.Item>
            <Descriptions.Item label="事项">{String(data.case.item_name ?? '')}</Descriptions.Item>
            <Descriptions.Item label="立案 / 决定">{`${String(data.case.filed_on)} / ${String(data.case.decided_on ?? '')}`}</Descriptions.Item>
            <Descriptions.Item label="决定">{`${String(data.case.decision ?? '')} ${data.case.fine_amount ? `${String(data.case.fine_amount)}元` : ''}`}</Descriptions.Item>
            <Descriptions.Item label="案件">
              <Link to={`/records/cases?id=${String(data.case.id)}`}>{String(data.case.id)}</Link>
            </Descriptions.Item>
          </Descriptions>
        )}
        {data?.file.clue_id && (
          <Alert
            type="warning"
            showIcon
            title="存在严重缺陷，已生成问题线索"
            description={<Link to={`/clues/${data.file.clue_id}`}>{data.file.clue_id}</Link>}
            data-testid="review-clue"
            style={{ marginBottom: 16 }}
          />
        )}
        <Table
          size="small"
          rowKey="code"
          pagination={false}
          dataSource={data?.checklist ?? []}
          onRow={(i) => ({ 'data-testid': 'review-item', 'data-code': i.code }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: '类别', dataIndex: 'sectionLabel', width: 90 },
            {
              title: '评查项',
              dataIndex: 'name',
              render: (n: string, i) => (
                <>
                  {n}
                  {i.serious && (
                    <Tag color="red" style={{ marginLeft: 4 }}>
                      否决项
                    </Tag>
                  )}
                </>
              ),
            },
            { title: '分值', dataIndex: 'points', width: 60 },
            {
              title: '得分',
              key: 'points',
              width: 100,
              render: (_: unknown, i) =>
                scored ? (
                  given.get(i.code)?.points
                ) : (
                  <InputNumber
                    data-testid={`review-points-${i.code}`}
                    min={0}
                    max={i.points}
                    value={points[i.code] ?? i.points}
                    onChange={(v) => setPoints({ ...points, [i.code]: Number(v ?? 0) })}
                  />
                ),
            },
            {
              title: '说明',
              key: 'note',
              render: (_: unknown, i) =>
                scored ? (
                  given.get(i.code)?.note
                ) : (
                  <Input
                    data-testid={`review-note-${i.code}`}
                    value={notes[i.code] ?? ''}
                    onChange={(e) => setNotes({ ...notes, [i.code]: e.target.value })}
                  />
                ),
            },
          ]}
        />
        {!scored && data?.file.mine && (
          <Space direction="vertical" style={{ width: '100%', marginTop: 16 }}>
            <Input.TextArea
              data-testid="review-summary"
              placeholder="评查意见"
              value={summary}
              onChange={(e) => setSummary(e.target.value)}
            />
            <Checkbox data-testid="review-serious" checked={serious} onChange={(e) => setSerious(e.target.checked)}>
              存在严重缺陷（生成问题线索）
            </Checkbox>
            {error && <Alert type="error" showIcon title={error} data-testid="review-error" />}
            <Button type="primary" data-testid="review-submit" loading={busy} onClick={submit}>
              提交评分
            </Button>
          </Space>
        )}
      </div>
    </Drawer>
  );
}

function RoundView({ id }: { id: string }) {
  const load = useLoad((signal) => reviewsApi.round(id, signal), [id]);
  const [open, setOpen] = useState<string | null>(null);
  const d = load.data;
  return (
    <Card
      size="small"
      title={d ? `${d.round.name}（随机种子 ${d.round.seed}）` : '评查批次'}
      data-testid="review-round"
      data-id={id}
      data-state={load.state}
    >
      {d && (
        <>
          <Table
            size="small"
            rowKey="agencyId"
            pagination={false}
            dataSource={d.agencies}
            data-testid="review-agencies"
            columns={[
              { title: '执法主体', dataIndex: 'agencyName' },
              { title: '抽查案卷', dataIndex: 'files', width: 90 },
              { title: '已评分', dataIndex: 'scored', width: 80 },
              { title: '平均得分', dataIndex: 'meanScore', width: 90, render: (v: number | null) => v ?? '—' },
              { title: '严重缺陷', dataIndex: 'serious', width: 90 },
            ]}
          />
          <Table
            style={{ marginTop: 16 }}
            size="small"
            rowKey="id"
            dataSource={d.files}
            pagination={{ pageSize: 20 }}
            onRow={(f) =>
              ({
                'data-testid': 'review-file-row',
                'data-id': f.id,
                'data-mine': f.mine,
                'data-status': f.status,
              }) as React.HTMLAttributes<HTMLElement>
            }
            columns={[
              { title: '案件', dataIndex: 'case_id' },
              { title: '执法主体', dataIndex: 'agency_name' },
              { title: '评查人', dataIndex: 'reviewer_name' },
              {
                title: '状态',
                dataIndex: 'status',
                render: (s: ReviewFileRow['status']) => (
                  <Tag color={s === 'scored' ? 'green' : 'orange'}>{s === 'scored' ? '已评分' : '待评分'}</Tag>
                ),
              },
              {
                title: '得分',
                dataIndex: 'score',
                render: (v: number | null, f) =>
                  v === null ? (
                    '—'
                  ) : (
                    <>
                      {v}
                      {f.serious_defect && (
                        <Tag color="red" style={{ marginLeft: 4 }}>
                          严重缺陷
                        </Tag>
                      )}
                    </>
                  ),
              },
              {
                title: '',
                key: 'open',
                render: (_: unknown, f) => (
                  <Button size="small" data-testid="review-open" onClick={() => setOpen(f.id)}>
                    {f.mine && f.status === 'pending' ? '评分' : '查看'}
                  </Button>
                ),
              },
            ]}
          />
          <ScoreDrawer fileId={open} onClose={() => setOpen(null)} onScored={load.retry} />
        </>
      )}
    </Card>
  );
}

export default function ReviewsPage() {
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const roundId = params.get('round');
  const load = useLoad((signal) => reviewsApi.rounds(signal), []);
  const [form] = Form.useForm<{ name: string; range: [Dayjs, Dayjs]; perAgency: number; seed?: string }>();
  const [error, setError] = useState<string | null>(null);
  const canDraw = user.can.organizeReviews;
  const draw = async () => {
    const v = await form.validateFields();
    setError(null);
    try {
      const r = await reviewsApi.draw({
        name: v.name,
        decidedFrom: v.range[0].format('YYYY-MM-DD'),
        decidedTo: v.range[1].format('YYYY-MM-DD'),
        perAgency: v.perAgency,
        reviewers: [user.id],
        seed: v.seed || undefined,
      });
      load.retry();
      setParams({ round: r.id });
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <PageFrame
      testId="reviews-page"
      title="效能评价 · 案卷评查"
      subtitle="按执法主体随机抽取已结案案卷，逐项评分；随机种子留存，可复现抽样"
      load={load}
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {canDraw && (
          <Card size="small" title="抽取案卷">
            <Form form={form} layout="inline" data-testid="review-draw-form" initialValues={{ perAgency: 2 }}>
              <Form.Item name="name" rules={[{ required: true, message: '请填写评查名称' }]}>
                <Input data-testid="review-name" placeholder="评查名称" style={{ width: 220 }} />
              </Form.Item>
              <span data-testid="review-range">
                <Form.Item name="range" rules={[{ required: true, message: '请选择决定日期范围' }]}>
                  <DatePicker.RangePicker />
                </Form.Item>
              </span>
              <Form.Item name="perAgency" label="每个主体">
                <InputNumber data-testid="review-per-agency" min={1} max={50} />
              </Form.Item>
              <Form.Item name="seed">
                <Input data-testid="review-seed" placeholder="随机种子（可空）" style={{ width: 160 }} />
              </Form.Item>
              <Button type="primary" data-testid="review-draw" onClick={draw}>
                抽取
              </Button>
            </Form>
            {error && <Alert type="error" showIcon title={error} data-testid="review-draw-error" style={{ marginTop: 12 }} />}
          </Card>
        )}
        <Table
          size="small"
          rowKey="id"
          data-testid="review-rounds"
          dataSource={load.data?.rows ?? []}
          pagination={false}
          onRow={(r) => ({ 'data-testid': 'review-round-row', 'data-id': r.id }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: '评查', dataIndex: 'name', render: (n: string, r) => <a onClick={() => setParams({ round: r.id })}>{n}</a> },
            { title: '决定日期', key: 'range', render: (_: unknown, r) => `${r.decidedFrom} 至 ${r.decidedTo}` },
            { title: '案卷', dataIndex: 'files' },
            { title: '已评分', dataIndex: 'scored' },
            { title: '平均得分', dataIndex: 'meanScore', render: (v: number | null) => v ?? '—' },
          ]}
        />
        {roundId && <RoundView key={roundId} id={roundId} />}
        <Typography.Text type="secondary">
          评查结果按执法主体汇总，计入效能评价指标“案卷评查得分”；存在严重缺陷的案卷自动生成问题线索进入闭环处置。
        </Typography.Text>
      </Space>
    </PageFrame>
  );
}
