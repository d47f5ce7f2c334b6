// 首页: the caller's work first (待办事项; for supervisors the open and overdue clues by agency and by
// model), then the jurisdiction at a glance: GET /dashboard/summary?from&to (the caller's region is the
// server's business: it scopes by the session) drawn by the three chart option functions.
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Alert, Button, Card, Col, DatePicker, Empty, Row, Space, Statistic, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, errorText, type DashboardSummary, type DashboardTotals } from '../api.ts';
import { formatCount, formatYuan } from '../format.ts';
import { useUser } from '../session.tsx';
import { EChart } from '../charts/echart.tsx';
import { byMonthOption } from '../charts/by-month-option.ts';
import { BY_LINE_TOP_N, byLineOption } from '../charts/by-line-option.ts';
import { byRegionOption } from '../charts/by-region-option.ts';
import { usePageTitle } from './page-frame.tsx';
import { WorkPanel } from './home/work-panel.tsx';

type Range = [Dayjs, Dayjs];

const DAY = 'YYYY-MM-DD';

/** The last 12 months: the current month and the 11 before it, up to today. */
function lastTwelveMonths(): Range {
  const today = dayjs();
  return [today.subtract(11, 'month').startOf('month'), today];
}

const PRESETS: Array<{ label: string; value: () => Range }> = [
  { label: '近12个月', value: lastTwelveMonths },
  { label: '本年度', value: () => [dayjs().startOf('year'), dayjs()] },
  {
    label: '上一年度',
    value: () => [dayjs().subtract(1, 'year').startOf('year'), dayjs().subtract(1, 'year').endOf('year')],
  },
  { label: '近30天', value: () => [dayjs().subtract(29, 'day'), dayjs()] },
];

interface StatSpec {
  key: keyof DashboardTotals;
  testId: string;
  title: string;
  money?: boolean;
}

const PRIMARY_STATS: StatSpec[] = [
  { key: 'inspections', testId: 'stat-inspections', title: '检查次数' },
  { key: 'cases', testId: 'stat-cases', title: '处罚案件' },
  { key: 'fines', testId: 'stat-fines', title: '罚没金额(元)', money: true },
  { key: 'licences', testId: 'stat-licences', title: '行政许可' },
  { key: 'serviceVisits', testId: 'stat-service-visits', title: '服务走访' },
  { key: 'hotlineTickets', testId: 'stat-hotline-tickets', title: '12345工单' },
];

const SCOPE_STATS: StatSpec[] = [
  { key: 'entities', testId: 'stat-entities', title: '经营主体' },
  { key: 'agencies', testId: 'stat-agencies', title: '执法主体' },
  { key: 'officers', testId: 'stat-officers', title: '执法人员' },
];

type Load =
  | { state: 'loading'; data: DashboardSummary | null }
  | { state: 'ready'; data: DashboardSummary }
  | { state: 'error'; data: DashboardSummary | null; message: string };

function StatCard({ spec, totals, loading }: { spec: StatSpec; totals: DashboardTotals | undefined; loading: boolean }) {
  const raw = totals?.[spec.key];
  const known = typeof raw === 'number' && Number.isFinite(raw);
  const text = known ? (spec.money ? formatYuan(raw) : formatCount(raw)) : '-';
  return (
    <div data-testid={spec.testId} data-value={known ? String(raw) : undefined} style={{ height: '100%' }}>
      <Card size="small" style={{ height: '100%' }}>
        <Statistic
          title={spec.title}
          loading={loading && !known}
          value={known ? raw : undefined}
          // A province's yearly fines run to eleven digits: keep them on one line in a narrow card.
          styles={{ content: { fontSize: 22, whiteSpace: 'nowrap' } }}
          formatter={() => (
            <span data-testid={`${spec.testId}-value`} data-value={known ? String(raw) : undefined}>
              {text}
            </span>
          )}
        />
      </Card>
    </div>
  );
}

function ChartCard({
  testId,
  title,
  extra,
  count,
  loading,
  height,
  children,
}: {
  testId: string;
  title: string;
  extra?: ReactNode;
  count: number | undefined;
  loading: boolean;
  height: number;
  children: ReactNode;
}) {
  return (
    <div data-testid={testId} data-count={count} style={{ height: '100%' }}>
      <Card title={title} extra={extra} size="small" loading={loading && count === undefined} style={{ height: '100%' }}>
        {count === 0 ? (
          <div style={{ height, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
            <Empty description="暂无数据" />
          </div>
        ) : (
          children
        )}
      </Card>
    </div>
  );
}

export default function HomePage() {
  const user = useUser();
  usePageTitle('首页');
  // No period chosen yet: the server picks the last 12 months of the jurisdiction's data (which may end
  // before today, as the demo data does) and the picker shows what it picked.
  const [chosen, setChosen] = useState<Range | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [load, setLoad] = useState<Load>({ state: 'loading', data: null });
  const served = load.data?.period;
  const range: Range = chosen ?? (served ? [dayjs(served.from), dayjs(served.to)] : lastTwelveMonths());
  const from = range[0].format(DAY);
  const to = range[1].format(DAY);
  const query = chosen ? { from: chosen[0].format(DAY), to: chosen[1].format(DAY) } : {};
  const queryKey = `${query.from ?? ''}|${query.to ?? ''}`;

  useEffect(() => {
    const controller = new AbortController();
    setLoad((previous) => ({ state: 'loading', data: previous.data }));
    api
      .dashboardSummary(query, controller.signal)
      .then((data) => setLoad({ state: 'ready', data }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setLoad((previous) => ({ state: 'error', data: previous.data, message: errorText(error) }));
      });
    return () => controller.abort();
  }, [queryKey, attempt]); // eslint-disable-line react-hooks/exhaustive-deps

  const data = load.data;
  const loading = load.state === 'loading';
  const monthOption = useMemo(() => byMonthOption(data?.byMonth ?? [], { from, to }), [data, from, to]);
  const lineOption = useMemo(() => byLineOption(data?.byLine ?? []), [data]);
  const regionOption = useMemo(() => byRegionOption(data?.byRegion ?? []), [data]);
  const scopeName = data?.scope.regionName ?? user.regionName;

  return (
    <div data-testid="dashboard" data-state={load.state}>
      <Space align="center" style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="dashboard-scope">
          {scopeName} · 执法态势
        </Typography.Title>
        <Space>
          <Typography.Text type="secondary">统计期间</Typography.Text>
          <span data-testid="dashboard-range" data-from={from} data-to={to}>
            <DatePicker.RangePicker
              value={range}
              allowClear={false}
              presets={PRESETS.map((p) => ({ label: p.label, value: p.value() }))}
              disabledDate={(day) => day.isAfter(dayjs(), 'day')}
              onChange={(values) => {
                if (values && values[0] && values[1]) setChosen([values[0], values[1]]);
              }}
            />
          </span>
        </Space>
      </Space>

      <WorkPanel user={user} />

      {load.state === 'error' && (
        <Alert
          type="error"
          showIcon
          title="数据加载失败"
          description={load.message}
          style={{ marginBottom: 16 }}
          data-testid="dashboard-error"
          action={
            <Button size="small" onClick={() => setAttempt((n) => n + 1)}>
              重试
            </Button>
          }
        />
      )}

      <Row gutter={[16, 16]}>
        {PRIMARY_STATS.map((spec) => (
          <Col key={spec.key} xs={12} md={8} xl={4}>
            <StatCard spec={spec} totals={data?.totals} loading={loading} />
          </Col>
        ))}
        {SCOPE_STATS.map((spec) => (
          <Col key={spec.key} xs={12} md={8}>
            <StatCard spec={spec} totals={data?.totals} loading={loading} />
          </Col>
        ))}

        <Col span={24}>
          <ChartCard testId="chart-by-month" title="按月统计" count={data ? data.byMonth.length : undefined} loading={loading} height={340}>
            <EChart option={monthOption} height={340} />
          </ChartCard>
        </Col>
        <Col xs={24} xl={10}>
          <ChartCard
            testId="chart-by-line"
            title="条线排行"
            extra={
              data && data.byLine.length > BY_LINE_TOP_N ? (
                <Typography.Text type="secondary">
                  共 {data.byLine.length} 个条线，显示前 {BY_LINE_TOP_N} 个
                </Typography.Text>
              ) : undefined
            }
            count={data ? Math.min(data.byLine.length, BY_LINE_TOP_N) : undefined}
            loading={loading}
            height={440}
          >
            <EChart option={lineOption} height={440} />
          </ChartCard>
        </Col>
        <Col xs={24} xl={14}>
          <ChartCard
            testId="chart-by-region"
            title={`下辖区划对比（${scopeName}）`}
            count={data ? data.byRegion.length : undefined}
            loading={loading}
            height={440}
          >
            <EChart option={regionOption} height={440} />
          </ChartCard>
        </Col>
      </Row>
    </div>
  );
}
