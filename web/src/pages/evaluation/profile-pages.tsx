// 执法画像: the profile of an agency, an officer and an enterprise for a period (GET
// /evaluation/profiles/…). Figures with 同比, the trend by month, clues by model, notices, follow-up
// satisfaction and score history (agency); certificates, records and outliers among peers (officer);
// inspection burden, cases, complaints and follow-up answers (enterprise).
import { Card, Col, Descriptions, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useLoad } from '../../use-load.ts';
import { PageFrame } from '../page-frame.tsx';
import { EChart } from '../../charts/echart.tsx';
import { KIND_COLORS } from '../../charts/chart-option.ts';
import { trendOption } from '../../charts/trend-option.ts';
import { evaluationApi, recentPeriods, type Figure, type AgencyProfile } from '../../evaluation/evaluation-api.ts';
import { formatCount, formatYuan } from '../../format.ts';
import { scoreText } from './scorecard-page.tsx';

const today = () => new Date().toISOString().slice(0, 10);

/** 同比上升12.5% / 同比下降33.37% / 同比持平, as the seed writes it. */
export function yoyText(yoy: number | null): string {
  if (yoy === null) return '上年同期无数据';
  if (yoy === 0) return '同比持平';
  return `同比${yoy > 0 ? '上升' : '下降'}${Math.abs(yoy).toFixed(2)}%`;
}

function Figures({ figures }: { figures: Figure[] }) {
  return (
    <Row gutter={[16, 16]} data-testid="profile-figures">
      {figures.map((f) => (
        <Col key={f.key} xs={12} md={8} xl={4}>
          <Card size="small" data-testid={`profile-figure-${f.key}`} data-value={f.value} data-yoy={f.yoy ?? ''}>
            <Statistic title={f.label} value={f.key === 'fines' ? formatYuan(f.value) : formatCount(f.value)} />
            <Typography.Text type="secondary">{yoyText(f.yoy)}</Typography.Text>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function PeriodSelect() {
  const [params, setParams] = useSearchParams();
  return (
    <Select
      data-testid="profile-period"
      style={{ width: 170 }}
      placeholder="统计期间"
      value={params.get('period') ?? undefined}
      options={recentPeriods(today())}
      onChange={(v: string) => setParams({ period: v })}
    />
  );
}

const monthSeries = [
  { key: 'inspections', name: '行政检查', color: KIND_COLORS.inspections },
  { key: 'cases', name: '处罚案件', color: KIND_COLORS.cases },
];

function CluesByModel({ rows }: { rows: AgencyProfile['cluesByModel'] }) {
  return (
    <Table
      data-testid="profile-clues"
      data-count={rows.length}
      size="small"
      rowKey={(r) => `${r.modelCode ?? ''}|${r.source}`}
      dataSource={rows}
      pagination={false}
      columns={[
        {
          title: '模型 / 来源',
          dataIndex: 'name',
          render: (n: string, r) => (r.modelCode ? <Link to={`/models/${r.modelCode}`}>{n}</Link> : n),
        },
        { title: '线索', dataIndex: 'clues' },
        { title: '未办结', dataIndex: 'open' },
      ]}
    />
  );
}

export function AgencyProfilePage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const period = params.get('period') ?? undefined;
  const load = useLoad((signal) => evaluationApi.agency(id, period, signal), [id, period]);
  const p = load.data;
  return (
    <PageFrame
      testId="agency-profile"
      title={p ? `执法画像 · ${p.agency.name}` : '执法画像'}
      subtitle={p ? `${p.agency.regionName} · ${p.agency.lineName} · ${p.period.label}` : undefined}
      load={load}
      extra={<PeriodSelect />}
    >
      {p && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Figures figures={p.figures} />
          <Row gutter={16}>
            <Col xs={24} xl={14}>
              <Card size="small" title="近12个月执法趋势" data-testid="profile-trend" data-count={p.byMonth.length}>
                <EChart option={trendOption(p.byMonth, 'month', monthSeries)} height={280} />
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Card size="small" title="综合得分（近四期）" data-testid="profile-score-history" data-count={p.scoreHistory.length}>
                <EChart
                  option={trendOption(p.scoreHistory, 'label', [{ key: 'score', name: '综合得分', color: '#722ed1' }], '分')}
                  height={200}
                />
                <Typography.Text type="secondary">
                  {p.scoreHistory.map((h) => `${h.label}：${scoreText(h.score)}（第${h.rank ?? '—'}/${h.of}名）`).join('；')}
                </Typography.Text>
              </Card>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} xl={12}>
              <Card size="small" title="问题线索（按模型）">
                <CluesByModel rows={p.cluesByModel} />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title="回访满意度" data-testid="profile-satisfaction" data-share={p.satisfaction.satisfiedShare ?? ''}>
                <Descriptions size="small" column={2}>
                  <Descriptions.Item label="回访答复">{p.satisfaction.answers}</Descriptions.Item>
                  <Descriptions.Item label="平均评分">{p.satisfaction.meanScore ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label="满意率">
                    {p.satisfaction.satisfiedShare === null ? '—' : `${p.satisfaction.satisfiedShare}%`}
                  </Descriptions.Item>
                  <Descriptions.Item label="反映“假服务真检查”">{p.satisfaction.saysInspection}</Descriptions.Item>
                </Descriptions>
              </Card>
              <Card size="small" title="监督文书" style={{ marginTop: 16 }}>
                <Table
                  data-testid="profile-notices"
                  size="small"
                  rowKey="id"
                  dataSource={p.notices}
                  pagination={false}
                  columns={[
                    { title: '文号', dataIndex: 'number', render: (n: string, r) => <Link to={`/notices?id=${r.id}`}>{n}</Link> },
                    { title: '制发日期', dataIndex: 'issuedOn' },
                    {
                      title: '状态',
                      dataIndex: 'status',
                      render: (s: string) => (
                        <Tag color={s === 'answered' ? 'green' : 'orange'}>{s === 'answered' ? '已答复' : '待答复'}</Tag>
                      ),
                    },
                  ]}
                />
              </Card>
            </Col>
          </Row>
        </Space>
      )}
    </PageFrame>
  );
}

export function OfficerProfilePage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const period = params.get('period') ?? undefined;
  const load = useLoad((signal) => evaluationApi.officer(id, period, signal), [id, period]);
  const p = load.data;
  return (
    <PageFrame
      testId="officer-profile"
      title={p ? `执法画像 · ${p.officer.name}` : '执法画像'}
      subtitle={p ? `${p.officer.agencyName} · ${p.period.label}` : undefined}
      load={load}
      extra={<PeriodSelect />}
    >
      {p && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions size="small" bordered column={3} data-testid="officer-info">
            <Descriptions.Item label="所在部门">
              <Link to={`/evaluation/agencies/${p.officer.agencyId}`}>{p.officer.agencyName}</Link>
            </Descriptions.Item>
            <Descriptions.Item label="身份证号">{p.officer.idNumber ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="联系电话">{p.officer.phone ?? '—'}</Descriptions.Item>
          </Descriptions>
          <Figures figures={p.figures} />
          <Card size="small" title="同部门人员比较（偏离均值两个标准差以上且偏向不利一侧的标为异常）">
            <Table
              data-testid="officer-outliers"
              size="small"
              rowKey="code"
              dataSource={p.outliers}
              pagination={false}
              onRow={(r) =>
                ({ 'data-testid': 'officer-outlier', 'data-code': r.code, 'data-outlier': r.outlier }) as React.HTMLAttributes<HTMLElement>
              }
              columns={[
                { title: '指标', dataIndex: 'name' },
                { title: '本人', key: 'v', render: (_: unknown, r) => `${r.value}${r.unit}` },
                { title: '同部门均值', key: 'm', render: (_: unknown, r) => `${r.peerMean}${r.unit}（${r.peers}人）` },
                { title: '标准分', dataIndex: 'z' },
                { title: '', dataIndex: 'outlier', render: (o: boolean) => (o ? <Tag color="red">异常</Tag> : null) },
              ]}
            />
          </Card>
          <Row gutter={16}>
            <Col xs={24} xl={12}>
              <Card size="small" title="执法证">
                <Table
                  data-testid="officer-certificates"
                  size="small"
                  rowKey="number"
                  dataSource={p.certificates}
                  pagination={false}
                  columns={[
                    { title: '证号', dataIndex: 'number' },
                    { title: '发证日期', dataIndex: 'issuedOn' },
                    { title: '有效期至', dataIndex: 'expiresOn' },
                    {
                      title: '期末状态',
                      dataIndex: 'validAtPeriodEnd',
                      render: (v: boolean) => <Tag color={v ? 'green' : 'red'}>{v ? '有效' : '无效'}</Tag>,
                    },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title="问题线索（按模型）">
                <CluesByModel rows={p.cluesByModel} />
              </Card>
            </Col>
          </Row>
        </Space>
      )}
    </PageFrame>
  );
}

export function EntityProfilePage() {
  const { uscc = '' } = useParams();
  const [params] = useSearchParams();
  const period = params.get('period') ?? undefined;
  const load = useLoad((signal) => evaluationApi.entity(uscc, period, signal), [uscc, period]);
  const p = load.data;
  return (
    <PageFrame
      testId="entity-profile"
      title={p ? `企业画像 · ${p.entity.name}` : '企业画像'}
      subtitle={p ? `${p.entity.uscc} · ${p.entity.industry ?? ''} · ${p.period.label}` : undefined}
      load={load}
      extra={<PeriodSelect />}
    >
      {p && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Card size="small" title="检查负担" data-testid="entity-burden" data-inspections={p.burden.inspections}>
            <Typography.Paragraph>
              统计期内接受行政检查 {p.burden.inspections} 次，涉及 {p.burden.agencies} 个部门；所在县（市、区）平均每户{' '}
              {p.burden.countyMeanPerEntity ?? '—'} 次。
            </Typography.Paragraph>
            <Table
              size="small"
              rowKey="agencyId"
              dataSource={p.burden.byAgency}
              pagination={false}
              columns={[
                { title: '检查部门', dataIndex: 'agencyName' },
                { title: '检查次数', dataIndex: 'inspections' },
              ]}
            />
          </Card>
          <Card size="small" title="近12个月检查与案件">
            <EChart
              option={trendOption(
                p.byMonth,
                'month',
                monthSeries.map((s) => ({ ...s, type: 'bar' as const })),
              )}
              height={240}
            />
          </Card>
          <Card size="small" title="处罚案件">
            <Table
              data-testid="entity-cases"
              size="small"
              rowKey={(r) => String(r.id)}
              dataSource={p.cases}
              pagination={{ pageSize: 10 }}
              columns={[
                { title: '案件', dataIndex: 'id', render: (id: string) => <Link to={`/records/cases?id=${id}`}>{id}</Link> },
                { title: '部门', dataIndex: 'agency_name' },
                { title: '立案', dataIndex: 'filed_on' },
                { title: '决定', dataIndex: 'decision' },
                { title: '罚款（元）', dataIndex: 'fine_amount' },
              ]}
            />
          </Card>
          <Row gutter={16}>
            <Col xs={24} xl={12}>
              <Card size="small" title="12345投诉">
                <Table
                  data-testid="entity-complaints"
                  size="small"
                  rowKey="id"
                  dataSource={p.complaints}
                  pagination={{ pageSize: 5 }}
                  columns={[
                    { title: '受理时间', dataIndex: 'receivedAt', render: (s: string) => s.slice(0, 10) },
                    { title: '分类', dataIndex: 'category' },
                    { title: '内容', dataIndex: 'content', ellipsis: true },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title="回访答复">
                <Table
                  data-testid="entity-answers"
                  size="small"
                  rowKey="id"
                  dataSource={p.followupAnswers}
                  pagination={{ pageSize: 5 }}
                  columns={[
                    { title: '答复时间', dataIndex: 'answeredAt', render: (s: string) => s.slice(0, 10) },
                    { title: '满意度', dataIndex: 'satisfaction' },
                    {
                      title: '反映为检查',
                      dataIndex: 'saysInspection',
                      render: (v: boolean | null) => (v === null ? '—' : v ? '是' : '否'),
                    },
                  ]}
                />
              </Card>
            </Col>
          </Row>
        </Space>
      )}
    </PageFrame>
  );
}
