// 回访活动详情 (/follow-up/:id): the campaign and its draw (抽取, with the seed kept for the re-draw
// check: 复核抽取), the selected records with the rule that chose each, the call list with its scripts
// (or, for 云调研, the survey links and QR codes), the outcomes and what the analysis heard in them,
// and the report — reached rate, satisfaction by agency, the complaints, the problems found and
// solved — as charts and as a Word document.
import { useState } from 'react';
import { Alert, Button, Card, Col, Collapse, Descriptions, Image, Row, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { api, type CampaignDetail, type DrawVerification, type FollowupAnswer, type FollowupTask } from '../../api.ts';
import { EChart } from '../../charts/echart.tsx';
import { followupAgencyOption } from '../../charts/followup-agency-option.ts';
import { followupCategoriesOption } from '../../charts/followup-categories-option.ts';
import { useLoad } from '../../use-load.ts';
import { SubmitError, useSubmit } from '../../submit.tsx';
import { PageFrame } from '../page-frame.tsx';

const STATUS: Record<string, [string, string]> = {
  pending: ['待回访', 'default'],
  answered: ['已答复', 'green'],
  unreachable: ['未接通', 'orange'],
  refused: ['拒绝回访', 'red'],
};
const OUTCOME: Record<string, string> = { reached: '已接通', unreachable: '未接通', refused: '拒绝回访' };
const CHANNEL: Record<string, string> = { phone: 'AI电话', human: '人工复核', link: '在线问卷' };
const SATISFACTION: Record<string, [string, string]> = {
  satisfied: ['满意', 'green'],
  neutral: ['一般', 'default'],
  dissatisfied: ['不满意', 'red'],
  unknown: ['未表态', 'default'],
};
const CATEGORY: Record<string, string> = {
  bribery: '吃拿卡要',
  rude: '态度粗暴',
  no_id: '未出示证件',
  rights: '未告知权利',
  repeat: '重复检查',
  heavy_fine: '罚款过重',
  procedure: '程序不规范',
  fake_service: '服务是假的检查',
};
const CLAIM: Record<string, string> = { visit_count: '检查次数', nobody_came: '无人到场', fined: '被罚款', inspection: '实为检查' };
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function Draw({ c, onDone }: { c: CampaignDetail; onDone: () => void }) {
  const { saving, error, run } = useSubmit();
  const [verification, setVerification] = useState<DrawVerification | null>(null);
  return (
    <div>
      <SubmitError error={error} testId="draw-error" />
      {c.status === 'draft' ? (
        <Button
          type="primary"
          loading={saving}
          data-testid="draw-button"
          onClick={() => run(async () => void (await api.followup.draw(c.id), onDone()))}
        >
          抽取回访对象
        </Button>
      ) : (
        <Space wrap>
          <span data-testid="draw-seed" data-seed={c.seed ?? ''}>
            随机种子：<Typography.Text code>{c.seed ?? '（演示数据）'}</Typography.Text>
          </span>
          {c.seed && (
            <Button
              loading={saving}
              data-testid="verify-button"
              onClick={() => run(async () => setVerification(await api.followup.verify(c.id)))}
            >
              复核抽取
            </Button>
          )}
        </Space>
      )}
      {verification && (
        <Alert
          style={{ marginTop: 12 }}
          type={verification.same ? 'success' : 'error'}
          showIcon
          data-testid="verify-result"
          data-same={verification.same}
          title={
            verification.same
              ? `复核一致：以种子重新抽取得到相同的 ${verification.redrawn} 个回访对象${verification.sameCandidates ? '' : '（候选记录已有变化）'}`
              : `复核不一致：缺少 ${verification.missing.length} 个，多出 ${verification.extra.length} 个`
          }
        />
      )}
    </div>
  );
}

function Tasks({ id }: { id: string }) {
  const [page, setPage] = useState(1);
  const load = useLoad((signal) => api.followup.tasks(id, { page, pageSize: 20 }, signal), [id, page]);
  return (
    <div data-testid="tasks-table" data-total={load.data?.total ?? 0}>
      <Table<FollowupTask>
        rowKey="id"
        size="small"
        loading={load.state === 'loading'}
        dataSource={load.data?.rows ?? []}
        onRow={(r) => ({ 'data-testid': 'task-row', 'data-id': r.id, 'data-rule': r.rule ?? '' }) as object}
        pagination={{ current: page, pageSize: 20, total: load.data?.total ?? 0, showSizeChanger: false, onChange: setPage }}
        columns={[
          { title: '企业', dataIndex: 'entityName' },
          { title: '执法部门', dataIndex: 'agencyName' },
          { title: '执法人员', dataIndex: 'officerName', width: 90 },
          { title: '选取原因', dataIndex: 'reason', render: (v: string | null) => v ?? '—' },
          { title: '回访人员', dataIndex: 'askerName', width: 100 },
          { title: '状态', dataIndex: 'status', width: 90, render: (v: string) => <Tag color={STATUS[v]?.[1]}>{STATUS[v]?.[0] ?? v}</Tag> },
          {
            title: '人工复核',
            dataIndex: 'secondCallDue',
            width: 110,
            render: (v: string | null, r) =>
              r.secondCallStatus === 'pending' ? `期限 ${v}` : r.secondCallStatus === 'done' ? '已复核' : '—',
          },
        ]}
      />
    </div>
  );
}

function CallList({ id, which }: { id: string; which: 'first' | 'second' }) {
  const load = useLoad((signal) => api.followup.callList(id, which, signal), [id, which]);
  return (
    <div data-testid={`call-list-${which}`} data-state={load.state} data-total={load.data?.total ?? 0}>
      <Space style={{ marginBottom: 12 }}>
        <Button icon={<DownloadOutlined />} href={api.followup.callListCsvUrl(id, which)} download data-testid={`call-list-csv-${which}`}>
          导出CSV（呼叫中心）
        </Button>
        <Typography.Text type="secondary">共 {load.data?.total ?? 0} 条；联系电话按角色脱敏，系统对接账号导出完整号码。</Typography.Text>
      </Space>
      <Collapse
        items={(load.data?.rows ?? []).map((r) => ({
          key: r.taskId,
          label: (
            <span data-testid="call-row" data-id={r.taskId}>
              {r.entityName} · {r.phone ?? '无电话'} · {r.agencyName} · {r.date}
              {r.secondCallDue && <Tag style={{ marginLeft: 8 }}>复核期限 {r.secondCallDue}</Tag>}
            </span>
          ),
          children: (
            <div data-testid="call-script">
              <Typography.Paragraph>{r.script.opening}</Typography.Paragraph>
              <ol>
                {r.script.steps.map((s) => (
                  <li key={s.questionId}>
                    {s.branch && <Tag>{s.branch}</Tag>}
                    {s.say}
                  </li>
                ))}
              </ol>
              <Typography.Paragraph type="secondary">{r.script.closing}</Typography.Paragraph>
            </div>
          ),
        }))}
      />
    </div>
  );
}

function Invitations({ id }: { id: string }) {
  const load = useLoad((signal) => api.followup.invitations(id, signal), [id]);
  return (
    <div data-testid="invitations-table">
      <Table
        rowKey="taskId"
        size="small"
        loading={load.state === 'loading'}
        dataSource={load.data?.rows ?? []}
        pagination={{ pageSize: 10 }}
        columns={[
          { title: '企业', dataIndex: 'entityName' },
          { title: '有效期至', dataIndex: 'expiresAt', width: 190, render: (v: string) => v.slice(0, 16) },
          { title: '已答', dataIndex: 'used', width: 60, render: (v: boolean) => (v ? <Tag color="green">已答</Tag> : '—') },
          {
            title: '问卷链接',
            dataIndex: 'link',
            render: (v: string) => (
              <Typography.Text copyable={{ text: v }} ellipsis style={{ maxWidth: 260 }} data-testid="invitation-link">
                {v}
              </Typography.Text>
            ),
          },
          {
            title: '二维码',
            key: 'qr',
            width: 110,
            render: (_, r) => <Image width={72} src={api.followup.qrUrl(id, r.taskId)} alt="问卷二维码" data-testid="invitation-qr" />,
          },
        ]}
      />
    </div>
  );
}

function Answers({ id }: { id: string }) {
  const [page, setPage] = useState(1);
  const load = useLoad((signal) => api.followup.answers(id, { page, pageSize: 20 }, signal), [id, page]);
  return (
    <div data-testid="answers-table" data-total={load.data?.total ?? 0}>
      <Table<FollowupAnswer>
        rowKey="id"
        size="small"
        loading={load.state === 'loading'}
        dataSource={load.data?.rows ?? []}
        onRow={(r) => ({ 'data-testid': 'answer-row', 'data-id': r.id, 'data-categories': r.categories.join(',') }) as object}
        pagination={{ current: page, pageSize: 20, total: load.data?.total ?? 0, showSizeChanger: false, onChange: setPage }}
        expandable={{
          expandedRowRender: (r) => (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{r.transcript ?? '（无文本）'}</Typography.Paragraph>
          ),
          rowExpandable: (r) => !!r.transcript,
        }}
        columns={[
          { title: '企业', dataIndex: 'entityName' },
          { title: '时间', dataIndex: 'answeredAt', width: 150, render: (v: string) => v.slice(0, 16) },
          { title: '渠道', dataIndex: 'channel', width: 90, render: (v: string) => CHANNEL[v] ?? v },
          { title: '结果', dataIndex: 'outcome', width: 80, render: (v: string) => OUTCOME[v] ?? v },
          {
            title: '满意度',
            dataIndex: 'satisfaction',
            width: 80,
            render: (v: string | null, r) => (v ? <Tag color={SATISFACTION[v]?.[1]}>{SATISFACTION[v]?.[0]}</Tag> : (r.score ?? '—')),
          },
          {
            title: '分析（问题类别与原话）',
            key: 'findings',
            render: (_, r) => (
              <Space direction="vertical" size={2}>
                {r.findings.map((f, i) => (
                  <span key={i} data-testid="finding" data-code={f.code}>
                    <Tag color={f.kind === 'complaint' ? (f.serious ? 'red' : 'orange') : 'blue'}>
                      {f.kind === 'complaint'
                        ? (CATEGORY[f.code] ?? f.code)
                        : `${CLAIM[f.code] ?? f.code}${f.value !== null ? ` ${f.value}` : ''}`}
                    </Tag>
                    <Typography.Text type="secondary">“{f.sentence}”</Typography.Text>
                  </span>
                ))}
              </Space>
            ),
          },
        ]}
      />
    </div>
  );
}

function Report({ id }: { id: string }) {
  const load = useLoad((signal) => api.followup.report(id, signal), [id]);
  const r = load.data;
  if (!r) return <div data-testid="report" data-state={load.state} />;
  return (
    <div data-testid="report" data-state={load.state}>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={4}>
          <Statistic title="回访对象" value={r.totals.tasks} data-testid="report-tasks" />
        </Col>
        <Col span={4}>
          <Statistic title="接通" value={r.totals.reached} />
        </Col>
        <Col span={4}>
          <span data-testid="report-reached-rate" data-value={r.totals.reachedRate}>
            <Statistic title="接通率" value={pct(r.totals.reachedRate)} />
          </span>
        </Col>
        <Col span={4}>
          <span data-testid="report-satisfied-rate" data-value={r.satisfaction.satisfiedRate}>
            <Statistic title="满意率" value={pct(r.satisfaction.satisfiedRate)} />
          </span>
        </Col>
        <Col span={4}>
          <span data-testid="report-problems" data-found={r.problems.found} data-solved={r.problems.solved}>
            <Statistic title="发现问题 / 已解决" value={`${r.problems.found} / ${r.problems.solved}`} />
          </span>
        </Col>
        <Col span={4}>
          <Statistic title="人工复核 已完成/抽取" value={`${r.totals.secondCalls.done} / ${r.totals.secondCalls.drawn}`} />
        </Col>
      </Row>
      <Space style={{ marginBottom: 16 }}>
        <Button icon={<DownloadOutlined />} href={api.followup.reportDocxUrl(id)} download data-testid="report-docx">
          下载报告（Word）
        </Button>
      </Space>
      <Row gutter={16}>
        <Col span={14}>
          <Card size="small" title="满意度（按执法部门）">
            <div data-testid="chart-followup-agency" data-count={Math.min(r.byAgency.length, 12)}>
              {r.byAgency.length ? (
                <EChart option={followupAgencyOption(r.byAgency)} height={360} />
              ) : (
                <Typography.Text type="secondary">暂无数据</Typography.Text>
              )}
            </div>
          </Card>
        </Col>
        <Col span={10}>
          <Card size="small" title="反映的问题">
            <div data-testid="chart-followup-categories" data-count={r.categories.reduce((s, c) => s + c.count, 0)}>
              <EChart option={followupCategoriesOption(r.categories)} height={360} />
            </div>
          </Card>
        </Col>
      </Row>
      <Card size="small" title="各题答复" style={{ marginTop: 16 }}>
        <Descriptions size="small" column={1} bordered>
          {r.byQuestion.map((q) => (
            <Descriptions.Item key={q.questionId} label={q.text}>
              {q.answers.length ? q.answers.map((a) => `${a.value}：${a.count}`).join('　') : '—'}
            </Descriptions.Item>
          ))}
        </Descriptions>
      </Card>
      <Card size="small" title={`发现的问题（${r.problems.found}）`} style={{ marginTop: 16 }}>
        <Table
          rowKey="clueId"
          size="small"
          dataSource={r.problems.rows}
          pagination={{ pageSize: 10 }}
          columns={[
            { title: '问题线索', dataIndex: 'title', render: (v: string, p) => <Link to={`/clues/${p.clueId}`}>{v}</Link> },
            { title: '执法部门', dataIndex: 'agencyName', width: 220 },
            {
              title: '状态',
              dataIndex: 'status',
              width: 100,
              render: (v: string) => (v === 'closed' ? <Tag color="green">已销号</Tag> : <Tag>{v}</Tag>),
            },
          ]}
        />
      </Card>
    </div>
  );
}

export default function CampaignPage() {
  const { id = '' } = useParams();
  const load = useLoad((signal) => api.followup.campaign(id, signal), [id]);
  const c = load.data?.campaign;
  return (
    <PageFrame
      testId="campaign-page"
      title={c?.name ?? '回访活动'}
      subtitle={
        c
          ? `${c.regionName ?? c.regionCode} · ${c.levelLabel} · ${c.subjectLabel} · ${c.methodLabel} · ${c.periodFrom ?? ''} 至 ${c.periodTo ?? ''}`
          : undefined
      }
      load={load}
      extra={
        c && (
          <Tag data-testid="campaign-status" data-status={c.status}>
            {c.statusLabel}
          </Tag>
        )
      }
    >
      {c && (
        <>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Draw c={c} onDone={load.retry} />
          </Card>
          {/* Keyed by the draw: the lists load again once the records are drawn. */}
          <Tabs
            key={`${c.status}-${c.tasks}`}
            destroyOnHidden
            items={[
              { key: 'tasks', label: `回访对象（${c.tasks}）`, children: <Tasks id={c.id} /> },
              c.method === 'cloud'
                ? { key: 'links', label: '问卷链接', children: <Invitations id={c.id} /> }
                : { key: 'calls', label: '外呼名单', children: <CallList id={c.id} which="first" /> },
              { key: 'second', label: '人工复核', children: <CallList id={c.id} which="second" /> },
              { key: 'answers', label: '回访结果与分析', children: <Answers id={c.id} /> },
              { key: 'report', label: '报告', children: <Report id={c.id} /> },
            ]}
          />
        </>
      )}
    </PageFrame>
  );
}
